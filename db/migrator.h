// Migrator applies the schema migrations of the database's dialect, once,
// even when several processes start at the same time.
#ifndef ADUAN_DB_MIGRATOR_H_
#define ADUAN_DB_MIGRATOR_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "db/database.h"
#include "db/embedded_migrations.h"

namespace aduan::db {

// How it works: the bookkeeping tables schema_migrations (applied versions)
// and schema_lease (one row) are created if missing; the process claims the
// lease with a conditional UPDATE that commits at once (MySQL DDL commits
// implicitly, so a row lock could not be held across it); it applies every
// missing migration in order, each split into statements by
// SplitSqlStatements and recorded in schema_migrations (on SQLite in the same
// transaction; on MySQL after its statements, which use IF NOT EXISTS so a
// half-applied migration re-runs cleanly); then it releases the lease.
// The owner renews the lease while it migrates; a crashed owner's lease
// expires after `lease_ttl` and another process takes over.
class Migrator {
 public:
  // Uses the embedded migrations of db's dialect. `db` must outlive this.
  explicit Migrator(Database& db);
  // Uses the given migrations (tests).
  Migrator(Database& db, std::vector<Migration> migrations);

  // Brings the schema up to date; returns the resulting version. Waits up to
  // `wait` for another process's lease.
  // Errors: kFailedPrecondition (the database is newer than this binary),
  // kDeadlineExceeded (lease not obtained in time), kInvalidArgument (a
  // migration cannot be split), database errors.
  absl::StatusOr<int> Migrate(absl::Duration wait = absl::Seconds(60));
  // The highest applied version (0 for an empty database).
  absl::StatusOr<int> CurrentVersion();
  // The highest version this binary knows.
  int LatestVersion() const;

  void set_lease_ttl(absl::Duration ttl) { lease_ttl_ = ttl; }

 private:
  absl::Status EnsureBookkeeping();
  absl::StatusOr<bool> TryClaim(const std::string& owner);
  // True when `owner` still held the lease and now holds it for another
  // lease_ttl.
  absl::StatusOr<bool> RenewLease(const std::string& owner);
  absl::Status ReleaseLease(const std::string& owner);
  absl::Status Apply(const Migration& m);

  Database& db_;
  std::vector<Migration> migrations_;
  absl::Duration lease_ttl_ = absl::Minutes(5);
};

}  // namespace aduan::db

#endif  // ADUAN_DB_MIGRATOR_H_
