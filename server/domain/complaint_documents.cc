#include "server/domain/complaint_documents.h"

#include <spdlog/spdlog.h>

#include "absl/strings/str_cat.h"
#include "common/crypto.h"
#include "common/status_macros.h"
#include "server/domain/complaint_access.h"
#include "server/domain/document_format.h"
#include "server/domain/validation.h"

namespace aduan::domain {
namespace {

absl::Status DocumentNotFound() {
  return absl::NotFoundError("attachment not found");
}

}  // namespace

std::string ComplaintDocuments::DigestOfUpload(const std::string& uploaded) {
  size_t length = uploaded.size();
  (void)RecognizeDocument("content", uploaded, &length);
  return Sha256Hex(absl::string_view(uploaded).substr(0, length));
}

absl::StatusOr<model::AttachmentRecord> ComplaintDocuments::SameDocument(
    model::AttachmentRecord first, const std::string& sha256) {
  if (first.sha256 != sha256) {
    return absl::AlreadyExistsError(
        "request_id: already used to upload a different document");
  }
  return first;
}

absl::StatusOr<std::optional<model::AttachmentRecord>>
ComplaintDocuments::CheckUpload(absl::Time deadline, const Principal& who,
                                const StepInput& in, const AttachInput& a) {
  return workflow_.CheckAttach(deadline, who, in, a);
}

absl::StatusOr<model::AttachmentRecord> ComplaintDocuments::Store(
    absl::Time deadline, const Principal& who, const StepInput& in,
    const AttachInput& a, const std::string& uploaded) {
  if (uploaded.empty()) {
    return absl::InvalidArgumentError("content: the document is empty");
  }
  if (static_cast<long long>(uploaded.size()) > kMaxAttachmentBytes) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "content: a document is at most ", kMaxAttachmentBytes, " bytes"));
  }
  StoredDocument doc;
  size_t length = 0;
  ASSIGN_OR_RETURN(doc.media_type,
                   RecognizeDocument("content", uploaded, &length));
  // Only the document proper is kept (a JPEG up to its end marker).
  const absl::string_view bytes = absl::string_view(uploaded).substr(0, length);
  doc.size_bytes = static_cast<long long>(bytes.size());
  doc.sha256 = Sha256Hex(bytes);
  // Everything that can refuse the document is checked before its bytes are
  // written (the state may have changed while they arrived), so that a
  // refused upload leaves no blob behind; Attach checks again under the
  // version guard.
  if (!a.declared_media_type.empty() &&
      a.declared_media_type != doc.media_type) {
    return absl::InvalidArgumentError(
        absl::StrCat("media_type: declared ", a.declared_media_type,
                     " but the content is ", doc.media_type));
  }
  ASSIGN_OR_RETURN(auto replay, workflow_.CheckAttach(deadline, who, in, a));
  if (replay) return SameDocument(*std::move(replay), doc.sha256);
  absl::StatusOr<bool> written = blobs_.Put(doc.sha256, bytes);
  if (!written.ok()) {
    spdlog::error("blob store: {}", std::string(written.status().message()));
    return absl::Status(written.status().code(),
                        "the document store failed; retry");
  }
  const absl::Time written_by = absl::Now();
  absl::StatusOr<model::AttachmentRecord> attached =
      [&]() -> absl::StatusOr<model::AttachmentRecord> {
    ASSIGN_OR_RETURN(StepResult result,
                     workflow_.Attach(deadline, who, in, a, doc));
    if (!result.attachment) {
      return absl::InternalError("attachment not recorded");
    }
    // A twin upload with the same request_id may have committed first.
    return SameDocument(*std::move(result.attachment), doc.sha256);
  }();
  if (!attached.ok() && *written) Discard(deadline, doc.sha256, written_by);
  return attached;
}

void ComplaintDocuments::Discard(absl::Time deadline, const std::string& sha256,
                                 absl::Time written_by) {
  // Kept when any row names it, or when another upload has stored the same
  // bytes since (its Put marked them in use again, after `written_by`).
  auto rows = complaints_.CountAttachmentsWithSha256(deadline, sha256);
  if (!rows.ok() || *rows > 0) return;
  auto removed = blobs_.RemoveIfOlderThan(sha256, written_by);
  if (!removed.ok()) {
    spdlog::warn("blob store: {} (the hourly sweep removes it)",
                 std::string(removed.status().message()));
  }
}

