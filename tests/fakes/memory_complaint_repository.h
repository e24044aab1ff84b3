// An in-memory ComplaintRepository for unit tests of the domain's rules
// (masking, scope, replay) without a database: every method keeps the
// contract of server/domain/model/complaint_repository.h, which the
// repository suite (tests/storage/storage_test.cc) checks against this fake
// as against SQLite and MariaDB. Each call is one critical section, so a
// "transaction" is atomic here as in SQL. Personal data is kept as given
// (nothing here is at rest); fingerprints are keyed with a fixed test key.
#ifndef ADUAN_TESTS_FAKES_MEMORY_COMPLAINT_REPOSITORY_H_
#define ADUAN_TESTS_FAKES_MEMORY_COMPLAINT_REPOSITORY_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "server/domain/model/complaint_repository.h"
#include "tests/fakes/memory_access_repository.h"

namespace aduan::fakes {

// Thread-safe. `access` receives the access-log rows of GetLoggingAccess;
// it must outlive this.
class MemoryComplaintRepository : public model::ComplaintRepository {
 public:
  explicit MemoryComplaintRepository(MemoryAccessRepository& access)
      : access_(access) {}

  absl::StatusOr<model::CreateOutcome> Create(
      absl::Time deadline, model::ComplaintRecord& complaint,
      const model::EventRecord& event,
      const std::optional<model::RequestRecord>& request) override;
  absl::StatusOr<model::ComplaintRecord> GetLoggingAccess(
      absl::Time deadline, const std::string& tracking_code,
      const model::AccessLogRecord& entry) override;
  absl::StatusOr<int> EncryptPlaintextRows(absl::Time) override { return 0; }
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
  std::string KeyedFingerprint(absl::string_view digest) const override;
  absl::StatusOr<int> KeyPlainFingerprints(absl::Time) override { return 0; }
  absl::StatusOr<bool> NikIndexMatches(
      absl::Time deadline, const std::string& tracking_code) override;
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
  absl::StatusOr<int> CountDecoyPinAttempt(absl::Time deadline,
                                           const std::string& decoy,
                                           absl::Time now,
                                           absl::Duration window) override;

 private:
  // What an update writes besides the complaint, its event and request.
  struct Extra {
    const model::AttachmentRecord* attachment = nullptr;
    const ArchiveBuilder* build = nullptr;
  };
  // The wrong-PIN counter of a complaint or a decoy.
  struct PinCounter {
    int failures = 0;
    long long window_start = 0;
  };

  absl::StatusOr<model::UpdateOutcome> Update(
      const model::ComplaintRecord& complaint, long long expected_version,
      const model::EventRecord& event,
      const std::optional<model::RequestRecord>& request, const Extra& extra);
  // The stored request of `request`'s key, if any.
  std::optional<model::RequestRecord> FindRequestLocked(
      const std::string& caller, const std::string& request_id) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void InsertRequestLocked(const model::RequestRecord& request)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  static int Count(PinCounter& counter, absl::Time now, absl::Duration window);

  MemoryAccessRepository& access_;
  mutable absl::Mutex mu_;
  long long next_id_ ABSL_GUARDED_BY(mu_) = 1;
  std::map<std::string, model::ComplaintRecord> complaints_
      ABSL_GUARDED_BY(mu_);
  std::map<std::string, std::vector<model::EventRecord>> events_
      ABSL_GUARDED_BY(mu_);
  std::map<std::pair<std::string, std::string>, model::RequestRecord> requests_
      ABSL_GUARDED_BY(mu_);
  std::vector<model::AttachmentRecord> attachments_ ABSL_GUARDED_BY(mu_);
  std::vector<model::ArchiveRecord> archives_ ABSL_GUARDED_BY(mu_);
  std::map<std::string, PinCounter> decoys_ ABSL_GUARDED_BY(mu_);
};

}  // namespace aduan::fakes

#endif  // ADUAN_TESTS_FAKES_MEMORY_COMPLAINT_REPOSITORY_H_
