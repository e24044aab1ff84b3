// The schema migrations compiled into the binary (generated from
// db/migrations/<dialect>/NNNN_name.sql by cmake/EmbedMigrations.cmake).
#ifndef ADUAN_DB_EMBEDDED_MIGRATIONS_H_
#define ADUAN_DB_EMBEDDED_MIGRATIONS_H_

#include <vector>

namespace aduan::db {

// One migration file: its number, file name without extension, and text.
struct Migration {
  int version;
  const char* name;
  const char* sql;
};

// In ascending version order.
const std::vector<Migration>& mysql_migrations();
const std::vector<Migration>& sqlite_migrations();

}  // namespace aduan::db

#endif  // ADUAN_DB_EMBEDDED_MIGRATIONS_H_
