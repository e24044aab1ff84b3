#include "server/domain/complaint_workflow.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/crypto.h"
#include "common/status_macros.h"
#include "server/domain/attach_policy.h"
#include "server/domain/canonical_json.h"
#include "server/domain/complaint_access.h"
#include "server/domain/complaint_intake.h"
#include "server/domain/complaint_patch.h"
#include "server/domain/complaint_state.h"
#include "server/domain/document_format.h"
#include "server/domain/request_id.h"
#include "server/domain/sla_clock.h"
#include "server/domain/tracking_code.h"
#include "server/domain/validation.h"

namespace aduan::domain {
namespace {

absl::Status Invalid(absl::string_view field, absl::string_view rule) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", rule));
}

// Optional note: ≤ 2,000 characters, newlines allowed.
absl::Status Note(absl::string_view field, const std::string& text,
                  bool required) {
  return ValidateText(field, text, required ? 1 : 0, kMaxNoteChars, true);
}

using J = CanonicalJson;

}  // namespace

absl::StatusOr<StepResult> ComplaintWorkflow::Verify(absl::Time deadline,
                                                     const Principal& who,
                                                     const StepInput& in,
                                                     const VerifyInput& v) {
  absl::Status args = [&]() -> absl::Status {
    if (!v.outcome) return Invalid("outcome", "is required");
    if (!IsValidOutcome(Action::kVerify, *v.outcome)) {
      return Invalid("outcome", "unknown value");
    }
    RETURN_IF_ERROR(Note("note", v.note, v.outcome == State::kRejected));
    RETURN_IF_ERROR(
        Note("missing_info", v.missing_info, v.outcome == State::kNeedsInfo));
    RETURN_IF_ERROR(ValidateText("referred_to", v.referred_to,
                                 v.outcome == State::kOutOfScope ? 1 : 0, 200,
                                 false));
    if (v.outcome == State::kDuplicate) {
      RETURN_IF_ERROR(
          NormalizeTrackingCode("duplicate_of", v.duplicate_of).status());
    } else if (!v.duplicate_of.empty()) {
      return Invalid("duplicate_of", "only with outcome DUPLICATE");
    }
    return absl::OkStatus();
  }();
  // The original of a duplicate must be another complaint of the same
  // office (whether it is in the caller's scope does not matter: the
  // officer's office is checked by the scope).
  auto original_exists = [&](const OfficeConfig&,
                             const model::ComplaintRecord& c) -> absl::Status {
    if (v.outcome != State::kDuplicate) return absl::OkStatus();
    const std::string original =
        *NormalizeTrackingCode("duplicate_of", v.duplicate_of);
    auto other = complaints_.Get(deadline, original);
    if (!other.ok() && !absl::IsNotFound(other.status())) {
      return other.status();
    }
    if (!other.ok() || other->office_code != c.office_code ||
        original == c.tracking_code) {
      return Invalid("duplicate_of",
                     "must be another complaint of the same office");
    }
    return absl::OkStatus();
  };
  return runner_.Run(
      deadline, who, Action::kVerify, kOfficer, in,
      scopes_.RoleInOffice(who, kOfficer), {args, original_exists},
      [&](const OfficeConfig&, model::ComplaintRecord& c, model::EventRecord& e,
          absl::Time) -> absl::Status {
        std::string original;
        if (v.outcome == State::kDuplicate) {
          original = *NormalizeTrackingCode("duplicate_of", v.duplicate_of);
        }
        // The checklist is pre-filled from the attached documents: what is
        // attached counts as present.
        Checklist checklist = v.checklist;
        ASSIGN_OR_RETURN(auto attached, complaints_.ListAttachments(
                                            deadline, c.tracking_code));
        for (const model::AttachmentRecord& a : attached) {
          if (a.type == DocumentType::kKkCopy) checklist.kk_copy = true;
          if (a.type == DocumentType::kKtpCopy) checklist.ktp_copy = true;
          if (a.type == DocumentType::kLocationPhoto)
            checklist.location_photo = true;
          if (a.type == DocumentType::kSupporting)
            checklist.supporting_documents = true;
        }
        c.state = *v.outcome;
        e.type = EventType::kVerified;
        e.note = v.outcome == State::kNeedsInfo ? v.missing_info : v.note;
        e.payload = J::Object()
                        .Set("outcome", J::String(model::Name(*v.outcome)))
                        .Set("checklist",
                             J::Object()
                                 .Set("kk_copy", J::Bool(checklist.kk_copy))
                                 .Set("ktp_copy", J::Bool(checklist.ktp_copy))
                                 .Set("location_photo",
                                      J::Bool(checklist.location_photo))
                                 .Set("supporting_documents",
                                      J::Bool(checklist.supporting_documents)))
                        .Set("missing_info", J::String(v.missing_info))
                        .Set("referred_to", J::String(v.referred_to))
                        .Set("duplicate_of", J::String(original))
                        .Serialize();
        return absl::OkStatus();
      });
}

