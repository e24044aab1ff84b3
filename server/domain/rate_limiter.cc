#include "server/domain/rate_limiter.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"

namespace aduan::domain {

absl::Status RateLimiter::Acquire(const std::string& key) {
  if (per_minute_ <= 0) return absl::OkStatus();
  const absl::Time now = clock_.Now();
  const double rate_per_second = per_minute_ / 60.0;
  absl::MutexLock lock(&mu_);
  auto [it, inserted] =
      buckets_.try_emplace(key, Bucket{static_cast<double>(per_minute_), now});
  Bucket& b = it->second;
  const double elapsed = absl::ToDoubleSeconds(now - b.refilled);
  b.tokens =
      std::min<double>(per_minute_, b.tokens + elapsed * rate_per_second);
  b.refilled = now;
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return absl::OkStatus();
  }
  const int retry_after =
      static_cast<int>(std::ceil((1.0 - b.tokens) / rate_per_second));
  return absl::ResourceExhaustedError(
      absl::StrCat("intake limit of ", per_minute_,
                   " complaints a minute reached for this caller; retry after ",
                   retry_after, " s"));
}

}  // namespace aduan::domain
