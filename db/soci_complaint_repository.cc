#include "db/soci_complaint_repository.h"

#include <soci/soci.h>

#include <deque>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "server/common/status_macros.h"

namespace aduan::db {
namespace {

// ---- SQL, all in one place ----------------------------------------------

constexpr char kColumns[] =
    "id, tracking_code, office_code, state, channel, source, "
    "external_reference, complainant_name, complainant_nik, complainant_kk, "
    "complainant_phone, complainant_email, complainant_address, anonymous, "
    "confidential, title, description, category_code, location_address, "
    "location_kelurahan, latitude, longitude, unit_code, pin_generation, "
    "pin_failures, pin_window_start, version, create_time, update_time, "
    "service_target_us, service_used_us, service_running_since, service_due, "
    "service_at_risk, service_breached, resolution_target_us, "
    "resolution_used_us, resolution_running_since, resolution_due, "
    "resolution_at_risk, resolution_breached, needs_info_until";

constexpr char kInsertComplaint[] =
    "INSERT INTO complaints (tracking_code, office_code, state, channel, "
    "source, external_reference, complainant_name, complainant_nik, "
    "complainant_kk, complainant_phone, complainant_email, "
    "complainant_address, anonymous, confidential, title, description, "
    "category_code, location_address, location_kelurahan, latitude, "
    "longitude, unit_code, pin_generation, pin_failures, pin_window_start, "
    "version, create_time, update_time, service_target_us, service_used_us, "
    "service_running_since, service_due, service_at_risk, service_breached, "
    "resolution_target_us, resolution_used_us, resolution_running_since, "
    "resolution_due, resolution_at_risk, resolution_breached, nik_index, "
    "needs_info_until, sla_breach_time, sla_risk_time) VALUES ("
    ":tracking_code, :office_code, :state, :channel, :source, :external_ref, "
    ":name, :nik, :kk, :phone, :email, :address, :anonymous, :confidential, "
    ":title, :description, :category, :loc_address, :kelurahan, :latitude, "
    ":longitude, :unit_code, :pin_generation, :pin_failures, "
    ":pin_window_start, :version, :create_time, :update_time, :s_target, "
    ":s_used, :s_since, :s_due, :s_risk, :s_breached, :r_target, :r_used, "
    ":r_since, :r_due, :r_risk, :r_breached, :nik_index, :needs_info_until, "
    ":sla_breach, :sla_risk)";

constexpr char kUpdateComplaint[] =
    // A new PIN generation (ReissuePin) writes the wrong-PIN count the
    // domain gives it; other changes leave the concurrent count alone.
    // First, so that MySQL and SQLite both compare the stored generation.
    "UPDATE complaints SET pin_failures = CASE WHEN pin_generation <> "
    ":new_pin_generation THEN :new_pin_failures ELSE pin_failures END, "
    "state = :state, unit_code = :unit_code, "
    "complainant_name = :name, complainant_nik = :nik, complainant_kk = :kk, "
    "complainant_phone = :phone, complainant_email = :email, "
    "complainant_address = :address, anonymous = :anonymous, confidential = "
    ":confidential, title = :title, description = :description, "
    "category_code = :category, location_address = :loc_address, "
    "location_kelurahan = :kelurahan, latitude = :latitude, longitude = "
    ":longitude, pin_generation = :pin_generation, version = :version, "
    "update_time = :update_time, service_target_us = :s_target, "
    "service_used_us = :s_used, service_running_since = :s_since, "
    "service_due = :s_due, service_at_risk = :s_risk, service_breached = "
    ":s_breached, resolution_target_us = :r_target, resolution_used_us = "
    ":r_used, resolution_running_since = :r_since, resolution_due = :r_due, "
    "resolution_at_risk = :r_risk, resolution_breached = :r_breached, "
    "nik_index = :nik_index, needs_info_until = :needs_info_until, "
    "sla_breach_time = :sla_breach, sla_risk_time = :sla_risk "
    "WHERE id = :id AND version = :expected";

constexpr char kInsertEvent[] =
    "INSERT INTO complaint_events (office_code, complaint_id, version, type, "
    "from_state, to_state, actor, actor_role, note, payload, create_time) "
    "VALUES (:office, :cid, :version, :type, :from_state, :to_state, :actor, "
    ":role, :note, :payload, :time)";

constexpr char kInsertRequest[] =
    "INSERT INTO request_records (caller, request_id, office_code, method, "
    "fingerprint, tracking_code, create_time, pin_generation, "
    "result_version, fingerprint_keyed) VALUES (:caller, :rid, :office, "
    ":method, :fingerprint, :tracking_code, :time, :pin_generation, "
    ":result_version, 1)";

constexpr char kFingerprintContext[] = "request_records.fingerprint";

constexpr char kSelectRequest[] =
    "SELECT office_code, method, fingerprint, tracking_code, create_time, "
    "pin_generation, result_version FROM request_records WHERE caller = "
    ":caller AND request_id = :rid";

constexpr char kSelectByExternal[] =
    "SELECT tracking_code FROM complaints WHERE source = :source AND "
    "external_reference = :ref";

constexpr char kCountTracking[] =
    "SELECT COUNT(*) FROM complaints WHERE tracking_code = :t";

constexpr char kSelectId[] =
    "SELECT id FROM complaints WHERE tracking_code = :t";

constexpr char kSelectEvents[] =
    "SELECT version, type, from_state, to_state, actor, actor_role, note, "
    "payload, create_time, office_code FROM complaint_events "
    "WHERE complaint_id = :cid AND version > :after ORDER BY version";

constexpr char kInsertAccessLog[] =
    "INSERT INTO access_log (office_code, tracking_code, principal_id, "
    "principal_name, role, reason, create_time) VALUES (:office, :t, :pid, "
    ":pname, :role, :reason, :time)";

constexpr char kSelectPlaintextPii[] =
    "SELECT id, complainant_nik, complainant_kk FROM complaints WHERE "
    "(complainant_nik <> '' AND complainant_nik NOT LIKE 'v1:%') OR "
    "(complainant_kk <> '' AND complainant_kk NOT LIKE 'v1:%')";

constexpr char kUpdatePii[] =
    "UPDATE complaints SET complainant_nik = :nik, complainant_kk = :kk, "
    "nik_index = :idx WHERE id = :id";

constexpr char kLastArchive[] =
    "SELECT office_seq, sha256 FROM archives WHERE office_code = :office "
    "ORDER BY office_seq DESC LIMIT 1";
constexpr char kInsertArchive[] =
    "INSERT INTO archives (tracking_code, office_code, office_seq, "
    "prev_sha256, sha256, hmac, document, create_time) VALUES (:t, :office, "
    ":seq, :prev, :sha, :hmac, :doc, :time)";
constexpr char kArchiveColumns[] =
    "tracking_code, office_code, office_seq, prev_sha256, sha256, hmac, "
    "document, create_time";

// Cipher contexts: a value copied to another column does not decrypt.
constexpr char kNikContext[] = "complaints.complainant_nik";
constexpr char kKkContext[] = "complaints.complainant_kk";
constexpr char kNikIndexContext[] = "nik";

}  // namespace

SociComplaintRepository::PinAttemptSql::PinAttemptSql(absl::string_view table)
    : count(absl::StrCat(
          "UPDATE ", table,
          " SET "
          "pin_failures = CASE WHEN :now1 - pin_window_start >= :win1 THEN 1 "
          "ELSE pin_failures + 1 END, "
          "pin_window_start = CASE WHEN :now2 - pin_window_start >= :win2 "
          "THEN :now3 ELSE pin_window_start END "
          "WHERE tracking_code = :t")),
      select(absl::StrCat("SELECT pin_failures FROM ", table,
                          " WHERE tracking_code = :t")) {}

namespace {

constexpr char kForgivePinAttempt[] =
    "UPDATE complaints SET pin_failures = CASE WHEN pin_failures > 0 THEN "
    "pin_failures - 1 ELSE 0 END WHERE tracking_code = :t";

// A running clock past due, or a clock that stopped late; a running clock
// past its at-risk time. Range conditions on the derived columns (see
// SlaBreachTime), so that each is an index scan per office.
constexpr char kBreachedSql[] = "(sla_breach_time <= :now)";
constexpr char kNotBreachedSql[] =
    "(sla_breach_time IS NULL OR sla_breach_time > :now)";
constexpr char kRiskSql[] = "(sla_risk_time <= :now)";
constexpr char kNotRiskSql[] =
    "(sla_risk_time IS NULL OR sla_risk_time > :now)";

// The earlier of two optional times.
std::optional<long long> Earliest(std::optional<long long> a,
                                  std::optional<long long> b) {
  if (!a) return b;
  if (!b) return a;
  return std::min(*a, *b);
}

// When the complaint is (0: already, a clock stopped late) or becomes
// breached if nothing changes; none when no clock runs.
std::optional<long long> SlaBreachTime(const ComplaintRecord& c) {
  if (c.service.breached || c.resolution.breached) return 0;
  return Earliest(c.service.due, c.resolution.due);
}

// ---- Row binding ----------------------------------------------------------

// Into-targets for one complaint row, in kColumns order.
struct ComplaintRow {
  ComplaintRecord r;
  std::string source, external;
  int anonymous = 0, confidential = 0, s_breached = 0, r_breached = 0;
  double lat = 0, lon = 0;
  long long s_since = 0, s_due = 0, s_risk = 0;
  long long r_since = 0, r_due = 0, r_risk = 0, needs_until = 0;
  soci::indicator i_source, i_external, i_lat, i_lon, i_s_since, i_s_due,
      i_s_risk, i_r_since, i_r_due, i_r_risk, i_needs_until;

