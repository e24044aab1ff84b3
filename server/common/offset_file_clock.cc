#include "server/common/offset_file_clock.h"

#include <fstream>

namespace aduan {

absl::Duration OffsetFileClock::Offset() const {
  std::ifstream in(path_);
  long long seconds = 0;
  if (!(in >> seconds)) return absl::ZeroDuration();
  return absl::Seconds(seconds);
}

absl::Time OffsetFileClock::Now() const { return absl::Now() + Offset(); }

}  // namespace aduan
