#include "server/domain/access_admin.h"

#include <spdlog/spdlog.h>

#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "common/crypto.h"
#include "common/status_macros.h"
#include "common/token_secret.h"
#include "server/domain/request_id.h"
#include "server/domain/tracking_code.h"
#include "server/domain/validation.h"

namespace aduan::domain {
namespace {

absl::Status Invalid(absl::string_view field, absl::string_view rule) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", rule));
}

bool IsSlug(const std::string& s, size_t min, size_t max) {
  if (s.size() < min || s.size() > max) return false;
  for (char c : s) {
    if (!(absl::ascii_islower(c) || absl::ascii_isdigit(c) || c == '.' ||
          c == '_' || c == '-')) {
      return false;
    }
  }
  return true;
}

absl::StatusOr<std::string> NewId(absl::string_view prefix) {
  ASSIGN_OR_RETURN(std::string bytes, RandomBytes(8));
  return absl::StrCat(prefix, absl::BytesToHexString(bytes));
}

bool AdminOf(const Principal* who, const std::string& office) {
  return who == nullptr || who->HasRole(kAdmin, office);
}

// `who` sees `p`: a binding of it is in an office `who` administers.
bool Sees(const Principal* who, const model::PrincipalRecord& p) {
  if (who == nullptr) return true;
  for (const auto& b : p.bindings) {
    if (AdminOf(who, b.office_code)) return true;
  }
  return false;
}

// The first office of `p` that `who` does not administer, if any.
std::optional<std::string> ForeignOffice(const Principal* who,
                                         const model::PrincipalRecord& p) {
  for (const auto& b : p.bindings) {
    if (!AdminOf(who, b.office_code)) return b.office_code;
  }
  return std::nullopt;
}

// Additional data of a sealed token secret.
constexpr char kTokenSeal[] = "api_tokens.secret_sealed";
// The longest a token may live: ten years (a machine's certificate is the
// better credential for longer).
constexpr absl::Duration kMaxTokenTtl = absl::Hours(24 * 3650);

absl::Status PrincipalNotFound() {
  return absl::NotFoundError("principal not found");
}

}  // namespace

absl::StatusOr<model::PrincipalRecord> AccessAdmin::Load(absl::Time deadline,
                                                         const Principal* who,
                                                         const std::string& id,
                                                         bool manage) {
  absl::StatusOr<model::PrincipalRecord> p = access_.GetPrincipal(deadline, id);
  if (absl::IsNotFound(p.status())) return PrincipalNotFound();
  RETURN_IF_ERROR(p.status());
  if (!Sees(who, *p)) return PrincipalNotFound();
  if (manage) {
    if (auto office = ForeignOffice(who, *p)) {
      return absl::PermissionDeniedError(absl::StrCat(
          "principal ", p->name, " also holds roles in office ", *office,
          ", where you are not ADMIN; an ADMIN of every office it works in "
          "manages it"));
    }
  }
  return p;
}

absl::Status AccessAdmin::ValidateBinding(absl::Time deadline,
                                          const Principal* who,
                                          const model::RoleBindingRecord& b,
                                          const std::string& field) {
  if (!model::IsBindable(b.role)) {
    return Invalid(field + ".role", "unknown role");
  }
  // First, so that whether another office exists is not told.
  if (who != nullptr && !who->HasRole(kAdmin, b.office_code)) {
    return absl::PermissionDeniedError(
        absl::StrCat("you are not ADMIN of office ", b.office_code));
  }
  auto office = offices_.Get(deadline, b.office_code);
  if (absl::IsNotFound(office.status())) {
    return Invalid(field + ".office_code", "is not a known office");
  }
  RETURN_IF_ERROR(office.status());
  if (b.role == kUnit) {
    bool found = false;
    for (const auto& u : (*office)->record.units)
      found |= u.code == b.unit_code;
    if (!found) {
      return Invalid(field + ".unit_code",
                     "must name a unit of the office for role UNIT");
    }
  } else if (!b.unit_code.empty()) {
    return Invalid(field + ".unit_code", "is only for role UNIT");
  }
  if (b.role == kGateway) {
    if (!IsSlug(b.source, 1, 64)) {
      return Invalid(field + ".source",
                     "is required for role GATEWAY: 1–64 of [a-z0-9._-]");
    }
  } else if (!b.source.empty()) {
    return Invalid(field + ".source", "is only for role GATEWAY");
  }
  return absl::OkStatus();
}

