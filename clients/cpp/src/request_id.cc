#include "aduan/client/request_id.h"

#include <cstdint>

#include "absl/random/random.h"
#include "absl/strings/str_format.h"

namespace aduan::client {

std::string NewRequestId() {
  thread_local absl::BitGen gen;
  const uint64_t hi = absl::Uniform<uint64_t>(gen);
  const uint64_t lo = absl::Uniform<uint64_t>(gen);
  // Version 4 (random), variant 10xx.
  const uint64_t time_hi = (hi & 0x0fffu) | 0x4000u;
  const uint64_t clock_seq = ((lo >> 48) & 0x3fffu) | 0x8000u;
  return absl::StrFormat("%08x-%04x-%04x-%04x-%012x", hi >> 32,
                         (hi >> 16) & 0xffffu, time_hi, clock_seq,
                         lo & 0xffffffffffffu);
}

}  // namespace aduan::client
