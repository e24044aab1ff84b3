#include "server/api/request_log.h"

#include <spdlog/spdlog.h>

#include "absl/status/status.h"

namespace aduan::api {

void LogRequest(const grpc::ServerContext& ctx, absl::string_view method,
                const grpc::Status& status, absl::Duration took,
                absl::string_view principal_id) {
  if (!spdlog::should_log(spdlog::level::info)) return;
  spdlog::info(
      "request {} {} {:.1f}ms principal={} peer={}", std::string(method),
      absl::StatusCodeToString(
          static_cast<absl::StatusCode>(status.error_code())),
      absl::ToDoubleMilliseconds(took),
      principal_id.empty() ? "-" : std::string(principal_id), ctx.peer());
}

}  // namespace aduan::api