absl::StatusOr<model::PrincipalRecord> AccessAdmin::CreatePrincipal(
    absl::Time deadline, const Principal* who, model::PrincipalRecord p) {
  if (!IsSlug(p.name, 3, 64)) {
    return Invalid("principal.name", "must be 3–64 of [a-z0-9._-]");
  }
  if (p.display_name.empty()) p.display_name = p.name;
  RETURN_IF_ERROR(ValidateText("principal.display_name", p.display_name, 1,
                               kMaxNameChars, false));
  RETURN_IF_ERROR(
      ValidateText("principal.tls_identity", p.tls_identity, 0, 255, false));
  if (who != nullptr && p.bindings.empty()) {
    return Invalid("principal.role_bindings",
                   "at least one, in an office where you are ADMIN");
  }
  for (size_t i = 0; i < p.bindings.size(); ++i) {
    RETURN_IF_ERROR(
        ValidateBinding(deadline, who, p.bindings[i],
                        absl::StrCat("principal.role_bindings[", i, "]")));
  }
  ASSIGN_OR_RETURN(p.id, NewId("p_"));
  p.create_time = ToUnixMicrosLL(clock_.Now());
  p.update_time = p.create_time;
  absl::Status st = access_.CreatePrincipal(deadline, p);
  if (absl::IsAlreadyExists(st)) {
    return absl::AlreadyExistsError(
        "principal.name: a principal with this name or TLS identity exists");
  }
  RETURN_IF_ERROR(st);
  spdlog::info("principal {} created", p.name);
  return access_.GetPrincipal(deadline, p.id);
}

absl::StatusOr<model::PrincipalRecord> AccessAdmin::GetPrincipal(
    absl::Time deadline, const Principal* who, const std::string& id) {
  return Load(deadline, who, id, /*manage=*/false);
}

absl::StatusOr<std::vector<model::PrincipalRecord>> AccessAdmin::ListPrincipals(
    absl::Time deadline, const Principal* who, const std::string& office_code,
    const std::string& after_name, int limit) {
  if (!office_code.empty() && !AdminOf(who, office_code)) {
    return absl::NotFoundError(
        absl::StrCat("office '", office_code, "' not found"));
  }
  // Pages of the repository, keeping the principals `who` sees, until
  // `limit` are found or the table ends.
  std::vector<model::PrincipalRecord> out;
  std::string after = after_name;
  for (;;) {
    ASSIGN_OR_RETURN(
        std::vector<model::PrincipalRecord> page,
        access_.ListPrincipals(deadline, office_code, after, limit));
    for (model::PrincipalRecord& p : page) {
      if (static_cast<int>(out.size()) == limit) return out;
      if (Sees(who, p)) out.push_back(std::move(p));
    }
    if (static_cast<int>(page.size()) < limit ||
        static_cast<int>(out.size()) == limit) {
      return out;
    }
    after = page.back().name;
  }
}

absl::StatusOr<model::PrincipalRecord> AccessAdmin::UpdatePrincipal(
    absl::Time deadline, const Principal* who,
    const model::PrincipalRecord& changes,
    const std::vector<std::string>& paths) {
  ASSIGN_OR_RETURN(model::PrincipalRecord p,
                   Load(deadline, who, changes.id, /*manage=*/true));
  if (paths.empty()) return Invalid("update_mask", "names no field");
  for (const std::string& path : paths) {
    if (path == "display_name") {
      RETURN_IF_ERROR(ValidateText("principal.display_name",
                                   changes.display_name, 1, kMaxNameChars,
                                   false));
      p.display_name = changes.display_name;
    } else if (path == "disabled") {
      p.disabled = changes.disabled;
    } else if (path == "tls_identity") {
      RETURN_IF_ERROR(ValidateText("principal.tls_identity",
                                   changes.tls_identity, 0, 255, false));
      p.tls_identity = changes.tls_identity;
    } else {
      return Invalid("update_mask", absl::StrCat("cannot change '", path,
                                                 "' (display_name, disabled, "
                                                 "tls_identity)"));
    }
  }
  p.update_time = ToUnixMicrosLL(clock_.Now());
  absl::Status st = access_.UpdatePrincipal(deadline, p);
  if (absl::IsAlreadyExists(st)) {
    return absl::AlreadyExistsError(
        "principal.tls_identity: used by another principal");
  }
  RETURN_IF_ERROR(st);
  spdlog::info("principal {} updated{}", p.name,
               p.disabled ? " (disabled)" : "");
  return access_.GetPrincipal(deadline, p.id);
}