absl::StatusOr<int> ComplaintDocuments::SweepUnreferenced(
    absl::Time deadline, absl::Duration min_age) {
  const absl::Time cutoff = clock_.Now() - min_age;
  ASSIGN_OR_RETURN(std::vector<std::string> old, blobs_.ListOlderThan(cutoff));
  int removed = 0;
  for (const std::string& sha : old) {
    ASSIGN_OR_RETURN(long long rows,
                     complaints_.CountAttachmentsWithSha256(deadline, sha));
    if (rows > 0) continue;
    ASSIGN_OR_RETURN(bool gone, blobs_.RemoveIfOlderThan(sha, cutoff));
    removed += gone ? 1 : 0;
  }
  if (removed > 0) spdlog::info("removed {} unreferenced blobs", removed);
  return removed;
}

absl::StatusOr<OpenedDocument> ComplaintDocuments::Open(
    absl::Time deadline, const Principal& who, const std::string& attachment_id,
    const std::string& access_reason) {
  if (attachment_id.empty() || attachment_id.size() > 40) {
    return DocumentNotFound();
  }
  ASSIGN_OR_RETURN(std::optional<model::AttachmentRecord> found,
                   complaints_.GetAttachment(deadline, attachment_id));
  if (!found) return DocumentNotFound();
  auto complaint = complaints_.Get(deadline, found->tracking_code);
  if (absl::IsNotFound(complaint.status())) return DocumentNotFound();
  RETURN_IF_ERROR(complaint.status());
  if (!MayOpenAttachment(who, *complaint, found->type)) {
    return DocumentNotFound();
  }
  if (IsIdentityDocument(found->type)) {
    // Personal data in full: a reason, written to the access log first.
    if (!ValidateText("access_reason", access_reason, 1, kMaxNoteChars, false)
             .ok()) {
      return absl::InvalidArgumentError(
          "access_reason: required (≤ 2,000 characters) to open an identity "
          "document (KK_COPY, KTP_COPY)");
    }
    model::AccessLogRecord entry;
    entry.principal_id = who.id;
    entry.principal_name = who.name;
    for (Role role : {kHead, kSecretary, kOfficer}) {
      if (who.HasRole(role, complaint->office_code)) {
        entry.role = role;
        break;
      }
    }
    entry.reason = absl::StrCat(model::Name(found->type), " ",
                                found->attachment_id, ": ", access_reason);
    entry.create_time = ToUnixMicrosLL(clock_.Now());
    RETURN_IF_ERROR(
        complaints_.GetLoggingAccess(deadline, found->tracking_code, entry)
            .status());
    spdlog::info("identity document {} of {} opened by {} ({})",
                 found->attachment_id, found->tracking_code, who.name,
                 std::string(model::Name(entry.role)));
  }
  OpenedDocument out;
  absl::StatusOr<std::string> bytes = blobs_.Get(found->sha256);
  // Missing, or sealed bytes that do not open (altered, or sealed under
  // another key), are altered bytes; other errors are the store failing.
  if (!bytes.ok() && !absl::IsNotFound(bytes.status()) &&
      !absl::IsDataLoss(bytes.status()) &&
      !absl::IsFailedPrecondition(bytes.status())) {
    spdlog::error("blob store: {}", std::string(bytes.status().message()));
    return absl::Status(bytes.status().code(),
                        "the document store failed; retry");
  }
  if (!bytes.ok() || Sha256Hex(*bytes) != found->sha256) {
    spdlog::error("attachment {} of {}: stored bytes missing or altered",
                  found->attachment_id, found->tracking_code);
    return absl::DataLossError(
        absl::StrCat("attachment ", found->attachment_id,
                     ": the stored bytes are missing or no longer match their "
                     "SHA-256"));
  }
  HideFileNameIfNeeded(who, *complaint, *found);
  out.attachment = *std::move(found);
  out.bytes = *std::move(bytes);
  return out;
}

}  // namespace aduan::domain