  void Bind(soci::statement& st) {
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

  ComplaintRecord Take() {
    auto opt = [](long long v, soci::indicator i) {
      return i == soci::i_ok ? std::optional<long long>(v) : std::nullopt;
    };
    ComplaintRecord out = r;
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
};

// Values bound by name to a statement; keeps them alive while it runs.
class Binder {
 public:
  void Text(soci::statement& st, const std::string& name, std::string v) {
    strings_.push_back(std::move(v));
    st.exchange(soci::use(strings_.back(), name));
  }
  void Int(soci::statement& st, const std::string& name, long long v) {
    ints_.push_back(v);
    st.exchange(soci::use(ints_.back(), name));
  }
  void OptInt(soci::statement& st, const std::string& name,
              const std::optional<long long>& v) {
    ints_.push_back(v.value_or(0));
    indicators_.push_back(v ? soci::i_ok : soci::i_null);
    st.exchange(soci::use(ints_.back(), indicators_.back(), name));
  }
  void OptDouble(soci::statement& st, const std::string& name,
                 const std::optional<double>& v) {
    doubles_.push_back(v.value_or(0));
    indicators_.push_back(v ? soci::i_ok : soci::i_null);
    st.exchange(soci::use(doubles_.back(), indicators_.back(), name));
  }
  void NullableText(soci::statement& st, const std::string& name,
                    const std::string& v) {
    strings_.push_back(v);
    indicators_.push_back(v.empty() ? soci::i_null : soci::i_ok);
    st.exchange(soci::use(strings_.back(), indicators_.back(), name));
  }

 private:
  std::deque<std::string> strings_;
  std::deque<long long> ints_;
  std::deque<double> doubles_;
  std::deque<soci::indicator> indicators_;
};

// Binds the columns a transition may change; `stored_nik`, `stored_kk` and
// `nik_index` are the encrypted forms.
void BindMutable(soci::statement& st, Binder& b, const ComplaintRecord& c,
                 const std::string& stored_nik, const std::string& stored_kk,
                 const std::string& nik_index) {
  b.Text(st, "state", c.state);
  b.Text(st, "name", c.complainant_name);
  b.Text(st, "nik", stored_nik);
  b.Text(st, "kk", stored_kk);
  b.Text(st, "phone", c.complainant_phone);
  b.Text(st, "email", c.complainant_email);
  b.Text(st, "address", c.complainant_address);
  b.Int(st, "anonymous", c.anonymous ? 1 : 0);
  b.Int(st, "confidential", c.confidential ? 1 : 0);
  b.Text(st, "title", c.title);
  b.Text(st, "description", c.description);
  b.Text(st, "category", c.category_code);
  b.Text(st, "loc_address", c.location_address);
  b.Text(st, "kelurahan", c.location_kelurahan);
  b.OptDouble(st, "latitude", c.latitude);
  b.OptDouble(st, "longitude", c.longitude);
  b.Text(st, "unit_code", c.unit_code);
  b.Int(st, "pin_generation", c.pin_generation);
  b.Int(st, "version", c.version);
  b.Int(st, "update_time", c.update_time);
  b.Int(st, "s_target", c.service.target_us);
  b.Int(st, "s_used", c.service.used_us);
  b.OptInt(st, "s_since", c.service.running_since);
  b.OptInt(st, "s_due", c.service.due);
  b.OptInt(st, "s_risk", c.service.at_risk);
  b.Int(st, "s_breached", c.service.breached ? 1 : 0);
  b.Int(st, "r_target", c.resolution.target_us);
  b.Int(st, "r_used", c.resolution.used_us);
  b.OptInt(st, "r_since", c.resolution.running_since);
  b.OptInt(st, "r_due", c.resolution.due);
  b.OptInt(st, "r_risk", c.resolution.at_risk);
  b.Int(st, "r_breached", c.resolution.breached ? 1 : 0);
  b.NullableText(st, "nik_index", nik_index);
  b.OptInt(st, "needs_info_until", c.needs_info_until);
  b.OptInt(st, "sla_breach", SlaBreachTime(c));
  b.OptInt(st, "sla_risk", Earliest(c.service.at_risk, c.resolution.at_risk));
}

void InsertComplaint(soci::session& sql, ComplaintRecord& c,
                     const std::string& stored_nik,
                     const std::string& stored_kk,
                     const std::string& nik_index) {
  soci::statement st(sql);
  Binder b;
  BindMutable(st, b, c, stored_nik, stored_kk, nik_index);
  b.Text(st, "tracking_code", c.tracking_code);
  b.Text(st, "office_code", c.office_code);
  b.Text(st, "channel", c.channel);
  b.NullableText(st, "source", c.source);
  b.NullableText(st, "external_ref", c.external_reference);
  b.Int(st, "pin_failures", c.pin_failures);
  b.Int(st, "pin_window_start", c.pin_window_start);
  b.Int(st, "create_time", c.create_time);
  st.alloc();
  st.prepare(kInsertComplaint);
  st.define_and_bind();
  st.execute(true);
  long long id = 0;
  sql.get_last_insert_id("complaints", id);
  c.id = id;
}

void InsertEvent(soci::session& sql, long long complaint_id,
                 const EventRecord& e) {
  sql << kInsertEvent, soci::use(e.office_code, "office"),
      soci::use(complaint_id, "cid"), soci::use(e.version, "version"),
      soci::use(e.type, "type"), soci::use(e.from_state, "from_state"),
      soci::use(e.to_state, "to_state"), soci::use(e.actor, "actor"),
      soci::use(e.actor_role, "role"), soci::use(e.note, "note"),
      soci::use(e.payload, "payload"), soci::use(e.create_time, "time");
}

std::optional<RequestRecord> SelectRequest(soci::session& sql,
                                           const std::string& caller,
                                           const std::string& request_id) {
  RequestRecord r;
  r.caller = caller;
  r.request_id = request_id;
  int pin_generation = 0;
  long long result_version = 0;
  soci::indicator pin_ind = soci::i_null, version_ind = soci::i_null;
  sql << kSelectRequest, soci::use(caller, "caller"),
      soci::use(request_id, "rid"), soci::into(r.office_code),
      soci::into(r.method), soci::into(r.fingerprint),
      soci::into(r.tracking_code), soci::into(r.create_time),
      soci::into(pin_generation, pin_ind),
      soci::into(result_version, version_ind);
  if (!sql.got_data()) return std::nullopt;
  if (pin_ind == soci::i_ok) r.pin_generation = pin_generation;
  if (version_ind == soci::i_ok) r.result_version = result_version;
  return r;
}

// One archive record by `where`, which names :a (text) and, exactly when
// `b` is given, :b (number).
std::optional<ArchiveRecord> SelectArchive(soci::session& sql,
                                           const std::string& where,
                                           const std::string& a,
                                           std::optional<long long> b) {
  ArchiveRecord r;
  std::string av = a;
  long long bv = b.value_or(0);
  soci::statement st(sql);
  st.exchange(soci::into(r.tracking_code));
  st.exchange(soci::into(r.office_code));
  st.exchange(soci::into(r.office_seq));
  st.exchange(soci::into(r.prev_sha256));
  st.exchange(soci::into(r.sha256));
  st.exchange(soci::into(r.hmac));
  st.exchange(soci::into(r.document));
  st.exchange(soci::into(r.create_time));
  st.exchange(soci::use(av, "a"));
  if (b) st.exchange(soci::use(bv, "b"));
  st.alloc();
  st.prepare(
      absl::StrCat("SELECT ", kArchiveColumns, " FROM archives WHERE ", where));
  st.define_and_bind();
  if (!st.execute(true)) return std::nullopt;
  return r;
}

// Conditions of SelectAttachments, with :a and :b.
constexpr char kAttachmentsOfComplaint[] = "tracking_code = :a ORDER BY id";
constexpr char kAttachmentById[] = "attachment_id = :a";
constexpr char kAttachmentByRequest[] =
    "request_caller = :a AND request_id = :b";
constexpr char kCountAttachmentsWithSha256[] =
    "SELECT COUNT(*) FROM attachments WHERE sha256 = :sha";

constexpr char kAttachmentColumns[] =
    "attachment_id, office_code, tracking_code, type, media_type, file_name, "
    "size_bytes, sha256, uploaded_by, uploaded_role, request_caller, "
    "request_id, create_time";

void InsertAttachment(soci::session& sql, long long complaint_id,
                      const AttachmentRecord& a) {
  sql << absl::StrCat("INSERT INTO attachments (complaint_id, ",
                      kAttachmentColumns,
                      ") VALUES (:cid, :id, :office, :t, :type, :media, "
                      ":name, :size, :sha, :by, :role, :caller, :rid, :time)"),
      soci::use(complaint_id, "cid"), soci::use(a.attachment_id, "id"),
      soci::use(a.office_code, "office"), soci::use(a.tracking_code, "t"),
      soci::use(a.type, "type"), soci::use(a.media_type, "media"),
      soci::use(a.file_name, "name"), soci::use(a.size_bytes, "size"),
      soci::use(a.sha256, "sha"), soci::use(a.uploaded_by, "by"),
      soci::use(a.uploaded_role, "role"), soci::use(a.request_caller, "caller"),
      soci::use(a.request_id, "rid"), soci::use(a.create_time, "time");
}

// Attachments by `where`, which names :a and, exactly when `b` is given,
// :b.
std::vector<AttachmentRecord> SelectAttachments(
    soci::session& sql, const std::string& where, const std::string& a,
    const std::optional<std::string>& b) {
  std::vector<AttachmentRecord> out;
  AttachmentRecord r;
  std::string av = a;
  std::string bv = b.value_or("");
  soci::statement st(sql);
  st.exchange(soci::into(r.attachment_id));
  st.exchange(soci::into(r.office_code));
  st.exchange(soci::into(r.tracking_code));
  st.exchange(soci::into(r.type));
  st.exchange(soci::into(r.media_type));
  st.exchange(soci::into(r.file_name));
  st.exchange(soci::into(r.size_bytes));
  st.exchange(soci::into(r.sha256));
  st.exchange(soci::into(r.uploaded_by));
  st.exchange(soci::into(r.uploaded_role));
  st.exchange(soci::into(r.request_caller));
  st.exchange(soci::into(r.request_id));
  st.exchange(soci::into(r.create_time));
  st.exchange(soci::use(av, "a"));
  if (b) st.exchange(soci::use(bv, "b"));
  st.alloc();
  st.prepare(absl::StrCat("SELECT ", kAttachmentColumns,
                          " FROM attachments WHERE ", where));
  st.define_and_bind();
  if (st.execute(true)) {
    do out.push_back(r);
    while (st.fetch());
  }
  return out;
}

// `keyed_fingerprint`: r.fingerprint as KeyedFingerprint stores it.
void InsertRequest(soci::session& sql, const RequestRecord& r,
                   const std::string& keyed_fingerprint) {
  const int pin_generation = r.pin_generation.value_or(0);
  const long long result_version = r.result_version.value_or(0);
  soci::indicator pin_ind = r.pin_generation ? soci::i_ok : soci::i_null;
  soci::indicator version_ind = r.result_version ? soci::i_ok : soci::i_null;
  sql << kInsertRequest, soci::use(r.caller, "caller"),
      soci::use(r.request_id, "rid"), soci::use(r.office_code, "office"),
      soci::use(r.method, "method"),
      soci::use(keyed_fingerprint, "fingerprint"),
      soci::use(r.tracking_code, "tracking_code"),
      soci::use(r.create_time, "time"),
      soci::use(pin_generation, pin_ind, "pin_generation"),
      soci::use(result_version, version_ind, "result_version");
}

// The complaint with this tracking code (still encrypted), if any.
std::optional<ComplaintRecord> SelectComplaint(soci::session& sql,
                                               const std::string& code) {
  ComplaintRow row;
  std::string t = code;
  soci::statement st(sql);
  row.Bind(st);
  st.exchange(soci::use(t, "t"));
  st.alloc();
  st.prepare(absl::StrCat("SELECT ", kColumns,
                          " FROM complaints WHERE tracking_code = :t"));
  st.define_and_bind();
  if (!st.execute(true)) return std::nullopt;
  return row.Take();
}

// Events of complaint `id` with version > `after`, oldest first.
std::vector<EventRecord> SelectEvents(soci::session& sql, long long id,
                                      const std::string& code, long long after,
                                      int limit) {
  std::vector<EventRecord> out;
  EventRecord e;
  e.tracking_code = code;
  soci::statement st =
      (sql.prepare << absl::StrCat(kSelectEvents, " LIMIT ", limit),
       soci::use(id, "cid"), soci::use(after, "after"), soci::into(e.version),
       soci::into(e.type), soci::into(e.from_state), soci::into(e.to_state),
       soci::into(e.actor), soci::into(e.actor_role), soci::into(e.note),
       soci::into(e.payload), soci::into(e.create_time),
       soci::into(e.office_code));
  if (st.execute(true)) {
    do out.push_back(e);
    while (st.fetch());
  }
  return out;
}

// Escapes LIKE wildcards with '!' (used as ESCAPE character).
std::string LikePattern(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '!') out.push_back('!');
    out.push_back(c);
  }
  out.push_back('%');
  return out;
}

// Appends "AND col IN (:pN, …)" for a non-empty list.
void InFilter(const std::string& column, const std::vector<std::string>& values,
              std::string& where, soci::statement& st, Binder& b, int& n) {
  if (values.empty()) return;
  std::vector<std::string> names;
  for (const std::string& v : values) {
    std::string name = absl::StrCat("p", n++);
    b.Text(st, name, v);
    names.push_back(absl::StrCat(":", name));
  }
  absl::StrAppend(&where, " AND ", column, " IN (", absl::StrJoin(names, ", "),
                  ")");
}

// Builds the WHERE clause of `q` and binds its values to `st`.
std::string BuildWhere(const ComplaintQuery& q, const std::string& nik_index,
                       bool with_cursor, soci::statement& st, Binder& b) {
  std::string where = "1 = 1";
  int n = 0;
  if (q.scopes) {
    std::vector<std::string> ors;
    for (const ComplaintScope& scope : *q.scopes) {
      std::string one = absl::StrCat("(office_code = :p", n, "");
      b.Text(st, absl::StrCat("p", n++), scope.office_code);
      if (!scope.unit_code.empty()) {
        absl::StrAppend(&one, " AND unit_code = :p", n);
        b.Text(st, absl::StrCat("p", n++), scope.unit_code);
      }
      if (!scope.source.empty()) {
        absl::StrAppend(&one, " AND source = :p", n);
        b.Text(st, absl::StrCat("p", n++), scope.source);
      }
      ors.push_back(one + ")");
    }
    absl::StrAppend(&where, " AND (",
                    ors.empty() ? "1 = 0" : absl::StrJoin(ors, " OR "), ")");
  }
  if (!q.nik.empty()) {
    b.Text(st, "nik_index", nik_index);
    absl::StrAppend(&where, " AND nik_index = :nik_index");
  }
  InFilter("office_code", q.office_codes, where, st, b, n);
  InFilter("state", q.states, where, st, b, n);
  InFilter("channel", q.channels, where, st, b, n);
  InFilter("unit_code", q.unit_codes, where, st, b, n);
  if (!q.sla_statuses.empty()) {
    std::vector<std::string> ors;
    for (const std::string& s : q.sla_statuses) {
      if (s == "BREACHED") {
        ors.push_back(kBreachedSql);
      } else if (s == "AT_RISK") {
        ors.push_back(
            absl::StrCat("(", kNotBreachedSql, " AND ", kRiskSql, ")"));
      } else {
        ors.push_back(
            absl::StrCat("(", kNotBreachedSql, " AND ", kNotRiskSql, ")"));
      }
    }
    absl::StrAppend(&where, " AND (", absl::StrJoin(ors, " OR "), ")");
    b.Int(st, "now", q.now);
  }
  if (!q.text.empty()) {
    b.Text(st, "q", LikePattern(q.text));
    absl::StrAppend(&where,
                    " AND (tracking_code LIKE :q ESCAPE '!' OR title LIKE :q "
                    "ESCAPE '!' OR description LIKE :q ESCAPE '!')");
  }
  if (q.create_time_from) {
    b.Int(st, "from", *q.create_time_from);
    absl::StrAppend(&where, " AND create_time >= :from");
  }
  if (q.create_time_to) {
    b.Int(st, "to", *q.create_time_to);
    absl::StrAppend(&where, " AND create_time < :to");
  }
  if (with_cursor && q.after) {
    const char* col = q.order_by_update_time ? "update_time" : "create_time";
    const char* cmp = q.descending ? "<" : ">";
    b.Int(st, "ct", q.after->first);
    b.Int(st, "cid", q.after->second);
    absl::StrAppend(&where, " AND (", col, " ", cmp, " :ct OR (", col,
                    " = :ct AND id ", cmp, " :cid))");
  }
  return where;
}

}  // namespace

absl::StatusOr<CreateOutcome> SociComplaintRepository::Create(
    absl::Time deadline, ComplaintRecord& complaint, const EventRecord& event,
    const std::optional<RequestRecord>& request) {
  CreateOutcome outcome;
  ASSIGN_OR_RETURN(const StoredPii pii, Protect(complaint));
  const std::string& stored_nik = pii.nik;
  const std::string& stored_kk = pii.kk;
  const std::string& nik_index = pii.nik_index;
  auto attempt = [&](soci::session& sql) -> absl::Status {
    outcome = CreateOutcome();
    if (request) {
      if (auto found =
              SelectRequest(sql, request->caller, request->request_id)) {
        outcome.kind = CreateOutcome::Kind::kRequestExists;
        outcome.request = *found;
        return absl::OkStatus();
      }
    }
    if (!complaint.source.empty() && !complaint.external_reference.empty()) {
      std::string existing;
      sql << kSelectByExternal, soci::use(complaint.source, "source"),
          soci::use(complaint.external_reference, "ref"), soci::into(existing);
      if (sql.got_data()) {
        outcome.kind = CreateOutcome::Kind::kExternalReferenceExists;
        outcome.tracking_code = existing;
        return absl::OkStatus();
      }
    }
    int taken = 0;
    sql << kCountTracking, soci::use(complaint.tracking_code, "t"),
        soci::into(taken);
    if (taken > 0) {
      outcome.kind = CreateOutcome::Kind::kTrackingCodeTaken;
      return absl::OkStatus();
    }
    InsertComplaint(sql, complaint, stored_nik, stored_kk, nik_index);
    InsertEvent(sql, complaint.id, event);
    if (request) {
      InsertRequest(sql, *request, KeyedFingerprint(request->fingerprint));
    }
    return absl::OkStatus();
  };
  absl::Status st = db_.Write(deadline, attempt);
  // A concurrent twin committed first (unique key): run again, which now
  // finds what it wrote.
  if (absl::IsAlreadyExists(st)) st = db_.Write(deadline, attempt);
  if (absl::IsAlreadyExists(st)) {
    return absl::AbortedError("conflicting concurrent request; retry");
  }
  RETURN_IF_ERROR(st);
  return outcome;
}

absl::StatusOr<UpdateOutcome> SociComplaintRepository::UpdateWithEvent(
    absl::Time deadline, const ComplaintRecord& c, long long expected_version,
    const EventRecord& event, const std::optional<RequestRecord>& request) {
  return Update(deadline, c, expected_version, event, request, Extra());
}

absl::StatusOr<UpdateOutcome> SociComplaintRepository::AttachWithEvent(
    absl::Time deadline, const ComplaintRecord& c, long long expected_version,
    const EventRecord& event, const std::optional<RequestRecord>& request,
    const AttachmentRecord& attachment) {
  Extra extra;
  extra.attachment = &attachment;
  return Update(deadline, c, expected_version, event, request, extra);
}

absl::StatusOr<std::vector<AttachmentRecord>>
SociComplaintRepository::ReadAttachments(absl::Time deadline,
                                         const std::string& where,
                                         const std::string& a,
                                         const std::optional<std::string>& b) {
  std::vector<AttachmentRecord> out;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    out = SelectAttachments(sql, where, a, b);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<AttachmentRecord>>
SociComplaintRepository::ListAttachments(absl::Time deadline,
                                         const std::string& tracking_code) {
  return ReadAttachments(deadline, kAttachmentsOfComplaint, tracking_code,
                         std::nullopt);
}

absl::StatusOr<std::optional<AttachmentRecord>>
SociComplaintRepository::GetAttachment(absl::Time deadline,
                                       const std::string& attachment_id) {
  ASSIGN_OR_RETURN(auto rows, ReadAttachments(deadline, kAttachmentById,
                                              attachment_id, std::nullopt));
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

absl::StatusOr<std::optional<AttachmentRecord>>
SociComplaintRepository::FindAttachmentByRequest(
    absl::Time deadline, const std::string& caller,
    const std::string& request_id) {
  ASSIGN_OR_RETURN(auto rows, ReadAttachments(deadline, kAttachmentByRequest,
                                              caller, request_id));
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

absl::StatusOr<long long> SociComplaintRepository::CountAttachmentsWithSha256(
    absl::Time deadline, const std::string& sha256) {
  long long n = 0;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    sql << kCountAttachmentsWithSha256, soci::use(sha256, "sha"), soci::into(n);
    return absl::OkStatus();
  }));
  return n;
}

absl::StatusOr<UpdateOutcome> SociComplaintRepository::ArchiveWithEvent(
    absl::Time deadline, const ComplaintRecord& c, long long expected_version,
    const EventRecord& event, const std::optional<RequestRecord>& request,
    const ArchiveBuilder& build) {
  Extra extra;
  extra.build = &build;
  return Update(deadline, c, expected_version, event, request, extra);
}

absl::StatusOr<std::optional<ArchiveRecord>>
SociComplaintRepository::GetArchive(absl::Time deadline,
                                    const std::string& tracking_code) {
  std::optional<ArchiveRecord> out;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    out = SelectArchive(sql, "tracking_code = :a", tracking_code, std::nullopt);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::optional<ArchiveRecord>>
SociComplaintRepository::GetArchiveBySeq(absl::Time deadline,
                                         const std::string& office_code,
                                         long long office_seq) {
  std::optional<ArchiveRecord> out;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    out = SelectArchive(sql, "office_code = :a AND office_seq = :b",
                        office_code, office_seq);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<UpdateOutcome> SociComplaintRepository::Update(
    absl::Time deadline, const ComplaintRecord& c, long long expected_version,
    const EventRecord& event, const std::optional<RequestRecord>& request,
    const Extra& extra) {
  UpdateOutcome outcome;
  ASSIGN_OR_RETURN(const StoredPii pii, Protect(c));
  const std::string& stored_nik = pii.nik;
  const std::string& stored_kk = pii.kk;
  const std::string& nik_index = pii.nik_index;
  auto attempt = [&](soci::session& sql) -> absl::Status {
    outcome = UpdateOutcome();
    if (request) {
      if (auto found =
              SelectRequest(sql, request->caller, request->request_id)) {
        outcome.kind = UpdateOutcome::Kind::kRequestExists;
        outcome.request = *found;
        return absl::OkStatus();
      }
    }
    soci::statement st(sql);
    Binder b;
    BindMutable(st, b, c, stored_nik, stored_kk, nik_index);
    b.Int(st, "id", c.id);
    b.Int(st, "expected", expected_version);
    b.Int(st, "new_pin_generation", c.pin_generation);
    b.Int(st, "new_pin_failures", c.pin_failures);
    st.alloc();
    st.prepare(kUpdateComplaint);
    st.define_and_bind();
    st.execute(true);
    if (st.get_affected_rows() != 1) {
      outcome.kind = UpdateOutcome::Kind::kVersionConflict;
      return absl::OkStatus();
    }
    InsertEvent(sql, c.id, event);
    if (extra.attachment != nullptr) {
      InsertAttachment(sql, c.id, *extra.attachment);
    }
    if (const ArchiveBuilder* build = extra.build; build != nullptr) {
      // Every event: one a version, the one just written included.
      const std::vector<EventRecord> events =
          SelectEvents(sql, c.id, c.tracking_code, 0, c.version + 1);
      if (static_cast<long long>(events.size()) != c.version) {
        return absl::DataLossError(absl::StrCat(
            "complaint ", c.tracking_code, " is at version ", c.version,
            " but has ", events.size(), " events; not archived"));
      }
      std::string prev(64, '0');
      long long last_seq = 0;
      sql << kLastArchive, soci::use(c.office_code, "office"),
          soci::into(last_seq), soci::into(prev);
      if (!sql.got_data()) {
        prev = std::string(64, '0');
        last_seq = 0;
      }
      ASSIGN_OR_RETURN(ArchiveRecord a, (*build)(prev, last_seq + 1, events));
      sql << kInsertArchive, soci::use(a.tracking_code, "t"),
          soci::use(a.office_code, "office"), soci::use(a.office_seq, "seq"),
          soci::use(a.prev_sha256, "prev"), soci::use(a.sha256, "sha"),
          soci::use(a.hmac, "hmac"), soci::use(a.document, "doc"),
          soci::use(a.create_time, "time");
    }
    if (request) {
      InsertRequest(sql, *request, KeyedFingerprint(request->fingerprint));
    }
    return absl::OkStatus();
  };
  absl::Status st = db_.Write(deadline, attempt);
  // A twin with the same request_id (or event version, or the office's next
  // archive number) committed first: decide again on what is stored.
  for (int i = 0; i < 4 && absl::IsAlreadyExists(st); ++i) {
    st = db_.Write(deadline, attempt);
  }
  if (absl::IsAlreadyExists(st)) {
    outcome.kind = UpdateOutcome::Kind::kVersionConflict;
    return outcome;
  }
  RETURN_IF_ERROR(st);
  return outcome;
}

absl::StatusOr<std::vector<ComplaintRecord>>
SociComplaintRepository::ListExpiredNeedsInfo(absl::Time deadline,
                                              long long now, int limit) {
  std::vector<ComplaintRecord> out;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    out.clear();
    ComplaintRow row;
    long long n = now;
    soci::statement st(sql);
    row.Bind(st);
    st.exchange(soci::use(n, "now"));
    st.alloc();
    st.prepare(absl::StrCat(
        "SELECT ", kColumns,
        " FROM complaints WHERE state = 'NEEDS_INFO' AND needs_info_until <= "
        ":now ORDER BY needs_info_until LIMIT ",
        limit));
    st.define_and_bind();
    if (st.execute(true)) {
      do out.push_back(row.Take());
      while (st.fetch());
    }
    return absl::OkStatus();
  }));
  for (ComplaintRecord& r : out) RETURN_IF_ERROR(Decrypt(r));
  return out;
}

