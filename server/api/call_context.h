// Until when a call may take (who is calling: server/auth/authorizer.h).
#ifndef ADUAN_SERVER_API_CALL_CONTEXT_H_
#define ADUAN_SERVER_API_CALL_CONTEXT_H_

#include <grpcpp/grpcpp.h>

#include "absl/time/time.h"

namespace aduan::api {

// Sets the deadline of calls whose client sets none (and the cap on longer
// ones), process-wide; 30 seconds until set. Call before serving.
void SetDefaultCallDeadline(absl::Duration d);

// The call's deadline, capped at now + the default.
absl::Time CallDeadline(const grpc::ServerContext& ctx);

}  // namespace aduan::api

#endif  // ADUAN_SERVER_API_CALL_CONTEXT_H_
