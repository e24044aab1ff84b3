#include "server/domain/working_calendar.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace aduan::domain {
namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr int kDaysPerWeek = 7;
constexpr int kSearchYears = 3;
constexpr absl::Duration kWeek = absl::Hours(24 * kDaysPerWeek);
// Whole weeks are only counted in one step when no time zone transition lies
// within this distance of them, so that every civil time involved maps to
// absolute time with one and the same UTC offset.
constexpr absl::Duration kTransitionMargin = absl::Hours(48);

int WeekdayIndex(absl::Weekday weekday) { return static_cast<int>(weekday); }

const char* WeekdayName(int index) {
  static constexpr const char* kNames[kDaysPerWeek] = {
      "Monday", "Tuesday",  "Wednesday", "Thursday",
      "Friday", "Saturday", "Sunday"};
  return kNames[index];
}

std::string FormatMinute(int minute) {
  return absl::StrFormat("%02d:%02d", minute / 60, minute % 60);
}

absl::Status Invalid(absl::string_view detail) {
  return absl::InvalidArgumentError(absl::StrCat("working_hours: ", detail));
}

}  // namespace

absl::StatusOr<WorkingCalendar> WorkingCalendar::Create(
    absl::TimeZone tz, std::vector<WorkingHours> hours,
    std::vector<absl::CivilDay> holidays) {
  if (hours.empty()) {
    return Invalid("at least one opening interval is required");
  }
  std::array<std::vector<Interval>, kDaysPerWeek> by_weekday;
  for (size_t i = 0; i < hours.size(); ++i) {
    const WorkingHours& h = hours[i];
    const int day = WeekdayIndex(h.weekday);
    if (day < 0 || day >= kDaysPerWeek) {
      return Invalid(absl::StrCat("entry ", i, ": weekday ", day,
                                  " is not a valid weekday"));
    }
    const std::string where =
        absl::StrCat("entry ", i, " (", WeekdayName(day), ")");
    if (h.open_minute < 0 || h.open_minute >= kMinutesPerDay) {
      return Invalid(absl::StrCat(where, ": open_minute ", h.open_minute,
                                  " must be in [0, 1439]"));
    }
    if (h.close_minute <= h.open_minute || h.close_minute > kMinutesPerDay) {
      return Invalid(absl::StrCat(where, ": close_minute ", h.close_minute,
                                  " must be greater than open_minute ",
                                  h.open_minute, " and at most 1440"));
    }
    by_weekday[day].push_back(Interval{h.open_minute, h.close_minute});
  }

  absl::Duration weekly_total = absl::ZeroDuration();
  for (int day = 0; day < kDaysPerWeek; ++day) {
    std::vector<Interval>& intervals = by_weekday[day];
    std::sort(intervals.begin(), intervals.end(),
              [](const Interval& a, const Interval& b) {
                return a.open_minute < b.open_minute;
              });
    for (size_t i = 0; i < intervals.size(); ++i) {
      if (i > 0 && intervals[i].open_minute < intervals[i - 1].close_minute) {
        return Invalid(
            absl::StrCat("intervals overlap on ", WeekdayName(day), ": [",
                         FormatMinute(intervals[i - 1].open_minute), ", ",
                         FormatMinute(intervals[i - 1].close_minute), ") and [",
                         FormatMinute(intervals[i].open_minute), ", ",
                         FormatMinute(intervals[i].close_minute), ")"));
      }
      weekly_total +=
          absl::Minutes(intervals[i].close_minute - intervals[i].open_minute);
    }
  }

  std::sort(holidays.begin(), holidays.end());
  holidays.erase(std::unique(holidays.begin(), holidays.end()), holidays.end());
  return WorkingCalendar(tz, std::move(by_weekday), std::move(holidays),
                         weekly_total);
}

WorkingCalendar::WorkingCalendar(
    absl::TimeZone tz, std::array<std::vector<Interval>, 7> by_weekday,
    std::vector<absl::CivilDay> holidays, absl::Duration weekly_total)
    : tz_(tz),
      by_weekday_(std::move(by_weekday)),
      holidays_(std::move(holidays)),
      weekly_total_(weekly_total) {}

bool WorkingCalendar::IsHoliday(absl::CivilDay day) const {
  return std::binary_search(holidays_.begin(), holidays_.end(), day);
}

const std::vector<WorkingCalendar::Interval>& WorkingCalendar::IntervalsOn(
    absl::CivilDay day) const {
  static const std::vector<Interval>* const kNone = new std::vector<Interval>;
  if (IsHoliday(day)) return *kNone;
  return by_weekday_[WeekdayIndex(absl::GetWeekday(day))];
}

absl::Time WorkingCalendar::MinuteOf(absl::CivilDay day, int minute) const {
  return absl::FromCivil(absl::CivilSecond(day) + int64_t{minute} * 60, tz_);
}

