#include "aduan/client/retry_policy.h"

#include <algorithm>
#include <cmath>

namespace aduan::client {

bool RetryPolicy::IsRetryable(absl::StatusCode code) {
  return code == absl::StatusCode::kUnavailable ||
         code == absl::StatusCode::kDeadlineExceeded;
}

absl::Duration RetryPolicy::Backoff(int retry, double uniform) const {
  if (retry < 1) retry = 1;
  const double growth = std::max(1.0, multiplier);
  // Cap the exponent so the power stays finite for absurd retry counts.
  const double factor = std::pow(growth, std::min(retry - 1, 60));
  absl::Duration base = initial_backoff * factor;
  if (base > max_backoff) base = max_backoff;
  if (base < absl::ZeroDuration()) base = absl::ZeroDuration();
  const double j = std::clamp(jitter, 0.0, 1.0);
  const double u = std::clamp(uniform, 0.0, 1.0);
  const double scale = 1.0 - j + 2.0 * j * u;
  return base * scale;
}

}  // namespace aduan::client
