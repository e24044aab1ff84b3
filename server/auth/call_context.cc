#include "server/auth/call_context.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>

namespace aduan::auth {

namespace {
std::atomic<int64_t> default_deadline_ms{30000};
}  // namespace

void SetDefaultCallDeadline(absl::Duration d) {
  default_deadline_ms = absl::ToInt64Milliseconds(d);
}

absl::Time CallDeadline(const grpc::ServerContext& ctx) {
  const absl::Time cap =
      absl::Now() + absl::Milliseconds(default_deadline_ms.load());
  const auto d = ctx.deadline();
  if (d == std::chrono::system_clock::time_point::max()) return cap;
  return std::min(cap, absl::FromChrono(d));
}

}  // namespace aduan::auth
