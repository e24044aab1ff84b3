#include "db/complaint_row.h"

#include <optional>

#include "db/vocabulary_sql.h"

namespace aduan::db {

void ComplaintRow::Bind(soci::statement& st) {
  st.exchange(soci::into(r.id));
  st.exchange(soci::into(r.tracking_code));
  st.exchange(soci::into(r.office_code));
  st.exchange(soci::into(r.state));
  st.exchange(soci::into(r.channel));
  st.exchange(soci::into(source, i_source));
  st.exchange(soci::into(external, i_external));
  st.exchange(soci::into(r.complainant_name));
  st.exchange(soci::into(r.complainant_nik));
  st.exchange(soci::into(r.complainant_kk));
  st.exchange(soci::into(r.complainant_phone));
  st.exchange(soci::into(r.complainant_email));
  st.exchange(soci::into(r.complainant_address));
  st.exchange(soci::into(anonymous));
  st.exchange(soci::into(confidential));
  st.exchange(soci::into(r.title));
  st.exchange(soci::into(r.description));
  st.exchange(soci::into(r.category_code));
  st.exchange(soci::into(r.location_address));
  st.exchange(soci::into(r.location_kelurahan));
  st.exchange(soci::into(lat, i_lat));
  st.exchange(soci::into(lon, i_lon));
  st.exchange(soci::into(r.unit_code));
  st.exchange(soci::into(r.pin_generation));
  st.exchange(soci::into(r.pin_failures));
  st.exchange(soci::into(r.pin_window_start));
  st.exchange(soci::into(r.version));
  st.exchange(soci::into(r.create_time));
  st.exchange(soci::into(r.update_time));
  st.exchange(soci::into(r.service.target_us));
  st.exchange(soci::into(r.service.used_us));
  st.exchange(soci::into(s_since, i_s_since));
  st.exchange(soci::into(s_due, i_s_due));
  st.exchange(soci::into(s_risk, i_s_risk));
  st.exchange(soci::into(s_breached));
  st.exchange(soci::into(r.resolution.target_us));
  st.exchange(soci::into(r.resolution.used_us));
  st.exchange(soci::into(r_since, i_r_since));
  st.exchange(soci::into(r_due, i_r_due));
  st.exchange(soci::into(r_risk, i_r_risk));
  st.exchange(soci::into(r_breached));
  st.exchange(soci::into(needs_until, i_needs_until));
}

model::ComplaintRecord ComplaintRow::Take() {
  auto opt = [](long long v, soci::indicator i) {
    return i == soci::i_ok ? std::optional<long long>(v) : std::nullopt;
  };
  model::ComplaintRecord out = r;
  out.source = i_source == soci::i_ok ? source : "";
  out.external_reference = i_external == soci::i_ok ? external : "";
  out.anonymous = anonymous != 0;
  out.confidential = confidential != 0;
  out.latitude =
      i_lat == soci::i_ok ? std::optional<double>(lat) : std::nullopt;
  out.longitude =
      i_lon == soci::i_ok ? std::optional<double>(lon) : std::nullopt;
  out.service.running_since = opt(s_since, i_s_since);
  out.service.due = opt(s_due, i_s_due);
  out.service.at_risk = opt(s_risk, i_s_risk);
  out.service.breached = s_breached != 0;
  out.resolution.running_since = opt(r_since, i_r_since);
  out.resolution.due = opt(r_due, i_r_due);
  out.resolution.at_risk = opt(r_risk, i_r_risk);
  out.resolution.breached = r_breached != 0;
  out.needs_info_until = opt(needs_until, i_needs_until);
  return out;
}

}  // namespace aduan::db
