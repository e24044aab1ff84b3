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

absl::Status SociKeyRecords::AddKeyId(absl::Time deadline,
                                      const std::string& key_id,
                                      long long now) {
  return db_.Write(deadline, [&](soci::session& sql) {
    int n = 0;
    sql << "SELECT COUNT(*) FROM key_ids WHERE key_id = :id",
        soci::use(key_id, "id"), soci::into(n);
    if (n == 0) {
      sql << "INSERT INTO key_ids (key_id, first_use) VALUES (:id, :now)",
          soci::use(key_id, "id"), soci::use(now, "now");
    }
    return absl::OkStatus();
  });
}

absl::StatusOr<bool> SociKeyRecords::HoldsData(absl::Time deadline) {
  bool holds = false;
  absl::Status st = db_.Read(deadline, [&](soci::session& sql) {
    int n = 0;
    sql << "SELECT (SELECT COUNT(*) FROM complaints) + "
           "(SELECT COUNT(*) FROM principals) + "
           "(SELECT COUNT(*) FROM api_tokens)",
        soci::into(n);
    holds = n > 0;
    return absl::OkStatus();
  });
  if (!st.ok()) return st;
  return holds;
}

}  // namespace aduan::db
