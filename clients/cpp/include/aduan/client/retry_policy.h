// RetryPolicy: which failed calls the client repeats, how often, and how long
// it waits in between (bounded exponential backoff with jitter).
#ifndef ADUAN_CLIENT_RETRY_POLICY_H_
#define ADUAN_CLIENT_RETRY_POLICY_H_

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace aduan::client {

// A call is tried at most `max_attempts` times. Only UNAVAILABLE (server or
// database unreachable) and DEADLINE_EXCEEDED are repeated; every other code
// (ABORTED, FAILED_PRECONDITION, INVALID_ARGUMENT, …) is returned as it is.
// A repeated mutation carries the same request_id, so the server applies it
// at most once and answers a repeat with the first result.
//
// Before retry n (1 for the first retry) the client sleeps
//   min(max_backoff, initial_backoff * multiplier^(n-1)) * (1 ± jitter)
// with the sign and size of the jitter drawn uniformly.
struct RetryPolicy {
  // Total attempts including the first; 1 disables retries. Values below 1
  // count as 1.
  int max_attempts = 4;
  // Sleep before the first retry (before jitter).
  absl::Duration initial_backoff = absl::Milliseconds(100);
  // Upper bound of the sleep before jitter.
  absl::Duration max_backoff = absl::Seconds(2);
  // Growth factor of the sleep per retry, at least 1.
  double multiplier = 2.0;
  // Relative jitter in [0, 1]: 0.2 spreads each sleep over ±20%.
  double jitter = 0.2;

  // True for the codes worth repeating: UNAVAILABLE and DEADLINE_EXCEEDED.
  static bool IsRetryable(absl::StatusCode code);

  // The sleep before retry `retry` (1-based), given `uniform` drawn from
  // [0, 1) (0.5 means no jitter). Never negative.
  absl::Duration Backoff(int retry, double uniform) const;

  // max_attempts, at least 1.
  int attempts() const { return max_attempts < 1 ? 1 : max_attempts; }
};

}  // namespace aduan::client

#endif  // ADUAN_CLIENT_RETRY_POLICY_H_