absl::StatusOr<std::optional<RequestRecord>>
SociComplaintRepository::FindRequest(absl::Time deadline,
                                     const std::string& caller,
                                     const std::string& request_id) {
  std::optional<RequestRecord> out;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    out = SelectRequest(sql, caller, request_id);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<ComplaintRecord> SociComplaintRepository::Get(
    absl::Time deadline, const std::string& tracking_code) {
  ComplaintRecord out;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    std::optional<ComplaintRecord> found = SelectComplaint(sql, tracking_code);
    if (!found) return absl::NotFoundError("complaint not found");
    out = *std::move(found);
    return absl::OkStatus();
  }));
  RETURN_IF_ERROR(Decrypt(out));
  return out;
}

absl::StatusOr<ComplaintRecord> SociComplaintRepository::GetLoggingAccess(
    absl::Time deadline, const std::string& tracking_code,
    const AccessLogRecord& entry) {
  ComplaintRecord out;
  RETURN_IF_ERROR(db_.Write(deadline, [&](soci::session& sql) {
    std::optional<ComplaintRecord> found = SelectComplaint(sql, tracking_code);
    if (!found) return absl::NotFoundError("complaint not found");
    out = *std::move(found);
    sql << kInsertAccessLog, soci::use(out.office_code, "office"),
        soci::use(out.tracking_code, "t"), soci::use(entry.principal_id, "pid"),
        soci::use(entry.principal_name, "pname"), soci::use(entry.role, "role"),
        soci::use(entry.reason, "reason"), soci::use(entry.create_time, "time");
    return absl::OkStatus();
  }));
  RETURN_IF_ERROR(Decrypt(out));
  return out;
}

