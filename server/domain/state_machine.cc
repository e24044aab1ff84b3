#include "server/domain/state_machine.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace aduan::domain {
namespace {

using S = model::State;

struct Rule {
  Action action;
  const char* name;
  std::vector<State> from;
  std::vector<State> to;
};

const std::vector<Rule>& Rules() {
  static const std::vector<Rule>* const kRules = new std::vector<Rule>{
      {Action::kVerify,
       "VerifyComplaint",
       {S::kSubmitted},
       {S::kVerified, S::kNeedsInfo, S::kRejected, S::kOutOfScope,
        S::kDuplicate}},
      {Action::kSupplement,
       "SupplementComplaint",
       {S::kNeedsInfo},
       {S::kSubmitted}},
      {Action::kWithdraw,
       "WithdrawComplaint",
       {S::kSubmitted, S::kNeedsInfo, S::kVerified, S::kReportedToHead,
        S::kDisposed, S::kInFollowUp},
       {S::kWithdrawn}},
      {Action::kReportToHead,
       "ReportToHead",
       {S::kVerified},
       {S::kReportedToHead}},
      {Action::kDispose,
       "DisposeComplaint",
       {S::kReportedToHead, S::kDisposed, S::kInFollowUp},
       {S::kDisposed}},
      {Action::kDecline,
       "DeclineComplaint",
       {S::kReportedToHead},
       {S::kRejected, S::kOutOfScope}},
      {Action::kReturnDisposition,
       "ReturnDisposition",
       {S::kDisposed},
       {S::kReportedToHead}},
      {Action::kReturnForRework,
       "ReturnForRework",
       {S::kResolved},
       {S::kDisposed}},
      {Action::kStartFollowUp,
       "StartFollowUp",
       {S::kDisposed},
       {S::kInFollowUp}},
      {Action::kAddFollowUpNote,
       "AddFollowUpNote",
       {S::kInFollowUp},
       {S::kInFollowUp}},
      {Action::kResolve, "ResolveComplaint", {S::kInFollowUp}, {S::kResolved}},
      {Action::kInform,
       "InformComplainant",
       {S::kResolved, S::kRejected, S::kOutOfScope, S::kDuplicate},
       {S::kInformed}},
      {Action::kArchive,
       "ArchiveComplaint",
       {S::kInformed, S::kWithdrawn},
       {S::kArchived}},
      {Action::kExpire, "Expire", {S::kNeedsInfo}, {S::kRejected}},
      {Action::kUpdate,
       "UpdateComplaint",
       {S::kSubmitted, S::kNeedsInfo, S::kVerified, S::kReportedToHead,
        S::kDisposed, S::kInFollowUp, S::kResolved, S::kInformed, S::kRejected,
        S::kOutOfScope, S::kDuplicate, S::kWithdrawn},
       {}},
      {Action::kAttach,
       "UploadAttachment",
       {S::kSubmitted, S::kNeedsInfo, S::kInFollowUp},
       {}},
  };
  return *kRules;
}

const Rule& RuleOf(Action a) {
  for (const Rule& r : Rules()) {
    if (r.action == a) return r;
  }
  return Rules().front();  // unreachable: every action has a rule
}

bool Contains(const std::vector<State>& v, State s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

const std::vector<Action>& AllActions() {
  static const std::vector<Action>* const kActions = [] {
    auto* v = new std::vector<Action>();
    for (const Rule& r : Rules()) v->push_back(r.action);
    return v;
  }();
  return *kActions;
}

absl::string_view ActionName(Action a) { return RuleOf(a).name; }

bool IsAllowed(Action action, State state) {
  return Contains(RuleOf(action).from, state);
}

absl::Status CheckAllowed(Action action, State state) {
  if (IsAllowed(action, state)) return absl::OkStatus();
  std::vector<std::string> allowed;
  for (const Rule& r : Rules()) {
    if (r.action != Action::kExpire && Contains(r.from, state)) {
      allowed.push_back(r.name);
    }
  }
  return absl::FailedPreconditionError(absl::StrCat(
      ActionName(action), " is not possible: the complaint is ",
      model::Name(state),
      allowed.empty()
          ? "; no action is possible any more"
          : absl::StrCat("; possible now: ", absl::StrJoin(allowed, ", "))));
}

bool IsValidOutcome(Action action, State to) {
  return Contains(RuleOf(action).to, to);
}

}  // namespace aduan::domain
