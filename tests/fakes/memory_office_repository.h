// An in-memory OfficeRepository (see memory_complaint_repository.h for what
// the fakes are for); keeps the contract of
// server/domain/model/office_repository.h, children sorted as the SQL reads
// them (hours by weekday and opening, holidays by day, kelurahan by name,
// units and categories by code).
#ifndef ADUAN_TESTS_FAKES_MEMORY_OFFICE_REPOSITORY_H_
#define ADUAN_TESTS_FAKES_MEMORY_OFFICE_REPOSITORY_H_

#include <map>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "server/domain/model/office_repository.h"

namespace aduan::fakes {

// Thread-safe.
class MemoryOfficeRepository : public model::OfficeRepository {
 public:
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
  absl::Mutex mu_;
  std::map<std::string, model::OfficeRecord> offices_ ABSL_GUARDED_BY(mu_);
};

}  // namespace aduan::fakes

#endif  // ADUAN_TESTS_FAKES_MEMORY_OFFICE_REPOSITORY_H_