absl::StatusOr<int> SociComplaintRepository::EncryptPlaintextRows(
    absl::Time deadline) {
  int changed = 0;
  RETURN_IF_ERROR(db_.Write(deadline, [&](soci::session& sql) {
    changed = 0;
    struct Row {
      long long id;
      std::string nik, kk;
    };
    std::vector<Row> rows;
    Row r;
    soci::statement st = (sql.prepare << kSelectPlaintextPii, soci::into(r.id),
                          soci::into(r.nik), soci::into(r.kk));
    if (st.execute(true)) {
      do rows.push_back(r);
      while (st.fetch());
    }
    for (Row& row : rows) {
      std::string nik = row.nik, kk = row.kk;
      if (PiiCipher::IsEncrypted(nik)) {
        ASSIGN_OR_RETURN(nik, cipher_.Decrypt(nik, kNikContext));
      }
      if (PiiCipher::IsEncrypted(kk)) {
        ASSIGN_OR_RETURN(kk, cipher_.Decrypt(kk, kKkContext));
      }
      ASSIGN_OR_RETURN(std::string enc_nik, cipher_.Encrypt(nik, kNikContext));
      ASSIGN_OR_RETURN(std::string enc_kk, cipher_.Encrypt(kk, kKkContext));
      std::string idx = cipher_.BlindIndex(nik, kNikIndexContext);
      soci::indicator i_idx = idx.empty() ? soci::i_null : soci::i_ok;
      sql << kUpdatePii, soci::use(enc_nik, "nik"), soci::use(enc_kk, "kk"),
          soci::use(idx, i_idx, "idx"), soci::use(row.id, "id");
      ++changed;
    }
    return absl::OkStatus();
  }));
  if (changed > 0 && db_.dialect() == Dialect::kSqlite) {
    // The plaintext pages are still in the write-ahead log: fold it into the
    // database file (secure_delete zeroes the old cells) and empty it.
    RETURN_IF_ERROR(db_.Read(deadline, [](soci::session& sql) {
      sql << "PRAGMA wal_checkpoint(TRUNCATE)";
      return absl::OkStatus();
    }));
  }
  return changed;
}

