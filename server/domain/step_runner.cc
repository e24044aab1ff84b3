#include "server/domain/step_runner.h"

#include <spdlog/spdlog.h>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "server/domain/complaint_access.h"
#include "server/domain/complaint_state.h"
#include "server/domain/request_id.h"
#include "server/domain/sla_clock.h"
#include "server/domain/state_machine.h"
#include "server/domain/tracking_code.h"

namespace aduan::domain {
namespace {

constexpr int kMaxAttempts = 5;

absl::Status NotFound() { return ComplaintNotFound(); }

// The clocks are defined by states (docs/design.md §2): each runs exactly while
// the complaint is in one of its states.
void AdjustClocks(State from, model::ComplaintRecord& c, absl::Time now,
                  const WorkingCalendar& cal) {
  const State to = c.state;
  if (ServiceClockRuns(from) && !ServiceClockRuns(to))
    StopSlaClock(c.service, now, cal);
  if (!ServiceClockRuns(from) && ServiceClockRuns(to))
    StartSlaClock(c.service, now, cal);
  if (ResolutionClockRuns(from) && !ResolutionClockRuns(to)) {
    StopSlaClock(c.resolution, now, cal);
  }
  if (!ResolutionClockRuns(from) && ResolutionClockRuns(to)) {
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

}  // namespace

absl::Status StepRunner::Missing(absl::Time deadline, const Principal& who,
                                 const std::string& code,
                                 const std::string& pin) const {
  if (who.authenticated) return NotFound();
  return pin_guard_.CheckUnknown(deadline, code, pin);
}

absl::StatusOr<StepResult> StepRunner::Answer(absl::Time deadline,
                                              const Principal& who,
                                              Action action,
                                              const model::RequestRecord& r,
                                              model::ComplaintRecord c) const {
  // ReturnDisposition hands the complaint from the unit to the head: its
  // caller is answered with the public view while nothing changed since.
  const bool hands_over = action == Action::kReturnDisposition;
  ASSIGN_OR_RETURN(ComplaintAnswer a,
                   answers_.Answer(deadline, who, r, std::move(c), hands_over));
  StepResult out;
  out.complaint = std::move(a.complaint);
  out.public_view = a.public_view;
  return out;
}

absl::StatusOr<StepResult> StepRunner::Replay(
    absl::Time deadline, const Principal& who, Action action,
    const StepInput& in, const std::string& code, const std::string& caller,
    const model::RequestRecord& r) const {
  RETURN_IF_ERROR(answers_.SameRequest(r, ActionName(action), in.fingerprint));
  ASSIGN_OR_RETURN(model::ComplaintRecord c, complaints_.Get(deadline, code));
  ASSIGN_OR_RETURN(StepResult out,
                   Answer(deadline, who, action, r, std::move(c)));
  out.replayed = true;
  if (action == Action::kAttach) {
    ASSIGN_OR_RETURN(out.attachment, complaints_.FindAttachmentByRequest(
                                         deadline, caller, in.request_id));
    if (!out.attachment) return absl::InternalError("upload record lost");
  }
  return out;
}

absl::StatusOr<StepRunner::Attempt> StepRunner::Check(
    absl::Time deadline, const Principal& who, Action action,
    const StepInput& in, const std::string& code, const std::string& caller,
    const Scope& scope, const Arguments& arguments,
    bool look_up_request) const {
  Attempt out;
  auto stored = complaints_.Get(deadline, code);
  if (absl::IsNotFound(stored.status())) {
    return Missing(deadline, who, code, in.pin);
  }
  RETURN_IF_ERROR(stored.status());
  out.stored = *std::move(stored);
  if (look_up_request) {
    ASSIGN_OR_RETURN(out.seen,
                     complaints_.FindRequest(deadline, caller, in.request_id));
  }
  // A retry is answered as the caller may see the complaint now (the
  // complainant's PIN is checked by `scope`); a new request needs the
  // step's own scope.
  if (out.seen && who.authenticated) {
    if (!answers_.MayAnswer(who, *out.seen, out.stored,
                            action == Action::kReturnDisposition)) {
      return NotFound();
    }
  } else {
    RETURN_IF_ERROR(scope(deadline, out.stored));
  }
  RETURN_IF_ERROR(arguments.request);
  RETURN_IF_ERROR(ValidateRequestId("request_id", in.request_id));
  if (out.seen) return out;
  ASSIGN_OR_RETURN(out.office, offices_.Get(deadline, out.stored.office_code));
  if (arguments.stored) {
    RETURN_IF_ERROR(arguments.stored(*out.office, out.stored));
  }
  const std::string etag = absl::StrCat("v", out.stored.version);
  if (!in.etag.empty() && in.etag != etag) {
    return absl::AbortedError(absl::StrCat("etag: stale (the complaint is now ",
                                           etag, "); read it again"));
  }
  RETURN_IF_ERROR(CheckAllowed(action, out.stored.state));
  return out;
}

absl::StatusOr<StepRunner::Checked> StepRunner::Precheck(
    absl::Time deadline, const Principal& who, Action action,
    const StepInput& in, const Scope& scope, const Arguments& arguments) const {
  ASSIGN_OR_RETURN(std::string code,
                   NormalizeTrackingCode("tracking_code", in.tracking_code));
  const std::string caller = RequestCaller(who, code);
  ASSIGN_OR_RETURN(Attempt a, Check(deadline, who, action, in, code, caller,
                                    scope, arguments, true));
  Checked out;
  if (a.seen) {
    ASSIGN_OR_RETURN(out.retry,
                     Replay(deadline, who, action, in, code, caller, *a.seen));
  } else {
    out.complaint = std::move(a.stored);
  }
  return out;
}

absl::StatusOr<StepResult> StepRunner::Run(
    absl::Time deadline, const Principal& who, Action action, Role role,
    const StepInput& in, const Scope& scope, const Arguments& arguments,
    const Decide& decide, const model::AttachmentRecord* attachment) const {
  ASSIGN_OR_RETURN(std::string code,
                   NormalizeTrackingCode("tracking_code", in.tracking_code));
  const std::string caller = RequestCaller(who, code);
  const std::string method(ActionName(action));
  for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
    // The request record is looked up once: a version conflict below means
    // another change went in, not this request.
    ASSIGN_OR_RETURN(Attempt checked,
                     Check(deadline, who, action, in, code, caller, scope,
                           arguments, /*look_up_request=*/attempt == 0));
    if (checked.seen) {
      return Replay(deadline, who, action, in, code, caller, *checked.seen);
    }
    const model::ComplaintRecord* stored = &checked.stored;
    const std::shared_ptr<const OfficeConfig>& office = checked.office;
    const absl::Time now = clock_.Now();
    const long long now_us = ToUnixMicrosLL(now);
    model::ComplaintRecord c = *stored;
    const State from = c.state;
    model::EventRecord event;
    event.office_code = c.office_code;
    event.tracking_code = c.tracking_code;
    event.version = c.version + 1;
    event.from_state = from;
    event.actor = who.authenticated ? who.name : "citizen";
    event.actor_role = who.authenticated ? role : Role::kCitizen;
    event.create_time = now_us;
    RETURN_IF_ERROR(decide(*office, c, event, now));
    event.to_state = c.state;
    AdjustClocks(from, c, now, office->calendar);
    if (c.state == State::kNeedsInfo && from != State::kNeedsInfo) {
      c.needs_info_until = ToUnixMicrosLL(AfterWorkingDays(
          now, office->record.needs_info_limit_days, office->calendar));
    } else if (c.state != State::kNeedsInfo) {
      c.needs_info_until.reset();
    }
    c.version = stored->version + 1;
    c.update_time = now_us;
    const model::RequestRecord request = NewRequestRecord(
        caller, in.request_id, method, in.fingerprint, c, now_us,
        /*issues_pin=*/false);
    model::UpdateOutcome outcome;
    if (action == Action::kArchive) {
      // Attachments cannot change any more: none are allowed in the states
      // archiving starts from (and the version guard catches a race).
      ASSIGN_OR_RETURN(std::vector<model::AttachmentRecord> attachments,
                       complaints_.ListAttachments(deadline, code));
      ASSIGN_OR_RETURN(
          outcome,
          complaints_.ArchiveWithEvent(
              deadline, c, stored->version, event, request,
              [&](const std::string& prev, long long seq,
                  const std::vector<model::EventRecord>& events)
                  -> absl::StatusOr<model::ArchiveRecord> {
                // One event a version, the new one included:
                // anything else is not the whole history.
                if (static_cast<long long>(events.size()) != c.version) {
                  return absl::DataLossError(
                      absl::StrCat("complaint ", c.tracking_code,
                                   " is at version ", c.version, " but has ",
                                   events.size(), " events; not archived"));
                }
                return archive_->Build(c, events, attachments, prev, seq, now);
              }));
    } else if (action == Action::kAttach) {
      ASSIGN_OR_RETURN(
          outcome, complaints_.AttachWithEvent(deadline, c, stored->version,
                                               event, request, *attachment));
    } else {
      ASSIGN_OR_RETURN(outcome,
                       complaints_.UpdateWithEvent(deadline, c, stored->version,
                                                   event, request));
    }
    switch (outcome.kind) {
      case model::UpdateOutcome::Kind::kUpdated: {
        spdlog::info("{} {}: {} -> {} by {}", method, code,
                     std::string(model::Name(from)),
                     std::string(model::Name(c.state)), event.actor);
        ASSIGN_OR_RETURN(StepResult out,
                         Answer(deadline, who, action, request, std::move(c)));
        if (attachment != nullptr) out.attachment = *attachment;
        return out;
      }
      case model::UpdateOutcome::Kind::kRequestExists:
        return Replay(deadline, who, action, in, code, caller, outcome.request);
      case model::UpdateOutcome::Kind::kVersionConflict:
        continue;  // someone else changed it: decide again on what is stored
    }
  }
  return absl::AbortedError("the complaint is changing concurrently; retry");
}

}  // namespace aduan::domain
