#include "server/domain/pin_guard.h"

#include <spdlog/spdlog.h>

#include <functional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/status_macros.h"
#include "server/domain/complaint_access.h"

namespace aduan::domain {

absl::Status PinGuard::Check(absl::Time deadline,
                             const model::ComplaintRecord& c,
                             const std::string& pin) const {
  if (!IsPinShaped(pin)) return ComplaintNotFound();  // not even a guess
  const absl::Time now = clock_.Now();
  const absl::Time window_start = absl::FromUnixMicros(c.pin_window_start);
  // Reads as the stored row says: a spent budget refuses without counting.
  if (c.pin_failures >= kMaxAttempts && now - window_start < kWindow) {
    ASSIGN_OR_RETURN(auto office, offices_.Get(deadline, c.office_code));
    return absl::ResourceExhaustedError(absl::StrCat(
        "terlalu banyak PIN salah untuk kode pelacakan ini; coba lagi "
        "setelah pukul ",
        absl::FormatTime("%H:%M %Z", window_start + kWindow,
                         office->calendar.time_zone())));
  }
  ASSIGN_OR_RETURN(int attempts, complaints_.CountPinAttempt(
                                     deadline, c.tracking_code, now, kWindow));
  if (attempts > kMaxAttempts) {
    // Another attempt spent the budget meanwhile.
    return absl::ResourceExhaustedError(
        "terlalu banyak PIN salah untuk kode pelacakan ini; coba lagi 15 "
        "menit lagi");
  }
  if (!pins_.Matches(c.tracking_code, c.pin_generation, pin)) {
    spdlog::warn("wrong PIN for {}", c.tracking_code);
    return ComplaintNotFound();
  }
  return complaints_.ForgivePinAttempt(deadline, c.tracking_code);
}

absl::Status PinGuard::CheckUnknown(absl::Time deadline,
                                    const std::string& tracking_code,
                                    const std::string& pin) const {
  if (!IsPinShaped(pin)) return ComplaintNotFound();
  // One of 16 rows, the same for every guess at this code.
  const std::string decoy = absl::StrFormat(
      "DECOY-%02d", std::hash<std::string>()(tracking_code) % 16);
  RETURN_IF_ERROR(
      complaints_.CountDecoyPinAttempt(deadline, decoy, clock_.Now(), kWindow)
          .status());
  if (!pins_.Matches(tracking_code, 1, pin)) {
    spdlog::warn("PIN check of unknown tracking code {}", tracking_code);
  }
  return ComplaintNotFound();
}

}  // namespace aduan::domain
