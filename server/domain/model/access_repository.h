// Storage of principals, role bindings, tokens and the access log.
#ifndef ADUAN_SERVER_DOMAIN_MODEL_ACCESS_REPOSITORY_H_
#define ADUAN_SERVER_DOMAIN_MODEL_ACCESS_REPOSITORY_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/domain/model/records.h"

namespace aduan::model {

// Implementations are thread-safe; every method takes the call's deadline.
class AccessRepository {
 public:
  virtual ~AccessRepository() = default;

  // The token with this secret hash and its principal (with bindings), if
  // any — whether revoked, expired or disabled is for the caller to judge.
  struct TokenLookup {
    TokenRecord token;
    PrincipalRecord principal;
  };
  virtual absl::StatusOr<std::optional<TokenLookup>> FindToken(
      absl::Time deadline, const std::string& secret_hash) = 0;
  // The principal mapped to a TLS client identity, with bindings, if any.
  virtual absl::StatusOr<std::optional<PrincipalRecord>>
  FindPrincipalByTlsIdentity(absl::Time deadline,
                             const std::string& identity) = 0;
  // Records the last use of a token.
  virtual absl::Status TouchToken(absl::Time deadline, const std::string& id,
                                  absl::Time now) = 0;

  // Errors: kAlreadyExists (name or TLS identity taken).
  virtual absl::Status CreatePrincipal(absl::Time deadline,
                                       const PrincipalRecord& principal) = 0;
  // With bindings. Errors: kNotFound.
  virtual absl::StatusOr<PrincipalRecord> GetPrincipal(
      absl::Time deadline, const std::string& id) = 0;
  // The principal with this (unique) name, with bindings, if any.
  virtual absl::StatusOr<std::optional<PrincipalRecord>> FindPrincipalByName(
      absl::Time deadline, const std::string& name) = 0;
  // Ordered by name, after `after_name`; with bindings. Only principals
  // with a binding in `office_code` when it is not empty.
  virtual absl::StatusOr<std::vector<PrincipalRecord>> ListPrincipals(
      absl::Time deadline, const std::string& office_code,
      const std::string& after_name, int limit) = 0;
  // Writes display_name, disabled and tls_identity. Errors: kNotFound,
  // kAlreadyExists (TLS identity taken).
  virtual absl::Status UpdatePrincipal(absl::Time deadline,
                                       const PrincipalRecord& principal) = 0;
  // Errors: kNotFound (principal), kAlreadyExists (binding present).
  virtual absl::Status AddBinding(absl::Time deadline,
                                  const std::string& principal_id,
                                  const RoleBindingRecord& binding,
                                  absl::Time now) = 0;
  // Errors: kNotFound (no such binding).
  virtual absl::Status RemoveBinding(absl::Time deadline,
                                     const std::string& principal_id,
                                     const RoleBindingRecord& binding) = 0;

  // Errors: kNotFound (principal), kAlreadyExists (its request_key is
  // taken: the same request, issued meanwhile).
  virtual absl::Status CreateToken(absl::Time deadline,
                                   const TokenRecord& token) = 0;
  // The token issued for `request_key`, if any.
  virtual absl::StatusOr<std::optional<TokenRecord>> FindTokenByRequest(
      absl::Time deadline, const std::string& request_key) = 0;
  // Errors: kNotFound.
  virtual absl::StatusOr<TokenRecord> GetToken(absl::Time deadline,
                                               const std::string& id) = 0;
  // Sets revoke_time unless already revoked; returns the token.
  // Errors: kNotFound.
  virtual absl::StatusOr<TokenRecord> RevokeToken(absl::Time deadline,
                                                  const std::string& id,
                                                  absl::Time now) = 0;
  // A principal's tokens, newest first.
  virtual absl::StatusOr<std::vector<TokenRecord>> ListTokens(
      absl::Time deadline, const std::string& principal_id) = 0;

  // Access-log entries of a complaint with id > after_id, oldest first.
  virtual absl::StatusOr<std::vector<AccessLogRecord>> ListAccessLog(
      absl::Time deadline, const std::string& tracking_code, long long after_id,
      int limit) = 0;
};

}  // namespace aduan::model

#endif  // ADUAN_SERVER_DOMAIN_MODEL_ACCESS_REPOSITORY_H_
