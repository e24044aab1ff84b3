// The officer's ReissuePin (docs/design.md §4.7): a new PIN generation for a
// complainant who lost theirs, done with them in person; the old PIN stops
// working and the new one starts with the whole wrong-PIN budget. Its own
// step, not StepRunner's: it changes no state, answers a PIN rather than the
// complaint, and is possible in every state but ARCHIVED.
#ifndef ADUAN_SERVER_DOMAIN_PIN_REISSUE_H_
#define ADUAN_SERVER_DOMAIN_PIN_REISSUE_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/clock.h"
#include "server/domain/complaint_answers.h"
#include "server/domain/model/complaint_repository.h"
#include "server/domain/principal.h"
#include "server/domain/step_types.h"

namespace aduan::domain {

struct ReissuedPin {
  std::string pin;
  bool withheld = false;  // a later reissue replaced it (a retry's answer)
};

// Thread-safe; every reference must outlive it.
class PinReissue {
 public:
  PinReissue(model::ComplaintRepository& complaints, const Clock& clock,
             const ComplaintAnswers& answers)
      : complaints_(complaints), clock_(clock), answers_(answers) {}

  // By an officer of the complaint's office (else kNotFound, as for an
  // unknown code). A retry answers as ComplaintAnswers says: the PIN again
  // only while no later reissue has replaced it (else `withheld`). Errors:
  // kInvalidArgument (tracking code, request_id), kAlreadyExists (the
  // request_id of another request), kFailedPrecondition (ARCHIVED),
  // kAborted (the complaint kept changing), storage errors.
  absl::StatusOr<ReissuedPin> Run(absl::Time deadline, const Principal& who,
                                  const StepInput& in) const;

 private:
  model::ComplaintRepository& complaints_;
  const Clock& clock_;
  const ComplaintAnswers& answers_;
};

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_PIN_REISSUE_H_
