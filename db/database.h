// Database: a bounded pool of SOCI sessions to one SQLite file or one
// MySQL/MariaDB database, and the only place that opens transactions and
// turns SOCI exceptions into absl::Status.
#ifndef ADUAN_DB_DATABASE_H_
#define ADUAN_DB_DATABASE_H_

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "db/database_url.h"

namespace soci {
class session;
}

namespace aduan::db {

struct DatabaseOptions {
  // See DatabaseUrl.
  std::string url;
  // Number of connections; calls wait for a free one.
  int pool_size = 8;
  // Longest wait for a free connection when the call has a later deadline.
  absl::Duration lease_timeout = absl::Seconds(10);
  // How often a transaction is re-run after a deadlock, lock wait timeout or
  // SQLITE_BUSY before kAborted is returned.
  int max_retries = 8;
};

// A function run on a leased session. It may throw SOCI exceptions; they are
// mapped by Database. It must have no effects outside the session, because it
// may be run again.
using SessionFn = std::function<absl::Status(soci::session&)>;

// Database is thread-safe. Durability: Write returns OK only after COMMIT
// returned; SQLite runs in WAL mode with synchronous=FULL, MySQL/MariaDB is
// expected to run with innodb_flush_log_at_trx_commit=1.
class Database {
 public:
  // Opens `options.pool_size` connections (creating the SQLite file and its
  // folder when missing). Errors: kInvalidArgument (bad URL or pool size),
  // kUnavailable (server unreachable or file not writable).
  static absl::StatusOr<std::unique_ptr<Database>> Open(
      const DatabaseOptions& options);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Dialect dialect() const { return url_.dialect; }
  const DatabaseUrl& url() const { return url_; }

  // Runs `fn` in a write transaction (SQLite `BEGIN IMMEDIATE`, MySQL
  // `START TRANSACTION`), committing when it returns OK and rolling back
  // otherwise; re-runs it on deadlock / lock timeout / busy up to
  // max_retries times.
  // Errors: whatever `fn` returns; kAlreadyExists (unique key violated);
  // kAborted (still conflicting after retries); kUnavailable (no connection
  // within the deadline, or the connection was lost: the outcome of a lost
  // COMMIT is unknown, so callers retry with their request id);
  // kInternal (anything else; the cause is logged, not returned).
  absl::Status Write(absl::Time deadline, const SessionFn& fn);
  // Runs `fn` on a leased session without an explicit transaction; re-runs
  // it once on a lost connection. Errors as Write.
  absl::Status Read(absl::Time deadline, const SessionFn& fn);
  // Checks that the database answers. Errors: kUnavailable.
  absl::Status Ping(absl::Time deadline);

  // No statement outlives its call: on SQLite every statement of Write and
  // Read is interrupted once their deadline has passed (a progress
  // handler); on MySQL a statement whose cost depends on the data (a list
  // with filters, a count) is sent through Bounded, which limits it to the
  // time left (MariaDB's SET STATEMENT max_statement_time … FOR). Either way
  // the call fails with kDeadlineExceeded and its transaction rolls back.
  // Returns `select` as the statement to prepare.
  std::string Bounded(absl::Time deadline, absl::string_view select) const;

  // Connections in the pool, and how many are leased now.
  int pool_size() const { return static_cast<int>(slots_.size()); }
  int leased() const;

 private:
  struct Slot {
    std::unique_ptr<soci::session> session;
    bool broken = false;
  };
  class Lease;

  Database(DatabaseUrl url, DatabaseOptions options);
  absl::Status Connect(Slot& slot);
  absl::StatusOr<int> Acquire(absl::Time deadline);
  void Release(int index, bool broken);
  absl::Status RunOnce(int slot, absl::Time deadline, bool transaction,
                       const SessionFn& fn, bool* retry, bool* lost);
  absl::Status Run(absl::Time deadline, bool transaction, const SessionFn& fn);

  const DatabaseUrl url_;
  const DatabaseOptions options_;
  std::vector<Slot> slots_;  // fixed size after Open
  mutable absl::Mutex mu_;
  std::vector<int> free_ ABSL_GUARDED_BY(mu_);
  // SQLite allows one writer at a time: writers of this process queue here
  // instead of sleeping in SQLite's busy handler (other processes are still
  // handled by busy_timeout and retries).
  absl::Mutex sqlite_writer_mu_;
};

}  // namespace aduan::db

#endif  // ADUAN_DB_DATABASE_H_
