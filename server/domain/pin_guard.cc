#include "server/domain/pin_guard.h"

#include <spdlog/spdlog.h>

#include "absl/strings/str_cat.h"
#include "server/common/status_macros.h"

namespace aduan::domain {

absl::Status PinGuard::Check(absl::Time deadline, const db::ComplaintRecord& c,
                             const std::string& pin) const {
  const long long now = ToUnixMicrosLL(clock_.Now());
  const long long window = absl::ToInt64Microseconds(kWindow);
  // Reads as the stored row says: a spent budget refuses without counting.
  if (c.pin_failures >= kMaxAttempts && now - c.pin_window_start < window) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "too many wrong PINs for this tracking code; try again after ",
        absl::FormatTime("%H:%M UTC",
                         absl::FromUnixMicros(c.pin_window_start + window),
                         absl::UTCTimeZone())));
  }
  ASSIGN_OR_RETURN(int attempts, complaints_.CountPinAttempt(
                                     deadline, c.tracking_code, now, window));
  if (attempts > kMaxAttempts) {
    // Another attempt spent the budget meanwhile.
    return absl::ResourceExhaustedError(
        "too many wrong PINs for this tracking code; try again in 15 minutes");
  }
  if (!pins_.Matches(c.tracking_code, c.pin_generation, pin)) {
    spdlog::warn("wrong PIN for {}", c.tracking_code);
    return absl::NotFoundError("complaint not found");
  }
  return complaints_.ForgivePinAttempt(deadline, c.tracking_code);
}

}  // namespace aduan::domain