absl::StatusOr<model::PrincipalRecord> AccessAdmin::AddRoleBinding(
    absl::Time deadline, const Principal& who, const std::string& principal_id,
    const model::RoleBindingRecord& binding) {
  RETURN_IF_ERROR(ValidateBinding(deadline, &who, binding, "role_binding"));
  RETURN_IF_ERROR(Load(deadline, &who, principal_id, /*manage=*/true).status());
  absl::Status st =
      access_.AddBinding(deadline, principal_id, binding, clock_.Now());
  if (absl::IsAlreadyExists(st)) {
    return absl::AlreadyExistsError(
        "role_binding: the principal has it already");
  }
  RETURN_IF_ERROR(st);
  return access_.GetPrincipal(deadline, principal_id);
}

absl::StatusOr<model::PrincipalRecord> AccessAdmin::RemoveRoleBinding(
    absl::Time deadline, const Principal& who, const std::string& principal_id,
    const model::RoleBindingRecord& binding) {
  if (!who.HasRole(kAdmin, binding.office_code)) {
    return absl::PermissionDeniedError(
        absl::StrCat("you are not ADMIN of office ", binding.office_code));
  }
  ASSIGN_OR_RETURN(model::PrincipalRecord p,
                   Load(deadline, &who, principal_id, /*manage=*/true));
  if (p.bindings.size() == 1 && p.bindings[0] == binding) {
    return absl::FailedPreconditionError(
        "role_binding: the principal's last binding; disable the principal "
        "instead (its disabled field)");
  }
  RETURN_IF_ERROR(access_.RemoveBinding(deadline, principal_id, binding));
  return access_.GetPrincipal(deadline, principal_id);
}

absl::StatusOr<std::optional<IssuedToken>> AccessAdmin::Replay(
    absl::Time deadline, const std::string& request_key,
    const std::string& fingerprint) {
  ASSIGN_OR_RETURN(std::optional<model::TokenRecord> t,
                   access_.FindTokenByRequest(deadline, request_key));
  if (!t) return std::nullopt;
  if (t->request_fingerprint != fingerprint) {
    return absl::AlreadyExistsError(
        "request_id: already used for a different request");
  }
  if (t->secret_sealed.empty()) {
    return absl::AlreadyExistsError(absl::StrCat(
        "request_id: token ", t->id,
        " was issued for this request and has been used or revoked since; "
        "its secret is not shown again (issue a new token)"));
  }
  IssuedToken out;
  ASSIGN_OR_RETURN(out.secret, cipher_.Decrypt(t->secret_sealed, kTokenSeal));
  out.token = *std::move(t);
  out.token.secret_sealed.clear();
  return out;
}

absl::StatusOr<IssuedToken> AccessAdmin::IssueToken(
    absl::Time deadline, const Principal* who, const std::string& principal_id,
    const std::string& description, absl::Duration ttl,
    const std::string& request_id, const std::string& fingerprint) {
  RETURN_IF_ERROR(ValidateText("description", description, 0, 200, false));
  if (ttl < absl::ZeroDuration()) return Invalid("ttl", "must not be negative");
  if (absl::Trunc(ttl, absl::Seconds(1)) != ttl) {
    return Invalid("ttl", "must be whole seconds");
  }
  if (ttl > kMaxTokenTtl) {
    return Invalid("ttl", "must be at most 3650 days (315360000s)");
  }
  RETURN_IF_ERROR(Load(deadline, who, principal_id, /*manage=*/true).status());
  std::string request_key;
  if (!request_id.empty()) {
    RETURN_IF_ERROR(ValidateRequestId("request_id", request_id));
    request_key = Sha256Hex(
        absl::StrCat(who != nullptr ? who->name : "", "\n", request_id));
    ASSIGN_OR_RETURN(auto replay, Replay(deadline, request_key, fingerprint));
    if (replay) return *std::move(replay);
  }
  IssuedToken out;
  ASSIGN_OR_RETURN(out.secret, NewTokenSecret());
  ASSIGN_OR_RETURN(out.token.id, NewId("tok_"));
  out.token.principal_id = principal_id;
  out.token.secret_hash = HashTokenSecret(out.secret);
  out.token.description = description;
  const absl::Time now = clock_.Now();
  out.token.create_time = ToUnixMicrosLL(now);
  if (ttl > absl::ZeroDuration())
    out.token.expire_time = ToUnixMicrosLL(now + ttl);
  if (!request_key.empty()) {
    out.token.request_key = request_key;
    out.token.request_fingerprint = fingerprint;
    ASSIGN_OR_RETURN(out.token.secret_sealed,
                     cipher_.Encrypt(out.secret, kTokenSeal));
  }
  absl::Status created = access_.CreateToken(deadline, out.token);
  if (absl::IsAlreadyExists(created) && !request_key.empty()) {
    // The same request, issued by a concurrent retry: its answer.
    ASSIGN_OR_RETURN(auto replay, Replay(deadline, request_key, fingerprint));
    if (replay) return *std::move(replay);
  }
  RETURN_IF_ERROR(created);
  spdlog::info("token {} issued for {}", out.token.id, principal_id);
  out.token.secret_sealed.clear();
  return out;
}

