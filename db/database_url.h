// Parsing of the --db URL into what SOCI needs.
#ifndef ADUAN_DB_DATABASE_URL_H_
#define ADUAN_DB_DATABASE_URL_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace aduan::db {

enum class Dialect { kSqlite, kMysql };

// A parsed database URL:
//   sqlite:///absolute/path/aduan.db   sqlite://relative/path.db
//   mysql://user:pass@host:3306/dbname[?socket=/path/mysqld.sock]
//       [&connect_timeout=5&read_timeout=30&write_timeout=30]
// User and password may be percent-encoded. The timeouts (seconds, 1–3600)
// bound how long a connection waits for a server that has gone silent (a
// read is retried twice by the client library, so up to three times
// read_timeout); a migration of a large table may need a longer one.
struct DatabaseUrl {
  Dialect dialect = Dialect::kSqlite;
  std::string sqlite_path;  // kSqlite
  std::string host;         // kMysql
  int port = 3306;          // kMysql
  std::string user;         // kMysql
  std::string password;     // kMysql
  std::string database;     // kMysql
  std::string socket;       // kMysql, optional
  int connect_timeout = 5;  // kMysql, seconds
  int read_timeout = 30;    // kMysql, seconds
  int write_timeout = 30;   // kMysql, seconds

  // Parses `url`. Errors: kInvalidArgument naming what is wrong (never the
  // password).
  static absl::StatusOr<DatabaseUrl> Parse(absl::string_view url);
  // The SOCI connect string (contains the password: never log it).
  std::string SociConnectString() const;
  // The URL with the password replaced by `***`, for logs.
  std::string Redacted() const;
};

}  // namespace aduan::db

#endif  // ADUAN_DB_DATABASE_URL_H_
