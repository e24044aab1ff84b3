// ComplaintArchive makes, reads and verifies the archive record of step 7
// (docs/design.md §1): the whole file — complaint, events, attachment digests —
// as canonical JSON (canonical_json.h), its SHA-256, an HMAC under the
// archive key kept outside the database, chained per office to the previous
// record, stored write-once. NIK and KK numbers appear only as their keyed
// blind index, so the record holds no identity number.
#ifndef ADUAN_SERVER_DOMAIN_COMPLAINT_ARCHIVE_H_
#define ADUAN_SERVER_DOMAIN_COMPLAINT_ARCHIVE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/pii_cipher.h"
#include "server/domain/model/blob_store.h"
#include "server/domain/model/complaint_repository.h"
#include "server/domain/principal.h"

namespace aduan::domain {

struct ArchiveCheck {
  // Everything below holds: the document, its HMAC, the live rows, the
  // attached documents' bytes and the chain.
  bool intact = false;
  // The stored document hashes to the stored digest.
  bool document_intact = false;
  // The HMAC under the archive key matches (only the key's holder could
  // have made the record).
  bool hmac_intact = false;
  // The record rebuilt from the live rows is the stored one, and the
  // complaint's NIK search index is that of its NIK.
  bool rows_intact = false;
  bool chain_intact = false;  // the previous record exists and matches
  // Every attached document's stored bytes still have the archived digest
  // and size; those that do not (or are missing) are listed.
  bool documents_intact = false;
  std::vector<std::string> damaged_attachment_ids;
  std::string stored_sha256;
  std::string computed_sha256;  // of the document rebuilt from live rows
  // The complaint is ARCHIVED but its record is gone: nothing else is
  // checked and every other flag is false.
  bool record_missing = false;
};

// An archive record as a caller may read it.
struct ArchiveView {
  model::ArchiveRecord record;
  // The complainant was taken out of `record.document` (an anonymous
  // complaint read without a staff role); the digest and HMAC are still
  // those of the stored document.
  bool redacted = false;
};

// Thread-safe; the references must outlive it.
class ComplaintArchive {
 public:
  // `blobs` holds the attached documents' bytes, which Verify checks.
  ComplaintArchive(model::ComplaintRepository& complaints,
                   model::BlobStore& blobs, const PiiCipher& cipher,
                   std::string archive_key)
      : complaints_(complaints),
        blobs_(blobs),
        cipher_(cipher),
        key_(std::move(archive_key)) {}

  // The record of an archived complaint `c` (state ARCHIVED, its events and
  // attachments given), archived at `time`, as record `office_seq` after
  // `prev_sha256`, in `format` (docs/archive.md): kFormat for new records;
  // Verify rebuilds older ones in theirs.
  static constexpr char kFormat[] = "aduan.archive.v2";
  model::ArchiveRecord Build(
      const model::ComplaintRecord& c,
      const std::vector<model::EventRecord>& events,
      const std::vector<model::AttachmentRecord>& attachments,
      const std::string& prev_sha256, long long office_seq, absl::Time time,
      absl::string_view format = kFormat) const;

  // The stored record. Errors: kNotFound (not archived, or not visible to
  // `who`: officer, secretary, head and auditor of the office).
  absl::StatusOr<model::ArchiveRecord> Get(absl::Time deadline,
                                           const Principal& who,
                                           const std::string& tracking_code);
  // The record for `who`: as Get, with the complainant of an anonymous
  // complaint removed for callers who are not officer, secretary or head of
  // the office (auditors). Errors as Get.
  absl::StatusOr<ArchiveView> Read(absl::Time deadline, const Principal& who,
                                   const std::string& tracking_code);
  // Recomputes the digest of the stored document and of one rebuilt from
  // the live rows, checks the HMAC, the link to the previous record and the
  // bytes of every attached document in the blob store. An ARCHIVED
  // complaint without a record is reported (record_missing), not an error.
  // Errors as Get.
  absl::StatusOr<ArchiveCheck> Verify(absl::Time deadline, const Principal& who,
                                      const std::string& tracking_code);

 private:
  std::string Hmac(const model::ArchiveRecord& r) const;

  model::ComplaintRepository& complaints_;
  model::BlobStore& blobs_;
  const PiiCipher& cipher_;
  const std::string key_;
};

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_COMPLAINT_ARCHIVE_H_