absl::StatusOr<model::TokenRecord> AccessAdmin::RevokeToken(
    absl::Time deadline, const Principal* who, const std::string& token_id) {
  absl::StatusOr<model::TokenRecord> token =
      access_.GetToken(deadline, token_id);
  if (absl::IsNotFound(token.status())) {
    return absl::NotFoundError("token not found");
  }
  RETURN_IF_ERROR(token.status());
  absl::Status allowed =
      Load(deadline, who, token->principal_id, /*manage=*/true).status();
  if (absl::IsNotFound(allowed)) return absl::NotFoundError("token not found");
  RETURN_IF_ERROR(allowed);
  ASSIGN_OR_RETURN(model::TokenRecord t,
                   access_.RevokeToken(deadline, token_id, clock_.Now()));
  spdlog::info("token {} revoked", token_id);
  return t;
}

absl::StatusOr<std::vector<model::TokenRecord>> AccessAdmin::ListTokens(
    absl::Time deadline, const Principal* who,
    const std::string& principal_id) {
  RETURN_IF_ERROR(Load(deadline, who, principal_id, /*manage=*/true).status());
  return access_.ListTokens(deadline, principal_id);
}

absl::StatusOr<AccessAdmin::Bootstrapped> AccessAdmin::BootstrapAdmin(
    absl::Time deadline, const std::string& name,
    const std::string& office_code, bool new_token) {
  const model::RoleBindingRecord binding{kAdmin, office_code, "", ""};
  const absl::Status office = offices_.Get(deadline, office_code).status();
  if (absl::IsNotFound(office)) {
    return absl::NotFoundError(
        absl::StrCat("office '", office_code, "' not found"));
  }
  RETURN_IF_ERROR(office);
  ASSIGN_OR_RETURN(std::optional<model::PrincipalRecord> found,
                   access_.FindPrincipalByName(deadline, name));
  Bootstrapped out;
  if (!found) {
    model::PrincipalRecord p;
    p.name = name;
    p.display_name = "Administrator";
    p.bindings = {binding};
    ASSIGN_OR_RETURN(model::PrincipalRecord created,
                     CreatePrincipal(deadline, nullptr, std::move(p)));
    out.principal_id = created.id;
  } else {
    if (!new_token) {
      return absl::AlreadyExistsError(absl::StrCat(
          "principal ", name,
          " exists already; to give it another token (a lost one), run "
          "again with --new_token"));
    }
    out.principal_id = found->id;
    if (found->disabled) {  // a lost admin is a working admin again
      model::PrincipalRecord enable;
      enable.id = found->id;
      RETURN_IF_ERROR(
          UpdatePrincipal(deadline, nullptr, enable, {"disabled"}).status());
    }
    bool has = false;
    for (const auto& b : found->bindings) has |= b == binding;
    if (!has) {
      RETURN_IF_ERROR(
          access_.AddBinding(deadline, found->id, binding, clock_.Now()));
      spdlog::info("principal {} made ADMIN of {}", name, office_code);
    }
  }
  ASSIGN_OR_RETURN(out.token, IssueToken(deadline, nullptr, out.principal_id,
                                         "bootstrap", absl::ZeroDuration()));
  return out;
}

absl::StatusOr<std::vector<model::AccessLogRecord>> AccessAdmin::ListAccessLog(
    absl::Time deadline, const Principal& who, const std::string& tracking_code,
    long long after_id, int limit) {
  ASSIGN_OR_RETURN(std::string code,
                   NormalizeTrackingCode("tracking_code", tracking_code));
  ASSIGN_OR_RETURN(model::ComplaintRecord c, complaints_.Get(deadline, code));
  if (!who.HasRole(kAdmin, c.office_code)) {
    return absl::NotFoundError("complaint not found");
  }
  return access_.ListAccessLog(deadline, code, after_id, limit);
}

}  // namespace aduan::domain
