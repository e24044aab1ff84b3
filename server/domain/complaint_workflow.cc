#include "server/domain/complaint_workflow.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "server/common/status_macros.h"
#include "server/domain/canonical_json.h"
#include "server/domain/complaint_access.h"
#include "server/domain/complaint_intake.h"
#include "server/domain/request_id.h"
#include "server/domain/sla_clock.h"
#include "server/domain/tracking_code.h"
#include "server/domain/validation.h"

namespace aduan::domain {
namespace {

constexpr int kMaxAttempts = 5;
// The complainant's wrong-PIN budget is the one TrackComplaint enforces.
constexpr int kMaxPinFailures = ComplaintIntake::kMaxPinFailures;
const long long kPinWindowUs =
    absl::ToInt64Microseconds(ComplaintIntake::kPinWindow);

absl::Status NotFound() { return absl::NotFoundError("complaint not found"); }

absl::Status Invalid(absl::string_view field, absl::string_view rule) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", rule));
}

// Optional note: ≤ 2,000 characters, newlines allowed.
absl::Status Note(absl::string_view field, const std::string& text,
                  bool required) {
  return ValidateText(field, text, required ? 1 : 0, kMaxNoteChars, true);
}

bool ServiceRuns(absl::string_view s) {
  return s == "SUBMITTED" || s == "VERIFIED" || s == "REPORTED_TO_HEAD";
}
bool ResolutionRuns(absl::string_view s) {
  return s == "DISPOSED" || s == "IN_FOLLOW_UP";
}

// The clocks are defined by states (DESIGN.md §1): each runs exactly while
// the complaint is in one of its states.
void AdjustClocks(absl::string_view from, db::ComplaintRecord& c,
                  absl::Time now, const WorkingCalendar& cal) {
  const std::string& to = c.state;
  if (ServiceRuns(from) && !ServiceRuns(to)) StopSlaClock(c.service, now, cal);
  if (!ServiceRuns(from) && ServiceRuns(to)) StartSlaClock(c.service, now, cal);
  if (ResolutionRuns(from) && !ResolutionRuns(to)) {
    StopSlaClock(c.resolution, now, cal);
  }
  if (!ResolutionRuns(from) && ResolutionRuns(to)) {
    StartSlaClock(c.resolution, now, cal);
  }
}

// The end of the `days`-th working day after `now`'s day.
absl::Time AfterWorkingDays(absl::Time now, int days,
                            const WorkingCalendar& cal) {
  const absl::TimeZone tz = cal.time_zone();
  absl::CivilDay day = absl::ToCivilDay(now, tz);
  for (int counted = 0, guard = 0; counted < days && guard < 3660; ++guard) {
    day += 1;
    const absl::Time start = absl::FromCivil(day, tz);
    if (cal.WorkingTimeBetween(start, absl::FromCivil(day + 1, tz)) >
        absl::ZeroDuration()) {
      ++counted;
    }
  }
  return absl::FromCivil(day + 1, tz);
}

using J = CanonicalJson;

}  // namespace

ComplaintWorkflow::Scope ComplaintWorkflow::RoleInOffice(
    const Principal& who, const std::string& role) const {
  return [&who, role](const db::ComplaintRecord& c) {
    return who.HasRole(role, c.office_code);
  };
}

ComplaintWorkflow::Scope ComplaintWorkflow::AssignedUnit(
    const Principal& who) const {
  return [&who](const db::ComplaintRecord& c) {
    for (const auto& b : who.bindings) {
      if (b.role == kUnit && b.office_code == c.office_code &&
          !c.unit_code.empty() && b.unit_code == c.unit_code) {
        return true;
      }
    }
    return false;
  };
}

