#include "server/domain/complaint_archive.h"

#include <cstdio>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/crypto.h"
#include "common/status_macros.h"
#include "server/domain/canonical_json.h"
#include "server/domain/complaint_access.h"
#include "server/domain/complaint_state.h"
#include "server/domain/tracking_code.h"

namespace aduan::domain {
namespace {

using J = CanonicalJson;

std::string Rfc3339(long long micros) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E6SZ", absl::FromUnixMicros(micros),
                          absl::UTCTimeZone());
}

// Coordinates as fixed 7-decimal strings: no floating point in the record.
J Coordinate(const std::optional<double>& v) {
  return v ? J::String(absl::StrFormat("%.7f", *v)) : J::Null();
}

J Clock(const model::SlaClockRecord& c) {
  return J::Object()
      .Set("target_us", J::Int(c.target_us))
      .Set("used_us", J::Int(c.used_us))
      .Set("breached", J::Bool(c.breached));
}

bool MayRead(const Principal& who, const std::string& office) {
  for (Role role : {kOfficer, kSecretary, kHead, kAuditor}) {
    if (who.HasRole(role, office)) return true;
  }
  return false;
}

// `document` with the value of its first "complainant" member replaced by
// {"redacted":true}. The key cannot occur unescaped inside a string value,
// so the first match is the member; the scan to its closing brace skips
// strings and their escapes.
std::string WithoutComplainant(const std::string& document) {
  static constexpr char kKey[] = "\"complainant\":{";
  const size_t start = document.find(kKey);
  if (start == std::string::npos) return document;
  const size_t open = start + sizeof(kKey) - 2;
  int depth = 0;
  bool in_string = false;
  for (size_t i = open; i < document.size(); ++i) {
    const char ch = document[i];
    if (in_string) {
      if (ch == '\\') {
        ++i;
      } else if (ch == '"') {
        in_string = false;
      }
    } else if (ch == '"') {
      in_string = true;
    } else if (ch == '{') {
      ++depth;
    } else if (ch == '}' && --depth == 0) {
      return absl::StrCat(document.substr(0, open), "{\"redacted\":true}",
                          document.substr(i + 1));
    }
  }
  return document;
}

}  // namespace

std::string ComplaintArchive::Hmac(const model::ArchiveRecord& r) const {
  return absl::BytesToHexString(
      HmacSha256(key_, absl::StrCat(r.office_code, "\n", r.office_seq, "\n",
                                    r.prev_sha256, "\n", r.sha256)));
}

