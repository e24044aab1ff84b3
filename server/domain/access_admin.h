// AccessAdmin manages principals, their role bindings and tokens, and reads
// the access log. Callers are ADMINs; an admin sees and manages principals
// and bindings only in the offices where it holds ADMIN itself.
#ifndef ADUAN_SERVER_DOMAIN_ACCESS_ADMIN_H_
#define ADUAN_SERVER_DOMAIN_ACCESS_ADMIN_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/clock.h"
#include "common/pii_cipher.h"
#include "server/domain/model/access_repository.h"
#include "server/domain/model/complaint_repository.h"
#include "server/domain/office_directory.h"
#include "server/domain/principal.h"

namespace aduan::domain {

struct IssuedToken {
  model::TokenRecord token;
  std::string secret;  // shown once, never stored
};

// Thread-safe; the references must outlive it.
class AccessAdmin {
 public:
  // `cipher` seals a token's secret for a retry of IssueToken.
  AccessAdmin(model::AccessRepository& access,
              model::ComplaintRepository& complaints, OfficeDirectory& offices,
              const PiiCipher& cipher, const Clock& clock)
      : access_(access),
        complaints_(complaints),
        offices_(offices),
        cipher_(cipher),
        clock_(clock) {}

  // Every method takes the calling admin `who`; null means the operator
  // working on the database directly (the bootstrap command), who may do
  // everything. An admin sees a principal that has a binding in an office
  // where it is ADMIN, and manages (changes, issues and revokes tokens of)
  // a principal only when every binding of it is in such an office: an
  // admin of one office cannot take over the staff of another. A principal
  // the caller does not see is kNotFound, exactly as one that does not
  // exist; one it sees but does not manage is kPermissionDenied naming the
  // office.

  // Creates a principal with its bindings (at least one unless `who` is
  // null).
  // Errors: kInvalidArgument (name: 3–64 of [a-z0-9._-]; display name 1–100
  // characters; a binding that is not well formed; no binding),
  // kPermissionDenied (binding in an office where `who` is not ADMIN),
  // kAlreadyExists (name or TLS identity taken).
  absl::StatusOr<model::PrincipalRecord> CreatePrincipal(
      absl::Time deadline, const Principal* who, model::PrincipalRecord p);
  // Errors: kNotFound.
  absl::StatusOr<model::PrincipalRecord> GetPrincipal(absl::Time deadline,
                                                      const Principal* who,
                                                      const std::string& id);
  // The principals `who` sees, ordered by name, after `after_name` (from
  // the previous page); only those with a binding in `office_code` when it
  // is not empty. Errors: kNotFound (an office where `who` is not ADMIN).
  absl::StatusOr<std::vector<model::PrincipalRecord>> ListPrincipals(
      absl::Time deadline, const Principal* who, const std::string& office_code,
      const std::string& after_name, int limit);
  // Changes the given fields (`paths`: display_name, disabled,
  // tls_identity). Errors: kInvalidArgument (unknown path), kNotFound,
  // kPermissionDenied, kAlreadyExists (TLS identity taken).
  absl::StatusOr<model::PrincipalRecord> UpdatePrincipal(
      absl::Time deadline, const Principal* who,
      const model::PrincipalRecord& changes,
      const std::vector<std::string>& paths);
  // Like every change of a principal, only by an ADMIN of every office it
  // works in (else kPermissionDenied), and of the binding's office.
  // Errors: kInvalidArgument, kPermissionDenied, kNotFound, kAlreadyExists.
  absl::StatusOr<model::PrincipalRecord> AddRoleBinding(
      absl::Time deadline, const Principal& who,
      const std::string& principal_id, const model::RoleBindingRecord& binding);
  // By an ADMIN of every office the principal works in. Errors:
  // kPermissionDenied, kNotFound, kFailedPrecondition (the last binding:
  // disable the principal instead, so that it never becomes a principal no
  // office owns).
  absl::StatusOr<model::PrincipalRecord> RemoveRoleBinding(
      absl::Time deadline, const Principal& who,
      const std::string& principal_id, const model::RoleBindingRecord& binding);
  // A new token (≥ 256 random bits) for the principal; `ttl` zero: no
  // expiry. With a `request_id` (and the request's `fingerprint`) a retry
  // returns the same token and secret, as long as the token has not been
  // used or revoked since (then kAlreadyExists: the secret is not kept any
  // more); the same id for another request is kAlreadyExists. Errors:
  // kInvalidArgument (ttl negative, not whole seconds or over 3650 days;
  // long description; malformed request_id), kNotFound, kPermissionDenied,
  // kAlreadyExists.
  absl::StatusOr<IssuedToken> IssueToken(absl::Time deadline,
                                         const Principal* who,
                                         const std::string& principal_id,
                                         const std::string& description,
                                         absl::Duration ttl,
                                         const std::string& request_id = "",
                                         const std::string& fingerprint = "");
  // Errors: kNotFound, kPermissionDenied.
  absl::StatusOr<model::TokenRecord> RevokeToken(absl::Time deadline,
                                                 const Principal* who,
                                                 const std::string& token_id);
  // Errors: kNotFound, kPermissionDenied (the principal also works in an
  // office where `who` is not ADMIN).
  absl::StatusOr<std::vector<model::TokenRecord>> ListTokens(
      absl::Time deadline, const Principal* who,
      const std::string& principal_id);
  // The operator's way in (aduand bootstrap-admin, run on the server's
  // machine with its key file, so no caller): principal `name` with the role
  // ADMIN in `office_code` — created, re-enabled or given the binding as
  // needed — and a new token for it, which the operator shows once. For a
  // principal that exists already it issues another token (a lost token)
  // only with `new_token`; without, kAlreadyExists says how to ask.
  // Errors: those of CreatePrincipal, UpdatePrincipal and IssueToken;
  // kNotFound for an unknown office.
  struct Bootstrapped {
    std::string principal_id;
    IssuedToken token;
  };
  absl::StatusOr<Bootstrapped> BootstrapAdmin(absl::Time deadline,
                                              const std::string& name,
                                              const std::string& office_code,
                                              bool new_token = false);
  // Who read the full personal data of a complaint of an office where `who`
  // is ADMIN. Errors: kNotFound (unknown or other office), kInvalidArgument.
  absl::StatusOr<std::vector<model::AccessLogRecord>> ListAccessLog(
      absl::Time deadline, const Principal& who,
      const std::string& tracking_code, long long after_id, int limit);

 private:
  // The principal if `who` sees it (else kNotFound), and, with `manage`,
  // manages it (else kPermissionDenied).
  // The token issued for the request, with its secret, if it can be shown
  // again.
  absl::StatusOr<std::optional<IssuedToken>> Replay(
      absl::Time deadline, const std::string& request_key,
      const std::string& fingerprint);
  absl::StatusOr<model::PrincipalRecord> Load(absl::Time deadline,
                                              const Principal* who,
                                              const std::string& id,
                                              bool manage);
  absl::Status ValidateBinding(absl::Time deadline, const Principal* who,
                               const model::RoleBindingRecord& b,
                               const std::string& field);

  model::AccessRepository& access_;
  model::ComplaintRepository& complaints_;
  OfficeDirectory& offices_;
  const PiiCipher& cipher_;
  const Clock& clock_;
};

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_ACCESS_ADMIN_H_
