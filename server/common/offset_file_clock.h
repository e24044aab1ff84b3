// A clock for end-to-end tests of time-driven behaviour (SLA, the NEEDS_INFO
// sweep): the real time plus an offset that a test writes to a file.
#ifndef ADUAN_SERVER_COMMON_OFFSET_FILE_CLOCK_H_
#define ADUAN_SERVER_COMMON_OFFSET_FILE_CLOCK_H_

#include <string>

#include "server/common/clock.h"

namespace aduan {

// OffsetFileClock tells the real time plus the whole seconds written in a
// file (one integer, may be negative). The file is read on every call, so a
// test moves the server's time by rewriting it (write a temporary file and
// rename it over the old one). A missing or unreadable file means no offset.
// Only aduand's --testing_clock_offset_file uses it; thread-safe.
class OffsetFileClock : public Clock {
 public:
  explicit OffsetFileClock(std::string path) : path_(std::move(path)) {}
  absl::Time Now() const override;
  // The offset the file holds now (zero when it holds none).
  absl::Duration Offset() const;

 private:
  const std::string path_;
};

}  // namespace aduan

#endif  // ADUAN_SERVER_COMMON_OFFSET_FILE_CLOCK_H_
