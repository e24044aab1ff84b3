// The storage every aduand command opens the same way: the database
// (migrated to this version's schema), the keys of the key file, the
// personal-data cipher and the repositories, after the start-up passes that
// bring older data up to date.
#ifndef ADUAN_SERVER_APP_STORAGE_H_
#define ADUAN_SERVER_APP_STORAGE_H_

#include <memory>

#include "absl/status/statusor.h"
#include "common/key_ring.h"
#include "common/pii_cipher.h"
#include "db/database.h"
#include "db/soci_access_repository.h"
#include "db/soci_complaint_repository.h"
#include "db/soci_office_repository.h"
#include "server/app/options.h"

namespace aduan::app {

// Whether a command may create a new SQLite database file. `migrate`
// always (kAlways); `serve` only for a new installation, when the key file
// is missing too (kWithItsKey: a key without its database is a restore gone
// wrong); every other command never (kNever), so that a command run in the
// wrong folder or without the server's settings makes no second database.
// A MariaDB database is never created (its tables are, by the migrations).
enum class Creation { kNever, kWithItsKey, kAlways };

// Not copyable or movable (the repositories refer to the database and the
// cipher); thread-safe as its parts are.
class Storage {
 public:
  // Opens `options.db_url`, migrates, loads `options.key_file` checked
  // against the database (key_check.h: a key is made only for a new, empty
  // SQLite database; another key, or a missing one for a database with
  // data, is refused), then:
  // personal data still in plaintext is encrypted, request fingerprints
  // still plain are keyed, and a fresh SQLite database is seeded with
  // Kecamatan Kanigaran. Each pass logs what it did. Errors: those of the
  // database, the key file and the migrations, each saying what failed.
  static absl::StatusOr<std::unique_ptr<Storage>> Open(
      const ServerOptions& options, Creation creation);

  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;

  db::Database& database() { return *db_; }
  const KeyRing& keys() const { return keys_; }
  const PiiCipher& cipher() const { return cipher_; }
  int schema_version() const { return schema_version_; }
  bool embedded() const { return db_->dialect() == db::Dialect::kSqlite; }
  db::SociOfficeRepository& offices() { return offices_; }
  db::SociComplaintRepository& complaints() { return complaints_; }
  db::SociAccessRepository& access() { return access_; }

 private:
  Storage(std::unique_ptr<db::Database> db, KeyRing keys, PiiCipher cipher,
          int schema_version);
  absl::Status BringUpToDate();

  std::unique_ptr<db::Database> db_;
  const KeyRing keys_;
  const PiiCipher cipher_;
  const int schema_version_;
  db::SociOfficeRepository offices_;
  db::SociComplaintRepository complaints_;
  db::SociAccessRepository access_;
};

// The database alone, for the commands that need no keys (migrate, seed).
// Errors: kNotFound for a missing SQLite database `creation` does not
// allow, saying what to do; the database's.
absl::StatusOr<std::unique_ptr<db::Database>> OpenDatabase(
    const ServerOptions& options, Creation creation);

}  // namespace aduan::app

#endif  // ADUAN_SERVER_APP_STORAGE_H_
