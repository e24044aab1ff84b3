// Until when a call may take (who is calling: server/auth/authorizer.h).
#ifndef ADUAN_SERVER_API_CALL_CONTEXT_H_
#define ADUAN_SERVER_API_CALL_CONTEXT_H_

#include <grpcpp/grpcpp.h>

#include "absl/time/time.h"

namespace aduan::api {

// The call's deadline, or now + `fallback` when the client set none (or a
// later one).
absl::Time CallDeadline(const grpc::ServerContext& ctx,
                        absl::Duration fallback = absl::Seconds(30));

}  // namespace aduan::api

#endif  // ADUAN_SERVER_API_CALL_CONTEXT_H_