absl::StatusOr<StepResult> ComplaintWorkflow::ReportToHead(
    absl::Time deadline, const Principal& who, const StepInput& in,
    const std::string& note) {
  return runner_.Run(deadline, who, Action::kReportToHead, kSecretary, in,
                     scopes_.RoleInOffice(who, kSecretary),
                     Note("note", note, false),
                     [&](const OfficeConfig&, model::ComplaintRecord& c,
                         model::EventRecord& e, absl::Time) {
                       c.state = State::kReportedToHead;
                       e.type = EventType::kReportedToHead;
                       e.note = note;
                       return absl::OkStatus();
                     });
}

absl::StatusOr<StepResult> ComplaintWorkflow::Dispose(absl::Time deadline,
                                                      const Principal& who,
                                                      const StepInput& in,
                                                      const DisposeInput& d) {
  absl::Status args = [&]() -> absl::Status {
    if (d.unit_code.empty()) return Invalid("unit_code", "is required");
    RETURN_IF_ERROR(Note("instruction", d.instruction, true));
    if (d.due_time && *d.due_time <= clock_.Now()) {
      return Invalid("due_time", "must be in the future");
    }
    if (d.due_time && *d.due_time > clock_.Now() + absl::Hours(24 * 366)) {
      return Invalid("due_time", "must be within a year");
    }
    return absl::OkStatus();
  }();
  auto active_unit = [&](const OfficeConfig& office,
                         const model::ComplaintRecord&) -> absl::Status {
    for (const auto& u : office.record.units) {
      if (u.code == d.unit_code && u.active) return absl::OkStatus();
    }
    return Invalid("unit_code", "is not an active unit of the office");
  };
  return runner_.Run(
      deadline, who, Action::kDispose, kHead, in,
      scopes_.RoleInOffice(who, kHead), {args, active_unit},
      [&](const OfficeConfig& office, model::ComplaintRecord& c,
          model::EventRecord& e, absl::Time now) -> absl::Status {
        // The resolution clock: due as the head says, else the
        // category's or the office's target; a new disposition sets a
        // new due time.
        absl::Duration target;
        if (d.due_time) {
          target = office.calendar.WorkingTimeBetween(now, *d.due_time);
        } else {
          int minutes = office.record.resolution_sla_minutes;
          if (const auto* cat = office.FindCategory(c.category_code);
              cat != nullptr && cat->resolution_sla_minutes) {
            minutes = *cat->resolution_sla_minutes;
          }
          target = absl::Minutes(minutes);
        }
        const bool redispose = ResolutionClockRuns(c.state);
        if (redispose) StopSlaClock(c.resolution, now, office.calendar);
        c.resolution.target_us =
            c.resolution.used_us + absl::ToInt64Microseconds(target);
        if (redispose) StartSlaClock(c.resolution, now, office.calendar);
        c.state = State::kDisposed;
        c.unit_code = d.unit_code;
        e.type = EventType::kDisposed;
        e.note = d.instruction;
        e.payload =
            J::Object()
                .Set("unit_code", J::String(d.unit_code))
                .Set("due_time", d.due_time
                                     ? J::String(absl::FormatTime(*d.due_time))
                                     : J::Null())
                .Serialize();
        return absl::OkStatus();
      });
}

