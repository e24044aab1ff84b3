// Office working time: the weekly opening schedule, public holidays and time
// zone of one office, and the arithmetic that SLA clocks need on it (a
// service standard such as "answered within 60 minutes" counts only the time
// during which the office is open).
#ifndef ADUAN_SERVER_DOMAIN_WORKING_CALENDAR_H_
#define ADUAN_SERVER_DOMAIN_WORKING_CALENDAR_H_

#include <array>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace aduan::domain {

// One opening interval of a weekday, in minutes after local midnight:
// [open_minute, close_minute). A weekday may have several intervals (for
// example a lunch break splits the day in two).
struct WorkingHours {
  absl::Weekday weekday;
  int open_minute;   // 0..1439
  int close_minute;  // open_minute < close_minute <= 1440
};

// WorkingCalendar answers "how much working time lies between two instants"
// and "when will a given amount of working time have elapsed".
//
// Working time is the union of the opening intervals of every local civil
// day that is not a holiday, each interval mapped to absolute time with the
// calendar's time zone (so a day on which the zone changes its UTC offset
// during opening hours has correspondingly more or less working time).
// Instants keep their full precision: only the interval boundaries fall on
// minute marks.
//
// Thread safety: a WorkingCalendar is an immutable value once created. All
// const methods may be called concurrently from any number of threads; it is
// cheap to copy and move.
class WorkingCalendar {
 public:
  // Builds a calendar for `tz` from the weekly opening `hours` (any order)
  // and the local civil `holidays` (any order, duplicates allowed) on which
  // the office stays closed all day.
  //
  // Errors: kInvalidArgument, with a message starting "working_hours: " that
  // names the broken rule, when `hours` is empty, when an entry has an
  // invalid weekday, an open_minute outside [0, 1439], or a close_minute not
  // in (open_minute, 1440], or when two intervals of the same weekday
  // overlap. Intervals that merely touch (one closes when the next opens)
  // are accepted.
  static absl::StatusOr<WorkingCalendar> Create(
      absl::TimeZone tz, std::vector<WorkingHours> hours,
      std::vector<absl::CivilDay> holidays);

  // The instant at which `amount` of working time has elapsed after `start`.
  // `start` may be outside working hours, in which case counting begins at
  // the next opening. When the amount runs out exactly at a closing time the
  // result is that closing time (not the next opening).
  //
  // Returns `start` unchanged when `amount` <= 0 or when `start` is infinite.
  // Returns absl::InfiniteFuture() when `amount` is infinite or when the
  // amount cannot be accumulated within three calendar years: by the end of
  // the same local date three years after the local date of `start`. The
  // search therefore always terminates; its cost is linear in the number of
  // calendar days searched (at most about 1100).
  absl::Time AddWorkingTime(absl::Time start, absl::Duration amount) const;

  // The working time inside [from, to); absl::ZeroDuration() when
  // `to` <= `from`, absl::InfiniteDuration() when `to` > `from` and either
  // end is infinite. For every start s and amount a > 0 with a finite
  // AddWorkingTime(s, a), WorkingTimeBetween(s, AddWorkingTime(s, a)) == a.
  // Long spans are cheap: runs of whole weeks without holidays or time zone
  // transitions are counted in one step, so the cost grows with the number
  // of holidays and transitions in the span, not with its length.
  absl::Duration WorkingTimeBetween(absl::Time from, absl::Time to) const;

  // True when `t` falls inside an opening interval (open boundary included,
  // close boundary excluded) of a day that is not a holiday. False for
  // infinite `t`.
  bool IsOpen(absl::Time t) const;

  // The zone in which the schedule and holidays are expressed.
  absl::TimeZone time_zone() const { return tz_; }

 private:
  // One opening interval, minutes after local midnight.
  struct Interval {
    int open_minute;
    int close_minute;
  };

  WorkingCalendar(absl::TimeZone tz,
                  std::array<std::vector<Interval>, 7> by_weekday,
                  std::vector<absl::CivilDay> holidays,
                  absl::Duration weekly_total);

  bool IsHoliday(absl::CivilDay day) const;
  // The opening intervals that apply on `day`: none on a holiday.
  const std::vector<Interval>& IntervalsOn(absl::CivilDay day) const;
  // The absolute instant of `minute` minutes after local midnight of `day`.
  absl::Time MinuteOf(absl::CivilDay day, int minute) const;

  absl::TimeZone tz_;
  // Indexed by absl::Weekday (monday == 0); each sorted by open_minute.
  std::array<std::vector<Interval>, 7> by_weekday_;
  std::vector<absl::CivilDay> holidays_;  // sorted, unique
  absl::Duration weekly_total_;           // sum of all interval lengths (civil)
};

// The standard Kanigaran week: Monday–Thursday 07:30–15:30 and Friday
// 07:30–14:00; closed on Saturday and Sunday.
std::vector<WorkingHours> DefaultOfficeHours();

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_WORKING_CALENDAR_H_
