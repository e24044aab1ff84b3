// ComplaintDocuments receives and hands out the documents attached to
// complaints: the requirement documents of the service standard (KK and
// KTP-el copies, the location photo, supporting documents) and the units'
// result documents.
//
// Upload: CheckUpload before the bytes (so a refused upload costs nothing),
// then Store with the whole document: recognised by content
// (document_format.h), checked again, written to the blob store
// (content-addressed, durable before the metadata), then recorded with an
// ATTACHED event by ComplaintWorkflow::Attach. Only a failure between the
// blob write and the commit (a database error, a change of state in that
// instant) leaves an unreferenced blob; it is harmless, and identical bytes
// uploaded again reuse it.
//
// Housekeeping: SweepUnreferenced deletes blobs that no attachment row names
// and nobody has written or reused for a while — personal data (KK and
// KTP-el scans) is not kept without a record of it.
//
// Download: Open applies MayOpenAttachment (complaint_access.h), logs
// identity documents to the access log, and checks the bytes against their
// digest.
#ifndef ADUAN_SERVER_DOMAIN_COMPLAINT_DOCUMENTS_H_
#define ADUAN_SERVER_DOMAIN_COMPLAINT_DOCUMENTS_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/clock.h"
#include "server/domain/complaint_workflow.h"
#include "server/domain/model/blob_store.h"
#include "server/domain/model/complaint_repository.h"
#include "server/domain/principal.h"

namespace aduan::domain {

struct OpenedDocument {
  model::AttachmentRecord attachment;
  std::string bytes;
};

// Thread-safe; the references must outlive it.
class ComplaintDocuments {
 public:
  ComplaintDocuments(model::ComplaintRepository& complaints,
                     model::BlobStore& blobs, ComplaintWorkflow& workflow,
                     const Clock& clock)
      : complaints_(complaints),
        blobs_(blobs),
        workflow_(workflow),
        clock_(clock) {}

  // See ComplaintWorkflow::CheckAttach: nullopt when the upload may go on,
  // the first upload's attachment for a retried request_id (the caller
  // still reads the bytes and checks them with SameDocument).
  absl::StatusOr<std::optional<model::AttachmentRecord>> CheckUpload(
      absl::Time deadline, const Principal& who, const StepInput& in,
      const AttachInput& a);

  // Recognises, stores and records the document in `uploaded` (only the
  // document proper: what follows a JPEG's end marker is not kept); for a
  // retried request_id, the first result when the bytes are the same. A refused
  // upload leaves no blob it wrote (e.g. the losers of uploads racing with one
  // request_id). Errors: kInvalidArgument (empty, not a whole JPEG/PNG/PDF,
  // declared media type differs), kResourceExhausted (over
  // kMaxAttachmentBytes), the blob store's errors, and those of
  // ComplaintWorkflow::Attach.
  absl::StatusOr<model::AttachmentRecord> Store(absl::Time deadline,
                                                const Principal& who,
                                                const StepInput& in,
                                                const AttachInput& a,
                                                const std::string& uploaded);

  // The SHA-256 an upload of `uploaded` stores: of the document proper (a
  // JPEG up to its end marker, see RecognizeDocument), for comparing a
  // retry's bytes with the first upload's.
  static std::string DigestOfUpload(const std::string& uploaded);

  // Deletes the blobs older than `min_age` that no attachment row names
  // (left by an upload whose record failed after its blob was written).
  // Safe with several processes sharing the store: Put refreshes the age of
  // a blob it reuses, and the age is checked again as the blob is deleted.
  // Returns how many it deleted.
  absl::StatusOr<int> SweepUnreferenced(absl::Time deadline,
                                        absl::Duration min_age);

  // The first upload's result for a retried request_id when `sha256` is
  // the digest of the bytes it stored. Errors: kAlreadyExists (the same
  // request_id carried another document).
  static absl::StatusOr<model::AttachmentRecord> SameDocument(
      model::AttachmentRecord first, const std::string& sha256);

  // The document and its bytes. Errors: kNotFound (unknown, or not for
  // `who`), kInvalidArgument (access_reason missing or too long for an
  // identity document), kDataLoss (the bytes are missing or altered).
  absl::StatusOr<OpenedDocument> Open(absl::Time deadline, const Principal& who,
                                      const std::string& attachment_id,
                                      const std::string& access_reason);

 private:
  // Deletes the blob `sha256` this call wrote before `written_by`, unless an
  // attachment row names it or another upload has stored it since.
  void Discard(absl::Time deadline, const std::string& sha256,
               absl::Time written_by);

  model::ComplaintRepository& complaints_;
  model::BlobStore& blobs_;
  ComplaintWorkflow& workflow_;
  const Clock& clock_;
};

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_COMPLAINT_DOCUMENTS_H_
