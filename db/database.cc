#include "db/database.h"

#include <soci/mysql/soci-mysql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/status_macros.h"

namespace aduan::db {
namespace {

// MySQL client and server error numbers.
constexpr unsigned kMysqlDuplicateKey = 1062;
constexpr unsigned kMysqlLockWaitTimeout = 1205;
constexpr unsigned kMysqlDeadlock = 1213;
constexpr unsigned kMysqlGaleraConflict =
    1180;  // commit failed (certification)
constexpr unsigned kMysqlServerShutdown = 1053;
constexpr unsigned kMysqlConnectionKilled = 1927;
// ER_QUERY_INTERRUPTED (KILL QUERY), ER_STATEMENT_TIMEOUT
// (max_statement_time).
constexpr unsigned kMysqlQueryInterrupted = 1317;
constexpr unsigned kMysqlStatementTimeout = 1969;
// SQLite primary result codes.
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteConstraint = 19;
constexpr int kSqliteInterrupt = 9;

absl::Status OutOfTime() {
  return absl::DeadlineExceededError(
      "the database query ran out of the call's time");
}

// SQLite's progress handler: non-zero interrupts the running statement.
int PastDeadline(void* deadline) {
  return absl::Now() > *static_cast<const absl::Time*>(deadline) ? 1 : 0;
}

sqlite_api::sqlite3* NativeSqlite(soci::session& sql) {
  return static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_;
}

bool IsLostConnection(unsigned err) {
  // CR_CONNECTION_ERROR, CR_CONN_HOST_ERROR, CR_SERVER_GONE_ERROR,
  // CR_SERVER_LOST, CR_SERVER_LOST_EXTENDED, server shutdown / killed.
  return err == 2002 || err == 2003 || err == 2006 || err == 2013 ||
         err == 2055 || err == kMysqlServerShutdown ||
         err == kMysqlConnectionKilled;
}

struct Classified {
  absl::Status status;
  bool retry = false;  // re-run the transaction
  bool lost = false;   // the connection is unusable
};

// SOCI's messages end with the statement and its bound values, which may
// hold personal data: only the part before it is logged.
std::string Cause(const std::exception& e) {
  std::string what = e.what();
  for (const char* marker : {" while preparing", " while executing"}) {
    const size_t at = what.find(marker);
    if (at != std::string::npos) what.resize(at);
  }
  return what;
}

// Maps a SOCI exception; the cause is logged, never returned.
Classified Classify(const std::exception& e) {
  Classified c;
  if (const auto* m = dynamic_cast<const soci::mysql_soci_error*>(&e)) {
    const unsigned err = m->err_num_;
    if (err == kMysqlDuplicateKey) {
      c.status = absl::AlreadyExistsError("duplicate key");
      return c;
    }
    if (err == kMysqlDeadlock || err == kMysqlLockWaitTimeout ||
        err == kMysqlGaleraConflict) {
      c.status = absl::AbortedError("transaction conflict");
      c.retry = true;
      return c;
    }
    if (err == kMysqlStatementTimeout || err == kMysqlQueryInterrupted) {
      c.status = OutOfTime();
      return c;
    }
    if (IsLostConnection(err)) {
      spdlog::warn("database connection lost (mysql error {})", err);
      c.status = absl::UnavailableError("database unavailable; retry");
      c.lost = true;
      return c;
    }
    spdlog::error("database error (mysql error {}): {}", err, Cause(e));
    c.status = absl::InternalError("internal database error");
    return c;
  }
  if (const auto* s = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
    const int rc = s->result() & 0xff;
    if (rc == kSqliteBusy || rc == kSqliteLocked) {
      c.status = absl::AbortedError("database busy");
      c.retry = true;
      return c;
    }
    if (rc == kSqliteInterrupt) {
      c.status = OutOfTime();
      return c;
    }
    if (rc == kSqliteConstraint && absl::StrContains(e.what(), "UNIQUE")) {
      c.status = absl::AlreadyExistsError("duplicate key");
      return c;
    }
    spdlog::error("database error (sqlite result {}): {}", s->result(),
                  Cause(e));
    c.status = absl::InternalError("internal database error");
    return c;
  }
  spdlog::error("database error: {}", Cause(e));
  c.status = absl::InternalError("internal database error");
  return c;
}

}  // namespace

// Returns the slot to the pool when it goes out of scope.
class Database::Lease {
 public:
  Lease(Database* db, int index) : db_(db), index_(index) {}
  ~Lease() { db_->Release(index_, broken_); }
  void MarkBroken() { broken_ = true; }

