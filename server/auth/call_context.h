// Until when a call may take: every storage call of a request, the
// authorization included, runs under this deadline (who is calling:
// server/auth/authorizer.h).
#ifndef ADUAN_SERVER_AUTH_CALL_CONTEXT_H_
#define ADUAN_SERVER_AUTH_CALL_CONTEXT_H_

#include <grpcpp/grpcpp.h>

#include "absl/time/time.h"

namespace aduan::auth {

// Sets the deadline of calls whose client sets none (and the cap on longer
// ones), process-wide; 30 seconds until set. Call before serving.
void SetDefaultCallDeadline(absl::Duration d);

// The call's deadline, capped at now + the default.
absl::Time CallDeadline(const grpc::ServerContext& ctx);

}  // namespace aduan::auth

#endif  // ADUAN_SERVER_AUTH_CALL_CONTEXT_H_