ComplaintWorkflow::Scope ComplaintWorkflow::ComplainantSide(
    const Principal& who, const StepInput& in) const {
  return [this, &who, &in](const db::ComplaintRecord& c) {
    if (who.authenticated) {
      return who.HasRole(kOfficer, c.office_code) ||
             (!c.source.empty() &&
              who.GatewaySource(c.office_code) == c.source);
    }
    // The complainant: the right PIN, within the wrong-PIN budget.
    const long long now = ToUnixMicrosLL(clock_.Now());
    if (c.pin_failures >= kMaxPinFailures &&
        now - c.pin_window_start < kPinWindowUs) {
      return false;
    }
    if (pins_.Matches(c.tracking_code, c.pin_generation, in.pin)) return true;
    (void)complaints_.RecordPinFailure(absl::Now() + absl::Seconds(5),
                                       c.tracking_code, now, kPinWindowUs);
    spdlog::warn("wrong PIN for {}", c.tracking_code);
    return false;
  };
}

absl::StatusOr<StepResult> ComplaintWorkflow::Step(
    absl::Time deadline, const Principal& who, Action action,
    const std::string& role, const StepInput& in, const Scope& scope,
    const absl::Status& arguments, const Decide& decide) {
  ASSIGN_OR_RETURN(std::string code,
                   NormalizeTrackingCode("tracking_code", in.tracking_code));
  const std::string caller =
      who.authenticated ? who.name : absl::StrCat("citizen:", code);
  const std::string method(ActionName(action));
  auto view_of = [&](db::ComplaintRecord c) -> absl::StatusOr<StepResult> {
    ASSIGN_OR_RETURN(auto office, offices_.Get(deadline, c.office_code));
    StepResult out;
    out.public_view = !who.authenticated;
    bool masked = false;
    if (who.authenticated) masked = MaskForViewer(who, c);
    out.complaint = MakeComplaintView(std::move(c), clock_.Now(), *office);
    out.complaint.masked = masked;
    return out;
  };
  auto replay = [&](const db::RequestRecord& r) -> absl::StatusOr<StepResult> {
    if (r.method != method || r.fingerprint != in.fingerprint) {
      return absl::AlreadyExistsError(
          "request_id: already used for a different request");
    }
    ASSIGN_OR_RETURN(db::ComplaintRecord c, complaints_.Get(deadline, code));
    return view_of(std::move(c));
  };
  for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
    auto stored = complaints_.Get(deadline, code);
    if (absl::IsNotFound(stored.status())) return NotFound();
    RETURN_IF_ERROR(stored.status());
    if (!scope(*stored)) return NotFound();
    RETURN_IF_ERROR(arguments);
    RETURN_IF_ERROR(ValidateRequestId("request_id", in.request_id));
    if (attempt == 0) {
      ASSIGN_OR_RETURN(
          auto seen, complaints_.FindRequest(deadline, caller, in.request_id));
      if (seen) return replay(*seen);
    }
    const std::string etag = absl::StrCat("v", stored->version);
    if (!in.etag.empty() && in.etag != etag) {
      return absl::AbortedError(absl::StrCat(
          "etag: stale (the complaint is now ", etag, "); read it again"));
    }
    RETURN_IF_ERROR(CheckAllowed(action, stored->state));
    ASSIGN_OR_RETURN(auto office, offices_.Get(deadline, stored->office_code));
    const absl::Time now = clock_.Now();
    const long long now_us = ToUnixMicrosLL(now);
    db::ComplaintRecord c = *stored;
    const std::string from = c.state;
    db::EventRecord event;
    event.office_code = c.office_code;
    event.tracking_code = c.tracking_code;
    event.version = c.version + 1;
    event.from_state = from;
    event.actor = who.authenticated ? who.name : "citizen";
    event.actor_role = who.authenticated ? role : "CITIZEN";
    event.create_time = now_us;
    RETURN_IF_ERROR(decide(*office, c, event, now));
    event.to_state = c.state;
    AdjustClocks(from, c, now, office->calendar);
    if (c.state == "NEEDS_INFO" && from != "NEEDS_INFO") {
      c.needs_info_until = ToUnixMicrosLL(AfterWorkingDays(
          now, office->record.needs_info_limit_days, office->calendar));
    } else if (c.state != "NEEDS_INFO") {
      c.needs_info_until.reset();
    }
    c.version = stored->version + 1;
    c.update_time = now_us;
    db::RequestRecord request;
    request.caller = caller;
    request.request_id = in.request_id;
    request.office_code = c.office_code;
    request.method = method;
    request.fingerprint = in.fingerprint;
    request.tracking_code = code;
    request.create_time = now_us;
    db::UpdateOutcome outcome;
    if (action == Action::kArchive) {
      ASSIGN_OR_RETURN(outcome,
                       complaints_.ArchiveWithEvent(
                           deadline, c, stored->version, event, request,
                           [&](const std::string& prev, long long seq,
                               const std::vector<db::EventRecord>& events)
                               -> absl::StatusOr<db::ArchiveRecord> {
                             return archive_->Build(c, events, prev, seq, now);
                           }));
    } else {
      ASSIGN_OR_RETURN(outcome,
                       complaints_.UpdateWithEvent(deadline, c, stored->version,
                                                   event, request));
    }
    switch (outcome.kind) {
      case db::UpdateOutcome::Kind::kUpdated:
        spdlog::info("{} {}: {} -> {} by {}", method, code, from, c.state,
                     event.actor);
        return view_of(std::move(c));
      case db::UpdateOutcome::Kind::kRequestExists:
        return replay(outcome.request);
      case db::UpdateOutcome::Kind::kVersionConflict:
        continue;  // someone else changed it: decide again on what is stored
    }
  }
  return absl::AbortedError("the complaint is changing concurrently; retry");
}

