#include "server/domain/state_machine.h"

#include <map>
#include <set>

#include "tests/test_util.h"

namespace aduan::domain {
namespace {

using ::aduan::testing::StatusIs;

// The expected table, written out independently of the implementation.
const std::map<Action, std::set<std::string>>& Expected() {
  static const auto* const kTable = new std::map<Action, std::set<std::string>>{
      {Action::kVerify, {"SUBMITTED"}},
      {Action::kSupplement, {"NEEDS_INFO"}},
      {Action::kWithdraw,
       {"SUBMITTED", "NEEDS_INFO", "VERIFIED", "REPORTED_TO_HEAD", "DISPOSED",
        "IN_FOLLOW_UP"}},
      {Action::kReportToHead, {"VERIFIED"}},
      {Action::kDispose, {"REPORTED_TO_HEAD", "DISPOSED", "IN_FOLLOW_UP"}},
      {Action::kDecline, {"REPORTED_TO_HEAD"}},
      {Action::kReturnDisposition, {"DISPOSED"}},
      {Action::kReturnForRework, {"RESOLVED"}},
      {Action::kStartFollowUp, {"DISPOSED"}},
      {Action::kAddFollowUpNote, {"IN_FOLLOW_UP"}},
      {Action::kResolve, {"IN_FOLLOW_UP"}},
      {Action::kInform, {"RESOLVED", "REJECTED", "OUT_OF_SCOPE", "DUPLICATE"}},
      {Action::kArchive, {"INFORMED", "WITHDRAWN"}},
      {Action::kExpire, {"NEEDS_INFO"}},
      {Action::kUpdate,
       {"SUBMITTED", "NEEDS_INFO", "VERIFIED", "REPORTED_TO_HEAD", "DISPOSED",
        "IN_FOLLOW_UP", "RESOLVED", "INFORMED", "REJECTED", "OUT_OF_SCOPE",
        "DUPLICATE", "WITHDRAWN"}},
      {Action::kAttach, {"SUBMITTED", "NEEDS_INFO", "IN_FOLLOW_UP"}},
  };
  return *kTable;
}

TEST(StateMachineTest, EveryStateActionPairMatchesTheServiceStandard) {
  ASSERT_EQ(model::AllStates().size(), 13u);
  ASSERT_EQ(AllActions().size(), Expected().size());
  for (Action a : AllActions()) {
    for (State s : model::AllStates()) {
      const bool allowed =
          Expected().at(a).count(std::string(model::Name(s))) > 0;
      EXPECT_EQ(IsAllowed(a, s), allowed) << ActionName(a) << " in " << s;
      if (allowed) {
        EXPECT_TRUE(CheckAllowed(a, s).ok());
      } else {
        EXPECT_THAT(CheckAllowed(a, s),
                    StatusIs(absl::StatusCode::kFailedPrecondition,
                             std::string(model::Name(s))))
            << ActionName(a) << " in " << s;
      }
    }
  }
}

TEST(StateMachineTest, RefusalNamesStateAndPossibleActions) {
  EXPECT_THAT(
      CheckAllowed(Action::kResolve, State::kVerified),
      StatusIs(absl::StatusCode::kFailedPrecondition,
               "ResolveComplaint is not possible: the complaint is "
               "VERIFIED; possible now: WithdrawComplaint, ReportToHead, "
               "UpdateComplaint"));
  EXPECT_THAT(CheckAllowed(Action::kVerify, State::kInFollowUp),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "possible now: WithdrawComplaint, DisposeComplaint, "
                       "AddFollowUpNote, ResolveComplaint, UpdateComplaint, "
                       "UploadAttachment"));
  EXPECT_THAT(CheckAllowed(Action::kVerify, State::kArchived),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "no action is possible any more"));
}

TEST(StateMachineTest, OutcomesOfMultiWaySteps) {
  for (State ok : {State::kVerified, State::kNeedsInfo, State::kRejected,
                   State::kOutOfScope, State::kDuplicate}) {
    EXPECT_TRUE(IsValidOutcome(Action::kVerify, ok)) << ok;
  }
  EXPECT_FALSE(IsValidOutcome(Action::kVerify, State::kArchived));
  EXPECT_TRUE(IsValidOutcome(Action::kDecline, State::kOutOfScope));
  EXPECT_FALSE(IsValidOutcome(Action::kDecline, State::kDuplicate));
}

}  // namespace
}  // namespace aduan::domain
