// The two SLA clocks of a complaint (docs/design.md §2), as stored in
// model::SlaClockRecord: the service clock runs while SUBMITTED, VERIFIED or
// REPORTED_TO_HEAD; the resolution clock while DISPOSED or IN_FOLLOW_UP.
// Both count office working time only. A clock is AT_RISK in the last 20% of
// its target and BREACHED past its due time.
#ifndef ADUAN_SERVER_DOMAIN_SLA_CLOCK_H_
#define ADUAN_SERVER_DOMAIN_SLA_CLOCK_H_

#include <optional>

#include "absl/time/time.h"
#include "server/domain/model/records.h"
#include "server/domain/working_calendar.h"

namespace aduan::domain {

enum class SlaStatus { kUnspecified, kOnTime, kAtRisk, kBreached };

// How a clock stands at some instant.
struct SlaView {
  std::optional<absl::Time> due;  // unset while paused or never started
  absl::Duration used;
  SlaStatus status = SlaStatus::kUnspecified;  // unspecified: never started
  bool paused = true;
};

// Starts (or resumes) `clock` at `now` with what is left of its target.
// REQUIRES: the clock is not running.
void StartSlaClock(model::SlaClockRecord& clock, absl::Time now,
                   const WorkingCalendar& calendar);

// Stops `clock` at `now`, adding the working time of the running segment and
// recording a breach when `now` is past its due time. No-op when not running.
void StopSlaClock(model::SlaClockRecord& clock, absl::Time now,
                  const WorkingCalendar& calendar);

// The clock's standing at `now`.
SlaView ViewSlaClock(const model::SlaClockRecord& clock, absl::Time now,
                     const WorkingCalendar& calendar);

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_SLA_CLOCK_H_
