#include "db/migrator.h"

#include <soci/soci.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "common/clock.h"
#include "common/crypto.h"
#include "common/status_macros.h"
#include "db/sql_splitter.h"

namespace aduan::db {
namespace {

constexpr char kCreateMigrationsSqlite[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL,"
    " applied_at INTEGER NOT NULL)";
constexpr char kCreateLeaseSqlite[] =
    "CREATE TABLE IF NOT EXISTS schema_lease ("
    " id INTEGER NOT NULL PRIMARY KEY, owner TEXT NULL,"
    " expires_at INTEGER NOT NULL)";
constexpr char kSeedLeaseSqlite[] =
    "INSERT OR IGNORE INTO schema_lease (id, owner, expires_at) VALUES (1, "
    "NULL, 0)";
constexpr char kCreateMigrationsMysql[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INT NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL,"
    " applied_at BIGINT NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
constexpr char kCreateLeaseMysql[] =
    "CREATE TABLE IF NOT EXISTS schema_lease ("
    " id INT NOT NULL PRIMARY KEY, owner VARCHAR(128) NULL,"
    " expires_at BIGINT NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
constexpr char kSeedLeaseMysql[] =
    "INSERT IGNORE INTO schema_lease (id, owner, expires_at) VALUES (1, NULL, "
    "0)";
constexpr char kClaimLease[] =
    "UPDATE schema_lease SET owner = :owner, expires_at = :expires"
    " WHERE id = 1 AND (owner IS NULL OR expires_at < :now)";
constexpr char kRenewLease[] =
    "UPDATE schema_lease SET expires_at = :expires"
    " WHERE id = 1 AND owner = :owner";
constexpr char kReleaseLease[] =
    "UPDATE schema_lease SET owner = NULL, expires_at = 0"
    " WHERE id = 1 AND owner = :owner";
constexpr char kMaxVersion[] =
    "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr char kIsApplied[] =
    "SELECT COUNT(*) FROM schema_migrations WHERE version = :v";
constexpr char kRecord[] =
    "INSERT INTO schema_migrations (version, name, applied_at)"
    " VALUES (:v, :name, :at)";

absl::Time Far() { return absl::Now() + absl::Minutes(10); }

}  // namespace

Migrator::Migrator(Database& db)
    : Migrator(db, db.dialect() == Dialect::kSqlite ? sqlite_migrations()
                                                    : mysql_migrations()) {}

Migrator::Migrator(Database& db, std::vector<Migration> migrations)
    : db_(db), migrations_(std::move(migrations)) {}

int Migrator::LatestVersion() const {
  return migrations_.empty() ? 0 : migrations_.back().version;
}

absl::Status Migrator::EnsureBookkeeping() {
  const bool sqlite = db_.dialect() == Dialect::kSqlite;
  return db_.Read(Far(), [&](soci::session& sql) {
    sql << (sqlite ? kCreateMigrationsSqlite : kCreateMigrationsMysql);
    sql << (sqlite ? kCreateLeaseSqlite : kCreateLeaseMysql);
    sql << (sqlite ? kSeedLeaseSqlite : kSeedLeaseMysql);
    return absl::OkStatus();
  });
}

absl::StatusOr<bool> Migrator::TryClaim(const std::string& owner) {
  bool claimed = false;
  RETURN_IF_ERROR(db_.Read(Far(), [&](soci::session& sql) {
    const long long now = ToUnixMicrosLL(absl::Now());
    const long long expires = ToUnixMicrosLL(absl::Now() + lease_ttl_);
    soci::statement st = (sql.prepare << kClaimLease, soci::use(owner, "owner"),
                          soci::use(expires, "expires"), soci::use(now, "now"));
    st.execute(true);
    claimed = st.get_affected_rows() == 1;
    return absl::OkStatus();
  }));
  return claimed;
}

absl::StatusOr<bool> Migrator::RenewLease(const std::string& owner) {
  bool kept = false;
  RETURN_IF_ERROR(
      db_.Read(absl::Now() + lease_ttl_ / 3, [&](soci::session& sql) {
        const long long expires = ToUnixMicrosLL(absl::Now() + lease_ttl_);
        soci::statement st =
            (sql.prepare << kRenewLease, soci::use(expires, "expires"),
             soci::use(owner, "owner"));
        st.execute(true);
        kept = st.get_affected_rows() == 1;
        return absl::OkStatus();
      }));
  return kept;
}

absl::Status Migrator::ReleaseLease(const std::string& owner) {
  return db_.Read(Far(), [&](soci::session& sql) {
    sql << kReleaseLease, soci::use(owner, "owner");
    return absl::OkStatus();
  });
}

absl::StatusOr<int> Migrator::CurrentVersion() {
  RETURN_IF_ERROR(EnsureBookkeeping());
  int version = 0;
  RETURN_IF_ERROR(db_.Read(Far(), [&](soci::session& sql) {
    sql << kMaxVersion, soci::into(version);
    return absl::OkStatus();
  }));
  return version;
}

absl::Status Migrator::Apply(const Migration& m) {
  ASSIGN_OR_RETURN(std::vector<std::string> statements,
                   SplitSqlStatements(m.sql));
  const std::string name = m.name;
  auto run = [&](soci::session& sql) {
    int applied = 0;
    sql << kIsApplied, soci::use(m.version, "v"), soci::into(applied);
    if (applied > 0) return absl::OkStatus();
    for (const std::string& s : statements) sql << s;
    const long long at = ToUnixMicrosLL(absl::Now());
    sql << kRecord, soci::use(m.version, "v"), soci::use(name, "name"),
        soci::use(at, "at");
    return absl::OkStatus();
  };
  // SQLite DDL is transactional: the whole migration commits or nothing.
  if (db_.dialect() == Dialect::kSqlite) return db_.Write(Far(), run);
  return db_.Read(Far(), run);
}

absl::StatusOr<int> Migrator::Migrate(absl::Duration wait) {
  RETURN_IF_ERROR(EnsureBookkeeping());
  ASSIGN_OR_RETURN(std::string nonce, RandomBytes(8));
  char host[64] = {0};
  gethostname(host, sizeof(host) - 1);
  const std::string owner =
      absl::StrCat(host, ":", getpid(), ":", absl::BytesToHexString(nonce));
  const absl::Time give_up = absl::Now() + wait;
  for (;;) {
    ASSIGN_OR_RETURN(bool claimed, TryClaim(owner));
    if (claimed) break;
    if (absl::Now() > give_up) {
      return absl::DeadlineExceededError(
          "another process holds the migration lease; try again later");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  // The lease is renewed every third of its time while migrations run, so
  // that a migration longer than the lease is not taken over; a renewal
  // that finds the lease gone (the process stalled past its expiry) stops
  // the run before the next migration.
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  std::atomic<bool> lost{false};
  std::thread renewer([&] {
    std::unique_lock<std::mutex> lock(mu);
    while (!cv.wait_for(lock, absl::ToChronoMilliseconds(lease_ttl_ / 3),
                        [&] { return done; })) {
      lock.unlock();
      absl::StatusOr<bool> kept = RenewLease(owner);
      if (kept.ok() && !*kept) lost = true;
      lock.lock();
    }
  });
  absl::Status result = [&]() -> absl::Status {
    ASSIGN_OR_RETURN(int current, CurrentVersion());
    if (current > LatestVersion()) {
      return absl::FailedPreconditionError(
          absl::StrCat("database schema version ", current,
                       " is newer than this aduand (knows up to ",
                       LatestVersion(), "); run a newer aduand"));
    }
    for (const Migration& m : migrations_) {
      if (m.version <= current) continue;
      if (lost) {
        return absl::AbortedError(
            "the migration lease was lost (this process stalled past it and "
            "another took over); nothing more applied here");
      }
      spdlog::info("applying migration {} ({})", m.version, m.name);
      RETURN_IF_ERROR(Apply(m));
    }
    return absl::OkStatus();
  }();
  {
    std::lock_guard<std::mutex> lock(mu);
    done = true;
  }
  cv.notify_all();
  renewer.join();
  absl::Status released = ReleaseLease(owner);
  RETURN_IF_ERROR(result);
  RETURN_IF_ERROR(released);
  return CurrentVersion();
}

}  // namespace aduan::db
