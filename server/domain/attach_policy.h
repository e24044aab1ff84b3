// Who may attach which document to a complaint, and when: the rules an
// upload is checked against before its bytes are read (CheckAttach) and
// again when it is recorded (Attach) — docs/design.md §1.5.
#ifndef ADUAN_SERVER_DOMAIN_ATTACH_POLICY_H_
#define ADUAN_SERVER_DOMAIN_ATTACH_POLICY_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "server/domain/complaint_state.h"
#include "server/domain/model/records.h"
#include "server/domain/principal.h"
#include "server/domain/step_types.h"

namespace aduan::domain {

// Limits of documents (docs/design.md §3.10).
inline constexpr long long kMaxAttachmentBytes = 10LL * 1024 * 1024;
inline constexpr long long kMaxChunkBytes = 1024 * 1024;
inline constexpr int kMaxAttachmentsPerComplaint = 20;

// A document to attach (the header of an upload).
struct AttachInput {
  std::optional<DocumentType> type;  // required
  std::string declared_media_type;   // optional; must match the content
  std::string file_name;             // optional, ≤ 255 characters
};

class AttachPolicy {
 public:
  // The header alone: a known type, a media type of the three accepted,
  // a plain file name. Errors: kInvalidArgument naming the field.
  static absl::Status CheckArguments(const AttachInput& a);
  // Who may attach what in the complaint's state (already one of
  // SUBMITTED, NEEDS_INFO, IN_FOLLOW_UP): the officer and the submitting
  // gateway any type but RESULT while SUBMITTED or NEEDS_INFO; the
  // complainant likewise while NEEDS_INFO; the unit it is disposed to
  // RESULT while IN_FOLLOW_UP. Returns the role the document is attached
  // in (CITIZEN for the complainant). Errors: kFailedPrecondition saying
  // who may, when.
  static absl::StatusOr<Role> RoleFor(const Principal& who,
                                      const model::ComplaintRecord& c,
                                      DocumentType type);
  // Room for one more beside `attached` documents. Errors:
  // kResourceExhausted at kMaxAttachmentsPerComplaint.
  static absl::Status CheckRoom(size_t attached);
};

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_ATTACH_POLICY_H_
