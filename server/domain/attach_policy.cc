#include "server/domain/attach_policy.h"

#include "absl/strings/str_cat.h"
#include "server/domain/document_format.h"
#include "server/domain/validation.h"

namespace aduan::domain {
namespace {

absl::Status Invalid(absl::string_view field, absl::string_view rule) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", rule));
}

}  // namespace

absl::Status AttachPolicy::CheckArguments(const AttachInput& a) {
  if (!a.type) return Invalid("type", "is required");
  if (!a.declared_media_type.empty() && a.declared_media_type != kMediaJpeg &&
      a.declared_media_type != kMediaPng &&
      a.declared_media_type != kMediaPdf) {
    return Invalid("media_type",
                   "must be image/jpeg, image/png or application/pdf");
  }
  return ValidateFileName("file_name", a.file_name);
}

absl::StatusOr<Role> AttachPolicy::RoleFor(const Principal& who,
                                           const model::ComplaintRecord& c,
                                           DocumentType type) {
  const bool intake_state =
      c.state == State::kSubmitted || c.state == State::kNeedsInfo;
  if (!who.authenticated) {
    if (c.state != State::kNeedsInfo) {
      return absl::FailedPreconditionError(absl::StrCat(
          "the complaint is ", model::Name(c.state),
          "; the complainant attaches documents only while NEEDS_INFO"));
    }
    if (type == DocumentType::kResult) {
      return absl::FailedPreconditionError(
          "RESULT documents are attached by the unit the complaint is "
          "disposed to");
    }
    return Role::kCitizen;
  }
  for (const model::RoleBindingRecord& b : who.bindings) {
    if (b.office_code != c.office_code) continue;
    if (b.role == kUnit && b.unit_code == c.unit_code &&
        c.state == State::kInFollowUp && type == DocumentType::kResult) {
      return kUnit;
    }
    const bool gateway =
        b.role == kGateway && !c.source.empty() && b.source == c.source;
    if ((b.role == kOfficer || gateway) && intake_state &&
        type != DocumentType::kResult) {
      return b.role;
    }
  }
  if (type == DocumentType::kResult) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the complaint is ", model::Name(c.state),
        "; RESULT documents are attached by the unit it is disposed to while "
        "IN_FOLLOW_UP"));
  }
  return absl::FailedPreconditionError(
      absl::StrCat("the complaint is ", model::Name(c.state),
                   "; requirement documents are attached by the officer or the "
                   "submitting gateway while SUBMITTED or NEEDS_INFO"));
}

absl::Status AttachPolicy::CheckRoom(size_t attached) {
  if (attached >= static_cast<size_t>(kMaxAttachmentsPerComplaint)) {
    return absl::ResourceExhaustedError(
        absl::StrCat("attachments: a complaint holds at most ",
                     kMaxAttachmentsPerComplaint, " documents"));
  }
  return absl::OkStatus();
}

}  // namespace aduan::domain