model::ArchiveRecord ComplaintArchive::Build(
    const model::ComplaintRecord& c,
    const std::vector<model::EventRecord>& events,
    const std::vector<model::AttachmentRecord>& attachments,
    const std::string& prev_sha256, long long office_seq, absl::Time time,
    absl::string_view format) const {
  const bool v1 = format == "aduan.archive.v1";
  J complainant =
      J::Object()
          .Set("name", J::String(c.complainant_name))
          .Set("phone", J::String(c.complainant_phone))
          .Set("email", J::String(c.complainant_email))
          .Set("address", J::String(c.complainant_address))
          .Set("nik_index",
               J::String(cipher_.BlindIndex(c.complainant_nik, "archive.nik")))
          .Set("kk_index",
               J::String(cipher_.BlindIndex(c.complainant_kk, "archive.kk")));
  J complaint = J::Object()
                    .Set("tracking_code", J::String(c.tracking_code))
                    .Set("office_code", J::String(c.office_code))
                    .Set("state", J::String(model::Name(c.state)))
                    .Set("channel", J::String(model::Name(c.channel)))
                    .Set("source", J::String(c.source))
                    .Set("external_reference", J::String(c.external_reference))
                    .Set("complainant", std::move(complainant))
                    .Set("anonymous", J::Bool(c.anonymous))
                    .Set("confidential", J::Bool(c.confidential))
                    .Set("title", J::String(c.title))
                    .Set("description", J::String(c.description))
                    .Set("category", J::String(c.category_code))
                    .Set("location",
                         J::Object()
                             .Set("address", J::String(c.location_address))
                             .Set("kelurahan", J::String(c.location_kelurahan))
                             .Set("latitude", Coordinate(c.latitude))
                             .Set("longitude", Coordinate(c.longitude)))
                    .Set("unit_code", J::String(c.unit_code))
                    .Set("service_sla", Clock(c.service))
                    .Set("resolution_sla", Clock(c.resolution))
                    .Set("create_time", J::String(Rfc3339(c.create_time)))
                    .Set("update_time", J::String(Rfc3339(c.update_time)))
                    .Set("version", J::Int(c.version));
  J list = J::Array();
  for (const model::EventRecord& e : events) {
    list.Add(J::Object()
                 .Set("version", J::Int(e.version))
                 .Set("type", J::String(model::Name(e.type)))
                 .Set("from_state", J::String(model::Name(e.from_state)))
                 .Set("to_state", J::String(model::Name(e.to_state)))
                 .Set("actor", J::String(e.actor))
                 .Set("actor_role", J::String(model::Name(e.actor_role)))
                 .Set("note", J::String(e.note))
                 .Set("payload", J::String(e.payload))
                 .Set("create_time", J::String(Rfc3339(e.create_time))));
  }
  // Documents by digest, type and size; file names stay out (they may name
  // the complainant of an anonymous complaint).
  J documents = J::Array();
  for (const model::AttachmentRecord& a : attachments) {
    J entry = J::Object()
                  .Set("attachment_id", J::String(a.attachment_id))
                  .Set("type", J::String(model::Name(a.type)))
                  .Set("media_type", J::String(a.media_type))
                  .Set("size_bytes", J::Int(a.size_bytes))
                  .Set("sha256", J::String(a.sha256))
                  .Set("uploaded_role", J::String(model::Name(a.uploaded_role)))
                  .Set("create_time", J::String(Rfc3339(a.create_time)));
    if (!v1) {
      // v2: who uploaded it, and its file name as a keyed digest (the
      // name may name the complainant; the digest still proves it).
      entry.Set("uploaded_by", J::String(a.uploaded_by))
          .Set("file_name_index",
               J::String(cipher_.BlindIndex(a.file_name, "archive.file_name")));
    }
    documents.Add(std::move(entry));
  }
  model::ArchiveRecord r;
  r.tracking_code = c.tracking_code;
  r.office_code = c.office_code;
  r.office_seq = office_seq;
  r.prev_sha256 = prev_sha256;
  r.create_time = absl::ToUnixMicros(time);
  r.document = J::Object()
                   .Set("format", J::String(std::string(format)))
                   .Set("office_code", J::String(c.office_code))
                   .Set("office_seq", J::Int(office_seq))
                   .Set("prev_sha256", J::String(prev_sha256))
                   .Set("archived_at", J::String(Rfc3339(r.create_time)))
                   .Set("complaint", std::move(complaint))
                   .Set("events", std::move(list))
                   .Set("attachments", std::move(documents))
                   .Serialize();
  r.sha256 = Sha256Hex(r.document);
  r.hmac = Hmac(r);
  return r;
}

absl::StatusOr<model::ArchiveRecord> ComplaintArchive::Get(
    absl::Time deadline, const Principal& who,
    const std::string& tracking_code) {
  ASSIGN_OR_RETURN(std::string code,
                   NormalizeTrackingCode("tracking_code", tracking_code));
  ASSIGN_OR_RETURN(auto record, complaints_.GetArchive(deadline, code));
  if (!record || !MayRead(who, record->office_code)) {
    return absl::NotFoundError("no archive record for this complaint");
  }
  return *record;
}

absl::StatusOr<ArchiveView> ComplaintArchive::Read(
    absl::Time deadline, const Principal& who,
    const std::string& tracking_code) {
  ArchiveView out;
  ASSIGN_OR_RETURN(out.record, Get(deadline, who, tracking_code));
  if (MayReadFullView(who, out.record.office_code)) return out;
  // An auditor: the complainant of an anonymous complaint stays hidden.
  ASSIGN_OR_RETURN(model::ComplaintRecord c,
                   complaints_.Get(deadline, out.record.tracking_code));
  if (c.anonymous) {
    out.record.document = WithoutComplainant(out.record.document);
    out.redacted = true;
  }
  return out;
}

