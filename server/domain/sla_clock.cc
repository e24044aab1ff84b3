#include "server/domain/sla_clock.h"

#include <algorithm>

#include "common/clock.h"

namespace aduan::domain {
namespace {

absl::Duration Micros(long long us) { return absl::Microseconds(us); }
absl::Time At(long long us) { return absl::FromUnixMicros(us); }

}  // namespace

void StartSlaClock(model::SlaClockRecord& clock, absl::Time now,
                   const WorkingCalendar& calendar) {
  const absl::Duration target = Micros(clock.target_us);
  const absl::Duration used = Micros(clock.used_us);
  const absl::Duration left = std::max(absl::ZeroDuration(), target - used);
  const absl::Duration until_risk =
      std::max(absl::ZeroDuration(), target * 8 / 10 - used);
  clock.running_since = ToUnixMicrosLL(now);
  clock.due = ToUnixMicrosLL(calendar.AddWorkingTime(now, left));
  clock.at_risk = ToUnixMicrosLL(calendar.AddWorkingTime(now, until_risk));
}

void StopSlaClock(model::SlaClockRecord& clock, absl::Time now,
                  const WorkingCalendar& calendar) {
  if (!clock.running_since) return;
  const absl::Duration segment =
      calendar.WorkingTimeBetween(At(*clock.running_since), now);
  clock.used_us += absl::ToInt64Microseconds(segment);
  if (clock.due && ToUnixMicrosLL(now) > *clock.due) clock.breached = true;
  clock.running_since.reset();
  clock.due.reset();
  clock.at_risk.reset();
}

SlaView ViewSlaClock(const model::SlaClockRecord& clock, absl::Time now,
                     const WorkingCalendar& calendar) {
  SlaView v;
  v.used = Micros(clock.used_us);
  if (clock.running_since) {
    v.paused = false;
    v.used += calendar.WorkingTimeBetween(At(*clock.running_since), now);
    v.due = At(clock.due.value_or(*clock.running_since));
    const long long t = ToUnixMicrosLL(now);
    if (clock.breached || (clock.due && t >= *clock.due)) {
      v.status = SlaStatus::kBreached;
    } else if (clock.at_risk && t >= *clock.at_risk) {
      v.status = SlaStatus::kAtRisk;
    } else {
      v.status = SlaStatus::kOnTime;
    }
    return v;
  }
  if (clock.target_us == 0 && clock.used_us == 0) return v;  // never started
  v.status = clock.breached ? SlaStatus::kBreached : SlaStatus::kOnTime;
  return v;
}

}  // namespace aduan::domain
