// The SQL of the complaint repository (db/soci_complaint_repository.h), in
// one place: the statements' text, and the helpers that bind a complaint,
// its events, requests, attachments and archive record to them. Used only
// by SociComplaintRepository.
#ifndef ADUAN_DB_COMPLAINT_SQL_H_
#define ADUAN_DB_COMPLAINT_SQL_H_

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "db/statement_binder.h"
#include "server/domain/model/complaint_repository.h"
#include "server/domain/model/records.h"

namespace aduan::db::complaint_sql {

// ---- SQL, all in one place ----------------------------------------------
inline constexpr char kColumns[] =
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
inline constexpr char kInsertComplaint[] =
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
inline constexpr char kUpdateComplaint[] =
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
inline constexpr char kInsertEvent[] =
    "INSERT INTO complaint_events (office_code, complaint_id, version, type, "
    "from_state, to_state, actor, actor_role, note, payload, create_time) "
    "VALUES (:office, :cid, :version, :type, :from_state, :to_state, :actor, "
    ":role, :note, :payload, :time)";
inline constexpr char kInsertRequest[] =
    "INSERT INTO request_records (caller, request_id, office_code, method, "
    "fingerprint, tracking_code, create_time, pin_generation, "
    "result_version, fingerprint_keyed) VALUES (:caller, :rid, :office, "
    ":method, :fingerprint, :tracking_code, :time, :pin_generation, "
    ":result_version, 1)";
inline constexpr char kFingerprintContext[] = "request_records.fingerprint";
inline constexpr char kSelectRequest[] =
    "SELECT office_code, method, fingerprint, tracking_code, create_time, "
    "pin_generation, result_version FROM request_records WHERE caller = "
    ":caller AND request_id = :rid";
inline constexpr char kSelectByExternal[] =
    "SELECT tracking_code FROM complaints WHERE source = :source AND "
    "external_reference = :ref";
inline constexpr char kCountTracking[] =
    "SELECT COUNT(*) FROM complaints WHERE tracking_code = :t";
inline constexpr char kSelectId[] =
    "SELECT id FROM complaints WHERE tracking_code = :t";
inline constexpr char kSelectEvents[] =
    "SELECT version, type, from_state, to_state, actor, actor_role, note, "
    "payload, create_time, office_code FROM complaint_events "
    "WHERE complaint_id = :cid AND version > :after ORDER BY version";
inline constexpr char kInsertAccessLog[] =
    "INSERT INTO access_log (office_code, tracking_code, principal_id, "
    "principal_name, role, reason, create_time) VALUES (:office, :t, :pid, "
    ":pname, :role, :reason, :time)";
inline constexpr char kSelectPlaintextPii[] =
    "SELECT id, complainant_nik, complainant_kk FROM complaints WHERE "
    "(complainant_nik <> '' AND complainant_nik NOT LIKE 'v1:%') OR "
    "(complainant_kk <> '' AND complainant_kk NOT LIKE 'v1:%')";
inline constexpr char kUpdatePii[] =
    "UPDATE complaints SET complainant_nik = :nik, complainant_kk = :kk, "
    "nik_index = :idx WHERE id = :id";
inline constexpr char kLastArchive[] =
    "SELECT office_seq, sha256 FROM archives WHERE office_code = :office "
    "ORDER BY office_seq DESC LIMIT 1";
inline constexpr char kInsertArchive[] =
    "INSERT INTO archives (tracking_code, office_code, office_seq, "
    "prev_sha256, sha256, hmac, document, create_time) VALUES (:t, :office, "
    ":seq, :prev, :sha, :hmac, :doc, :time)";
inline constexpr char kArchiveColumns[] =
    "tracking_code, office_code, office_seq, prev_sha256, sha256, hmac, "
    "document, create_time";
// Cipher contexts: a value copied to another column does not decrypt.
inline constexpr char kNikContext[] = "complaints.complainant_nik";
inline constexpr char kKkContext[] = "complaints.complainant_kk";
inline constexpr char kNikIndexContext[] = "nik";
inline constexpr char kForgivePinAttempt[] =
    "UPDATE complaints SET pin_failures = CASE WHEN pin_failures > 0 THEN "
    "pin_failures - 1 ELSE 0 END WHERE tracking_code = :t";
// A running clock past due, or a clock that stopped late; a running clock
// past its at-risk time. Range conditions on the derived columns (see
// SlaBreachTime), so that each is an index scan per office.
inline constexpr char kBreachedSql[] = "(sla_breach_time <= :now)";
inline constexpr char kNotBreachedSql[] =
    "(sla_breach_time IS NULL OR sla_breach_time > :now)";
inline constexpr char kRiskSql[] = "(sla_risk_time <= :now)";
inline constexpr char kNotRiskSql[] =
    "(sla_risk_time IS NULL OR sla_risk_time > :now)";
// Conditions of SelectAttachments, with :a and :b.
inline constexpr char kAttachmentsOfComplaint[] =
    "tracking_code = :a ORDER BY id";
inline constexpr char kAttachmentById[] = "attachment_id = :a";
inline constexpr char kAttachmentByRequest[] =
    "request_caller = :a AND request_id = :b";
inline constexpr char kCountAttachmentsWithSha256[] =
    "SELECT COUNT(*) FROM attachments WHERE sha256 = :sha";
inline constexpr char kAttachmentColumns[] =
    "attachment_id, office_code, tracking_code, type, media_type, file_name, "
    "size_bytes, sha256, uploaded_by, uploaded_role, request_caller, "
    "request_id, create_time";

// The earlier of two optional times.
std::optional<long long> Earliest(std::optional<long long> a,
                                  std::optional<long long> b);

// When the complaint is (0: already, a clock stopped late) or becomes
// breached if nothing changes; none when no clock runs.
std::optional<long long> SlaBreachTime(const model::ComplaintRecord& c);

// Binds the columns a transition may change; `stored_nik`, `stored_kk` and
// `nik_index` are the encrypted forms.
void BindMutable(soci::statement& st, Binder& b,
                 const model::ComplaintRecord& c, const std::string& stored_nik,
                 const std::string& stored_kk, const std::string& nik_index);

// Inserts `c` (setting its id) with its personal data in the stored,
// encrypted forms.
void InsertComplaint(soci::session& sql, model::ComplaintRecord& c,
                     const std::string& stored_nik,
                     const std::string& stored_kk,
                     const std::string& nik_index);

// Appends `e` to the history of complaint `complaint_id`.
void InsertEvent(soci::session& sql, long long complaint_id,
                 const model::EventRecord& e);

// The idempotency record of (caller, request_id), if any.
std::optional<model::RequestRecord> SelectRequest(
    soci::session& sql, const std::string& caller,
    const std::string& request_id);

// One archive record by `where`, which names :a (text) and, exactly when
// `b` is given, :b (number).
std::optional<model::ArchiveRecord> SelectArchive(soci::session& sql,
                                                  const std::string& where,
                                                  const std::string& a,
                                                  std::optional<long long> b);

// Records a document of complaint `complaint_id`.
void InsertAttachment(soci::session& sql, long long complaint_id,
                      const model::AttachmentRecord& a);

// Attachments by `where`, which names :a and, exactly when `b` is given,
// :b.
std::vector<model::AttachmentRecord> SelectAttachments(
    soci::session& sql, const std::string& where, const std::string& a,
    const std::optional<std::string>& b);

// `keyed_fingerprint`: r.fingerprint as KeyedFingerprint stores it.
void InsertRequest(soci::session& sql, const model::RequestRecord& r,
                   const std::string& keyed_fingerprint);

// The complaint with this tracking code (still encrypted), if any.
std::optional<model::ComplaintRecord> SelectComplaint(soci::session& sql,
                                                      const std::string& code);

// Events of complaint `id` with version > `after`, oldest first.
std::vector<model::EventRecord> SelectEvents(soci::session& sql, long long id,
                                             const std::string& code,
                                             long long after, int limit);

// Escapes LIKE wildcards with '!' (used as ESCAPE character).
std::string LikePattern(const std::string& text);

// Builds the WHERE clause of `q` and binds its values to `st`.
std::string BuildWhere(const model::ComplaintQuery& q,
                       const std::string& nik_index, bool with_cursor,
                       soci::statement& st, Binder& b);

}  // namespace aduan::db::complaint_sql

#endif  // ADUAN_DB_COMPLAINT_SQL_H_