absl::StatusOr<StepResult> ComplaintWorkflow::Verify(absl::Time deadline,
                                                     const Principal& who,
                                                     const StepInput& in,
                                                     const VerifyInput& v) {
  absl::Status args = [&]() -> absl::Status {
    if (v.outcome.empty()) return Invalid("outcome", "is required");
    if (!IsValidOutcome(Action::kVerify, v.outcome)) {
      return Invalid("outcome", "unknown value");
    }
    RETURN_IF_ERROR(Note("note", v.note, v.outcome == "REJECTED"));
    RETURN_IF_ERROR(
        Note("missing_info", v.missing_info, v.outcome == "NEEDS_INFO"));
    RETURN_IF_ERROR(ValidateText("referred_to", v.referred_to,
                                 v.outcome == "OUT_OF_SCOPE" ? 1 : 0, 200,
                                 false));
    if (v.outcome == "DUPLICATE") {
      RETURN_IF_ERROR(
          NormalizeTrackingCode("duplicate_of", v.duplicate_of).status());
    } else if (!v.duplicate_of.empty()) {
      return Invalid("duplicate_of", "only with outcome DUPLICATE");
    }
    return absl::OkStatus();
  }();
  return Step(
      deadline, who, Action::kVerify, kOfficer, in, RoleInOffice(who, kOfficer),
      args,
      [&](const OfficeConfig&, db::ComplaintRecord& c, db::EventRecord& e,
          absl::Time) -> absl::Status {
        std::string original;
        if (v.outcome == "DUPLICATE") {
          original = *NormalizeTrackingCode("duplicate_of", v.duplicate_of);
          auto other = complaints_.Get(deadline, original);
          if (!other.ok() || other->office_code != c.office_code ||
              original == c.tracking_code) {
            return Invalid("duplicate_of",
                           "must be another complaint of the same office");
          }
        }
        c.state = v.outcome;
        e.type = "VERIFIED";
        e.note = v.outcome == "NEEDS_INFO" ? v.missing_info : v.note;
        e.payload =
            J::Object()
                .Set("outcome", J::String(v.outcome))
                .Set("checklist",
                     J::Object()
                         .Set("kk_copy", J::Bool(v.checklist.kk_copy))
                         .Set("ktp_copy", J::Bool(v.checklist.ktp_copy))
                         .Set("location_photo",
                              J::Bool(v.checklist.location_photo))
                         .Set("supporting_documents",
                              J::Bool(v.checklist.supporting_documents)))
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
  return Step(deadline, who, Action::kReportToHead, kSecretary, in,
              RoleInOffice(who, kSecretary), Note("note", note, false),
              [&](const OfficeConfig&, db::ComplaintRecord& c,
                  db::EventRecord& e, absl::Time) {
                c.state = "REPORTED_TO_HEAD";
                e.type = "REPORTED_TO_HEAD";
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
    return absl::OkStatus();
  }();
  return Step(
      deadline, who, Action::kDispose, kHead, in, RoleInOffice(who, kHead),
      args,
      [&](const OfficeConfig& office, db::ComplaintRecord& c,
          db::EventRecord& e, absl::Time now) -> absl::Status {
        bool active_unit = false;
        for (const auto& u : office.record.units) {
          active_unit |= u.code == d.unit_code && u.active;
        }
        if (!active_unit) {
          return Invalid("unit_code", "is not an active unit of the office");
        }
        // The resolution clock: due as the head says, else the category's or
        // the office's target; a new disposition sets a new due time.
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
        const bool redispose = ResolutionRuns(c.state);
        if (redispose) StopSlaClock(c.resolution, now, office.calendar);
        c.resolution.target_us =
            c.resolution.used_us + absl::ToInt64Microseconds(target);
        if (redispose) StartSlaClock(c.resolution, now, office.calendar);
        c.state = "DISPOSED";
        c.unit_code = d.unit_code;
        e.type = "DISPOSED";
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
    if (d.outcome.empty()) return Invalid("outcome", "is required");
    if (!IsValidOutcome(Action::kDecline, d.outcome)) {
      return Invalid("outcome", "must be REJECTED or OUT_OF_SCOPE");
    }
    RETURN_IF_ERROR(Note("reason", d.reason, true));
    return ValidateText("referred_to", d.referred_to,
                        d.outcome == "OUT_OF_SCOPE" ? 1 : 0, 200, false);
  }();
  return Step(deadline, who, Action::kDecline, kHead, in,
              RoleInOffice(who, kHead), args,
              [&](const OfficeConfig&, db::ComplaintRecord& c,
                  db::EventRecord& e, absl::Time) {
                c.state = d.outcome;
                e.type = "DECLINED";
                e.note = d.reason;
                e.payload = J::Object()
                                .Set("outcome", J::String(d.outcome))
                                .Set("referred_to", J::String(d.referred_to))
                                .Serialize();
                return absl::OkStatus();
              });
}

absl::StatusOr<StepResult> ComplaintWorkflow::ReturnDisposition(
    absl::Time deadline, const Principal& who, const StepInput& in,
    const std::string& reason) {
  return Step(
      deadline, who, Action::kReturnDisposition, kUnit, in, AssignedUnit(who),
      Note("reason", reason, true),
      [&](const OfficeConfig&, db::ComplaintRecord& c, db::EventRecord& e,
          absl::Time) {
        e.payload =
            J::Object().Set("unit_code", J::String(c.unit_code)).Serialize();
        c.state = "REPORTED_TO_HEAD";
        c.unit_code.clear();
        e.type = "DISPOSITION_RETURNED";
        e.note = reason;
        return absl::OkStatus();
      });
}

absl::StatusOr<StepResult> ComplaintWorkflow::ReturnForRework(
    absl::Time deadline, const Principal& who, const StepInput& in,
    const std::string& reason) {
  return Step(deadline, who, Action::kReturnForRework, kHead, in,
              RoleInOffice(who, kHead), Note("reason", reason, true),
              [&](const OfficeConfig&, db::ComplaintRecord& c,
                  db::EventRecord& e, absl::Time) {
                c.state = "DISPOSED";
                e.type = "RETURNED_FOR_REWORK";
                e.note = reason;
                return absl::OkStatus();
              });
}

absl::StatusOr<StepResult> ComplaintWorkflow::StartFollowUp(
    absl::Time deadline, const Principal& who, const StepInput& in,
    const std::string& note) {
  return Step(deadline, who, Action::kStartFollowUp, kUnit, in,
              AssignedUnit(who), Note("note", note, false),
              [&](const OfficeConfig&, db::ComplaintRecord& c,
                  db::EventRecord& e, absl::Time) {
                c.state = "IN_FOLLOW_UP";
                e.type = "FOLLOW_UP_STARTED";
                e.note = note;
                return absl::OkStatus();
              });
}

absl::StatusOr<StepResult> ComplaintWorkflow::AddFollowUpNote(
    absl::Time deadline, const Principal& who, const StepInput& in,
    const std::string& note) {
  return Step(deadline, who, Action::kAddFollowUpNote, kUnit, in,
              AssignedUnit(who), Note("note", note, true),
              [&](const OfficeConfig&, db::ComplaintRecord&, db::EventRecord& e,
                  absl::Time) {
                e.type = "FOLLOW_UP_NOTE";
                e.note = note;
                return absl::OkStatus();
              });
}

absl::StatusOr<StepResult> ComplaintWorkflow::Resolve(
    absl::Time deadline, const Principal& who, const StepInput& in,
    const std::string& result, const std::vector<std::string>& attachment_ids) {
  absl::Status args = [&]() -> absl::Status {
    RETURN_IF_ERROR(Note("result", result, true));
    if (!attachment_ids.empty()) {
      return Invalid("attachment_ids",
                     "must be empty: attachments are not available yet");
    }
    return absl::OkStatus();
  }();
  return Step(deadline, who, Action::kResolve, kUnit, in, AssignedUnit(who),
              args,
              [&](const OfficeConfig&, db::ComplaintRecord& c,
                  db::EventRecord& e, absl::Time) {
                c.state = "RESOLVED";
                e.type = "RESOLVED";
                e.note = result;
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
  return Step(deadline, who, Action::kInform, kOfficer, in,
              RoleInOffice(who, kOfficer), args,
              [&](const OfficeConfig&, db::ComplaintRecord& c,
                  db::EventRecord& e, absl::Time) {
                e.payload = J::Object()
                                .Set("method", J::String(i.method))
                                .Set("outcome", J::String(c.state))
                                .Serialize();
                c.state = "INFORMED";
                e.type = "INFORMED";
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
  return Step(deadline, who, Action::kArchive, kOfficer, in,
              RoleInOffice(who, kOfficer), absl::OkStatus(),
              [&](const OfficeConfig&, db::ComplaintRecord& c,
                  db::EventRecord& e, absl::Time) {
                c.state = "ARCHIVED";
                e.type = "ARCHIVED";
                return absl::OkStatus();
              });
}

absl::StatusOr<StepResult> ComplaintWorkflow::Update(
    absl::Time deadline, const Principal& who, const StepInput& in,
    const db::ComplaintRecord& changes, const std::vector<std::string>& paths) {
  static const std::vector<std::string> kContent = {"title",
                                                    "description",
                                                    "category",
                                                    "location",
                                                    "location.address",
                                                    "location.kelurahan",
                                                    "location.latitude",
                                                    "location.longitude",
                                                    "complainant",
                                                    "complainant.name",
                                                    "complainant.nik",
                                                    "complainant.kk_number",
                                                    "complainant.phone",
                                                    "complainant.email",
                                                    "complainant.address"};
  absl::Status args = [&]() -> absl::Status {
    if (paths.empty()) return Invalid("update_mask", "names no field");
    for (const std::string& p : paths) {
      if (p != "anonymous" && p != "confidential" &&
          std::find(kContent.begin(), kContent.end(), p) == kContent.end()) {
        return Invalid("update_mask", absl::StrCat("cannot change '", p, "'"));
      }
    }
    return absl::OkStatus();
  }();
  return Step(
      deadline, who, Action::kUpdate, kOfficer, in, RoleInOffice(who, kOfficer),
      args,
      [&](const OfficeConfig& office, db::ComplaintRecord& c,
          db::EventRecord& e, absl::Time now) -> absl::Status {
        const bool before_disposition =
            c.state == "SUBMITTED" || c.state == "NEEDS_INFO" ||
            c.state == "VERIFIED" || c.state == "REPORTED_TO_HEAD";
        auto has = [&](absl::string_view p) {
          return std::find(paths.begin(), paths.end(), p) != paths.end();
        };
        for (const std::string& p : paths) {
          const bool content = p != "anonymous" && p != "confidential";
          if (content && !before_disposition) {
            return absl::FailedPreconditionError(absl::StrCat(
                "UpdateComplaint of ", p,
                " is possible only before disposition: the complaint is ",
                c.state));
          }
        }
        if (has("anonymous")) {
          if (c.anonymous && !changes.anonymous) {
            return Invalid("complaint.anonymous",
                           "can be raised, never lowered");
          }
          c.anonymous = changes.anonymous;
        }
        if (has("confidential")) {
          if (c.confidential && !changes.confidential) {
            return Invalid("complaint.confidential",
                           "can be raised, never lowered");
          }
          c.confidential = changes.confidential;
        }
        if (has("title")) c.title = changes.title;
        if (has("description")) c.description = changes.description;
        if (has("category")) c.category_code = changes.category_code;
        const bool loc = has("location");
        if (loc || has("location.address"))
          c.location_address = changes.location_address;
        if (loc || has("location.kelurahan")) {
          c.location_kelurahan = changes.location_kelurahan;
        }
        if (loc || has("location.latitude")) c.latitude = changes.latitude;
        if (loc || has("location.longitude")) c.longitude = changes.longitude;
        const bool person = has("complainant");
        if (person || has("complainant.name"))
          c.complainant_name = changes.complainant_name;
        if (person || has("complainant.nik"))
          c.complainant_nik = changes.complainant_nik;
        if (person || has("complainant.kk_number"))
          c.complainant_kk = changes.complainant_kk;
        if (person || has("complainant.phone"))
          c.complainant_phone = changes.complainant_phone;
        if (person || has("complainant.email"))
          c.complainant_email = changes.complainant_email;
        if (person || has("complainant.address")) {
          c.complainant_address = changes.complainant_address;
        }
        RETURN_IF_ERROR(ValidateComplaintFields(
            office, absl::ToCivilDay(now, office.calendar.time_zone()), c));
        e.type = "UPDATED";
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
  return Step(deadline, who, Action::kSupplement,
              who.HasRole(kOfficer) ? kOfficer : kGateway, in,
              ComplainantSide(who, in), Note("note", note, true),
              [&](const OfficeConfig&, db::ComplaintRecord& c,
                  db::EventRecord& e, absl::Time) {
                c.state = "SUBMITTED";
                e.type = "SUPPLEMENTED";
                e.note = note;
                return absl::OkStatus();
              });
}

absl::StatusOr<StepResult> ComplaintWorkflow::Withdraw(
    absl::Time deadline, const Principal& who, const StepInput& in,
    const std::string& reason) {
  return Step(deadline, who, Action::kWithdraw,
              who.HasRole(kOfficer) ? kOfficer : kGateway, in,
              ComplainantSide(who, in), Note("reason", reason, false),
              [&](const OfficeConfig&, db::ComplaintRecord& c,
                  db::EventRecord& e, absl::Time) {
                c.state = "WITHDRAWN";
                e.type = "WITHDRAWN";
                e.note = reason;
                return absl::OkStatus();
              });
}

absl::StatusOr<std::string> ComplaintWorkflow::ReissuePin(absl::Time deadline,
                                                          const Principal& who,
                                                          const StepInput& in) {
  ASSIGN_OR_RETURN(std::string code,
                   NormalizeTrackingCode("tracking_code", in.tracking_code));
  ASSIGN_OR_RETURN(db::ComplaintRecord c, complaints_.Get(deadline, code));
  if (!who.HasRole(kOfficer, c.office_code)) return NotFound();
  RETURN_IF_ERROR(ValidateRequestId("request_id", in.request_id));
  ASSIGN_OR_RETURN(auto seen,
                   complaints_.FindRequest(deadline, who.name, in.request_id));
  if (seen) {
    if (seen->method != "ReissuePin" || seen->fingerprint != in.fingerprint) {
      return absl::AlreadyExistsError(
          "request_id: already used for a different request");
    }
    return pins_.Pin(c.tracking_code, c.pin_generation);
  }
  if (c.state == "ARCHIVED") {
    return absl::FailedPreconditionError(
        "ReissuePin is not possible: the complaint is ARCHIVED");
  }
  const long long now_us = ToUnixMicrosLL(clock_.Now());
  db::EventRecord e;
  e.office_code = c.office_code;
  e.tracking_code = c.tracking_code;
  e.version = c.version + 1;
  e.type = "PIN_REISSUED";
  e.from_state = e.to_state = c.state;
  e.actor = who.name;
  e.actor_role = kOfficer;
  e.create_time = now_us;
  db::ComplaintRecord updated = c;
  updated.pin_generation += 1;
  updated.version += 1;
  updated.update_time = now_us;
  db::RequestRecord r{who.name,     in.request_id,  c.office_code,
                      "ReissuePin", in.fingerprint, code,
                      now_us};
  ASSIGN_OR_RETURN(
      db::UpdateOutcome out,
      complaints_.UpdateWithEvent(deadline, updated, c.version, e, r));
  if (out.kind == db::UpdateOutcome::Kind::kVersionConflict) {
    return absl::AbortedError("the complaint changed concurrently; retry");
  }
  if (out.kind == db::UpdateOutcome::Kind::kRequestExists) {
    ASSIGN_OR_RETURN(db::ComplaintRecord now, complaints_.Get(deadline, code));
    return pins_.Pin(now.tracking_code, now.pin_generation);
  }
  spdlog::info("PIN of {} reissued by {}", code, who.name);
  return pins_.Pin(updated.tracking_code, updated.pin_generation);
}

absl::StatusOr<int> ComplaintWorkflow::ExpireNeedsInfo(absl::Time deadline) {
  ASSIGN_OR_RETURN(std::vector<db::ComplaintRecord> due,
                   complaints_.ListExpiredNeedsInfo(
                       deadline, ToUnixMicrosLL(clock_.Now()), 100));
  Principal system;
  system.name = "system";
  system.authenticated = true;
  int closed = 0;
  for (const db::ComplaintRecord& c : due) {
    StepInput in;
    in.tracking_code = c.tracking_code;
    in.request_id = absl::StrCat("expire-", c.tracking_code, "-v", c.version);
    in.fingerprint = in.request_id;
    in.etag = absl::StrCat("v", c.version);
    auto r = Step(
        deadline, system, Action::kExpire, "SYSTEM", in,
        [](const db::ComplaintRecord&) { return true; }, absl::OkStatus(),
        [](const OfficeConfig& office, db::ComplaintRecord& rec,
           db::EventRecord& e, absl::Time) {
          rec.state = "REJECTED";
          e.type = "EXPIRED";
          e.note =
              absl::StrCat("Ditutup: kelengkapan tidak diterima dalam ",
                           office.record.needs_info_limit_days, " hari kerja");
          return absl::OkStatus();
        });
    if (r.ok()) {
      ++closed;
    } else if (!absl::IsAborted(r.status()) &&
               !absl::IsFailedPrecondition(r.status())) {
      return r.status();  // lost races are fine; anything else is reported
    }
  }
  return closed;
}

}  // namespace aduan::domain
