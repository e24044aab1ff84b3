// What the database records of the keys that wrote to it (table key_ids,
// migration 0012), and whether the database holds anything a key protects.
#ifndef ADUAN_DB_SOCI_KEY_RECORDS_H_
#define ADUAN_DB_SOCI_KEY_RECORDS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "db/database.h"

namespace aduan::db {

// Thread-safe; `db` must outlive it.
class SociKeyRecords {
 public:
  explicit SociKeyRecords(Database& db) : db_(db) {}

  // The recorded key ids, oldest first.
  absl::StatusOr<std::vector<std::string>> KeyIds(absl::Time deadline);
  // Records `key_id` (first used at `now`, microseconds) as the database's
  // first key, unless a key is recorded already (by a process starting at
  // the same moment, say); returns the ids recorded after it, so that the
  // caller sees which key won.
  absl::StatusOr<std::vector<std::string>> AddFirstKeyId(
      absl::Time deadline, const std::string& key_id, long long now);
  // Whether anything a key protects is stored: a complaint, a principal or
  // a token.
  absl::StatusOr<bool> HoldsData(absl::Time deadline);

 private:
  Database& db_;
};

}  // namespace aduan::db

#endif  // ADUAN_DB_SOCI_KEY_RECORDS_H_