// Both AddWorkingTime and WorkingTimeBetween walk the opening intervals day
// by day in chronological order, starting one day before the local day of
// their first instant (a safety margin for days that a UTC offset change
// makes overlap). A cursor that only moves forward guarantees that no
// stretch of absolute time is counted twice, whatever the zone does.

absl::Time WorkingCalendar::AddWorkingTime(absl::Time start,
                                           absl::Duration amount) const {
  if (amount <= absl::ZeroDuration()) return start;
  if (start == absl::InfiniteFuture() || start == absl::InfinitePast()) {
    return start;
  }
  if (amount == absl::InfiniteDuration()) return absl::InfiniteFuture();

  // The search covers every day up to and including the same local date
  // three calendar years later (29 February normalizes to 1 March).
  const absl::CivilDay first_day =
      absl::CivilDay(absl::ToCivilSecond(start, tz_));
  const absl::CivilDay last_day(first_day.year() + kSearchYears,
                                first_day.month(), first_day.day());

  absl::Duration remaining = amount;
  absl::Time cursor = start;
  for (absl::CivilDay day = first_day - 1; day <= last_day; ++day) {
    for (const Interval& interval : IntervalsOn(day)) {
      const absl::Time open =
          std::max(MinuteOf(day, interval.open_minute), cursor);
      const absl::Time close = MinuteOf(day, interval.close_minute);
      if (close <= open) continue;
      const absl::Duration available = close - open;
      if (remaining <= available) {
        return open + remaining;
      }
      remaining -= available;
      cursor = close;
    }
  }
  return absl::InfiniteFuture();
}

absl::Duration WorkingCalendar::WorkingTimeBetween(absl::Time from,
                                                   absl::Time to) const {
  if (to <= from) return absl::ZeroDuration();
  if (from == absl::InfinitePast() || to == absl::InfiniteFuture()) {
    return absl::InfiniteDuration();
  }

  absl::Duration total = absl::ZeroDuration();
  absl::Time cursor = from;
  const absl::CivilDay last_day =
      absl::CivilDay(absl::ToCivilSecond(to, tz_)) + 1;
  absl::CivilDay day = absl::CivilDay(absl::ToCivilSecond(from, tz_)) - 1;
  while (day <= last_day) {
    // Count a run of whole weeks in one step when all of it lies inside
    // [cursor, to), no holiday falls in it and the UTC offset is constant in
    // and around it: then every interval has exactly its civil length.
    const absl::Time day_start = absl::FromCivil(day, tz_);
    if (day_start >= cursor) {
      int64_t weeks = (to - day_start) / kWeek;
      const auto next_holiday =
          std::lower_bound(holidays_.begin(), holidays_.end(), day);
      if (weeks > 0 && next_holiday != holidays_.end()) {
        weeks = std::min<int64_t>(weeks, (*next_holiday - day) / kDaysPerWeek);
      }
      absl::TimeZone::CivilTransition transition;
      if (weeks > 0 &&
          tz_.NextTransition(day_start - kTransitionMargin, &transition)) {
        const absl::Time at = tz_.At(transition.to).trans;
        const absl::Duration room = at - kTransitionMargin - day_start;
        weeks =
            room <= absl::ZeroDuration() ? 0 : std::min(weeks, room / kWeek);
      }
      if (weeks > 0) {
        total += weekly_total_ * weeks;
        day += weeks * kDaysPerWeek;
        cursor = absl::FromCivil(day, tz_);
        continue;
      }
    }

    for (const Interval& interval : IntervalsOn(day)) {
      const absl::Time open =
          std::max(MinuteOf(day, interval.open_minute), cursor);
      const absl::Time close =
          std::min(MinuteOf(day, interval.close_minute), to);
      if (close <= open) continue;
      total += close - open;
      cursor = close;
    }
    ++day;
  }
  return total;
}

bool WorkingCalendar::IsOpen(absl::Time t) const {
  if (t == absl::InfiniteFuture() || t == absl::InfinitePast()) return false;
  const absl::CivilDay today = absl::CivilDay(absl::ToCivilSecond(t, tz_));
  for (absl::CivilDay day = today - 1; day <= today + 1; ++day) {
    for (const Interval& interval : IntervalsOn(day)) {
      if (MinuteOf(day, interval.open_minute) <= t &&
          t < MinuteOf(day, interval.close_minute)) {
        return true;
      }
    }
  }
  return false;
}

std::vector<WorkingHours> DefaultOfficeHours() {
  constexpr int kOpen = 7 * 60 + 30;     // 07:30
  constexpr int kClose = 15 * 60 + 30;   // 15:30
  constexpr int kFridayClose = 14 * 60;  // 14:00
  return {
      {absl::Weekday::monday, kOpen, kClose},
      {absl::Weekday::tuesday, kOpen, kClose},
      {absl::Weekday::wednesday, kOpen, kClose},
      {absl::Weekday::thursday, kOpen, kClose},
      {absl::Weekday::friday, kOpen, kFridayClose},
  };
}

}  // namespace aduan::domain