absl::StatusOr<ArchiveCheck> ComplaintArchive::Verify(
    absl::Time deadline, const Principal& who,
    const std::string& tracking_code) {
  absl::StatusOr<model::ArchiveRecord> found =
      Get(deadline, who, tracking_code);
  if (absl::IsNotFound(found.status())) {
    // An archived complaint whose record was removed is tampering, not
    // "not archived".
    ASSIGN_OR_RETURN(std::string code,
                     NormalizeTrackingCode("tracking_code", tracking_code));
    absl::StatusOr<model::ComplaintRecord> live =
        complaints_.Get(deadline, code);
    if (!live.ok() && !absl::IsNotFound(live.status())) return live.status();
    if (live.ok() && live->state == State::kArchived &&
        MayRead(who, live->office_code)) {
      ArchiveCheck out;
      out.record_missing = true;
      return out;
    }
  }
  ASSIGN_OR_RETURN(model::ArchiveRecord stored, std::move(found));
  ArchiveCheck out;
  out.stored_sha256 = stored.sha256;
  const bool document_ok = Sha256Hex(stored.document) == stored.sha256;
  const bool hmac_ok = ConstantTimeEquals(Hmac(stored), stored.hmac);
  // Rebuild from the live rows.
  ASSIGN_OR_RETURN(model::ComplaintRecord live,
                   complaints_.Get(deadline, stored.tracking_code));
  ASSIGN_OR_RETURN(
      std::vector<model::EventRecord> events,
      complaints_.ListEvents(deadline, stored.tracking_code, 0, 100000));
  ASSIGN_OR_RETURN(std::vector<model::AttachmentRecord> attachments,
                   complaints_.ListAttachments(deadline, stored.tracking_code));
  // In the format it was written in (the document names it).
  const std::string format =
      absl::StrContains(stored.document, "\"format\":\"aduan.archive.v1\"")
          ? "aduan.archive.v1"
          : kFormat;
  const model::ArchiveRecord rebuilt =
      Build(live, events, attachments, stored.prev_sha256, stored.office_seq,
            absl::FromUnixMicros(stored.create_time), format);
  out.computed_sha256 = rebuilt.sha256;
  ASSIGN_OR_RETURN(const bool search_index_ok,
                   complaints_.NikIndexMatches(deadline, stored.tracking_code));
  // The documents' bytes: each must still have its digest and size.
  for (const model::AttachmentRecord& a : attachments) {
    absl::StatusOr<std::string> bytes = blobs_.Get(a.sha256);
    // Missing, or sealed bytes that do not open (altered, or sealed under
    // another key): damaged, like bytes whose digest differs.
    const bool unreadable = absl::IsNotFound(bytes.status()) ||
                            absl::IsDataLoss(bytes.status()) ||
                            absl::IsFailedPrecondition(bytes.status());
    if (!bytes.ok() && !unreadable) return bytes.status();
    if (!bytes.ok() || static_cast<long long>(bytes->size()) != a.size_bytes ||
        Sha256Hex(*bytes) != a.sha256) {
      out.damaged_attachment_ids.push_back(a.attachment_id);
    }
  }
  out.documents_intact = out.damaged_attachment_ids.empty();
  out.document_intact = document_ok;
  out.hmac_intact = hmac_ok;
  out.rows_intact = rebuilt.sha256 == stored.sha256 && search_index_ok;
  // The link to the previous record of the office.
  if (stored.office_seq == 1) {
    out.chain_intact = stored.prev_sha256 == std::string(64, '0');
  } else {
    ASSIGN_OR_RETURN(auto prev,
                     complaints_.GetArchiveBySeq(deadline, stored.office_code,
                                                 stored.office_seq - 1));
    out.chain_intact = prev && prev->sha256 == stored.prev_sha256 &&
                       Sha256Hex(prev->document) == prev->sha256;
  }
  out.intact = out.document_intact && out.hmac_intact && out.rows_intact &&
               out.documents_intact && out.chain_intact;
  return out;
}

}  // namespace aduan::domain
