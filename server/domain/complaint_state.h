// Names of the workflow's states, channels and event types as stored, and the
// public (Bahasa Indonesia) labels of states.
#ifndef ADUAN_SERVER_DOMAIN_COMPLAINT_STATE_H_
#define ADUAN_SERVER_DOMAIN_COMPLAINT_STATE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace aduan::domain {

// Stored state names (equal to the enum value names of aduan.v1).
inline constexpr char kSubmitted[] = "SUBMITTED";

// True when `channel` is one of OFFICE, ONLINE, EMAIL, PHONE, FACEBOOK,
// INSTAGRAM, SP4N_LAPOR, GATEWAY.
bool IsKnownChannel(absl::string_view channel);
// True when `state` is a state name of the workflow.
bool IsKnownState(absl::string_view state);
// Short public description of a state for the citizen's timeline.
std::string PublicStateLabel(absl::string_view state);
// The states in which each SLA clock runs (docs/design.md §2.7): the
// service clock while SUBMITTED, VERIFIED or REPORTED_TO_HEAD, the
// resolution clock while DISPOSED or IN_FOLLOW_UP.
bool ServiceClockRuns(absl::string_view state);
bool ResolutionClockRuns(absl::string_view state);

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_COMPLAINT_STATE_H_
