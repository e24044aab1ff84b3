#include "server/app/storage.h"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "db/database_url.h"
#include "db/migrator.h"
#include "db/seeder.h"
#include "server/app/key_check.h"

namespace aduan::app {

absl::StatusOr<std::unique_ptr<db::Database>> OpenDatabase(
    const ServerOptions& options, Creation creation) {
  ASSIGN_OR_RETURN(db::DatabaseUrl url, db::DatabaseUrl::Parse(options.db_url));
  std::error_code ec;
  if (url.dialect == db::Dialect::kSqlite &&
      !std::filesystem::exists(url.sqlite_path, ec)) {
    if (creation == Creation::kNever) {
      return absl::NotFoundError(absl::StrCat(
          "database ", url.sqlite_path,
          " does not exist; run this command with the server's settings "
          "(--config, or --db and --key_file as the server has them), or "
          "create the installation first with `aduand serve` or `aduand "
          "migrate`"));
    }
    if (creation == Creation::kWithItsKey &&
        std::filesystem::exists(options.key_file, ec)) {
      return absl::NotFoundError(absl::StrCat(
          "database ", url.sqlite_path, " does not exist, but key file ",
          options.key_file,
          " does: restore the database that belongs to this key, or move "
          "the key file away to start a new installation"));
    }
    spdlog::info("creating database {}", url.sqlite_path);
  }
  db::DatabaseOptions o;
  o.url = options.db_url;
  o.pool_size = options.db_pool_size;
  return db::Database::Open(o);
}

Storage::Storage(std::unique_ptr<db::Database> db, KeyRing keys,
                 PiiCipher cipher, int schema_version)
    : db_(std::move(db)),
      keys_(std::move(keys)),
      cipher_(std::move(cipher)),
      schema_version_(schema_version),
      offices_(*db_),
      complaints_(*db_, cipher_),
      access_(*db_) {}

absl::StatusOr<std::unique_ptr<Storage>> Storage::Open(
    const ServerOptions& options, Creation creation) {
  ASSIGN_OR_RETURN(std::unique_ptr<db::Database> db,
                   OpenDatabase(options, creation));
  ASSIGN_OR_RETURN(int version, db::Migrator(*db).Migrate());
  // The key file must be this database's (key_check.h).
  ASSIGN_OR_RETURN(KeyRing keys, LoadKeyFor(absl::Now() + absl::Minutes(1), *db,
                                            options.key_file));
  ASSIGN_OR_RETURN(PiiCipher cipher,
                   PiiCipher::Create(keys.pii_key(), keys.index_key()));
  std::unique_ptr<Storage> storage(
      new Storage(std::move(db), std::move(keys), std::move(cipher), version));
  RETURN_IF_ERROR(storage->BringUpToDate());
  return storage;
}

absl::Status Storage::BringUpToDate() {
  const absl::Time deadline = absl::Now() + absl::Minutes(10);
  // Rows written before encryption at rest get encrypted now.
  ASSIGN_OR_RETURN(int encrypted, complaints_.EncryptPlaintextRows(deadline));
  if (encrypted > 0) {
    spdlog::info("encrypted personal data of {} stored complaints", encrypted);
  }
  // Request fingerprints written before they were keyed get keyed now.
  ASSIGN_OR_RETURN(int keyed, complaints_.KeyPlainFingerprints(deadline));
  if (keyed > 0) spdlog::info("keyed {} stored request fingerprints", keyed);
  if (embedded()) {
    ASSIGN_OR_RETURN(auto codes, offices_.ListCodes(deadline));
    if (codes.empty()) {
      RETURN_IF_ERROR(db::SeedKanigaran(offices_, absl::Now()).status());
      spdlog::info("fresh database: seeded Kecamatan Kanigaran (KNG)");
    }
  }
  return absl::OkStatus();
}

}  // namespace aduan::app
