// The NEEDS_INFO limit: complaints left waiting for the complainant past
// their office's limit (working days, docs/design.md §2.5) are closed as
// REJECTED with an EXPIRED event by the system principal, each through the
// step runner, so the version guard lets one sweeper win when several
// processes sweep.
#ifndef ADUAN_SERVER_DOMAIN_NEEDS_INFO_SWEEP_H_
#define ADUAN_SERVER_DOMAIN_NEEDS_INFO_SWEEP_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/clock.h"
#include "server/domain/model/complaint_repository.h"
#include "server/domain/step_runner.h"

namespace aduan::domain {

// Thread-safe; the references must outlive it.
class NeedsInfoSweep {
 public:
  NeedsInfoSweep(model::ComplaintRepository& complaints,
                 const StepRunner& runner, const Clock& clock)
      : complaints_(complaints), runner_(runner), clock_(clock) {}

  // Works through the whole backlog, batch after batch; a complaint that
  // fails stays due for the next sweep (logged). Returns how many this call
  // closed (another sweeper's closes are not counted), or the first error
  // when every attempt failed.
  absl::StatusOr<int> Run(absl::Time deadline) const;

 private:
  model::ComplaintRepository& complaints_;
  const StepRunner& runner_;
  const Clock& clock_;
};

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_NEEDS_INFO_SWEEP_H_