 private:
  Database* db_;
  int index_;
  bool broken_ = false;
};

Database::Database(DatabaseUrl url, DatabaseOptions options)
    : url_(std::move(url)), options_(std::move(options)) {}

Database::~Database() = default;

absl::StatusOr<std::unique_ptr<Database>> Database::Open(
    const DatabaseOptions& options) {
  if (options.pool_size < 1 || options.pool_size > 1024) {
    return absl::InvalidArgumentError("db_pool_size: must be 1..1024");
  }
  ASSIGN_OR_RETURN(DatabaseUrl url, DatabaseUrl::Parse(options.url));
  if (url.dialect == Dialect::kSqlite) {
    std::error_code ec;
    const std::filesystem::path parent =
        std::filesystem::path(url.sqlite_path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (ec) {
      return absl::UnavailableError(absl::StrCat(
          "db: cannot create folder ", parent.string(), ": ", ec.message()));
    }
  }
  std::unique_ptr<Database> db(new Database(std::move(url), options));
  db->slots_.resize(options.pool_size);
  for (int i = 0; i < options.pool_size; ++i) {
    RETURN_IF_ERROR(db->Connect(db->slots_[i]));
    db->free_.push_back(i);
  }
  return db;
}

absl::Status Database::Connect(Slot& slot) {
  try {
    auto session = std::make_unique<soci::session>();
    if (url_.dialect == Dialect::kSqlite) {
      session->open(*soci::factory_sqlite3(), url_.SociConnectString());
      *session << "PRAGMA busy_timeout=5000";
      *session << "PRAGMA journal_mode=WAL";
      *session << "PRAGMA synchronous=FULL";
      *session << "PRAGMA foreign_keys=ON";
      // Deleted and overwritten content is zeroed, so that plaintext personal
      // data replaced by its encryption does not linger in free space.
      *session << "PRAGMA secure_delete=ON";
    } else {
      session->open(*soci::factory_mysql(), url_.SociConnectString());
      *session << "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED";
      *session << "SET SESSION innodb_lock_wait_timeout=5";
      *session << "SET NAMES utf8mb4";
    }
    slot.session = std::move(session);
    slot.broken = false;
    return absl::OkStatus();
  } catch (const std::exception& e) {
    spdlog::warn("cannot connect to {}: {}", url_.Redacted(), Cause(e));
    slot.broken = true;
    return absl::UnavailableError(
        absl::StrCat("database ", url_.Redacted(), " is not reachable"));
  }
}

absl::StatusOr<int> Database::Acquire(absl::Time deadline) {
  deadline = std::min(deadline, absl::Now() + options_.lease_timeout);
  absl::MutexLock lock(&mu_);
  auto has_free = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return !free_.empty();
  };
  if (!mu_.AwaitWithDeadline(absl::Condition(&has_free), deadline)) {
    return absl::UnavailableError(
        "all database connections are busy; retry later");
  }
  const int index = free_.back();
  free_.pop_back();
  return index;
}

void Database::Release(int index, bool broken) {
  if (broken) slots_[index].broken = true;
  absl::MutexLock lock(&mu_);
  free_.push_back(index);
}

int Database::leased() const {
  absl::MutexLock lock(&mu_);
  return static_cast<int>(slots_.size() - free_.size());
}

absl::Status Database::RunOnce(int index, absl::Time deadline, bool transaction,
                               const SessionFn& fn, bool* retry, bool* lost) {
  *retry = false;
  *lost = false;
  Slot& slot = slots_[index];
  if (slot.broken) RETURN_IF_ERROR(Connect(slot));
  soci::session& sql = *slot.session;
  // On SQLite, checked every 1000 virtual machine instructions.
  struct Handler {
    sqlite_api::sqlite3* db;
    ~Handler() {
      if (db != nullptr)
        sqlite_api::sqlite3_progress_handler(db, 0, nullptr, nullptr);
    }
  } handler{url_.dialect == Dialect::kSqlite ? NativeSqlite(sql) : nullptr};
  if (handler.db != nullptr) {
    sqlite_api::sqlite3_progress_handler(handler.db, 1000, &PastDeadline,
                                         &deadline);
  }
  bool open = false;
  bool did_work = false;
  try {
    if (transaction) {
      sql << (url_.dialect == Dialect::kSqlite ? "BEGIN IMMEDIATE"
                                               : "START TRANSACTION");
      open = true;
    }
    did_work = true;
    absl::Status st = fn(sql);
    if (open) {
      if (st.ok()) {
        sql << "COMMIT";
      } else {
        sql << "ROLLBACK";
      }
      open = false;
    }
    return st;
  } catch (const std::exception& e) {
    Classified c = Classify(e);
    // A connection found dead before any work (e.g. closed by the server
    // while idle) is replaced and the call re-run.
    *retry = c.retry || (c.lost && !did_work);
    *lost = c.lost;
    if (open && !c.lost) {
      try {
        sql << "ROLLBACK";
      } catch (const std::exception& rollback_error) {
        *lost = true;
      }
    }
    return c.status;
  }
}

absl::Status Database::Run(absl::Time deadline, bool transaction,
                           const SessionFn& fn) {
  absl::Status st;
  for (int attempt = 0;; ++attempt) {
    ASSIGN_OR_RETURN(int index, Acquire(deadline));
    Lease lease(this, index);
    bool retry = false;
    bool lost = false;
    if (transaction && url_.dialect == Dialect::kSqlite) {
      absl::MutexLock writer(&sqlite_writer_mu_);
      st = RunOnce(index, deadline, transaction, fn, &retry, &lost);
    } else {
      st = RunOnce(index, deadline, transaction, fn, &retry, &lost);
    }
    if (lost || slots_[index].broken) lease.MarkBroken();
    // A lost connection is retried only for reads: a lost COMMIT may have
    // committed.
    const bool again = retry || (lost && !transaction && attempt == 0);
    if (!again || attempt >= options_.max_retries || absl::Now() > deadline) {
      return st;
    }
    // Back off a little, growing with the attempt, before re-running.
    std::this_thread::sleep_for(
        std::chrono::milliseconds(1 << std::min(attempt, 6)));
  }
}

absl::Status Database::Write(absl::Time deadline, const SessionFn& fn) {
  return Run(deadline, /*transaction=*/true, fn);
}

absl::Status Database::Read(absl::Time deadline, const SessionFn& fn) {
  return Run(deadline, /*transaction=*/false, fn);
}

std::string Database::Bounded(absl::Time deadline,
                              absl::string_view select) const {
  if (url_.dialect == Dialect::kSqlite) return std::string(select);
  // At least a millisecond, so that a spent deadline still fails as
  // DEADLINE_EXCEEDED from the server rather than as no limit (0).
  const double seconds =
      std::max(0.001, absl::ToDoubleSeconds(deadline - absl::Now()));
  return absl::StrCat("SET STATEMENT max_statement_time=",
                      absl::StrFormat("%.3f", seconds), " FOR ", select);
}

absl::Status Database::Ping(absl::Time deadline) {
  return Read(deadline, [](soci::session& sql) {
    int one = 0;
    sql << "SELECT 1", soci::into(one);
    return one == 1 ? absl::OkStatus()
                    : absl::UnavailableError("database did not answer");
  });
}

}  // namespace aduan::db
