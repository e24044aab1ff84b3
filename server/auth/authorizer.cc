#include "server/auth/authorizer.h"

#include <spdlog/spdlog.h>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/status_macros.h"
#include "common/token_secret.h"
#include "server/auth/access_policy.h"
#include "server/auth/call_context.h"

namespace aduan::auth {
namespace {

// last_used_time is written at most this often per token.
constexpr long long kTouchIntervalUs = 60LL * 1000000;

domain::Principal FromRecord(const model::PrincipalRecord& p) {
  domain::Principal out;
  out.id = p.id;
  out.name = p.name;
  out.authenticated = true;
  out.bindings = p.bindings;
  return out;
}

}  // namespace

absl::StatusOr<domain::Principal> Authorizer::Identify(
    const grpc::ServerContext& ctx, absl::Time deadline) {
  const auto& metadata = ctx.client_metadata();
  auto it = metadata.find("authorization");
  if (it != metadata.end()) {
    absl::string_view value(it->second.data(), it->second.size());
    if (!absl::ConsumePrefix(&value, "Bearer ") || value.empty()) {
      return absl::UnauthenticatedError(
          "authorization: must be `Bearer <token>`");
    }
    ASSIGN_OR_RETURN(auto found,
                     access_.FindToken(deadline, HashTokenSecret(value)));
    if (!found) return absl::UnauthenticatedError("token is not valid");
    const long long now = ToUnixMicrosLL(clock_.Now());
    if (found->token.revoke_time) {
      return absl::UnauthenticatedError("token was revoked");
    }
    if (found->token.expire_time && *found->token.expire_time <= now) {
      return absl::UnauthenticatedError("token has expired");
    }
    if (found->principal.disabled) {
      return absl::UnauthenticatedError("principal is disabled");
    }
    if (!found->token.last_used_time ||
        now - *found->token.last_used_time >= kTouchIntervalUs) {
      absl::Status touched = access_.TouchToken(deadline, found->token.id,
                                                absl::FromUnixMicros(now));
      if (!touched.ok()) {
        spdlog::warn("could not record token use: {}", touched.ToString());
      }
    }
    return FromRecord(found->principal);
  }
  // A verified client certificate maps to a (gateway) principal.
  std::shared_ptr<const grpc::AuthContext> auth = ctx.auth_context();
  if (auth != nullptr && auth->IsPeerAuthenticated()) {
    for (const grpc::string_ref& cn :
         auth->FindPropertyValues("x509_common_name")) {
      ASSIGN_OR_RETURN(auto p,
                       access_.FindPrincipalByTlsIdentity(
                           deadline, std::string(cn.data(), cn.size())));
      if (!p) continue;
      if (p->disabled)
        return absl::UnauthenticatedError("principal is disabled");
      return FromRecord(*p);
    }
  }
  return domain::Principal::Anonymous();
}

absl::StatusOr<domain::Principal> Authorizer::Authorize(
    const grpc::ServerContext& ctx, absl::string_view method) {
  ASSIGN_OR_RETURN(domain::Principal who, Identify(ctx, CallDeadline(ctx)));
  RETURN_IF_ERROR(CheckMethodAccess(who, method));
  return who;
}

}  // namespace aduan::auth
