// OfficeAdmin creates and changes offices, their units and categories
// (role ADMIN of the office; any ADMIN may create a new office and is made
// its ADMIN in the same call).
#ifndef ADUAN_SERVER_DOMAIN_OFFICE_ADMIN_H_
#define ADUAN_SERVER_DOMAIN_OFFICE_ADMIN_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/clock.h"
#include "server/domain/model/access_repository.h"
#include "server/domain/model/office_repository.h"
#include "server/domain/office_directory.h"
#include "server/domain/principal.h"

namespace aduan::domain {

// Thread-safe; the references must outlive it.
class OfficeAdmin {
 public:
  OfficeAdmin(model::OfficeRepository& offices, model::AccessRepository& access,
              OfficeDirectory& directory, const Clock& clock)
      : offices_(offices),
        access_(access),
        directory_(directory),
        clock_(clock) {}

  // Errors: kInvalidArgument (code: 2–8 upper-case letters; name 1–100;
  // time zone, hours, holidays, SLA minutes ≥ 1, limit days 1–90, kelurahan
  // 1–100 characters and distinct), kAlreadyExists.
  absl::StatusOr<model::OfficeRecord> CreateOffice(absl::Time deadline,
                                                   const Principal& who,
                                                   model::OfficeRecord office);
  // Applies the fields named in `paths` (name, region_code, time_zone,
  // working_hours, holidays, service_sla, resolution_sla,
  // needs_info_limit_days, kelurahan) from `changes`. Errors:
  // kNotFound (not an office where `who` is ADMIN), kInvalidArgument.
  absl::StatusOr<model::OfficeRecord> UpdateOffice(
      absl::Time deadline, const Principal& who,
      const model::OfficeRecord& changes,
      const std::vector<std::string>& paths);
  // The office `code` when `who` is its ADMIN. Errors: kNotFound "office
  // '<code>' not found" otherwise (also when it does not exist).
  absl::StatusOr<std::shared_ptr<const OfficeConfig>> GetOffice(
      absl::Time deadline, const Principal& who, const std::string& code);
  // The offices where `who` is ADMIN, by code after `after_code`, at most
  // `limit`; `next` gets the last code when more follow, else "".
  absl::StatusOr<std::vector<model::OfficeRecord>> ListOffices(
      absl::Time deadline, const Principal& who, const std::string& after_code,
      int limit, std::string* next);
  // Applies the fields named in `paths` (name, active) of `changes` to the
  // unit (office_code, code) it names. Errors: kNotFound (office not the
  // admin's, or no such unit), kInvalidArgument (another path), and
  // PutUnit's.
  absl::StatusOr<model::UnitRecord> UpdateUnit(
      absl::Time deadline, const Principal& who,
      const model::UnitRecord& changes, const std::vector<std::string>& paths);
  // Applies the fields named in `paths` (name, service_sla, resolution_sla,
  // default_unit_code, active) of `changes` to the category it names.
  // Errors: kNotFound (office not the admin's, or no such category),
  // kInvalidArgument "update_mask: cannot change '<path>'", and
  // PutCategory's.
  absl::StatusOr<model::CategoryRecord> UpdateCategory(
      absl::Time deadline, const Principal& who,
      const model::CategoryRecord& changes,
      const std::vector<std::string>& paths);
  // `create` or replace a unit (code 2–16 of [A-Z0-9_], name 1–100).
  // Errors: kNotFound (office not the admin's; unit missing on replace),
  // kAlreadyExists, kInvalidArgument.
  absl::StatusOr<model::UnitRecord> PutUnit(absl::Time deadline,
                                            const Principal& who,
                                            const model::UnitRecord& unit,
                                            bool create);
  // `create` or replace a category; the default unit must exist.
  absl::StatusOr<model::CategoryRecord> PutCategory(
      absl::Time deadline, const Principal& who,
      const model::CategoryRecord& category, bool create);

 private:
  absl::Status Validate(const model::OfficeRecord& o);
  absl::StatusOr<std::shared_ptr<const OfficeConfig>> Managed(
      absl::Time deadline, const Principal& who, const std::string& code);

  model::OfficeRepository& offices_;
  model::AccessRepository& access_;
  OfficeDirectory& directory_;
  const Clock& clock_;
};

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_OFFICE_ADMIN_H_
