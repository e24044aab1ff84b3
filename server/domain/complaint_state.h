// The domain speaks the typed vocabulary of server/domain/model/vocabulary.h
// (states, event types, channels, document types); this header brings it
// into the domain's namespace and adds what the rules say about states: the
// public (Bahasa Indonesia) label of each and the states in which each SLA
// clock runs.
#ifndef ADUAN_SERVER_DOMAIN_COMPLAINT_STATE_H_
#define ADUAN_SERVER_DOMAIN_COMPLAINT_STATE_H_

#include <string>

#include "absl/strings/string_view.h"
#include "server/domain/model/vocabulary.h"

namespace aduan::domain {

using model::Channel;
using model::DocumentType;
using model::EventType;
using model::State;

// Short public description of a state for the citizen's timeline.
absl::string_view PublicStateLabel(State state);
// The states in which each SLA clock runs (docs/design.md §2.7): the
// service clock while SUBMITTED, VERIFIED or REPORTED_TO_HEAD, the
// resolution clock while DISPOSED or IN_FOLLOW_UP.
bool ServiceClockRuns(State state);
bool ResolutionClockRuns(State state);

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_COMPLAINT_STATE_H_
