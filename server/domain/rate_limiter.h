// RateLimiter: a token bucket per key (principal), refilled continuously.
// Per process: with several replicas each enforces its own budget.
#ifndef ADUAN_SERVER_DOMAIN_RATE_LIMITER_H_
#define ADUAN_SERVER_DOMAIN_RATE_LIMITER_H_

#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "common/clock.h"

namespace aduan::domain {

// Thread-safe; `clock` must outlive it.
class RateLimiter {
 public:
  // `per_minute` calls a minute, in bursts of up to `per_minute`; 0 or less
  // disables the limit.
  RateLimiter(int per_minute, const Clock& clock)
      : per_minute_(per_minute), clock_(clock) {}

  // Takes one call from `key`'s budget. Errors: kResourceExhausted naming the
  // limit and when to retry.
  absl::Status Acquire(const std::string& key);

 private:
  struct Bucket {
    double tokens;
    absl::Time refilled;
  };
  const int per_minute_;
  const Clock& clock_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Bucket> buckets_ ABSL_GUARDED_BY(mu_);
};

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_RATE_LIMITER_H_
