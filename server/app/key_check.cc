#include "server/app/key_check.h"

#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/clock.h"
#include "common/pii_cipher.h"
#include "common/status_macros.h"
#include "db/soci_complaint_repository.h"
#include "db/soci_key_records.h"

namespace aduan::app {
namespace {

bool Exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

std::string Ids(const std::vector<std::string>& ids) {
  return ids.empty() ? "one not recorded" : absl::StrJoin(ids, " or ");
}

}  // namespace

absl::StatusOr<KeyRing> LoadKeyFor(absl::Time deadline, db::Database& db,
                                   const std::string& key_file) {
  db::SociKeyRecords records(db);
  ASSIGN_OR_RETURN(std::vector<std::string> known, records.KeyIds(deadline));
  ASSIGN_OR_RETURN(bool holds_data, records.HoldsData(deadline));
  const bool used = holds_data || !known.empty();
  if (!Exists(key_file)) {
    if (used) {
      return absl::FailedPreconditionError(absl::StrCat(
          "key_file: ", key_file,
          " is missing, but this database holds data written under key ",
          Ids(known),
          ". Restore the key file that belongs to this database and point "
          "--key_file at it; aduand never makes a new key for a database that "
          "holds data (its personal data, PINs, documents and archive would be "
          "unreadable)."));
    }
    if (db.dialect() != db::Dialect::kSqlite) {
      return absl::NotFoundError(absl::StrCat(
          "key_file: ", key_file,
          " not found; make it once with `aduand keygen --key_file=", key_file,
          "` and give every server of this database the same file"));
    }
  }
  // Created only here: a missing file for a new, empty embedded database.
  ASSIGN_OR_RETURN(KeyRing keys, KeyRing::Load(key_file, /*create=*/!used));
  const std::string& id = keys.key_id();
  if (!known.empty() &&
      std::find(known.begin(), known.end(), id) == known.end()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "key_file: ", key_file, " holds key ", id,
        ", but this database was written under key ", Ids(known),
        ". Start with the key file that belongs to this database."));
  }
  if (known.empty() && holds_data) {
    // Written before key ids were kept: the key must open what is stored.
    ASSIGN_OR_RETURN(PiiCipher cipher,
                     PiiCipher::Create(keys.pii_key(), keys.index_key()));
    db::SociComplaintRepository complaints(db, cipher);
    ASSIGN_OR_RETURN(bool opens, complaints.CipherOpensStoredData(deadline));
    if (!opens) {
      return absl::FailedPreconditionError(absl::StrCat(
          "key_file: ", key_file, " (key ", id,
          ") does not open the personal data stored in this database. "
          "Start with the key file that belongs to this database."));
    }
  }
  if (known.empty()) {
    ASSIGN_OR_RETURN(
        std::vector<std::string> now_known,
        records.AddFirstKeyId(deadline, id, ToUnixMicrosLL(absl::Now())));
    if (std::find(now_known.begin(), now_known.end(), id) == now_known.end()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "key_file: ", key_file, " holds key ", id,
          ", but another server recorded key ", Ids(now_known),
          " for this database as it started. Give every server of one "
          "database the same key file."));
    }
    spdlog::info("key {} recorded as the key of this database", id);
  }
  return keys;
}

}  // namespace aduan::app
