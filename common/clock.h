// Time source of the server, injectable so that tests can move time.
#ifndef ADUAN_COMMON_CLOCK_H_
#define ADUAN_COMMON_CLOCK_H_

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace aduan {

// Clock tells the current time. Implementations are thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual absl::Time Now() const = 0;
  // The process-wide real clock.
  static Clock& Real();
};

// FakeClock is a clock that only moves when told to. Thread-safe.
class FakeClock : public Clock {
 public:
  explicit FakeClock(absl::Time start) : now_(start) {}
  absl::Time Now() const override;
  void Set(absl::Time t);
  void Advance(absl::Duration d);

 private:
  mutable absl::Mutex mu_;
  absl::Time now_ ABSL_GUARDED_BY(mu_);
};

// Integer UTC microseconds since the Unix epoch, as stored in the database.
inline long long ToUnixMicrosLL(absl::Time t) {
  return static_cast<long long>(absl::ToUnixMicros(t));
}

}  // namespace aduan

#endif  // ADUAN_COMMON_CLOCK_H_