absl::StatusOr<StepResult> ComplaintWorkflow::Decline(absl::Time deadline,
                                                      const Principal& who,
                                                      const StepInput& in,
                                                      const DeclineInput& d) {
  absl::Status args = [&]() -> absl::Status {
    if (!d.outcome) return Invalid("outcome", "is required");
    if (!IsValidOutcome(Action::kDecline, *d.outcome)) {
      return Invalid("outcome", "must be REJECTED or OUT_OF_SCOPE");
    }
    RETURN_IF_ERROR(Note("reason", d.reason, true));
    return ValidateText("referred_to", d.referred_to,
                        d.outcome == State::kOutOfScope ? 1 : 0, 200, false);
  }();
  return runner_.Run(
      deadline, who, Action::kDecline, kHead, in,
      scopes_.RoleInOffice(who, kHead), args,
      [&](const OfficeConfig&, model::ComplaintRecord& c, model::EventRecord& e,
          absl::Time) {
        c.state = *d.outcome;
        e.type = EventType::kDeclined;
        e.note = d.reason;
        e.payload = J::Object()
                        .Set("outcome", J::String(model::Name(*d.outcome)))
                        .Set("referred_to", J::String(d.referred_to))
                        .Serialize();
        return absl::OkStatus();
      });
}

absl::StatusOr<StepResult> ComplaintWorkflow::ReturnDisposition(
    absl::Time deadline, const Principal& who, const StepInput& in,
    const std::string& reason) {
  return runner_.Run(
      deadline, who, Action::kReturnDisposition, kUnit, in,
      scopes_.AssignedUnit(who), Note("reason", reason, true),
      [&](const OfficeConfig&, model::ComplaintRecord& c, model::EventRecord& e,
          absl::Time) {
        e.payload =
            J::Object().Set("unit_code", J::String(c.unit_code)).Serialize();
        c.state = State::kReportedToHead;
        c.unit_code.clear();
        e.type = EventType::kDispositionReturned;
        e.note = reason;
        return absl::OkStatus();
      });
}

absl::StatusOr<StepResult> ComplaintWorkflow::ReturnForRework(
    absl::Time deadline, const Principal& who, const StepInput& in,
    const std::string& reason) {
  return runner_.Run(deadline, who, Action::kReturnForRework, kHead, in,
                     scopes_.RoleInOffice(who, kHead),
                     Note("reason", reason, true),
                     [&](const OfficeConfig&, model::ComplaintRecord& c,
                         model::EventRecord& e, absl::Time) {
                       c.state = State::kDisposed;
                       e.type = EventType::kReturnedForRework;
                       e.note = reason;
                       return absl::OkStatus();
                     });
}

absl::StatusOr<StepResult> ComplaintWorkflow::StartFollowUp(
    absl::Time deadline, const Principal& who, const StepInput& in,
    const std::string& note) {
  return runner_.Run(deadline, who, Action::kStartFollowUp, kUnit, in,
                     scopes_.AssignedUnit(who), Note("note", note, false),
                     [&](const OfficeConfig&, model::ComplaintRecord& c,
                         model::EventRecord& e, absl::Time) {
                       c.state = State::kInFollowUp;
                       e.type = EventType::kFollowUpStarted;
                       e.note = note;
                       return absl::OkStatus();
                     });
}

absl::StatusOr<StepResult> ComplaintWorkflow::AddFollowUpNote(
    absl::Time deadline, const Principal& who, const StepInput& in,
    const std::string& note) {
  return runner_.Run(deadline, who, Action::kAddFollowUpNote, kUnit, in,
                     scopes_.AssignedUnit(who), Note("note", note, true),
                     [&](const OfficeConfig&, model::ComplaintRecord&,
                         model::EventRecord& e, absl::Time) {
                       e.type = EventType::kFollowUpNote;
                       e.note = note;
                       return absl::OkStatus();
                     });
}

