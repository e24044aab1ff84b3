// Storage of complaints, their events and idempotency records.
#ifndef ADUAN_SERVER_DOMAIN_MODEL_COMPLAINT_REPOSITORY_H_
#define ADUAN_SERVER_DOMAIN_MODEL_COMPLAINT_REPOSITORY_H_

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "server/domain/model/records.h"

namespace aduan::model {

// What Create did.
struct CreateOutcome {
  enum class Kind {
    kCreated,
    // The caller's request_id is already recorded: see `request`.
    kRequestExists,
    // (source, external_reference) already exists: see `tracking_code`.
    kExternalReferenceExists,
    // The tracking code is taken; choose another.
    kTrackingCodeTaken,
  };
  Kind kind = Kind::kCreated;
  RequestRecord request;
  std::string tracking_code;
};

// A part of the complaints a caller may see: those of an office, or of one
// unit of it, or submitted by one source to it.
struct ComplaintScope {
  std::string office_code;
  std::string unit_code;  // empty: any
  std::string source;     // empty: any
};

// What UpdateWithEvent did.
struct UpdateOutcome {
  enum class Kind {
    kUpdated,
    // The stored version was not the expected one: nothing written.
    kVersionConflict,
    // The caller's request_id is already recorded: see `request`.
    kRequestExists,
  };
  Kind kind = Kind::kUpdated;
  RequestRecord request;
};

// Filters of a complaint list; empty vectors mean "any". Values of one
// filter are ORed, filters are ANDed.
struct ComplaintQuery {
  std::vector<std::string> office_codes;
  std::vector<State> states;
  std::vector<Channel> channels;
  std::vector<std::string> unit_codes;
  // ON_TIME, AT_RISK, BREACHED (see ComplaintRepository::List).
  std::vector<std::string> sla_statuses;
  // Visible parts (ORed); nullopt: everything, empty: nothing.
  std::optional<std::vector<ComplaintScope>> scopes;
  std::string text;  // substring of tracking code, title or description
  std::string nik;   // exact NIK, matched through the blind index
  std::optional<absl::Time> create_time_from;  // inclusive
  std::optional<absl::Time> create_time_to;    // exclusive
  bool order_by_update_time = false;
  bool descending = true;
  // Keyset cursor: rows strictly after (time, id) in the order.
  std::optional<std::pair<long long, long long>> after;
  int limit = 50;
  absl::Time now = absl::UnixEpoch();  // for SLA statuses
};

struct ComplaintPage {
  std::vector<ComplaintRecord> rows;
  long long total_size = 0;  // rows matching the filters, ignoring `after`
};

// Implementations are thread-safe. Every method takes the call's deadline,
// which bounds the wait for a database connection.
class ComplaintRepository {
 public:
  virtual ~ComplaintRepository() = default;

  // In one transaction: unless the request or the external reference or the
  // tracking code is already recorded (reported in the outcome, nothing
  // written), inserts `complaint` (setting its id), `event` and `request`.
  // Errors: database errors (kUnavailable, kAborted, kInternal).
  virtual absl::StatusOr<CreateOutcome> Create(
      absl::Time deadline, ComplaintRecord& complaint, const EventRecord& event,
      const std::optional<RequestRecord>& request) = 0;

  // In one transaction: the complaint and a new access-log row for a full
  // read of it (office and tracking code filled in from the complaint).
  // Errors: kNotFound.
  virtual absl::StatusOr<ComplaintRecord> GetLoggingAccess(
      absl::Time deadline, const std::string& tracking_code,
      const AccessLogRecord& entry) = 0;

  // Encrypts NIK and KK numbers still stored in plaintext (rows written
  // before encryption at rest) and fills their blind index. Returns the
  // number of rows changed. Idempotent.
  virtual absl::StatusOr<int> EncryptPlaintextRows(absl::Time deadline) = 0;

  // In one transaction, unless the request is already recorded: writes every
  // mutable field of `complaint` (identified by its id) provided the stored
  // version is still `expected_version`, appends `event` and records
  // `request`. Errors: database errors.
  virtual absl::StatusOr<UpdateOutcome> UpdateWithEvent(
      absl::Time deadline, const ComplaintRecord& complaint,
      long long expected_version, const EventRecord& event,
      const std::optional<RequestRecord>& request) = 0;

