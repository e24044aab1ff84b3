#include "server/api/call_context.h"

#include <algorithm>
#include <chrono>

namespace aduan::api {

absl::Time CallDeadline(const grpc::ServerContext& ctx,
                        absl::Duration fallback) {
  const absl::Time cap = absl::Now() + fallback;
  const auto d = ctx.deadline();
  if (d == std::chrono::system_clock::time_point::max()) return cap;
  return std::min(cap, absl::FromChrono(d));
}

}  // namespace aduan::api
