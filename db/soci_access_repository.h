// AccessRepository on SOCI, for SQLite and MySQL/MariaDB alike.
#ifndef ADUAN_DB_SOCI_ACCESS_REPOSITORY_H_
#define ADUAN_DB_SOCI_ACCESS_REPOSITORY_H_

#include "db/database.h"
#include "server/domain/model/access_repository.h"

namespace aduan::db {

// Thread-safe; `db` must outlive it.
class SociAccessRepository : public model::AccessRepository {
 public:
  explicit SociAccessRepository(Database& db) : db_(db) {}

  absl::StatusOr<std::optional<TokenLookup>> FindToken(
      absl::Time deadline, const std::string& secret_hash) override;
  absl::StatusOr<std::optional<model::PrincipalRecord>>
  FindPrincipalByTlsIdentity(absl::Time deadline,
                             const std::string& identity) override;
  absl::Status TouchToken(absl::Time deadline, const std::string& id,
                          absl::Time now) override;
  absl::Status CreatePrincipal(
      absl::Time deadline, const model::PrincipalRecord& principal) override;
  absl::StatusOr<model::PrincipalRecord> GetPrincipal(
      absl::Time deadline, const std::string& id) override;
  absl::StatusOr<std::optional<model::PrincipalRecord>> FindPrincipalByName(
      absl::Time deadline, const std::string& name) override;
  absl::StatusOr<std::vector<model::PrincipalRecord>> ListPrincipals(
      absl::Time deadline, const std::string& office_code,
      const std::string& after_name, int limit) override;
  absl::Status UpdatePrincipal(
      absl::Time deadline, const model::PrincipalRecord& principal) override;
  absl::Status AddBinding(absl::Time deadline, const std::string& principal_id,
                          const model::RoleBindingRecord& binding,
                          absl::Time now) override;
  absl::Status RemoveBinding(absl::Time deadline,
                             const std::string& principal_id,
                             const model::RoleBindingRecord& binding) override;
  absl::Status CreateToken(absl::Time deadline,
                           const model::TokenRecord& token) override;
  absl::StatusOr<model::TokenRecord> GetToken(absl::Time deadline,
                                              const std::string& id) override;
  absl::StatusOr<std::optional<model::TokenRecord>> FindTokenByRequest(
      absl::Time deadline, const std::string& request_key) override;
  absl::StatusOr<model::TokenRecord> RevokeToken(absl::Time deadline,
                                                 const std::string& id,
                                                 absl::Time now) override;
  absl::StatusOr<std::vector<model::TokenRecord>> ListTokens(
      absl::Time deadline, const std::string& principal_id) override;
  absl::StatusOr<std::vector<model::AccessLogRecord>> ListAccessLog(
      absl::Time deadline, const std::string& tracking_code, long long after_id,
      int limit) override;

 private:
  Database& db_;
};

}  // namespace aduan::db

#endif  // ADUAN_DB_SOCI_ACCESS_REPOSITORY_H_