absl::StatusOr<SociComplaintRepository::StoredPii>
SociComplaintRepository::Protect(const ComplaintRecord& c) const {
  StoredPii out;
  ASSIGN_OR_RETURN(out.nik, cipher_.Encrypt(c.complainant_nik, kNikContext));
  ASSIGN_OR_RETURN(out.kk, cipher_.Encrypt(c.complainant_kk, kKkContext));
  out.nik_index = cipher_.BlindIndex(c.complainant_nik, kNikIndexContext);
  return out;
}

absl::Status SociComplaintRepository::Decrypt(ComplaintRecord& c) const {
  ASSIGN_OR_RETURN(c.complainant_nik,
                   cipher_.Decrypt(c.complainant_nik, kNikContext));
  ASSIGN_OR_RETURN(c.complainant_kk,
                   cipher_.Decrypt(c.complainant_kk, kKkContext));
  return absl::OkStatus();
}

absl::StatusOr<bool> SociComplaintRepository::NikIndexMatches(
    absl::Time deadline, const std::string& tracking_code) {
  ASSIGN_OR_RETURN(ComplaintRecord c, Get(deadline, tracking_code));
  std::string stored;
  soci::indicator ind = soci::i_null;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    sql << "SELECT nik_index FROM complaints WHERE tracking_code = :t",
        soci::use(tracking_code, "t"), soci::into(stored, ind);
    return absl::OkStatus();
  }));
  const std::string expected =
      c.complainant_nik.empty()
          ? ""
          : cipher_.BlindIndex(c.complainant_nik, kNikIndexContext);
  return (ind == soci::i_ok ? stored : "") == expected;
}

