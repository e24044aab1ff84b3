// Authorizer is the identity seam: every handler calls it first. It finds
// who is calling — a bearer token (`authorization: Bearer …`), else a
// verified TLS client certificate mapped to a principal, else nobody — and
// checks the role matrix (access_policy.h) for the method.
#ifndef ADUAN_SERVER_AUTH_AUTHORIZER_H_
#define ADUAN_SERVER_AUTH_AUTHORIZER_H_

#include <grpcpp/grpcpp.h>

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/clock.h"
#include "server/domain/model/access_repository.h"
#include "server/domain/principal.h"

namespace aduan::auth {

// Thread-safe; the references must outlive it.
class Authorizer {
 public:
  Authorizer(model::AccessRepository& access, const Clock& clock)
      : access_(access), clock_(clock) {}

  // The caller of `method` (full name, e.g.
  // "aduan.v1.IntakeService.SubmitComplaint"). Checked on every call, so
  // revocation, expiry and disabling take effect on the next call.
  // Errors: kUnauthenticated (malformed, unknown, revoked or expired token,
  // disabled principal; no credentials for a non-public method),
  // kPermissionDenied (no allowed role), kUnavailable (database). The
  // lookups run under the call's deadline (call_context.h).
  absl::StatusOr<domain::Principal> Authorize(const grpc::ServerContext& ctx,
                                              absl::string_view method);

 private:
  absl::StatusOr<domain::Principal> Identify(const grpc::ServerContext& ctx,
                                             absl::Time deadline);

  model::AccessRepository& access_;
  const Clock& clock_;
};

}  // namespace aduan::auth

#endif  // ADUAN_SERVER_AUTH_AUTHORIZER_H_
