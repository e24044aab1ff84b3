// The workflow's state machine (docs/design.md §2): which action is allowed in
// which state, and where it leads. Pure data; the transitions themselves are
// applied by ComplaintWorkflow.
#ifndef ADUAN_SERVER_DOMAIN_STATE_MACHINE_H_
#define ADUAN_SERVER_DOMAIN_STATE_MACHINE_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "server/domain/complaint_state.h"

namespace aduan::domain {

// One action of the workflow, named as its RPC.
enum class Action {
  kVerify,  // SUBMITTED → VERIFIED/NEEDS_INFO/REJECTED/OUT_OF_SCOPE/DUPLICATE
  kSupplement,         // NEEDS_INFO → SUBMITTED
  kWithdraw,           // open states → WITHDRAWN
  kReportToHead,       // VERIFIED → REPORTED_TO_HEAD
  kDispose,            // REPORTED_TO_HEAD, DISPOSED, IN_FOLLOW_UP → DISPOSED
  kDecline,            // REPORTED_TO_HEAD → REJECTED/OUT_OF_SCOPE
  kReturnDisposition,  // DISPOSED → REPORTED_TO_HEAD
  kReturnForRework,    // RESOLVED → DISPOSED
  kStartFollowUp,      // DISPOSED → IN_FOLLOW_UP
  kAddFollowUpNote,    // IN_FOLLOW_UP → IN_FOLLOW_UP
  kResolve,            // IN_FOLLOW_UP → RESOLVED
  kInform,   // RESOLVED, REJECTED, OUT_OF_SCOPE, DUPLICATE → INFORMED
  kArchive,  // INFORMED, WITHDRAWN → ARCHIVED
  kExpire,   // NEEDS_INFO → REJECTED (the server, past the limit)
  kUpdate,   // any state but ARCHIVED (content only before disposition)
  kAttach,   // SUBMITTED, NEEDS_INFO, IN_FOLLOW_UP (who attaches what: see
             // ComplaintWorkflow::CheckAttach)
};

// All actions, for tables and tests.
const std::vector<Action>& AllActions();
// The RPC name of an action, e.g. "VerifyComplaint".
absl::string_view ActionName(Action a);

// True when `action` may be taken in `state`.
bool IsAllowed(Action action, State state);

// OK when allowed; otherwise kFailedPrecondition naming the current state
// and the actions allowed in it.
absl::Status CheckAllowed(Action action, State state);

// True when the target `to` is a valid outcome of `action` (for actions
// with several outcomes: kVerify, kDecline).
bool IsValidOutcome(Action action, State to);

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_STATE_MACHINE_H_