std::string SociComplaintRepository::KeyedFingerprint(
    absl::string_view digest) const {
  return cipher_.BlindIndex(digest, kFingerprintContext);
}

absl::StatusOr<int> SociComplaintRepository::KeyPlainFingerprints(
    absl::Time deadline) {
  int keyed = 0;
  for (;;) {
    struct Plain {
      std::string caller, request_id, fingerprint;
    };
    std::vector<Plain> batch;
    RETURN_IF_ERROR(db_.Write(deadline, [&](soci::session& sql) {
      batch.clear();
      Plain p;
      soci::statement st =
          (sql.prepare << "SELECT caller, request_id, fingerprint FROM "
                          "request_records WHERE fingerprint_keyed = 0 LIMIT "
                          "500",
           soci::into(p.caller), soci::into(p.request_id),
           soci::into(p.fingerprint));
      if (st.execute(true)) {
        do batch.push_back(p);
        while (st.fetch());
      }
      for (const Plain& row : batch) {
        const std::string mac = KeyedFingerprint(row.fingerprint);
        sql << "UPDATE request_records SET fingerprint = :f, "
               "fingerprint_keyed = 1 WHERE caller = :c AND request_id = :r "
               "AND fingerprint_keyed = 0",
            soci::use(mac, "f"), soci::use(row.caller, "c"),
            soci::use(row.request_id, "r");
      }
      return absl::OkStatus();
    }));
    keyed += static_cast<int>(batch.size());
    if (batch.size() < 500) return keyed;
  }
}

