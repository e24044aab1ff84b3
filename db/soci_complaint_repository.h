// ComplaintRepository on SOCI, for SQLite and MySQL/MariaDB alike.
#ifndef ADUAN_DB_SOCI_COMPLAINT_REPOSITORY_H_
#define ADUAN_DB_SOCI_COMPLAINT_REPOSITORY_H_

#include "common/pii_cipher.h"
#include "db/database.h"
#include "server/domain/model/complaint_repository.h"

namespace aduan::db {

// Thread-safe; `db` and `cipher` must outlive it. NIK and KK numbers are
// stored encrypted with `cipher`, with a blind index of the NIK.
class SociComplaintRepository : public model::ComplaintRepository {
 public:
  SociComplaintRepository(Database& db, const PiiCipher& cipher)
      : db_(db), cipher_(cipher) {}

  absl::StatusOr<model::CreateOutcome> Create(
      absl::Time deadline, model::ComplaintRecord& complaint,
      const model::EventRecord& event,
      const std::optional<model::RequestRecord>& request) override;
  absl::StatusOr<model::ComplaintRecord> GetLoggingAccess(
      absl::Time deadline, const std::string& tracking_code,
      const model::AccessLogRecord& entry) override;
  absl::StatusOr<int> EncryptPlaintextRows(absl::Time deadline) override;
  std::string KeyedFingerprint(absl::string_view digest) const override;
  absl::StatusOr<bool> NikIndexMatches(
      absl::Time deadline, const std::string& tracking_code) override;
  absl::StatusOr<int> KeyPlainFingerprints(absl::Time deadline) override;
  absl::StatusOr<model::UpdateOutcome> UpdateWithEvent(
      absl::Time deadline, const model::ComplaintRecord& complaint,
      long long expected_version, const model::EventRecord& event,
      const std::optional<model::RequestRecord>& request) override;
  absl::StatusOr<model::UpdateOutcome> ArchiveWithEvent(
      absl::Time deadline, const model::ComplaintRecord& complaint,
      long long expected_version, const model::EventRecord& event,
      const std::optional<model::RequestRecord>& request,
      const ArchiveBuilder& build) override;
  absl::StatusOr<model::UpdateOutcome> AttachWithEvent(
      absl::Time deadline, const model::ComplaintRecord& complaint,
      long long expected_version, const model::EventRecord& event,
      const std::optional<model::RequestRecord>& request,
      const model::AttachmentRecord& attachment) override;
  absl::StatusOr<std::vector<model::AttachmentRecord>> ListAttachments(
      absl::Time deadline, const std::string& tracking_code) override;
  absl::StatusOr<std::optional<model::AttachmentRecord>> GetAttachment(
      absl::Time deadline, const std::string& attachment_id) override;
  absl::StatusOr<long long> CountAttachmentsWithSha256(
      absl::Time deadline, const std::string& sha256) override;
  absl::StatusOr<std::optional<model::AttachmentRecord>>
  FindAttachmentByRequest(absl::Time deadline, const std::string& caller,
                          const std::string& request_id) override;
  absl::StatusOr<std::optional<model::ArchiveRecord>> GetArchive(
      absl::Time deadline, const std::string& tracking_code) override;
  absl::StatusOr<std::optional<model::ArchiveRecord>> GetArchiveBySeq(
      absl::Time deadline, const std::string& office_code,
      long long office_seq) override;
  absl::StatusOr<std::vector<model::ComplaintRecord>> ListExpiredNeedsInfo(
      absl::Time deadline, absl::Time now, int limit) override;
  absl::StatusOr<std::optional<model::RequestRecord>> FindRequest(
      absl::Time deadline, const std::string& caller,
      const std::string& request_id) override;
  absl::StatusOr<model::ComplaintRecord> Get(
      absl::Time deadline, const std::string& tracking_code) override;
  absl::StatusOr<model::ComplaintPage> List(
      absl::Time deadline, const model::ComplaintQuery& query) override;
  absl::StatusOr<std::vector<model::EventRecord>> ListEvents(
      absl::Time deadline, const std::string& tracking_code,
      long long after_version, int limit) override;
  absl::StatusOr<int> CountPinAttempt(absl::Time deadline,
                                      const std::string& tracking_code,
                                      absl::Time now,
                                      absl::Duration window) override;
  absl::Status ForgivePinAttempt(absl::Time deadline,
                                 const std::string& tracking_code) override;
  // Whether this repository's cipher opens the personal data stored (one
  // encrypted NIK; true when none is stored): a key check for a database
  // that recorded no key id (server/app/key_check.h).
  absl::StatusOr<bool> CipherOpensStoredData(absl::Time deadline);
  absl::StatusOr<int> CountDecoyPinAttempt(absl::Time deadline,
                                           const std::string& decoy,
                                           absl::Time now,
                                           absl::Duration window) override;

 private:
  // The statements that count a PIN attempt on `table` (complaints, or
  // pin_decoys): one UPDATE, so that concurrent attempts are all counted
  // (both dialects evaluate the second CASE on the stored pin_window_start;
  // MySQL assigns left to right, but the first assignment does not change
  // it), then the count read back.
  struct PinAttemptSql {
    explicit PinAttemptSql(absl::string_view table);
    const std::string count;
    const std::string select;
  };
  absl::StatusOr<int> CountAttempt(const PinAttemptSql& statements,
                                   absl::Time deadline, const std::string& key,
                                   absl::Time now, absl::Duration window);
  // NIK and KK as stored: encrypted, with the NIK's blind index.
  struct StoredPii {
    std::string nik;
    std::string kk;
    std::string nik_index;
  };
  absl::StatusOr<StoredPii> Protect(const model::ComplaintRecord& c) const;
  absl::Status Decrypt(model::ComplaintRecord& c) const;
  // Attachment rows by a condition of SelectAttachments with :a and, when
  // given, :b.
  absl::StatusOr<std::vector<model::AttachmentRecord>> ReadAttachments(
      absl::Time deadline, const std::string& where, const std::string& a,
      const std::optional<std::string>& b);
  // What an update writes besides the complaint, its event and request.
  struct Extra {
    const ArchiveBuilder* build = nullptr;
    const model::AttachmentRecord* attachment = nullptr;
  };
  absl::StatusOr<model::UpdateOutcome> Update(
      absl::Time deadline, const model::ComplaintRecord& complaint,
      long long expected_version, const model::EventRecord& event,
      const std::optional<model::RequestRecord>& request, const Extra& extra);

  Database& db_;
  const PiiCipher& cipher_;
};

}  // namespace aduan::db

#endif  // ADUAN_DB_SOCI_COMPLAINT_REPOSITORY_H_
