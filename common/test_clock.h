// A clock for end-to-end tests of time-driven behaviour (SLA clocks, the
// NEEDS_INFO sweep, token expiry): a base moment — the real time, a moment
// that stands still, or a moment the clock runs on from — plus an offset that
// a test writes to a file to move time while the server runs.
#ifndef ADUAN_COMMON_TEST_CLOCK_H_
#define ADUAN_COMMON_TEST_CLOCK_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "common/clock.h"

namespace aduan {

// TestClock tells its base time plus the whole seconds written in the offset
// file (one integer, may be negative). The file is read on every call, so a
// test moves the server's time by rewriting it (write a temporary file and
// rename it over the old one); a missing or unreadable file, or none given,
// means no offset. Only aduand's --testing_clock and
// --testing_clock_offset_file use it; thread-safe.
class TestClock : public Clock {
 public:
  // Parses `pin`, the base time:
  //   ""                        the real time;
  //   "frozen@<RFC 3339 time>"  stands still at that moment;
  //   "running@<RFC 3339 time>" is that moment now (at creation) and runs
  //                             on with the real time from there.
  // e.g. "running@2026-12-07T10:00:00+07:00" (Monday 10:00 WIB).
  // `real` is the real time (a FakeClock in unit tests); it must outlive
  // the clock. INVALID_ARGUMENT names what is wrong with `pin`.
  static absl::StatusOr<std::unique_ptr<TestClock>> Create(
      absl::string_view pin, std::string offset_file,
      const Clock& real = Clock::Real());

  absl::Time Now() const override;
  // The offset the file holds now (zero when it holds none).
  absl::Duration Offset() const;
  // Says what the clock does, for the server's log.
  std::string Describe() const;

 private:
  enum class Base { kReal, kFrozen, kRunning };
  TestClock(Base base, absl::Time moment, std::string offset_file,
            const Clock& real);

  const Base base_;
  const absl::Time moment_;  // kFrozen, kRunning: the pinned moment
  const absl::Time start_;   // kRunning: the real time at creation
  const std::string offset_file_;
  const Clock& real_;
};

}  // namespace aduan

#endif  // ADUAN_COMMON_TEST_CLOCK_H_
