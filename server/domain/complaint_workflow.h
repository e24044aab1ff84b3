// ComplaintWorkflow applies the standard's steps 2–7 (docs/design.md §1, §2)
// to complaints: verification, report to the head, disposition, follow-up,
// informing, and the complainant's supplement and withdrawal.
//
// Every step runs the checks in the order of docs/design.md §3 — scope
// (kNotFound, the same answer as for an unknown complaint) → arguments
// (kInvalidArgument) → idempotency (the first result for a retried
// request_id; kAlreadyExists for a reused one) → etag (kAborted when stale) →
// state (kFailedPrecondition naming the state and the possible actions) —
// and writes the new state and its event in one transaction, guarded by the
// stored version: of two people acting at once exactly one wins, also across
// processes. Role checks happen before (server/auth).
#ifndef ADUAN_SERVER_DOMAIN_COMPLAINT_WORKFLOW_H_
#define ADUAN_SERVER_DOMAIN_COMPLAINT_WORKFLOW_H_

#include <functional>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/clock.h"
#include "server/domain/attach_policy.h"
#include "server/domain/complaint_answers.h"
#include "server/domain/complaint_archive.h"
#include "server/domain/complaint_state.h"
#include "server/domain/complaint_view.h"
#include "server/domain/model/complaint_repository.h"
#include "server/domain/needs_info_sweep.h"
#include "server/domain/office_directory.h"
#include "server/domain/pin_guard.h"
#include "server/domain/pin_issuer.h"
#include "server/domain/pin_reissue.h"
#include "server/domain/principal.h"
#include "server/domain/state_machine.h"
#include "server/domain/step_runner.h"
#include "server/domain/step_scopes.h"

namespace aduan::domain {

struct Checklist {
  bool kk_copy = false;
  bool ktp_copy = false;
  bool location_photo = false;
  bool supporting_documents = false;
};

struct VerifyInput {
  // VERIFIED, NEEDS_INFO, REJECTED, OUT_OF_SCOPE or DUPLICATE; required.
  std::optional<State> outcome;
  Checklist checklist;
  std::string note;
  std::string missing_info;
  std::string referred_to;
  std::string duplicate_of;
};

struct DisposeInput {
  std::string unit_code;
  std::string instruction;
  std::optional<absl::Time> due_time;
};

struct DeclineInput {
  std::optional<State> outcome;  // REJECTED or OUT_OF_SCOPE; required
  std::string reason;
  std::string referred_to;
};

struct InformInput {
  std::string
      method;  // IN_PERSON, ONLINE_MEDIA, EMAIL, PHONE, LETTER, SP4N_LAPOR
  std::string message;
};

// The received bytes, recognised and stored in the blob store.
struct StoredDocument {
  std::string media_type;  // recognised from the content
  long long size_bytes = 0;
  std::string sha256;
};

// Thread-safe; every reference must outlive it.
class ComplaintWorkflow {
 public:
  // `archive` (optional) enables step 7.
  ComplaintWorkflow(model::ComplaintRepository& complaints,
                    OfficeDirectory& offices, const PinIssuer& pins,
                    const Clock& clock,
                    const ComplaintArchive* archive = nullptr)
      : complaints_(complaints),
        clock_(clock),
        archive_(archive),
        pin_guard_(complaints, offices, pins, clock),
        answers_(complaints, offices, pins, clock),
        scopes_(pin_guard_),
        runner_(complaints, offices, clock, archive, pin_guard_, answers_),
        reissue_(complaints, clock, answers_),
        sweep_(complaints, runner_, clock) {}
  // Not copyable: the runner and the sweep refer to this object's members.
  ComplaintWorkflow(const ComplaintWorkflow&) = delete;
  ComplaintWorkflow& operator=(const ComplaintWorkflow&) = delete;