absl::StatusOr<ComplaintPage> SociComplaintRepository::List(
    absl::Time deadline, const ComplaintQuery& q) {
  ComplaintPage page;
  const std::string nik_index = cipher_.BlindIndex(q.nik, kNikIndexContext);
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    page = ComplaintPage();
    {
      soci::statement st(sql);
      Binder b;
      const std::string where =
          BuildWhere(q, nik_index, /*with_cursor=*/false, st, b);
      long long total = 0;
      st.exchange(soci::into(total));
      st.alloc();
      st.prepare(db_.Bounded(
          deadline,
          absl::StrCat("SELECT COUNT(*) FROM complaints WHERE ", where)));
      st.define_and_bind();
      st.execute(true);
      page.total_size = total;
    }
    soci::statement st(sql);
    Binder b;
    const std::string where =
        BuildWhere(q, nik_index, /*with_cursor=*/true, st, b);
    const char* col = q.order_by_update_time ? "update_time" : "create_time";
    const char* dir = q.descending ? "DESC" : "ASC";
    ComplaintRow row;
    row.Bind(st);
    st.alloc();
    st.prepare(db_.Bounded(
        deadline, absl::StrCat("SELECT ", kColumns, " FROM complaints WHERE ",
                               where, " ORDER BY ", col, " ", dir, ", id ", dir,
                               " LIMIT ", q.limit)));
    st.define_and_bind();
    if (st.execute(true)) {
      do {
        page.rows.push_back(row.Take());
      } while (st.fetch());
    }
    return absl::OkStatus();
  }));
  for (ComplaintRecord& r : page.rows) RETURN_IF_ERROR(Decrypt(r));
  return page;
}

