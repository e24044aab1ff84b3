// Storage of offices and their configuration.
#ifndef ADUAN_SERVER_DOMAIN_MODEL_OFFICE_REPOSITORY_H_
#define ADUAN_SERVER_DOMAIN_MODEL_OFFICE_REPOSITORY_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/domain/model/records.h"

namespace aduan::model {

// Implementations are thread-safe.
class OfficeRepository {
 public:
  virtual ~OfficeRepository() = default;
  // The office with hours, holidays, kelurahan, units and categories.
  // Errors: kNotFound, database errors.
  virtual absl::StatusOr<OfficeRecord> Get(absl::Time deadline,
                                           const std::string& code) = 0;
  // Codes of all offices, sorted.
  virtual absl::StatusOr<std::vector<std::string>> ListCodes(
      absl::Time deadline) = 0;
  // Inserts the office and everything it lists, in one transaction, unless
  // an office with that code exists. Returns true when inserted.
  virtual absl::StatusOr<bool> CreateIfAbsent(absl::Time deadline,
                                              const OfficeRecord& office) = 0;
  // Replaces the office's own fields, working hours, holidays and
  // kelurahan (units and categories are left alone). Errors: kNotFound.
  virtual absl::Status Update(absl::Time deadline,
                              const OfficeRecord& office) = 0;
  // Inserts (`create`) or replaces a unit. Errors: kAlreadyExists (create,
  // present), kNotFound (replace, missing).
  virtual absl::Status PutUnit(absl::Time deadline, const UnitRecord& unit,
                               bool create) = 0;
  // Inserts (`create`) or replaces a category. Errors as PutUnit.
  virtual absl::Status PutCategory(absl::Time deadline,
                                   const CategoryRecord& category,
                                   bool create) = 0;
};

}  // namespace aduan::model

#endif  // ADUAN_SERVER_DOMAIN_MODEL_OFFICE_REPOSITORY_H_