  // Step 2 (officer). DUPLICATE needs `duplicate_of` of the same office,
  // NEEDS_INFO `missing_info`, OUT_OF_SCOPE `referred_to`, REJECTED `note`.
  absl::StatusOr<StepResult> Verify(absl::Time deadline, const Principal& who,
                                    const StepInput& in, const VerifyInput& v);
  // Step 3 (secretary).
  absl::StatusOr<StepResult> ReportToHead(absl::Time deadline,
                                          const Principal& who,
                                          const StepInput& in,
                                          const std::string& note);
  // Step 4 (head): to an active unit of the office, due time in the future
  // (default: the category's resolution target, else the office's).
  absl::StatusOr<StepResult> Dispose(absl::Time deadline, const Principal& who,
                                     const StepInput& in,
                                     const DisposeInput& d);
  // Step 4 (head): REJECTED or OUT_OF_SCOPE after evaluation.
  absl::StatusOr<StepResult> Decline(absl::Time deadline, const Principal& who,
                                     const StepInput& in,
                                     const DeclineInput& d);
  // The unit hands a disposition back as not its area.
  absl::StatusOr<StepResult> ReturnDisposition(absl::Time deadline,
                                               const Principal& who,
                                               const StepInput& in,
                                               const std::string& reason);
  // The head sends a resolved complaint back to the unit.
  absl::StatusOr<StepResult> ReturnForRework(absl::Time deadline,
                                             const Principal& who,
                                             const StepInput& in,
                                             const std::string& reason);
  // Step 5 (the unit it is disposed to).
  absl::StatusOr<StepResult> StartFollowUp(absl::Time deadline,
                                           const Principal& who,
                                           const StepInput& in,
                                           const std::string& note);
  absl::StatusOr<StepResult> AddFollowUpNote(absl::Time deadline,
                                             const Principal& who,
                                             const StepInput& in,
                                             const std::string& note);
  // `attachment_ids` (optional, no repeats) name RESULT documents of this
  // complaint.
  absl::StatusOr<StepResult> Resolve(
      absl::Time deadline, const Principal& who, const StepInput& in,
      const std::string& result,
      const std::vector<std::string>& attachment_ids);
  // Step 6 (officer).
  absl::StatusOr<StepResult> Inform(absl::Time deadline, const Principal& who,
                                    const StepInput& in, const InformInput& i);
  // Step 7 (officer): INFORMED or WITHDRAWN → ARCHIVED, writing the archive
  // record in the same transaction. Errors also kUnimplemented when no
  // archive was given.
  absl::StatusOr<StepResult> Archive(absl::Time deadline, const Principal& who,
                                     const StepInput& in);
  // The officer, the complaint's gateway, or the complainant with the PIN.
  absl::StatusOr<StepResult> Supplement(absl::Time deadline,
                                        const Principal& who,
                                        const StepInput& in,
                                        const std::string& note);
  absl::StatusOr<StepResult> Withdraw(absl::Time deadline, const Principal& who,
                                      const StepInput& in,
                                      const std::string& reason);
  // Officer: corrects the fields named in `paths` (title, description,
  // category, location[.address|.kelurahan|.latitude|.longitude],
  // complainant[.name|.nik|.kk_number|.phone|.email|.address]) before
  // disposition, and raises `anonymous` / `confidential` until archived.
  // Errors: kInvalidArgument (unknown path, invalid value, lowering a flag),
  // kFailedPrecondition (content after disposition; anything after
  // ARCHIVED), and the errors of every step.
  absl::StatusOr<StepResult> Update(absl::Time deadline, const Principal& who,
                                    const StepInput& in,
                                    const model::ComplaintRecord& changes,
                                    const std::vector<std::string>& paths);
  // Who may attach what, when: the officer and the complaint's gateway while
  // SUBMITTED or NEEDS_INFO (any type but RESULT); the complainant with the
  // PIN while NEEDS_INFO (likewise); the unit it is disposed to RESULT
  // documents while IN_FOLLOW_UP. At most kMaxAttachmentsPerComplaint.
  //
  // CheckAttach runs every check that does not need the bytes, so an upload
  // is refused before they are sent: scope (kNotFound), arguments
  // (kInvalidArgument), a retried request_id (returns the first upload's
  // attachment; kAlreadyExists for another request), state and who may
  // attach what (kFailedPrecondition), the count (kResourceExhausted).
  absl::StatusOr<std::optional<model::AttachmentRecord>> CheckAttach(
      absl::Time deadline, const Principal& who, const StepInput& in,
      const AttachInput& a);
  // Records a stored document: the metadata row and an ATTACHED event in one
  // transaction, after the same checks (the state may have changed while
  // the bytes arrived). Errors as CheckAttach, and kInvalidArgument when the
  // declared media type is not the recognised one.
  absl::StatusOr<StepResult> Attach(absl::Time deadline, const Principal& who,
                                    const StepInput& in, const AttachInput& a,
                                    const StoredDocument& doc);

  // Officer: a new PIN; the old one stops working. Not after ARCHIVED. A
  // retry answers as ComplaintAnswers says: the PIN again only while no
  // later reissue has replaced it (else `withheld`).
  using ReissuedPin = domain::ReissuedPin;
  absl::StatusOr<ReissuedPin> ReissuePin(absl::Time deadline,
                                         const Principal& who,
                                         const StepInput& in);
  // Closes complaints left in NEEDS_INFO past their office's limit
  // (REJECTED, event EXPIRED by `system`). Safe with several processes: the
  // version guard lets one win. Works through the whole backlog; a
  // complaint that fails stays due for the next sweep (logged). Returns how
  // many it closed, or the first error when every attempt failed.
  absl::StatusOr<int> ExpireNeedsInfo(absl::Time deadline);

 private:
  model::ComplaintRepository& complaints_;
  const Clock& clock_;
  const ComplaintArchive* archive_;
  PinGuard pin_guard_;
  const ComplaintAnswers answers_;
  const StepScopes scopes_;  // after pin_guard_, which it uses
  const StepRunner runner_;  // after pin_guard_ and answers_, which it uses
  const PinReissue reissue_;
  const NeedsInfoSweep sweep_;
};

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_COMPLAINT_WORKFLOW_H_
