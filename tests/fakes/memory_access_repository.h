// An in-memory AccessRepository (see memory_complaint_repository.h for what
// the fakes are for); keeps the contract of
// server/domain/model/access_repository.h, with the unique keys of the
// schema (principal name and TLS identity, a token's request key, one
// binding of a kind per principal) and its orders (bindings by office,
// role, unit, source; principals by name; tokens newest first; the access
// log by id).
#ifndef ADUAN_TESTS_FAKES_MEMORY_ACCESS_REPOSITORY_H_
#define ADUAN_TESTS_FAKES_MEMORY_ACCESS_REPOSITORY_H_

#include <map>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "server/domain/model/access_repository.h"

namespace aduan::fakes {

// Thread-safe.
class MemoryAccessRepository : public model::AccessRepository {
 public:
  absl::StatusOr<std::optional<TokenLookup>> FindToken(
      absl::Time deadline, const std::string& secret_hash) override;
  absl::StatusOr<std::optional<model::PrincipalRecord>>
  FindPrincipalByTlsIdentity(absl::Time deadline,
                             const std::string& identity) override;
  absl::Status TouchToken(absl::Time deadline, const std::string& id,
                          absl::Time now) override;
  absl::Status CreatePrincipal(absl::Time deadline,
                               const model::PrincipalRecord& p) override;
  absl::StatusOr<model::PrincipalRecord> GetPrincipal(
      absl::Time deadline, const std::string& id) override;
  absl::StatusOr<std::optional<model::PrincipalRecord>> FindPrincipalByName(
      absl::Time deadline, const std::string& name) override;
  absl::StatusOr<std::vector<model::PrincipalRecord>> ListPrincipals(
      absl::Time deadline, const std::string& office_code,
      const std::string& after_name, int limit) override;
  absl::Status UpdatePrincipal(absl::Time deadline,
                               const model::PrincipalRecord& p) override;
  absl::Status AddBinding(absl::Time deadline, const std::string& principal_id,
                          const model::RoleBindingRecord& binding,
                          absl::Time now) override;
  absl::Status RemoveBinding(absl::Time deadline,
                             const std::string& principal_id,
                             const model::RoleBindingRecord& binding) override;
  absl::Status CreateToken(absl::Time deadline,
                           const model::TokenRecord& token) override;
  absl::StatusOr<std::optional<model::TokenRecord>> FindTokenByRequest(
      absl::Time deadline, const std::string& request_key) override;
  absl::StatusOr<model::TokenRecord> GetToken(absl::Time deadline,
                                              const std::string& id) override;
  absl::StatusOr<model::TokenRecord> RevokeToken(absl::Time deadline,
                                                 const std::string& id,
                                                 absl::Time now) override;
  absl::StatusOr<std::vector<model::TokenRecord>> ListTokens(
      absl::Time deadline, const std::string& principal_id) override;
  absl::StatusOr<std::vector<model::AccessLogRecord>> ListAccessLog(
      absl::Time deadline, const std::string& tracking_code, long long after_id,
      int limit) override;

  // Appends a row to the access log, numbering it (the complaint fake's
  // GetLoggingAccess writes here).
  void AppendAccessLog(model::AccessLogRecord entry);

 private:
  // The principal with sorted bindings, as read back.
  static model::PrincipalRecord Sorted(model::PrincipalRecord p);
  const model::PrincipalRecord* FindLocked(const std::string& id) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  bool TlsTakenLocked(const std::string& identity,
                      const std::string& except_id) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  mutable absl::Mutex mu_;
  std::map<std::string, model::PrincipalRecord> principals_
      ABSL_GUARDED_BY(mu_);  // by id
  std::vector<model::TokenRecord> tokens_ ABSL_GUARDED_BY(mu_);
  std::vector<model::AccessLogRecord> access_log_ ABSL_GUARDED_BY(mu_);
};

}  // namespace aduan::fakes

#endif  // ADUAN_TESTS_FAKES_MEMORY_ACCESS_REPOSITORY_H_
