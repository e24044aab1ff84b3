#include "db/complaint_sql.h"

#include <type_traits>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "db/complaint_row.h"
#include "db/vocabulary_sql.h"

namespace aduan::db::complaint_sql {

// The earlier of two optional times.
std::optional<long long> Earliest(std::optional<long long> a,
                                  std::optional<long long> b) {
  if (!a) return b;
  if (!b) return a;
  return std::min(*a, *b);
}

// When the complaint is (0: already, a clock stopped late) or becomes
// breached if nothing changes; none when no clock runs.
std::optional<long long> SlaBreachTime(const model::ComplaintRecord& c) {
  if (c.service.breached || c.resolution.breached) return 0;
  return Earliest(c.service.due, c.resolution.due);
}

// Binds the columns a transition may change; `stored_nik`, `stored_kk` and
// `nik_index` are the encrypted forms.
void BindMutable(soci::statement& st, Binder& b,
                 const model::ComplaintRecord& c, const std::string& stored_nik,
                 const std::string& stored_kk, const std::string& nik_index) {
  b.Text(st, "state", std::string(model::Name(c.state)));
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

void InsertComplaint(soci::session& sql, model::ComplaintRecord& c,
                     const std::string& stored_nik,
                     const std::string& stored_kk,
                     const std::string& nik_index) {
  soci::statement st(sql);
  Binder b;
  BindMutable(st, b, c, stored_nik, stored_kk, nik_index);
  b.Text(st, "tracking_code", c.tracking_code);
  b.Text(st, "office_code", c.office_code);
  b.Text(st, "channel", std::string(model::Name(c.channel)));
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
                 const model::EventRecord& e) {
  const std::string from_state(model::Name(e.from_state));
  sql << kInsertEvent, soci::use(e.office_code, "office"),
      soci::use(complaint_id, "cid"), soci::use(e.version, "version"),
      soci::use(e.type, "type"), soci::use(from_state, "from_state"),
      soci::use(e.to_state, "to_state"), soci::use(e.actor, "actor"),
      soci::use(e.actor_role, "role"), soci::use(e.note, "note"),
      soci::use(e.payload, "payload"), soci::use(e.create_time, "time");
}

std::optional<model::RequestRecord> SelectRequest(
    soci::session& sql, const std::string& caller,
    const std::string& request_id) {
  model::RequestRecord r;
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
std::optional<model::ArchiveRecord> SelectArchive(soci::session& sql,
                                                  const std::string& where,
                                                  const std::string& a,
                                                  std::optional<long long> b) {
  model::ArchiveRecord r;
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

void InsertAttachment(soci::session& sql, long long complaint_id,
                      const model::AttachmentRecord& a) {
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
std::vector<model::AttachmentRecord> SelectAttachments(
    soci::session& sql, const std::string& where, const std::string& a,
    const std::optional<std::string>& b) {
  std::vector<model::AttachmentRecord> out;
  model::AttachmentRecord r;
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
void InsertRequest(soci::session& sql, const model::RequestRecord& r,
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
std::optional<model::ComplaintRecord> SelectComplaint(soci::session& sql,
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
std::vector<model::EventRecord> SelectEvents(soci::session& sql, long long id,
                                             const std::string& code,
                                             long long after, int limit) {
  std::vector<model::EventRecord> out;
  model::EventRecord e;
  e.tracking_code = code;
  std::string from_state;
  soci::statement st =
      (sql.prepare << absl::StrCat(kSelectEvents, " LIMIT ", limit),
       soci::use(id, "cid"), soci::use(after, "after"), soci::into(e.version),
       soci::into(e.type), soci::into(from_state), soci::into(e.to_state),
       soci::into(e.actor), soci::into(e.actor_role), soci::into(e.note),
       soci::into(e.payload), soci::into(e.create_time),
       soci::into(e.office_code));
  if (st.execute(true)) {
    do {
      if (!model::ParseEventState(from_state, &e.from_state)) {
        throw soci::soci_error(
            absl::StrCat("unknown stored from_state ", from_state));
      }
      out.push_back(e);
    } while (st.fetch());
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

// Appends "AND col IN (:pN, …)" for a non-empty list of texts or of
// vocabulary values (bound by name).
template <typename V>
void InFilter(const std::string& column, const std::vector<V>& values,
              std::string& where, soci::statement& st, Binder& b, int& n) {
  if (values.empty()) return;
  std::vector<std::string> names;
  for (const V& v : values) {
    std::string name = absl::StrCat("p", n++);
    if constexpr (std::is_same_v<V, std::string>) {
      b.Text(st, name, v);
    } else {
      b.Text(st, name, std::string(model::Name(v)));
    }
    names.push_back(absl::StrCat(":", name));
  }
  absl::StrAppend(&where, " AND ", column, " IN (", absl::StrJoin(names, ", "),
                  ")");
}

// Builds the WHERE clause of `q` and binds its values to `st`.
std::string BuildWhere(const model::ComplaintQuery& q,
                       const std::string& nik_index, bool with_cursor,
                       soci::statement& st, Binder& b) {
  std::string where = "1 = 1";
  int n = 0;
  if (q.scopes) {
    std::vector<std::string> ors;
    for (const model::ComplaintScope& scope : *q.scopes) {
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
    b.Int(st, "now", absl::ToUnixMicros(q.now));
  }
  if (!q.text.empty()) {
    b.Text(st, "q", LikePattern(q.text));
    absl::StrAppend(&where,
                    " AND (tracking_code LIKE :q ESCAPE '!' OR title LIKE :q "
                    "ESCAPE '!' OR description LIKE :q ESCAPE '!')");
  }
  if (q.create_time_from) {
    b.Int(st, "from", absl::ToUnixMicros(*q.create_time_from));
    absl::StrAppend(&where, " AND create_time >= :from");
  }
  if (q.create_time_to) {
    b.Int(st, "to", absl::ToUnixMicros(*q.create_time_to));
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

}  // namespace aduan::db::complaint_sql