absl::StatusOr<std::vector<EventRecord>> SociComplaintRepository::ListEvents(
    absl::Time deadline, const std::string& tracking_code,
    long long after_version, int limit) {
  std::vector<EventRecord> out;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    out.clear();
    long long id = 0;
    sql << kSelectId, soci::use(tracking_code, "t"), soci::into(id);
    if (!sql.got_data()) return absl::NotFoundError("complaint not found");
    out = SelectEvents(sql, id, tracking_code, after_version, limit);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<int> SociComplaintRepository::CountPinAttempt(
    absl::Time deadline, const std::string& tracking_code, long long now,
    long long window_us) {
  static const PinAttemptSql* const kSql = new PinAttemptSql("complaints");
  return CountAttempt(*kSql, deadline, tracking_code, now, window_us);
}

absl::StatusOr<int> SociComplaintRepository::CountDecoyPinAttempt(
    absl::Time deadline, const std::string& decoy, long long now,
    long long window_us) {
  static const PinAttemptSql* const kSql = new PinAttemptSql("pin_decoys");
  return CountAttempt(*kSql, deadline, decoy, now, window_us);
}

absl::StatusOr<int> SociComplaintRepository::CountAttempt(
    const PinAttemptSql& statements, absl::Time deadline,
    const std::string& key, long long now, long long window_us) {
  int attempts = 0;
  RETURN_IF_ERROR(db_.Write(deadline, [&](soci::session& sql) {
    soci::statement st = (sql.prepare << statements.count,
                          soci::use(now, "now1"), soci::use(window_us, "win1"),
                          soci::use(now, "now2"), soci::use(window_us, "win2"),
                          soci::use(now, "now3"), soci::use(key, "t"));
    st.execute(true);
    if (st.get_affected_rows() == 0) {
      return absl::NotFoundError("complaint not found");
    }
    sql << statements.select, soci::use(key, "t"), soci::into(attempts);
    return absl::OkStatus();
  }));
  return attempts;
}

absl::Status SociComplaintRepository::ForgivePinAttempt(
    absl::Time deadline, const std::string& tracking_code) {
  return db_.Write(deadline, [&](soci::session& sql) {
    sql << kForgivePinAttempt, soci::use(tracking_code, "t");
    return absl::OkStatus();
  });
}

}  // namespace aduan::db
