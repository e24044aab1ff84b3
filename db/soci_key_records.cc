#include "db/soci_key_records.h"

#include <soci/soci.h>

namespace aduan::db {

absl::StatusOr<std::vector<std::string>> SociKeyRecords::KeyIds(
    absl::Time deadline) {
  std::vector<std::string> out;
  absl::Status st = db_.Read(deadline, [&](soci::session& sql) {
    out.clear();
    std::string id;
    soci::statement s =
        (sql.prepare << "SELECT key_id FROM key_ids ORDER BY first_use, key_id",
         soci::into(id));
    if (s.execute(true)) {
      do out.push_back(id);
      while (s.fetch());
    }
    return absl::OkStatus();
  });
  if (!st.ok()) return st;
  return out;
}

absl::StatusOr<std::vector<std::string>> SociKeyRecords::AddFirstKeyId(
    absl::Time deadline, const std::string& key_id, long long now) {
  // Of two processes starting at once only one records its key (the other
  // finds the row, or a duplicate key).
  const char* sql_text =
      db_.dialect() == Dialect::kSqlite
          ? "INSERT INTO key_ids (key_id, first_use) SELECT :id, :now "
            "WHERE NOT EXISTS (SELECT 1 FROM key_ids)"
          : "INSERT INTO key_ids (key_id, first_use) SELECT :id, :now "
            "FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM key_ids)";
  absl::Status st = db_.Write(deadline, [&](soci::session& sql) {
    if (db_.dialect() == Dialect::kMysql) {
      // Under READ COMMITTED two transactions can both find key_ids empty
      // (no gap locks): the migrations' lease row, which every migrated
      // database has, serialises them, so the second sees the first's row.
      int id = 0;
      sql << "SELECT id FROM schema_lease WHERE id = 1 FOR UPDATE",
          soci::into(id);
    }
    sql << sql_text, soci::use(key_id, "id"), soci::use(now, "now");
    return absl::OkStatus();
  });
  if (!st.ok() && !absl::IsAlreadyExists(st)) return st;
  return KeyIds(deadline);
}

absl::StatusOr<bool> SociKeyRecords::HoldsData(absl::Time deadline) {
  bool holds = false;
  absl::Status st = db_.Read(deadline, [&](soci::session& sql) {
    int n = 0;
    sql << "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM complaints LIMIT 1) c) "
           "+ (SELECT COUNT(*) FROM (SELECT 1 FROM principals LIMIT 1) p) "
           "+ (SELECT COUNT(*) FROM (SELECT 1 FROM api_tokens LIMIT 1) t)",
        soci::into(n);
    holds = n > 0;
    return absl::OkStatus();
  });
  if (!st.ok()) return st;
  return holds;
}

}  // namespace aduan::db