absl::StatusOr<StepResult> ComplaintWorkflow::Resolve(
    absl::Time deadline, const Principal& who, const StepInput& in,
    const std::string& result, const std::vector<std::string>& attachment_ids) {
  absl::Status args = [&]() -> absl::Status {
    RETURN_IF_ERROR(Note("result", result, true));
    if (attachment_ids.size() >
        static_cast<size_t>(kMaxAttachmentsPerComplaint)) {
      return Invalid("attachment_ids", "too many");
    }
    for (size_t i = 0; i < attachment_ids.size(); ++i) {
      for (size_t j = 0; j < i; ++j) {
        if (attachment_ids[i] == attachment_ids[j]) {
          return Invalid("attachment_ids", "an attachment is named twice");
        }
      }
    }
    return absl::OkStatus();
  }();
  // Every named document is a RESULT document of this complaint (an upload
  // changes the version, so the check holds for the version written).
  auto result_documents = [&](const OfficeConfig&,
                              const model::ComplaintRecord& c) -> absl::Status {
    if (attachment_ids.empty()) return absl::OkStatus();
    ASSIGN_OR_RETURN(auto attached,
                     complaints_.ListAttachments(deadline, c.tracking_code));
    for (const std::string& id : attachment_ids) {
      bool found = false;
      for (const model::AttachmentRecord& a : attached) {
        found |= a.attachment_id == id && a.type == DocumentType::kResult;
      }
      if (!found) {
        return Invalid(
            "attachment_ids",
            absl::StrCat(id.substr(0, 40),
                         " is not a RESULT document of this complaint"));
      }
    }
    return absl::OkStatus();
  };
  return runner_.Run(
      deadline, who, Action::kResolve, kUnit, in, scopes_.AssignedUnit(who),
      {args, result_documents},
      [&](const OfficeConfig&, model::ComplaintRecord& c, model::EventRecord& e,
          absl::Time) -> absl::Status {
        J ids = J::Array();
        for (const std::string& id : attachment_ids) ids.Add(J::String(id));
        c.state = State::kResolved;
        e.type = EventType::kResolved;
        e.note = result;
        e.payload =
            J::Object().Set("attachment_ids", std::move(ids)).Serialize();
        return absl::OkStatus();
      });
}

absl::StatusOr<StepResult> ComplaintWorkflow::Inform(absl::Time deadline,
                                                     const Principal& who,
                                                     const StepInput& in,
                                                     const InformInput& i) {
  absl::Status args = [&]() -> absl::Status {
    static constexpr absl::string_view kMethods[] = {
        "IN_PERSON", "ONLINE_MEDIA", "EMAIL", "PHONE", "LETTER", "SP4N_LAPOR"};
    if (i.method.empty()) return Invalid("method", "is required");
    bool known = false;
    for (absl::string_view m : kMethods) known |= m == i.method;
    if (!known) return Invalid("method", "unknown value");
    return Note("message", i.message, true);
  }();
  return runner_.Run(deadline, who, Action::kInform, kOfficer, in,
                     scopes_.RoleInOffice(who, kOfficer), args,
                     [&](const OfficeConfig&, model::ComplaintRecord& c,
                         model::EventRecord& e, absl::Time) {
                       e.payload =
                           J::Object()
                               .Set("method", J::String(i.method))
                               .Set("outcome", J::String(model::Name(c.state)))
                               .Serialize();
                       c.state = State::kInformed;
                       e.type = EventType::kInformed;
                       e.note = i.message;
                       return absl::OkStatus();
                     });
}

