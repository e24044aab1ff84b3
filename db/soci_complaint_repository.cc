#include "db/soci_complaint_repository.h"

#include <soci/soci.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status_macros.h"
#include "db/complaint_row.h"
#include "db/complaint_sql.h"
#include "db/statement_binder.h"
#include "db/vocabulary_sql.h"

namespace aduan::db {
namespace {

namespace cs = complaint_sql;

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

absl::StatusOr<model::CreateOutcome> SociComplaintRepository::Create(
    absl::Time deadline, model::ComplaintRecord& complaint,
    const model::EventRecord& event,
    const std::optional<model::RequestRecord>& request) {
  model::CreateOutcome outcome;
  ASSIGN_OR_RETURN(const StoredPii pii, Protect(complaint));
  const std::string& stored_nik = pii.nik;
  const std::string& stored_kk = pii.kk;
  const std::string& nik_index = pii.nik_index;
  auto attempt = [&](soci::session& sql) -> absl::Status {
    outcome = model::CreateOutcome();
    if (request) {
      if (auto found =
              cs::SelectRequest(sql, request->caller, request->request_id)) {
        outcome.kind = model::CreateOutcome::Kind::kRequestExists;
        outcome.request = *found;
        return absl::OkStatus();
      }
    }
    if (!complaint.source.empty() && !complaint.external_reference.empty()) {
      std::string existing;
      sql << cs::kSelectByExternal, soci::use(complaint.source, "source"),
          soci::use(complaint.external_reference, "ref"), soci::into(existing);
      if (sql.got_data()) {
        outcome.kind = model::CreateOutcome::Kind::kExternalReferenceExists;
        outcome.tracking_code = existing;
        return absl::OkStatus();
      }
    }
    int taken = 0;
    sql << cs::kCountTracking, soci::use(complaint.tracking_code, "t"),
        soci::into(taken);
    if (taken > 0) {
      outcome.kind = model::CreateOutcome::Kind::kTrackingCodeTaken;
      return absl::OkStatus();
    }
    cs::InsertComplaint(sql, complaint, stored_nik, stored_kk, nik_index);
    cs::InsertEvent(sql, complaint.id, event);
    if (request) {
      cs::InsertRequest(sql, *request, KeyedFingerprint(request->fingerprint));
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

absl::StatusOr<model::UpdateOutcome> SociComplaintRepository::UpdateWithEvent(
    absl::Time deadline, const model::ComplaintRecord& c,
    long long expected_version, const model::EventRecord& event,
    const std::optional<model::RequestRecord>& request) {
  return Update(deadline, c, expected_version, event, request, Extra());
}

absl::StatusOr<model::UpdateOutcome> SociComplaintRepository::AttachWithEvent(
    absl::Time deadline, const model::ComplaintRecord& c,
    long long expected_version, const model::EventRecord& event,
    const std::optional<model::RequestRecord>& request,
    const model::AttachmentRecord& attachment) {
  Extra extra;
  extra.attachment = &attachment;
  return Update(deadline, c, expected_version, event, request, extra);
}

absl::StatusOr<std::vector<model::AttachmentRecord>>
SociComplaintRepository::ReadAttachments(absl::Time deadline,
                                         const std::string& where,
                                         const std::string& a,
                                         const std::optional<std::string>& b) {
  std::vector<model::AttachmentRecord> out;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    out = cs::SelectAttachments(sql, where, a, b);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<model::AttachmentRecord>>
SociComplaintRepository::ListAttachments(absl::Time deadline,
                                         const std::string& tracking_code) {
  return ReadAttachments(deadline, cs::kAttachmentsOfComplaint, tracking_code,
                         std::nullopt);
}

absl::StatusOr<std::optional<model::AttachmentRecord>>
SociComplaintRepository::GetAttachment(absl::Time deadline,
                                       const std::string& attachment_id) {
  ASSIGN_OR_RETURN(auto rows, ReadAttachments(deadline, cs::kAttachmentById,
                                              attachment_id, std::nullopt));
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

absl::StatusOr<std::optional<model::AttachmentRecord>>
SociComplaintRepository::FindAttachmentByRequest(
    absl::Time deadline, const std::string& caller,
    const std::string& request_id) {
  ASSIGN_OR_RETURN(
      auto rows,
      ReadAttachments(deadline, cs::kAttachmentByRequest, caller, request_id));
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

absl::StatusOr<long long> SociComplaintRepository::CountAttachmentsWithSha256(
    absl::Time deadline, const std::string& sha256) {
  long long n = 0;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    sql << cs::kCountAttachmentsWithSha256, soci::use(sha256, "sha"),
        soci::into(n);
    return absl::OkStatus();
  }));
  return n;
}

absl::StatusOr<model::UpdateOutcome> SociComplaintRepository::ArchiveWithEvent(
    absl::Time deadline, const model::ComplaintRecord& c,
    long long expected_version, const model::EventRecord& event,
    const std::optional<model::RequestRecord>& request,
    const ArchiveBuilder& build) {
  Extra extra;
  extra.build = &build;
  return Update(deadline, c, expected_version, event, request, extra);
}

absl::StatusOr<std::optional<model::ArchiveRecord>>
SociComplaintRepository::GetArchive(absl::Time deadline,
                                    const std::string& tracking_code) {
  std::optional<model::ArchiveRecord> out;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    out = cs::SelectArchive(sql, "tracking_code = :a", tracking_code,
                            std::nullopt);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::optional<model::ArchiveRecord>>
SociComplaintRepository::GetArchiveBySeq(absl::Time deadline,
                                         const std::string& office_code,
                                         long long office_seq) {
  std::optional<model::ArchiveRecord> out;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    out = cs::SelectArchive(sql, "office_code = :a AND office_seq = :b",
                            office_code, office_seq);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<model::UpdateOutcome> SociComplaintRepository::Update(
    absl::Time deadline, const model::ComplaintRecord& c,
    long long expected_version, const model::EventRecord& event,
    const std::optional<model::RequestRecord>& request, const Extra& extra) {
  model::UpdateOutcome outcome;
  ASSIGN_OR_RETURN(const StoredPii pii, Protect(c));
  const std::string& stored_nik = pii.nik;
  const std::string& stored_kk = pii.kk;
  const std::string& nik_index = pii.nik_index;
  auto attempt = [&](soci::session& sql) -> absl::Status {
    outcome = model::UpdateOutcome();
    if (request) {
      if (auto found =
              cs::SelectRequest(sql, request->caller, request->request_id)) {
        outcome.kind = model::UpdateOutcome::Kind::kRequestExists;
        outcome.request = *found;
        return absl::OkStatus();
      }
    }
    soci::statement st(sql);
    Binder b;
    cs::BindMutable(st, b, c, stored_nik, stored_kk, nik_index);
    b.Int(st, "id", c.id);
    b.Int(st, "expected", expected_version);
    b.Int(st, "new_pin_generation", c.pin_generation);
    b.Int(st, "new_pin_failures", c.pin_failures);
    st.alloc();
    st.prepare(cs::kUpdateComplaint);
    st.define_and_bind();
    st.execute(true);
    if (st.get_affected_rows() != 1) {
      outcome.kind = model::UpdateOutcome::Kind::kVersionConflict;
      return absl::OkStatus();
    }
    cs::InsertEvent(sql, c.id, event);
    if (extra.attachment != nullptr) {
      cs::InsertAttachment(sql, c.id, *extra.attachment);
    }
    if (const ArchiveBuilder* build = extra.build; build != nullptr) {
      // Every event, the one just written included (the builder checks
      // that they are the whole history: one more would show).
      const std::vector<model::EventRecord> events =
          cs::SelectEvents(sql, c.id, c.tracking_code, 0, c.version + 1);
      std::string prev(64, '0');
      long long last_seq = 0;
      sql << cs::kLastArchive, soci::use(c.office_code, "office"),
          soci::into(last_seq), soci::into(prev);
      if (!sql.got_data()) {
        prev = std::string(64, '0');
        last_seq = 0;
      }
      ASSIGN_OR_RETURN(model::ArchiveRecord a,
                       (*build)(prev, last_seq + 1, events));
      sql << cs::kInsertArchive, soci::use(a.tracking_code, "t"),
          soci::use(a.office_code, "office"), soci::use(a.office_seq, "seq"),
          soci::use(a.prev_sha256, "prev"), soci::use(a.sha256, "sha"),
          soci::use(a.hmac, "hmac"), soci::use(a.document, "doc"),
          soci::use(a.create_time, "time");
    }
    if (request) {
      cs::InsertRequest(sql, *request, KeyedFingerprint(request->fingerprint));
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
    outcome.kind = model::UpdateOutcome::Kind::kVersionConflict;
    return outcome;
  }
  RETURN_IF_ERROR(st);
  return outcome;
}

absl::StatusOr<std::vector<model::ComplaintRecord>>
SociComplaintRepository::ListExpiredNeedsInfo(absl::Time deadline,
                                              absl::Time now, int limit) {
  std::vector<model::ComplaintRecord> out;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    out.clear();
    ComplaintRow row;
    long long n = absl::ToUnixMicros(now);
    soci::statement st(sql);
    row.Bind(st);
    st.exchange(soci::use(n, "now"));
    st.alloc();
    st.prepare(absl::StrCat(
        "SELECT ", cs::kColumns,
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
  for (model::ComplaintRecord& r : out) RETURN_IF_ERROR(Decrypt(r));
  return out;
}

absl::StatusOr<std::optional<model::RequestRecord>>
SociComplaintRepository::FindRequest(absl::Time deadline,
                                     const std::string& caller,
                                     const std::string& request_id) {
  std::optional<model::RequestRecord> out;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    out = cs::SelectRequest(sql, caller, request_id);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<model::ComplaintRecord> SociComplaintRepository::Get(
    absl::Time deadline, const std::string& tracking_code) {
  model::ComplaintRecord out;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    std::optional<model::ComplaintRecord> found =
        cs::SelectComplaint(sql, tracking_code);
    if (!found) return absl::NotFoundError("complaint not found");
    out = *std::move(found);
    return absl::OkStatus();
  }));
  RETURN_IF_ERROR(Decrypt(out));
  return out;
}

absl::StatusOr<model::ComplaintRecord>
SociComplaintRepository::GetLoggingAccess(absl::Time deadline,
                                          const std::string& tracking_code,
                                          const model::AccessLogRecord& entry) {
  model::ComplaintRecord out;
  RETURN_IF_ERROR(db_.Write(deadline, [&](soci::session& sql) {
    std::optional<model::ComplaintRecord> found =
        cs::SelectComplaint(sql, tracking_code);
    if (!found) return absl::NotFoundError("complaint not found");
    out = *std::move(found);
    sql << cs::kInsertAccessLog, soci::use(out.office_code, "office"),
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
    soci::statement st =
        (sql.prepare << cs::kSelectPlaintextPii, soci::into(r.id),
         soci::into(r.nik), soci::into(r.kk));
    if (st.execute(true)) {
      do rows.push_back(r);
      while (st.fetch());
    }
    for (Row& row : rows) {
      std::string nik = row.nik, kk = row.kk;
      if (PiiCipher::IsEncrypted(nik)) {
        ASSIGN_OR_RETURN(nik, cipher_.Decrypt(nik, cs::kNikContext));
      }
      if (PiiCipher::IsEncrypted(kk)) {
        ASSIGN_OR_RETURN(kk, cipher_.Decrypt(kk, cs::kKkContext));
      }
      ASSIGN_OR_RETURN(std::string enc_nik,
                       cipher_.Encrypt(nik, cs::kNikContext));
      ASSIGN_OR_RETURN(std::string enc_kk, cipher_.Encrypt(kk, cs::kKkContext));
      std::string idx = cipher_.BlindIndex(nik, cs::kNikIndexContext);
      soci::indicator i_idx = idx.empty() ? soci::i_null : soci::i_ok;
      sql << cs::kUpdatePii, soci::use(enc_nik, "nik"), soci::use(enc_kk, "kk"),
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
SociComplaintRepository::Protect(const model::ComplaintRecord& c) const {
  StoredPii out;
  ASSIGN_OR_RETURN(out.nik,
                   cipher_.Encrypt(c.complainant_nik, cs::kNikContext));
  ASSIGN_OR_RETURN(out.kk, cipher_.Encrypt(c.complainant_kk, cs::kKkContext));
  out.nik_index = cipher_.BlindIndex(c.complainant_nik, cs::kNikIndexContext);
  return out;
}

absl::Status SociComplaintRepository::Decrypt(model::ComplaintRecord& c) const {
  ASSIGN_OR_RETURN(c.complainant_nik,
                   cipher_.Decrypt(c.complainant_nik, cs::kNikContext));
  ASSIGN_OR_RETURN(c.complainant_kk,
                   cipher_.Decrypt(c.complainant_kk, cs::kKkContext));
  return absl::OkStatus();
}

absl::StatusOr<bool> SociComplaintRepository::NikIndexMatches(
    absl::Time deadline, const std::string& tracking_code) {
  ASSIGN_OR_RETURN(model::ComplaintRecord c, Get(deadline, tracking_code));
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
          : cipher_.BlindIndex(c.complainant_nik, cs::kNikIndexContext);
  return (ind == soci::i_ok ? stored : "") == expected;
}

std::string SociComplaintRepository::KeyedFingerprint(
    absl::string_view digest) const {
  return cipher_.BlindIndex(digest, cs::kFingerprintContext);
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

absl::StatusOr<model::ComplaintPage> SociComplaintRepository::List(
    absl::Time deadline, const model::ComplaintQuery& q) {
  model::ComplaintPage page;
  const std::string nik_index = cipher_.BlindIndex(q.nik, cs::kNikIndexContext);
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    page = model::ComplaintPage();
    {
      soci::statement st(sql);
      Binder b;
      const std::string where =
          cs::BuildWhere(q, nik_index, /*with_cursor=*/false, st, b);
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
        cs::BuildWhere(q, nik_index, /*with_cursor=*/true, st, b);
    const char* col = q.order_by_update_time ? "update_time" : "create_time";
    const char* dir = q.descending ? "DESC" : "ASC";
    ComplaintRow row;
    row.Bind(st);
    st.alloc();
    st.prepare(db_.Bounded(
        deadline,
        absl::StrCat("SELECT ", cs::kColumns, " FROM complaints WHERE ", where,
                     " ORDER BY ", col, " ", dir, ", id ", dir, " LIMIT ",
                     q.limit)));
    st.define_and_bind();
    if (st.execute(true)) {
      do {
        page.rows.push_back(row.Take());
      } while (st.fetch());
    }
    return absl::OkStatus();
  }));
  for (model::ComplaintRecord& r : page.rows) RETURN_IF_ERROR(Decrypt(r));
  return page;
}

absl::StatusOr<std::vector<model::EventRecord>>
SociComplaintRepository::ListEvents(absl::Time deadline,
                                    const std::string& tracking_code,
                                    long long after_version, int limit) {
  std::vector<model::EventRecord> out;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    out.clear();
    long long id = 0;
    sql << cs::kSelectId, soci::use(tracking_code, "t"), soci::into(id);
    if (!sql.got_data()) return absl::NotFoundError("complaint not found");
    out = cs::SelectEvents(sql, id, tracking_code, after_version, limit);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<int> SociComplaintRepository::CountPinAttempt(
    absl::Time deadline, const std::string& tracking_code, absl::Time now,
    absl::Duration window) {
  static const PinAttemptSql* const kSql = new PinAttemptSql("complaints");
  return CountAttempt(*kSql, deadline, tracking_code, now, window);
}

absl::StatusOr<int> SociComplaintRepository::CountDecoyPinAttempt(
    absl::Time deadline, const std::string& decoy, absl::Time now,
    absl::Duration window) {
  static const PinAttemptSql* const kSql = new PinAttemptSql("pin_decoys");
  return CountAttempt(*kSql, deadline, decoy, now, window);
}

absl::StatusOr<int> SociComplaintRepository::CountAttempt(
    const PinAttemptSql& statements, absl::Time deadline,
    const std::string& key, absl::Time at, absl::Duration window) {
  const long long now = absl::ToUnixMicros(at);
  const long long window_us = absl::ToInt64Microseconds(window);
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
    sql << cs::kForgivePinAttempt, soci::use(tracking_code, "t");
    return absl::OkStatus();
  });
}

absl::StatusOr<bool> SociComplaintRepository::CipherOpensStoredData(
    absl::Time deadline) {
  std::string nik;
  bool found = false;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    sql << "SELECT complainant_nik FROM complaints "
           "WHERE complainant_nik LIKE 'v1:%' LIMIT 1",
        soci::into(nik);
    found = sql.got_data();
    return absl::OkStatus();
  }));
  return !found || cipher_.Decrypt(nik, cs::kNikContext).ok();
}

}  // namespace aduan::db
