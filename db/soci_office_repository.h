// OfficeRepository on SOCI, for SQLite and MySQL/MariaDB alike.
#ifndef ADUAN_DB_SOCI_OFFICE_REPOSITORY_H_
#define ADUAN_DB_SOCI_OFFICE_REPOSITORY_H_

#include "db/database.h"
#include "server/domain/model/office_repository.h"

namespace aduan::db {

// Thread-safe; `db` must outlive it.
class SociOfficeRepository : public model::OfficeRepository {
 public:
  explicit SociOfficeRepository(Database& db) : db_(db) {}

  absl::StatusOr<model::OfficeRecord> Get(absl::Time deadline,
                                          const std::string& code) override;
  absl::StatusOr<std::vector<std::string>> ListCodes(
      absl::Time deadline) override;
  absl::StatusOr<bool> CreateIfAbsent(
      absl::Time deadline, const model::OfficeRecord& office) override;
  absl::Status Update(absl::Time deadline,
                      const model::OfficeRecord& office) override;
  absl::Status PutUnit(absl::Time deadline, const model::UnitRecord& unit,
                       bool create) override;
  absl::Status PutCategory(absl::Time deadline,
                           const model::CategoryRecord& category,
                           bool create) override;

 private:
  Database& db_;
};

}  // namespace aduan::db

#endif  // ADUAN_DB_SOCI_OFFICE_REPOSITORY_H_