absl::StatusOr<StepResult> ComplaintWorkflow::Archive(absl::Time deadline,
                                                      const Principal& who,
                                                      const StepInput& in) {
  if (archive_ == nullptr) {
    return absl::UnimplementedError("archiving is not configured");
  }
  return runner_.Run(deadline, who, Action::kArchive, kOfficer, in,
                     scopes_.RoleInOffice(who, kOfficer), absl::OkStatus(),
                     [&](const OfficeConfig&, model::ComplaintRecord& c,
                         model::EventRecord& e, absl::Time) {
                       c.state = State::kArchived;
                       e.type = EventType::kArchived;
                       return absl::OkStatus();
                     });
}

absl::StatusOr<StepResult> ComplaintWorkflow::Update(
    absl::Time deadline, const Principal& who, const StepInput& in,
    const model::ComplaintRecord& changes,
    const std::vector<std::string>& paths) {
  const absl::StatusOr<ComplaintPatch> patch = ComplaintPatch::Create(paths);
  // The stored complaint with the masked fields taken from `changes`; the
  // result must be valid as a whole.
  auto merge = [&](const OfficeConfig& office,
                   model::ComplaintRecord& c) -> absl::Status {
    RETURN_IF_ERROR(patch->ApplyTo(changes, c));
    return ValidateComplaintFields(
        office, absl::ToCivilDay(clock_.Now(), office.calendar.time_zone()), c);
  };
  // Merged and validated once per attempt, as an argument check; the step
  // then writes that record (both see the same stored complaint).
  model::ComplaintRecord merged;
  auto merged_valid = [&](const OfficeConfig& office,
                          const model::ComplaintRecord& stored) {
    merged = stored;
    return merge(office, merged);
  };
  return runner_.Run(
      deadline, who, Action::kUpdate, kOfficer, in,
      scopes_.RoleInOffice(who, kOfficer), {patch.status(), merged_valid},
      [&](const OfficeConfig&, model::ComplaintRecord& c, model::EventRecord& e,
          absl::Time) -> absl::Status {
        const bool before_disposition =
            c.state == State::kSubmitted || c.state == State::kNeedsInfo ||
            c.state == State::kVerified || c.state == State::kReportedToHead;
        if (const std::optional<std::string> content =
                patch->FirstContentPath();
            content && !before_disposition) {
          return absl::FailedPreconditionError(absl::StrCat(
              "UpdateComplaint of ", *content,
              " is possible only before disposition: the complaint is ",
              model::Name(c.state),
              "; only anonymous and confidential can still be raised"));
        }
        c = merged;
        e.type = EventType::kUpdated;
        // Which fields changed, never their values (personal data).
        {
          J list = J::Array();
          for (const std::string& p : paths) list.Add(J::String(p));
          e.payload = J::Object().Set("paths", std::move(list)).Serialize();
        }
        return absl::OkStatus();
      });
}

absl::StatusOr<StepResult> ComplaintWorkflow::Supplement(
    absl::Time deadline, const Principal& who, const StepInput& in,
    const std::string& note) {
  return runner_.Run(deadline, who, Action::kSupplement,
                     who.HasRole(kOfficer) ? kOfficer : kGateway, in,
                     scopes_.ComplainantSide(who, in), Note("note", note, true),
                     [&](const OfficeConfig&, model::ComplaintRecord& c,
                         model::EventRecord& e, absl::Time) {
                       c.state = State::kSubmitted;
                       e.type = EventType::kSupplemented;
                       e.note = note;
                       return absl::OkStatus();
                     });
}

absl::StatusOr<StepResult> ComplaintWorkflow::Withdraw(
    absl::Time deadline, const Principal& who, const StepInput& in,
    const std::string& reason) {
  return runner_.Run(deadline, who, Action::kWithdraw,
                     who.HasRole(kOfficer) ? kOfficer : kGateway, in,
                     scopes_.ComplainantSide(who, in),
                     Note("reason", reason, false),
                     [&](const OfficeConfig&, model::ComplaintRecord& c,
                         model::EventRecord& e, absl::Time) {
                       c.state = State::kWithdrawn;
                       e.type = EventType::kWithdrawn;
                       e.note = reason;
                       return absl::OkStatus();
                     });
}

