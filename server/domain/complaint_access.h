// Object-level access to complaints: which complaints a principal sees and
// how much of the complainant (docs/design.md §4).
//
// Seeing: OFFICER, SECRETARY, HEAD and AUDITOR see every complaint of the
// offices they are bound to; UNIT staff only those disposed to their unit;
// a GATEWAY only those it submitted (its source). Anything else is
// NOT_FOUND, exactly as for a complaint that does not exist.
//
// Personal data: the FULL view (OFFICER, SECRETARY, HEAD, with a reason,
// access-logged) shows everything. Otherwise NIK and KK numbers are masked
// (3574**********01); UNIT staff see only the name and phone; and for an
// anonymous complaint units, gateways and auditors see no complainant at all.
#ifndef ADUAN_SERVER_DOMAIN_COMPLAINT_ACCESS_H_
#define ADUAN_SERVER_DOMAIN_COMPLAINT_ACCESS_H_

#include <vector>

#include "absl/status/status.h"
#include "server/domain/complaint_state.h"
#include "server/domain/model/complaint_repository.h"
#include "server/domain/model/records.h"
#include "server/domain/principal.h"

namespace aduan::domain {

// NOT_FOUND "complaint not found": unknown, or not visible to the caller
// (one answer for both, byte for byte).
absl::Status ComplaintNotFound();

// True when `who` may see `c` (the server's own jobs see every complaint).
bool CanSeeComplaint(const Principal& who, const model::ComplaintRecord& c);

// The scopes of `who` for list queries (empty: sees nothing).
std::vector<model::ComplaintScope> VisibleScopes(const Principal& who);

// True when `who` may read the FULL view of complaints of `office`.
bool MayReadFullView(const Principal& who, const std::string& office);

// The offices where `who` may search by NIK: those where it is officer,
// secretary or head (the roles that may read personal data). Empty: may
// not search by NIK at all.
std::vector<model::ComplaintScope> NikSearchScopes(const Principal& who);

// True for the identity documents (KK_COPY, KTP_COPY): they show the NIK and
// KK number in full.
bool IsIdentityDocument(DocumentType type);

// True when `who` may open (and see listed) an attachment of `type` of `c`,
// a complaint `who` can see. Identity documents are personal data in full,
// like the FULL view: OFFICER, SECRETARY and HEAD only (and only with a
// reason, which the caller logs). Everyone else who sees the complaint opens
// the location photo, supporting and result documents — except UNIT staff,
// who open RESULT documents and the location photo only.
bool MayOpenAttachment(const Principal& who, const model::ComplaintRecord& c,
                       DocumentType type);

// Clears `a.file_name` when `c` is anonymous and `who` may not see the
// complainant (a file name like "KTP Budi.jpg" would name them).
void HideFileNameIfNeeded(const Principal& who, const model::ComplaintRecord& c,
                          model::AttachmentRecord& a);

// Of `all`, the attachments of `c`, those that `who` may open, in their
// order, file names hidden as HideFileNameIfNeeded says.
std::vector<model::AttachmentRecord> OpenableAttachments(
    const Principal& who, const model::ComplaintRecord& c,
    std::vector<model::AttachmentRecord> all);

// The attachments of `c` that `who` may open, oldest first (read, then
// OpenableAttachments).
absl::StatusOr<std::vector<model::AttachmentRecord>> VisibleAttachments(
    model::ComplaintRepository& complaints, absl::Time deadline,
    const Principal& who, const model::ComplaintRecord& c);

// Applies the BASIC view for `who` to `c` in place. Returns true when
// anything was masked or left out.
bool MaskForViewer(const Principal& who, model::ComplaintRecord& c);

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_COMPLAINT_ACCESS_H_
