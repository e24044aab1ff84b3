// StepRunner runs one step of the workflow on one complaint, in the check
// order of docs/design.md §3.3: load the complaint (an unknown code is
// NOT_FOUND, for a complainant after a wrong PIN's work), scope, the
// request's arguments, the idempotency record (a retry is answered as the
// caller may see the complaint now: complaint_answers.h), the arguments
// that need the stored complaint, the etag, the state (state_machine.h);
// then the step's decision, the SLA clocks and the NEEDS_INFO limit that
// follow from the new state, and one transaction that writes the complaint,
// its event, the request record and, for some steps, an attachment or the
// archive record — retried on a concurrent change. ComplaintWorkflow gives
// each step its scope, arguments and decision.
#ifndef ADUAN_SERVER_DOMAIN_STEP_RUNNER_H_
#define ADUAN_SERVER_DOMAIN_STEP_RUNNER_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/clock.h"
#include "server/domain/complaint_answers.h"
#include "server/domain/complaint_archive.h"
#include "server/domain/model/complaint_repository.h"
#include "server/domain/office_directory.h"
#include "server/domain/pin_guard.h"
#include "server/domain/principal.h"
#include "server/domain/state_machine.h"
#include "server/domain/step_types.h"

namespace aduan::domain {

// Thread-safe; every reference must outlive it.
class StepRunner {
 public:
  // Who may take a step: decides scope for the loaded complaint, under the
  // call's deadline. OK when in scope; kNotFound ("complaint not found",
  // the answer for a complaint that does not exist) when not; a storage
  // error (e.g. kUnavailable during a complainant's PIN check) as it came,
  // never turned into kNotFound.
  using Scope =
      std::function<absl::Status(absl::Time, const model::ComplaintRecord&)>;
  // Sets the new state and fields and fills the event, on a complaint
  // whose arguments, etag and state have been checked.
  using Decide =
      std::function<absl::Status(const OfficeConfig&, model::ComplaintRecord&,
                                 model::EventRecord&, absl::Time)>;
  // The argument checks of a step (kInvalidArgument): `request`, done on
  // the request alone before the step, and `stored`, which needs the stored
  // complaint and its office (an original that must exist, a unit that must
  // be active, a merged record that must be valid). Both come before the
  // etag and state checks; `stored` runs after the idempotency lookup, so a
  // retry returns the first result even when the stored data has moved on
  // since.
  struct Arguments {
    using Stored = std::function<absl::Status(const OfficeConfig&,
                                              const model::ComplaintRecord&)>;
    Arguments(absl::Status request)  // NOLINT: a plain status converts
        : request(std::move(request)) {}
    Arguments(absl::Status request, Stored stored)
        : request(std::move(request)), stored(std::move(stored)) {}
    absl::Status request;
    Stored stored;
  };

  // `archive` (optional) builds archive records (Action::kArchive).
  StepRunner(model::ComplaintRepository& complaints, OfficeDirectory& offices,
             const Clock& clock, const ComplaintArchive* archive,
             const PinGuard& pin_guard, const ComplaintAnswers& answers)
      : complaints_(complaints),
        offices_(offices),
        clock_(clock),
        archive_(archive),
        pin_guard_(pin_guard),
        answers_(answers) {}

  // Runs `action` by `who` in `role` (the role the event records).
  // `attachment` (kAttach only) is written with the event. Errors: those of
  // each check, in order, and kAborted when the complaint kept changing.
  absl::StatusOr<StepResult> Run(
      absl::Time deadline, const Principal& who, Action action, Role role,
      const StepInput& in, const Scope& scope, const Arguments& arguments,
      const Decide& decide,
      const model::AttachmentRecord* attachment = nullptr) const;

  // For a step whose input arrives later (an upload's bytes, so that it is
  // refused before they are sent): the checks of Run up to and including
  // the state, nothing decided or written. `retry` is the answer of a
  // recorded request_id, as Run gives it; otherwise `complaint` is the
  // stored complaint that passed, for the step's own last checks.
  struct Checked {
    std::optional<StepResult> retry;
    model::ComplaintRecord complaint;
  };
  absl::StatusOr<Checked> Precheck(absl::Time deadline, const Principal& who,
                                   Action action, const StepInput& in,
                                   const Scope& scope,
                                   const Arguments& arguments) const;

  // The answer for a tracking code that names no complaint: kNotFound, for
  // a complainant (no token) after the work a wrong PIN costs
  // (PinGuard::CheckUnknown), so that timing does not tell the two apart.
  absl::Status Missing(absl::Time deadline, const Principal& who,
                       const std::string& code, const std::string& pin) const;

 private:
  // One attempt's checks, in order. `seen` is set when the request is
  // recorded (then the checks after the idempotency lookup are not run and
  // `office` is unset).
  struct Attempt {
    model::ComplaintRecord stored;
    std::optional<model::RequestRecord> seen;
    std::shared_ptr<const OfficeConfig> office;
  };
  absl::StatusOr<Attempt> Check(absl::Time deadline, const Principal& who,
                                Action action, const StepInput& in,
                                const std::string& code,
                                const std::string& caller, const Scope& scope,
                                const Arguments& arguments,
                                bool look_up_request) const;
  // The answer of a recorded request (kAlreadyExists when it carried
  // another request), with its attachment for kAttach.
  absl::StatusOr<StepResult> Replay(absl::Time deadline, const Principal& who,
                                    Action action, const StepInput& in,
                                    const std::string& code,
                                    const std::string& caller,
                                    const model::RequestRecord& r) const;
  // The caller's view of `c` after request `r` (complaint_answers.h).
  absl::StatusOr<StepResult> Answer(absl::Time deadline, const Principal& who,
                                    Action action,
                                    const model::RequestRecord& r,
                                    model::ComplaintRecord c) const;

  model::ComplaintRepository& complaints_;
  OfficeDirectory& offices_;
  const Clock& clock_;
  const ComplaintArchive* archive_;
  const PinGuard& pin_guard_;
  const ComplaintAnswers& answers_;
};

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_STEP_RUNNER_H_