  // Builds the archive record inside the archiving transaction, from the
  // office's previous record digest and sequence number and the complaint's
  // events: every stored one and the new one, at most `version` + 1 of them
  // (one more than a complete history, so that the builder sees an extra
  // one), oldest first. An error from it writes nothing.
  using ArchiveBuilder = std::function<absl::StatusOr<ArchiveRecord>(
      const std::string& prev_sha256, long long office_seq,
      const std::vector<EventRecord>& events)>;
  // As UpdateWithEvent, and in the same transaction appends the archive
  // record made by `build` to the office's chain.
  virtual absl::StatusOr<UpdateOutcome> ArchiveWithEvent(
      absl::Time deadline, const ComplaintRecord& complaint,
      long long expected_version, const EventRecord& event,
      const std::optional<RequestRecord>& request,
      const ArchiveBuilder& build) = 0;
  // As UpdateWithEvent, and in the same transaction inserts the metadata row
  // of a document attached to the complaint (`attachment.tracking_code` and
  // office as the complaint's).
  virtual absl::StatusOr<UpdateOutcome> AttachWithEvent(
      absl::Time deadline, const ComplaintRecord& complaint,
      long long expected_version, const EventRecord& event,
      const std::optional<RequestRecord>& request,
      const AttachmentRecord& attachment) = 0;
  // The attachments of a complaint, oldest first.
  virtual absl::StatusOr<std::vector<AttachmentRecord>> ListAttachments(
      absl::Time deadline, const std::string& tracking_code) = 0;
  // One attachment, if it exists.
  virtual absl::StatusOr<std::optional<AttachmentRecord>> GetAttachment(
      absl::Time deadline, const std::string& attachment_id) = 0;
  // How many attachment rows name the blob `sha256`.
  virtual absl::StatusOr<long long> CountAttachmentsWithSha256(
      absl::Time deadline, const std::string& sha256) = 0;
  // The attachment stored by a caller's request, if any.
  virtual absl::StatusOr<std::optional<AttachmentRecord>>
  FindAttachmentByRequest(absl::Time deadline, const std::string& caller,
                          const std::string& request_id) = 0;

  // The archive record of a complaint, if any.
  virtual absl::StatusOr<std::optional<ArchiveRecord>> GetArchive(
      absl::Time deadline, const std::string& tracking_code) = 0;
  // The record at `office_seq` of an office's chain, if any.
  virtual absl::StatusOr<std::optional<ArchiveRecord>> GetArchiveBySeq(
      absl::Time deadline, const std::string& office_code,
      long long office_seq) = 0;

  // Complaints in NEEDS_INFO whose needs_info_until is at or before `now`,
  // at most `limit`.
  virtual absl::StatusOr<std::vector<ComplaintRecord>> ListExpiredNeedsInfo(
      absl::Time deadline, absl::Time now, int limit) = 0;

  // The form in which a request's digest (RequestRecord.fingerprint as the
  // API computes it: hex SHA-256 of the request) is stored and compared:
  // keyed (an HMAC under the server's index key), so that a stored
  // fingerprint tells nothing of its request — a PIN inside cannot be
  // found by hashing guesses. Writes store this form; FindRequest and the
  // outcomes return it.
  virtual std::string KeyedFingerprint(absl::string_view digest) const = 0;
  // Keys the fingerprints of request records written before they were
  // keyed; returns how many. Idempotent (run at start).
  virtual absl::StatusOr<int> KeyPlainFingerprints(absl::Time deadline) = 0;

  // True when the complaint's stored NIK search index is that of its NIK
  // (false: the index column was changed behind the server's back, so that
  // a NIK search would find it for someone else). Errors: kNotFound.
  virtual absl::StatusOr<bool> NikIndexMatches(
      absl::Time deadline, const std::string& tracking_code) = 0;

  // The idempotency record of (caller, request_id), if any.
  virtual absl::StatusOr<std::optional<RequestRecord>> FindRequest(
      absl::Time deadline, const std::string& caller,
      const std::string& request_id) = 0;

  // The complaint with this (canonical) tracking code. Errors: kNotFound.
  virtual absl::StatusOr<ComplaintRecord> Get(
      absl::Time deadline, const std::string& tracking_code) = 0;

  // One page of complaints. SLA status of a complaint: BREACHED when a clock
  // stopped late or the running clock is past its due time; AT_RISK when the
  // running clock is in its last 20%; ON_TIME otherwise.
  virtual absl::StatusOr<ComplaintPage> List(absl::Time deadline,
                                             const ComplaintQuery& query) = 0;

  // Events of a complaint with version > after_version, oldest first, at most
  // `limit`. Errors: kNotFound for an unknown complaint.
  virtual absl::StatusOr<std::vector<EventRecord>> ListEvents(
      absl::Time deadline, const std::string& tracking_code,
      long long after_version, int limit) = 0;

  // Counts a PIN attempt, atomically (one UPDATE, so concurrent attempts
  // are all counted): restarts the count when the window that began at
  // pin_window_start is older than `window`. Returns the attempts in the
  // current window, this one included. Errors: kNotFound.
  virtual absl::StatusOr<int> CountPinAttempt(absl::Time deadline,
                                              const std::string& tracking_code,
                                              absl::Time now,
                                              absl::Duration window) = 0;
  // Takes back one counted attempt (the PIN was right); never below zero.
  virtual absl::Status ForgivePinAttempt(absl::Time deadline,
                                         const std::string& tracking_code) = 0;
  // Counts an attempt on the decoy row `decoy` (one of DECOY-00..DECOY-15)
  // with the same statements as CountPinAttempt, for a PIN check of an
  // unknown tracking code; the count it returns means nothing.
  virtual absl::StatusOr<int> CountDecoyPinAttempt(absl::Time deadline,
                                                   const std::string& decoy,
                                                   absl::Time now,
                                                   absl::Duration window) = 0;
};

}  // namespace aduan::model

#endif  // ADUAN_SERVER_DOMAIN_MODEL_COMPLAINT_REPOSITORY_H_
