#include "server/domain/pin_reissue.h"

#include <spdlog/spdlog.h>

#include "common/status_macros.h"
#include "server/domain/complaint_access.h"
#include "server/domain/complaint_state.h"
#include "server/domain/request_id.h"
#include "server/domain/sla_clock.h"
#include "server/domain/tracking_code.h"

namespace aduan::domain {
namespace {

constexpr int kMaxAttempts = 5;

absl::Status NotFound() { return ComplaintNotFound(); }

}  // namespace

absl::StatusOr<ReissuedPin> PinReissue::Run(absl::Time deadline,
                                            const Principal& who,
                                            const StepInput& in) const {
  ASSIGN_OR_RETURN(std::string code,
                   NormalizeTrackingCode("tracking_code", in.tracking_code));
  constexpr char kMethod[] = "ReissuePin";
  // The first answer and every retry (complaint_answers.h): the PIN only
  // while it is still the one the request issued. The caller is an officer
  // of the office (checked below), who sees the complaint.
  auto answer = [&](const model::RequestRecord& r,
                    const model::ComplaintRecord& c) {
    auto [pin, withheld] = answers_.PinOf(r, c);
    return ReissuedPin{std::move(pin), withheld};
  };
  auto replay =
      [&](const model::RequestRecord& r) -> absl::StatusOr<ReissuedPin> {
    RETURN_IF_ERROR(answers_.SameRequest(r, kMethod, in.fingerprint));
    ASSIGN_OR_RETURN(model::ComplaintRecord now,
                     complaints_.Get(deadline, code));
    if (!who.HasRole(kOfficer, now.office_code)) return NotFound();
    return answer(r, now);
  };
  for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
    auto stored = complaints_.Get(deadline, code);
    if (absl::IsNotFound(stored.status())) return NotFound();
    RETURN_IF_ERROR(stored.status());
    const model::ComplaintRecord& c = *stored;
    if (!who.HasRole(kOfficer, c.office_code)) return NotFound();
    RETURN_IF_ERROR(ValidateRequestId("request_id", in.request_id));
    ASSIGN_OR_RETURN(
        auto seen, complaints_.FindRequest(deadline, who.name, in.request_id));
    if (seen) return replay(*seen);
    if (c.state == State::kArchived) {
      return absl::FailedPreconditionError(
          "ReissuePin is not possible: the complaint is ARCHIVED and nothing "
          "changes it");
    }
    const long long now_us = ToUnixMicrosLL(clock_.Now());
    model::EventRecord e;
    e.office_code = c.office_code;
    e.tracking_code = c.tracking_code;
    e.version = c.version + 1;
    e.type = EventType::kPinReissued;
    e.from_state = e.to_state = c.state;
    e.actor = who.name;
    e.actor_role = kOfficer;
    e.create_time = now_us;
    model::ComplaintRecord updated = c;
    updated.pin_generation += 1;
    updated.pin_failures = 0;  // the new PIN starts with the whole budget
    updated.version += 1;
    updated.update_time = now_us;
    const model::RequestRecord r =
        NewRequestRecord(who.name, in.request_id, kMethod, in.fingerprint,
                         updated, now_us, /*issues_pin=*/true);
    ASSIGN_OR_RETURN(
        model::UpdateOutcome out,
        complaints_.UpdateWithEvent(deadline, updated, c.version, e, r));
    switch (out.kind) {
      case model::UpdateOutcome::Kind::kUpdated:
        spdlog::info("PIN of {} reissued by {}", code, who.name);
        return answer(r, updated);
      case model::UpdateOutcome::Kind::kRequestExists:
        return replay(out.request);
      case model::UpdateOutcome::Kind::kVersionConflict:
        continue;  // a step or note went in meanwhile: the PIN is still due
    }
  }
  return absl::AbortedError("the complaint is changing concurrently; retry");
}

}  // namespace aduan::domain