absl::StatusOr<ReissuedPin> ComplaintWorkflow::ReissuePin(absl::Time deadline,
                                                          const Principal& who,
                                                          const StepInput& in) {
  return reissue_.Run(deadline, who, in);
}

absl::StatusOr<std::optional<model::AttachmentRecord>>
ComplaintWorkflow::CheckAttach(absl::Time deadline, const Principal& who,
                               const StepInput& in, const AttachInput& a) {
  ASSIGN_OR_RETURN(StepRunner::Checked checked,
                   runner_.Precheck(deadline, who, Action::kAttach, in,
                                    scopes_.Attach(who, in),
                                    AttachPolicy::CheckArguments(a)));
  if (checked.retry) return checked.retry->attachment;
  const model::ComplaintRecord& c = checked.complaint;
  RETURN_IF_ERROR(AttachPolicy::RoleFor(who, c, *a.type).status());
  ASSIGN_OR_RETURN(auto attached,
                   complaints_.ListAttachments(deadline, c.tracking_code));
  RETURN_IF_ERROR(AttachPolicy::CheckRoom(attached.size()));
  return std::nullopt;
}

absl::StatusOr<StepResult> ComplaintWorkflow::Attach(
    absl::Time deadline, const Principal& who, const StepInput& in,
    const AttachInput& a, const StoredDocument& doc) {
  absl::Status args = [&]() -> absl::Status {
    RETURN_IF_ERROR(AttachPolicy::CheckArguments(a));
    if (!a.declared_media_type.empty() &&
        a.declared_media_type != doc.media_type) {
      return Invalid("media_type",
                     absl::StrCat("declared ", a.declared_media_type,
                                  " but the content is ", doc.media_type));
    }
    return absl::OkStatus();
  }();
  ASSIGN_OR_RETURN(std::string id_bytes, RandomBytes(8));
  model::AttachmentRecord record;
  record.attachment_id = absl::StrCat("att_", absl::BytesToHexString(id_bytes));
  if (a.type) record.type = *a.type;
  record.media_type = doc.media_type;
  record.file_name = a.file_name;
  record.size_bytes = doc.size_bytes;
  record.sha256 = doc.sha256;
  record.request_id = in.request_id;
  return runner_.Run(
      deadline, who, Action::kAttach, kOfficer, in, scopes_.Attach(who, in),
      args,
      [&](const OfficeConfig&, model::ComplaintRecord& c, model::EventRecord& e,
          absl::Time now) -> absl::Status {
        ASSIGN_OR_RETURN(Role role, AttachPolicy::RoleFor(who, c, *a.type));
        ASSIGN_OR_RETURN(auto attached, complaints_.ListAttachments(
                                            deadline, c.tracking_code));
        RETURN_IF_ERROR(AttachPolicy::CheckRoom(attached.size()));
        record.office_code = c.office_code;
        record.tracking_code = c.tracking_code;
        record.uploaded_by = e.actor;
        record.uploaded_role = role;
        record.request_caller = RequestCaller(who, c.tracking_code);
        record.create_time = ToUnixMicrosLL(now);
        e.actor_role = role;
        e.type = EventType::kAttached;
        // No file name (it may name the complainant of an anonymous
        // complaint) and no digest (identical scans have identical digests,
        // which would link complaints for viewers who may not open them):
        // both stay with the attachment row and the archive.
        e.payload = J::Object()
                        .Set("attachment_id", J::String(record.attachment_id))
                        .Set("type", J::String(model::Name(record.type)))
                        .Set("media_type", J::String(record.media_type))
                        .Set("size_bytes", J::Int(record.size_bytes))
                        .Serialize();
        return absl::OkStatus();
      },
      &record);
}

absl::StatusOr<int> ComplaintWorkflow::ExpireNeedsInfo(absl::Time deadline) {
  return sweep_.Run(deadline);
}

}  // namespace aduan::domain
