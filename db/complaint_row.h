// One complaint row as SOCI reads it: the into-targets of every column of
// complaint_sql::kColumns, in order, with their null indicators, turned into
// a ComplaintRecord (personal data still encrypted).
#ifndef ADUAN_DB_COMPLAINT_ROW_H_
#define ADUAN_DB_COMPLAINT_ROW_H_

#include <soci/soci.h>

#include <string>

#include "server/domain/model/records.h"

namespace aduan::db {

struct ComplaintRow {
  model::ComplaintRecord r;
  std::string source, external;
  int anonymous = 0, confidential = 0, s_breached = 0, r_breached = 0;
  double lat = 0, lon = 0;
  long long s_since = 0, s_due = 0, s_risk = 0;
  long long r_since = 0, r_due = 0, r_risk = 0, needs_until = 0;
  soci::indicator i_source, i_external, i_lat, i_lon, i_s_since, i_s_due,
      i_s_risk, i_r_since, i_r_due, i_r_risk, i_needs_until;

  // Binds every column, in kColumns order, as into-targets of `st`.
  void Bind(soci::statement& st);
  // The record of the row last fetched.
  model::ComplaintRecord Take();
};

}  // namespace aduan::db

#endif  // ADUAN_DB_COMPLAINT_ROW_H_
