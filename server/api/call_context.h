// What every handler needs from a call before it reaches the domain: who is
// calling (the identity seam) and until when it may take.
#ifndef ADUAN_SERVER_API_CALL_CONTEXT_H_
#define ADUAN_SERVER_API_CALL_CONTEXT_H_

#include <grpcpp/grpcpp.h>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/domain/principal.h"

namespace aduan::api {

// The identity seam: turns a call's credentials into a Principal. Every
// handler calls it first. Implementations are thread-safe.
class IdentityResolver {
 public:
  virtual ~IdentityResolver() = default;
  // Errors: kUnauthenticated (bad or missing credentials where required).
  virtual absl::StatusOr<domain::Principal> Resolve(
      const grpc::ServerContext& ctx) = 0;
};

// Until the access issue lands: every caller is the anonymous principal.
class AnonymousIdentityResolver : public IdentityResolver {
 public:
  absl::StatusOr<domain::Principal> Resolve(
      const grpc::ServerContext&) override {
    return domain::Principal::Anonymous();
  }
};

// The call's deadline, or now + `fallback` when the client set none (or a
// later one).
absl::Time CallDeadline(const grpc::ServerContext& ctx,
                        absl::Duration fallback = absl::Seconds(30));

}  // namespace aduan::api

#endif  // ADUAN_SERVER_API_CALL_CONTEXT_H_
