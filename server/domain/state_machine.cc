#include "server/domain/state_machine.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace aduan::domain {
namespace {

struct Rule {
  Action action;
  const char* name;
  std::vector<std::string> from;
  std::vector<std::string> to;
};

const std::vector<Rule>& Rules() {
  static const std::vector<Rule>* const kRules = new std::vector<Rule>{
      {Action::kVerify,
       "VerifyComplaint",
       {"SUBMITTED"},
       {"VERIFIED", "NEEDS_INFO", "REJECTED", "OUT_OF_SCOPE", "DUPLICATE"}},
      {Action::kSupplement,
       "SupplementComplaint",
       {"NEEDS_INFO"},
       {"SUBMITTED"}},
      {Action::kWithdraw,
       "WithdrawComplaint",
       {"SUBMITTED", "NEEDS_INFO", "VERIFIED", "REPORTED_TO_HEAD", "DISPOSED",
        "IN_FOLLOW_UP"},
       {"WITHDRAWN"}},
      {Action::kReportToHead,
       "ReportToHead",
       {"VERIFIED"},
       {"REPORTED_TO_HEAD"}},
      {Action::kDispose,
       "DisposeComplaint",
       {"REPORTED_TO_HEAD", "DISPOSED", "IN_FOLLOW_UP"},
       {"DISPOSED"}},
      {Action::kDecline,
       "DeclineComplaint",
       {"REPORTED_TO_HEAD"},
       {"REJECTED", "OUT_OF_SCOPE"}},
      {Action::kReturnDisposition,
       "ReturnDisposition",
       {"DISPOSED"},
       {"REPORTED_TO_HEAD"}},
      {Action::kReturnForRework, "ReturnForRework", {"RESOLVED"}, {"DISPOSED"}},
      {Action::kStartFollowUp, "StartFollowUp", {"DISPOSED"}, {"IN_FOLLOW_UP"}},
      {Action::kAddFollowUpNote,
       "AddFollowUpNote",
       {"IN_FOLLOW_UP"},
       {"IN_FOLLOW_UP"}},
      {Action::kResolve, "ResolveComplaint", {"IN_FOLLOW_UP"}, {"RESOLVED"}},
      {Action::kInform,
       "InformComplainant",
       {"RESOLVED", "REJECTED", "OUT_OF_SCOPE", "DUPLICATE"},
       {"INFORMED"}},
      {Action::kArchive,
       "ArchiveComplaint",
       {"INFORMED", "WITHDRAWN"},
       {"ARCHIVED"}},
      {Action::kExpire, "Expire", {"NEEDS_INFO"}, {"REJECTED"}},
      {Action::kUpdate,
       "UpdateComplaint",
       {"SUBMITTED", "NEEDS_INFO", "VERIFIED", "REPORTED_TO_HEAD", "DISPOSED",
        "IN_FOLLOW_UP", "RESOLVED", "INFORMED", "REJECTED", "OUT_OF_SCOPE",
        "DUPLICATE", "WITHDRAWN"},
       {}},
      {Action::kAttach,
       "UploadAttachment",
       {"SUBMITTED", "NEEDS_INFO", "IN_FOLLOW_UP"},
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

bool Contains(const std::vector<std::string>& v, absl::string_view s) {
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

const std::vector<std::string>& AllStates() {
  static const std::vector<std::string>* const kStates =
      new std::vector<std::string>{
          "SUBMITTED", "NEEDS_INFO",   "VERIFIED",     "REPORTED_TO_HEAD",
          "DISPOSED",  "IN_FOLLOW_UP", "RESOLVED",     "INFORMED",
          "ARCHIVED",  "REJECTED",     "OUT_OF_SCOPE", "DUPLICATE",
          "WITHDRAWN"};
  return *kStates;
}

absl::string_view ActionName(Action a) { return RuleOf(a).name; }

bool IsAllowed(Action action, absl::string_view state) {
  return Contains(RuleOf(action).from, state);
}

absl::Status CheckAllowed(Action action, absl::string_view state) {
  if (IsAllowed(action, state)) return absl::OkStatus();
  std::vector<std::string> allowed;
  for (const Rule& r : Rules()) {
    if (r.action != Action::kExpire && Contains(r.from, state)) {
      allowed.push_back(r.name);
    }
  }
  return absl::FailedPreconditionError(absl::StrCat(
      ActionName(action), " is not possible: the complaint is ", state,
      allowed.empty()
          ? "; no action is possible any more"
          : absl::StrCat("; possible now: ", absl::StrJoin(allowed, ", "))));
}

bool IsValidOutcome(Action action, absl::string_view to) {
  return Contains(RuleOf(action).to, to);
}

}  // namespace aduan::domain
