// OfficeDirectory serves office configuration (hours, holidays, kelurahan,
// units, categories, SLA targets) with its working calendar, cached for a
// short time so that intake does not read five tables per call.
#ifndef ADUAN_SERVER_DOMAIN_OFFICE_DIRECTORY_H_
#define ADUAN_SERVER_DOMAIN_OFFICE_DIRECTORY_H_

#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/clock.h"
#include "server/domain/model/office_repository.h"
#include "server/domain/working_calendar.h"

namespace aduan::domain {

// An office as the workflow uses it. Immutable.
struct OfficeConfig {
  model::OfficeRecord record;
  WorkingCalendar calendar;

  // The category with this code, or null.
  const model::CategoryRecord* FindCategory(const std::string& code) const;
  // The office's spelling of a kelurahan (case-insensitive match), or null.
  const std::string* FindKelurahan(const std::string& name) const;
};

// Thread-safe. Changes made by an administrator are seen within `ttl`
// (per process; every replica reloads on its own).
class OfficeDirectory {
 public:
  OfficeDirectory(model::OfficeRepository& offices, const Clock& clock,
                  absl::Duration ttl = absl::Seconds(30))
      : offices_(offices), clock_(clock), ttl_(ttl) {}

  // Errors: kNotFound (no such office), kInternal (stored configuration is
  // invalid, e.g. an unknown time zone), database errors.
  absl::StatusOr<std::shared_ptr<const OfficeConfig>> Get(
      absl::Time deadline, const std::string& code);
  // Drops the cached entry so the next Get reads the database (this
  // process only; other replicas reload within the TTL).
  void Invalidate(const std::string& code);
  // Checks that `record` would make a valid OfficeConfig (time zone, hours,
  // holidays). Errors: kInvalidArgument naming the field.
  static absl::Status Check(const model::OfficeRecord& record);

 private:
  struct Entry {
    std::shared_ptr<const OfficeConfig> config;
    absl::Time loaded;
  };
  model::OfficeRepository& offices_;
  const Clock& clock_;
  const absl::Duration ttl_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Entry> cache_ ABSL_GUARDED_BY(mu_);
};

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_OFFICE_DIRECTORY_H_
