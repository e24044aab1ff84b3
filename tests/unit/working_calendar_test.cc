#include "server/domain/working_calendar.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace aduan::domain {
namespace {

using absl::Weekday;

constexpr int Hm(int hour, int minute) { return hour * 60 + minute; }

// Loads a zone from the system tzdata or fails the calling test.
absl::TimeZone MustLoadZone(const std::string& name) {
  absl::TimeZone tz;
  if (!absl::LoadTimeZone(name, &tz)) {
    ADD_FAILURE() << "cannot load time zone " << name
                  << "; is tzdata installed (/usr/share/zoneinfo)?";
  }
  return tz;
}

std::vector<WorkingHours> AllDayEveryDay() {
  std::vector<WorkingHours> hours;
  for (Weekday d : {Weekday::monday, Weekday::tuesday, Weekday::wednesday,
                    Weekday::thursday, Weekday::friday, Weekday::saturday,
                    Weekday::sunday}) {
    hours.push_back({d, 0, 24 * 60});
  }
  return hours;
}

class WorkingCalendarTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(absl::LoadTimeZone("Asia/Jakarta", &jakarta_))
        << "cannot load Asia/Jakarta; is tzdata installed "
           "(/usr/share/zoneinfo)?";
    absl::StatusOr<WorkingCalendar> calendar =
        WorkingCalendar::Create(jakarta_, DefaultOfficeHours(), {});
    ASSERT_TRUE(calendar.ok()) << calendar.status();
    office_ = std::move(calendar).value();
  }

  // A local Asia/Jakarta instant.
  absl::Time At(int year, int month, int day, int hour, int minute,
                int second = 0) const {
    return absl::FromCivil(
        absl::CivilSecond(year, month, day, hour, minute, second), jakarta_);
  }

  WorkingCalendar MakeCalendar(std::vector<WorkingHours> hours,
                               std::vector<absl::CivilDay> holidays) const {
    absl::StatusOr<WorkingCalendar> calendar = WorkingCalendar::Create(
        jakarta_, std::move(hours), std::move(holidays));
    EXPECT_TRUE(calendar.ok()) << calendar.status();
    return calendar.ok() ? *std::move(calendar) : *office_;
  }

  absl::TimeZone jakarta_;
  std::optional<WorkingCalendar> office_;  // Kanigaran week, no holidays.
};

// Dates used below (all 2024): Monday 4 March starts the reference week;
// Monday 11 March is Nyepi; Wednesday 10 and Thursday 11 April are Idul
// Fitri.
TEST_F(WorkingCalendarTest, ReferenceDatesHaveExpectedWeekdays) {
  EXPECT_EQ(absl::GetWeekday(absl::CivilDay(2024, 3, 4)), Weekday::monday);
  EXPECT_EQ(absl::GetWeekday(absl::CivilDay(2024, 3, 8)), Weekday::friday);
  EXPECT_EQ(absl::GetWeekday(absl::CivilDay(2024, 3, 11)), Weekday::monday);
  EXPECT_EQ(absl::GetWeekday(absl::CivilDay(2024, 4, 10)), Weekday::wednesday);
}

TEST_F(WorkingCalendarTest, DefaultOfficeHoursAreTheKanigaranWeek) {
  const std::vector<WorkingHours> hours = DefaultOfficeHours();
  ASSERT_EQ(hours.size(), 5u);
  const Weekday days[] = {Weekday::monday, Weekday::tuesday, Weekday::wednesday,
                          Weekday::thursday, Weekday::friday};
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(hours[i].weekday, days[i]);
    EXPECT_EQ(hours[i].open_minute, Hm(7, 30));
    EXPECT_EQ(hours[i].close_minute, i < 4 ? Hm(15, 30) : Hm(14, 0));
  }
}

TEST_F(WorkingCalendarTest, TimeZoneIsTheOneGivenToCreate) {
  EXPECT_EQ(office_->time_zone(), jakarta_);
}

TEST_F(WorkingCalendarTest, AddWithinOneDay) {
  EXPECT_EQ(office_->AddWorkingTime(At(2024, 3, 4, 9, 0), absl::Minutes(60)),
            At(2024, 3, 4, 10, 0));
  EXPECT_EQ(office_->AddWorkingTime(At(2024, 3, 4, 7, 30), absl::Hours(8)),
            At(2024, 3, 4, 15, 30));
}

TEST_F(WorkingCalendarTest, AddEndingExactlyAtCloseReturnsTheCloseTime) {
  EXPECT_EQ(office_->AddWorkingTime(At(2024, 3, 4, 14, 30), absl::Minutes(60)),
            At(2024, 3, 4, 15, 30));
}

TEST_F(WorkingCalendarTest, AddSpansCloseOfDayIntoNextMorning) {
  EXPECT_EQ(office_->AddWorkingTime(At(2024, 3, 4, 15, 0), absl::Minutes(60)),
            At(2024, 3, 5, 8, 0));
}

TEST_F(WorkingCalendarTest, AddSpansSeveralDays) {
  // Monday 8h + Tuesday 8h + 4h on Wednesday.
  EXPECT_EQ(office_->AddWorkingTime(At(2024, 3, 4, 7, 30), absl::Hours(20)),
            At(2024, 3, 6, 11, 30));
}

TEST_F(WorkingCalendarTest, AddFromFridayAfternoonContinuesOnMonday) {
  // Friday closes at 14:00: 30 minutes on Friday, 30 on Monday.
  EXPECT_EQ(office_->AddWorkingTime(At(2024, 3, 8, 13, 30), absl::Minutes(60)),
            At(2024, 3, 11, 8, 0));
}

TEST_F(WorkingCalendarTest, AddSkipsHolidays) {
  const WorkingCalendar calendar =
      MakeCalendar(DefaultOfficeHours(),
                   {absl::CivilDay(2024, 4, 11), absl::CivilDay(2024, 4, 10)});
  // Tuesday 15:00: 30 minutes on Tuesday, Wednesday and Thursday are
  // holidays, 30 minutes on Friday.
  EXPECT_EQ(calendar.AddWorkingTime(At(2024, 4, 9, 15, 0), absl::Minutes(60)),
            At(2024, 4, 12, 8, 0));
}

TEST_F(WorkingCalendarTest, AddFromFridaySkipsWeekendAndMondayHoliday) {
  const WorkingCalendar calendar =
      MakeCalendar(DefaultOfficeHours(), {absl::CivilDay(2024, 3, 11)});
  EXPECT_EQ(calendar.AddWorkingTime(At(2024, 3, 8, 13, 30), absl::Minutes(60)),
            At(2024, 3, 12, 8, 0));
}

TEST_F(WorkingCalendarTest, AddStartingOnHolidayBeginsAtNextWorkingDay) {
  const WorkingCalendar calendar =
      MakeCalendar(DefaultOfficeHours(), {absl::CivilDay(2024, 3, 11)});
  EXPECT_EQ(calendar.AddWorkingTime(At(2024, 3, 11, 9, 0), absl::Minutes(60)),
            At(2024, 3, 12, 8, 30));
}

TEST_F(WorkingCalendarTest, AddStartingAtNightBeginsAtNextOpening) {
  EXPECT_EQ(office_->AddWorkingTime(At(2024, 3, 4, 22, 0), absl::Minutes(60)),
            At(2024, 3, 5, 8, 30));
  EXPECT_EQ(office_->AddWorkingTime(At(2024, 3, 5, 3, 15), absl::Minutes(60)),
            At(2024, 3, 5, 8, 30));
  EXPECT_EQ(
      office_->AddWorkingTime(At(2024, 3, 5, 7, 29, 59), absl::Minutes(60)),
      At(2024, 3, 5, 8, 30));
}

TEST_F(WorkingCalendarTest, AddStartingOnWeekendBeginsOnMonday) {
  EXPECT_EQ(office_->AddWorkingTime(At(2024, 3, 9, 10, 0), absl::Minutes(60)),
            At(2024, 3, 11, 8, 30));
  EXPECT_EQ(office_->AddWorkingTime(At(2024, 3, 10, 23, 59), absl::Minutes(60)),
            At(2024, 3, 11, 8, 30));
  // Friday after closing counts as the weekend too.
  EXPECT_EQ(office_->AddWorkingTime(At(2024, 3, 8, 14, 0), absl::Minutes(60)),
            At(2024, 3, 11, 8, 30));
}

TEST_F(WorkingCalendarTest, AddZeroOrNegativeAmountReturnsStart) {
  for (absl::Time start :
       {At(2024, 3, 4, 9, 0), At(2024, 3, 9, 10, 0), At(2024, 3, 4, 22, 0)}) {
    EXPECT_EQ(office_->AddWorkingTime(start, absl::ZeroDuration()), start);
    EXPECT_EQ(office_->AddWorkingTime(start, absl::Minutes(-60)), start);
    EXPECT_EQ(office_->AddWorkingTime(start, -absl::InfiniteDuration()), start);
  }
}

TEST_F(WorkingCalendarTest, AddKeepsSubSecondPrecision) {
  const absl::Duration frac = absl::Milliseconds(250) + absl::Nanoseconds(7);
  EXPECT_EQ(
      office_->AddWorkingTime(At(2024, 3, 4, 9, 0) + frac, absl::Minutes(60)),
      At(2024, 3, 4, 10, 0) + frac);
  // 30.5 seconds remain on Monday, the rest is counted from Tuesday 07:30.
  EXPECT_EQ(office_->AddWorkingTime(
                At(2024, 3, 4, 15, 29, 29) + absl::Milliseconds(500),
                absl::Minutes(60)),
            At(2024, 3, 5, 8, 29, 29) + absl::Milliseconds(500));
  EXPECT_EQ(office_->AddWorkingTime(At(2024, 3, 4, 9, 0),
                                    absl::Minutes(60) + absl::Microseconds(3)),
            At(2024, 3, 4, 10, 0) + absl::Microseconds(3));
}

TEST_F(WorkingCalendarTest, AddInfiniteAmountOrStartTerminates) {
  EXPECT_EQ(
      office_->AddWorkingTime(At(2024, 3, 4, 9, 0), absl::InfiniteDuration()),
      absl::InfiniteFuture());
  EXPECT_EQ(office_->AddWorkingTime(absl::InfiniteFuture(), absl::Hours(1)),
            absl::InfiniteFuture());
  EXPECT_EQ(office_->AddWorkingTime(absl::InfinitePast(), absl::Hours(1)),
            absl::InfinitePast());
}

TEST_F(WorkingCalendarTest, AddReturnsInfiniteFutureWhenNoOpeningWithin3Years) {
  // Open on Mondays only, and every Monday for four years is a holiday.
  std::vector<absl::CivilDay> holidays;
  for (absl::CivilDay d(2024, 3, 4); d < absl::CivilDay(2028, 3, 6); d += 7) {
    holidays.push_back(d);
  }
  const WorkingCalendar calendar =
      MakeCalendar({{Weekday::monday, Hm(8, 0), Hm(9, 0)}}, holidays);
  EXPECT_EQ(calendar.AddWorkingTime(At(2024, 3, 4, 8, 0), absl::Minutes(1)),
            absl::InfiniteFuture());
  // The first Monday after the holidays is reachable from late 2025 on.
  EXPECT_EQ(calendar.AddWorkingTime(At(2025, 12, 1, 0, 0), absl::Minutes(1)),
            At(2028, 3, 6, 8, 1));
}

TEST_F(WorkingCalendarTest, AddReturnsInfiniteFutureForAmountsBeyond3Years) {
  const WorkingCalendar always = MakeCalendar(AllDayEveryDay(), {});
  const absl::Time start = At(2024, 3, 4, 9, 0);
  EXPECT_EQ(always.AddWorkingTime(start, absl::Hours(24 * 365 * 2)),
            At(2026, 3, 4, 9, 0));
  EXPECT_EQ(always.AddWorkingTime(start, absl::Hours(24 * 365 * 4)),
            absl::InfiniteFuture());
}

TEST_F(WorkingCalendarTest, WorkingTimeBetweenIsInverseOfAdd) {
  const WorkingCalendar calendar =
      MakeCalendar(DefaultOfficeHours(),
                   {absl::CivilDay(2024, 3, 11), absl::CivilDay(2024, 4, 10),
                    absl::CivilDay(2024, 4, 11)});
  const absl::Time starts[] = {
      At(2024, 3, 4, 9, 0),
      At(2024, 3, 4, 15, 0),
      At(2024, 3, 8, 13, 30),
      At(2024, 3, 9, 10, 0),
      At(2024, 3, 11, 9, 0),
      At(2024, 4, 9, 15, 12, 7) + absl::Nanoseconds(123456789),
      At(2024, 3, 4, 22, 0) + absl::Milliseconds(1),
  };
  const absl::Duration amounts[] = {
      absl::Nanoseconds(1), absl::Minutes(1),
      absl::Minutes(60),    absl::Hours(8),
      absl::Hours(20),      absl::Hours(38) + absl::Minutes(30),
      absl::Hours(500),     absl::Seconds(12345) + absl::Milliseconds(678),
  };
  for (absl::Time start : starts) {
    for (absl::Duration amount : amounts) {
      const absl::Time end = calendar.AddWorkingTime(start, amount);
      ASSERT_NE(end, absl::InfiniteFuture());
      EXPECT_GT(end, start);
      EXPECT_EQ(calendar.WorkingTimeBetween(start, end), amount)
          << "start " << start << " amount " << amount;
    }
  }
}

TEST_F(WorkingCalendarTest, WorkingTimeBetweenWithinOneDay) {
  EXPECT_EQ(
      office_->WorkingTimeBetween(At(2024, 3, 4, 9, 0), At(2024, 3, 4, 10, 15)),
      absl::Minutes(75));
  // Only the part inside opening hours counts.
  EXPECT_EQ(
      office_->WorkingTimeBetween(At(2024, 3, 4, 6, 0), At(2024, 3, 4, 20, 0)),
      absl::Hours(8));
}

TEST_F(WorkingCalendarTest, WorkingTimeBetweenAcrossHolidayAndWeekend) {
  const WorkingCalendar calendar =
      MakeCalendar(DefaultOfficeHours(),
                   {absl::CivilDay(2024, 3, 8), absl::CivilDay(2024, 3, 9)});
  // Thursday 15:00-15:30, Friday holiday, weekend (a holiday on a Saturday
  // changes nothing), Monday all day, Tuesday 07:30-08:30.
  EXPECT_EQ(calendar.WorkingTimeBetween(At(2024, 3, 7, 15, 0),
                                        At(2024, 3, 12, 8, 30)),
            absl::Hours(9) + absl::Minutes(30));
  // Without the holiday, Friday adds 6.5 hours.
  EXPECT_EQ(office_->WorkingTimeBetween(At(2024, 3, 7, 15, 0),
                                        At(2024, 3, 12, 8, 30)),
            absl::Hours(16));
}

TEST_F(WorkingCalendarTest, WorkingTimeBetweenIsZeroWhenToIsNotAfterFrom) {
  const absl::Time t = At(2024, 3, 4, 9, 0);
  EXPECT_EQ(office_->WorkingTimeBetween(t, t), absl::ZeroDuration());
  EXPECT_EQ(office_->WorkingTimeBetween(t + absl::Hours(1), t),
            absl::ZeroDuration());
  EXPECT_EQ(
      office_->WorkingTimeBetween(absl::InfiniteFuture(), absl::InfinitePast()),
      absl::ZeroDuration());
}

TEST_F(WorkingCalendarTest, WorkingTimeBetweenOutsideHoursIsZero) {
  EXPECT_EQ(office_->WorkingTimeBetween(At(2024, 3, 8, 14, 0),
                                        At(2024, 3, 11, 7, 30)),
            absl::ZeroDuration());
}

TEST_F(WorkingCalendarTest, WorkingTimeBetweenInfiniteEndsIsInfinite) {
  const absl::Time t = At(2024, 3, 4, 9, 0);
  EXPECT_EQ(office_->WorkingTimeBetween(t, absl::InfiniteFuture()),
            absl::InfiniteDuration());
  EXPECT_EQ(office_->WorkingTimeBetween(absl::InfinitePast(), t),
            absl::InfiniteDuration());
}

TEST_F(WorkingCalendarTest, WorkingTimeBetweenWholeWeeksOfAYear) {
  // 52 weeks from Monday 1 January 2024: 4 x 8h + 6.5h = 38.5h a week.
  EXPECT_EQ(
      office_->WorkingTimeBetween(At(2024, 1, 1, 0, 0), At(2024, 12, 30, 0, 0)),
      absl::Hours(52 * 38) + absl::Minutes(52 * 30));
  // Nyepi (Monday, 8h) and Idul Fitri (Wednesday and Thursday, 16h) removed.
  const WorkingCalendar calendar =
      MakeCalendar(DefaultOfficeHours(),
                   {absl::CivilDay(2024, 3, 11), absl::CivilDay(2024, 4, 10),
                    absl::CivilDay(2024, 4, 11)});
  EXPECT_EQ(
      calendar.WorkingTimeBetween(At(2024, 1, 1, 0, 0), At(2024, 12, 30, 0, 0)),
      absl::Hours(52 * 38 - 24) + absl::Minutes(52 * 30));
}

// Independent day-by-day reference for a zone with a constant UTC offset.
absl::Duration ReferenceBetween(const std::vector<WorkingHours>& hours,
                                const std::vector<absl::CivilDay>& holidays,
                                absl::TimeZone tz, absl::Time from,
                                absl::Time to) {
  absl::Duration total;
  for (absl::CivilDay day = absl::CivilDay(absl::ToCivilSecond(from, tz));
       day <= absl::CivilDay(absl::ToCivilSecond(to, tz)); ++day) {
    bool holiday = false;
    for (absl::CivilDay h : holidays) holiday = holiday || h == day;
    if (holiday) continue;
    for (const WorkingHours& h : hours) {
      if (h.weekday != absl::GetWeekday(day)) continue;
      const absl::Time open = std::max(
          from,
          absl::FromCivil(absl::CivilSecond(day) + h.open_minute * 60, tz));
      const absl::Time close = std::min(
          to,
          absl::FromCivil(absl::CivilSecond(day) + h.close_minute * 60, tz));
      if (open < close) total += close - open;
    }
  }
  return total;
}

TEST_F(WorkingCalendarTest, WorkingTimeBetweenLongSpansMatchDayByDayCount) {
  const std::vector<WorkingHours> hours = {
      {Weekday::monday, Hm(7, 30), Hm(12, 0)},
      {Weekday::monday, Hm(13, 0), Hm(15, 30)},
      {Weekday::wednesday, Hm(0, 0), Hm(24, 0)},
      {Weekday::thursday, Hm(0, 0), Hm(1, 0)},
      {Weekday::saturday, Hm(9, 15), Hm(10, 45)},
  };
  const std::vector<absl::CivilDay> holidays = {
      absl::CivilDay(2024, 3, 11), absl::CivilDay(2024, 4, 10),
      absl::CivilDay(2025, 1, 1), absl::CivilDay(2025, 1, 2),
      absl::CivilDay(2026, 8, 17)};
  const WorkingCalendar calendar = MakeCalendar(hours, holidays);
  const std::pair<absl::Time, absl::Time> spans[] = {
      {At(2023, 12, 31, 23, 59, 59), At(2027, 2, 3, 0, 30)},
      {At(2024, 3, 4, 12, 30) + absl::Nanoseconds(5),
       At(2024, 3, 25, 12, 30) - absl::Nanoseconds(5)},
      {At(2024, 2, 28, 0, 0), At(2024, 3, 14, 0, 0)},
      {At(2025, 1, 1, 0, 0), At(2026, 1, 1, 0, 0)},
  };
  for (const auto& [from, to] : spans) {
    EXPECT_EQ(calendar.WorkingTimeBetween(from, to),
              ReferenceBetween(hours, holidays, jakarta_, from, to))
        << from << " .. " << to;
  }
}

TEST_F(WorkingCalendarTest, WorkingTimeBetweenVeryLongSpanIsFast) {
  const WorkingCalendar always = MakeCalendar(AllDayEveryDay(), {});
  const absl::Time from = At(1970, 1, 1, 0, 0) + absl::Nanoseconds(1);
  const absl::Time to = At(100000, 1, 1, 0, 0);
  EXPECT_EQ(always.WorkingTimeBetween(from, to), to - from);
}

TEST(WorkingCalendarZoneTest, CountsAbsoluteTimeAcrossDaylightSavingChanges) {
  const absl::TimeZone new_york = MustLoadZone("America/New_York");
  absl::StatusOr<WorkingCalendar> always =
      WorkingCalendar::Create(new_york, AllDayEveryDay(), {});
  ASSERT_TRUE(always.ok()) << always.status();
  auto at = [&](int y, int mo, int d, int h) {
    return absl::FromCivil(absl::CivilSecond(y, mo, d, h, 0, 0), new_york);
  };
  // Clocks spring forward on Sunday 10 March 2024 and fall back on Sunday
  // 3 November 2024.
  EXPECT_EQ(always->WorkingTimeBetween(at(2024, 3, 9, 0), at(2024, 3, 11, 0)),
            absl::Hours(47));
  EXPECT_EQ(always->WorkingTimeBetween(at(2024, 11, 2, 0), at(2024, 11, 4, 0)),
            absl::Hours(49));
  const absl::Time from = at(2019, 6, 5, 13) + absl::Milliseconds(17);
  const absl::Time to = at(2027, 2, 1, 4) - absl::Microseconds(9);
  EXPECT_EQ(always->WorkingTimeBetween(from, to), to - from);
  EXPECT_EQ(always->AddWorkingTime(at(2024, 3, 9, 12), absl::Hours(24)),
            at(2024, 3, 10, 13));

  // A holiday on the short day removes 23 hours.
  absl::StatusOr<WorkingCalendar> with_holiday = WorkingCalendar::Create(
      new_york, AllDayEveryDay(), {absl::CivilDay(2024, 3, 10)});
  ASSERT_TRUE(with_holiday.ok()) << with_holiday.status();
  EXPECT_EQ(with_holiday->WorkingTimeBetween(from, to),
            to - from - absl::Hours(23));
}

TEST_F(WorkingCalendarTest, IsOpenInsideHoursOnWorkingDaysOnly) {
  const WorkingCalendar calendar =
      MakeCalendar(DefaultOfficeHours(), {absl::CivilDay(2024, 3, 11)});
  EXPECT_TRUE(calendar.IsOpen(At(2024, 3, 4, 7, 30)));
  EXPECT_TRUE(calendar.IsOpen(At(2024, 3, 4, 12, 0)));
  EXPECT_TRUE(calendar.IsOpen(At(2024, 3, 4, 15, 30) - absl::Nanoseconds(1)));
  EXPECT_FALSE(calendar.IsOpen(At(2024, 3, 4, 15, 30)));
  EXPECT_FALSE(calendar.IsOpen(At(2024, 3, 4, 7, 30) - absl::Nanoseconds(1)));
  EXPECT_TRUE(calendar.IsOpen(At(2024, 3, 8, 13, 59)));
  EXPECT_FALSE(calendar.IsOpen(At(2024, 3, 8, 14, 0)));   // Friday closes
  EXPECT_FALSE(calendar.IsOpen(At(2024, 3, 9, 10, 0)));   // Saturday
  EXPECT_FALSE(calendar.IsOpen(At(2024, 3, 11, 10, 0)));  // Nyepi
  EXPECT_FALSE(calendar.IsOpen(absl::InfiniteFuture()));
  EXPECT_FALSE(calendar.IsOpen(absl::InfinitePast()));
}

TEST_F(WorkingCalendarTest, TwoIntervalDayWithLunchBreakWorks) {
  // Given out of order on purpose.
  const WorkingCalendar calendar =
      MakeCalendar({{Weekday::monday, Hm(13, 0), Hm(16, 0)},
                    {Weekday::monday, Hm(7, 30), Hm(12, 0)}},
                   {});
  EXPECT_EQ(calendar.AddWorkingTime(At(2024, 3, 4, 11, 30), absl::Minutes(60)),
            At(2024, 3, 4, 13, 30));
  EXPECT_EQ(calendar.AddWorkingTime(At(2024, 3, 4, 12, 15), absl::Minutes(60)),
            At(2024, 3, 4, 14, 0));
  EXPECT_EQ(calendar.AddWorkingTime(At(2024, 3, 4, 7, 30), absl::Minutes(270)),
            At(2024, 3, 4, 12, 0));
  // 07:30-12:00 and 13:00-16:00 make 7.5 hours; the rest is next Monday.
  EXPECT_EQ(calendar.AddWorkingTime(At(2024, 3, 4, 7, 30), absl::Hours(8)),
            At(2024, 3, 11, 8, 0));
  EXPECT_EQ(calendar.WorkingTimeBetween(At(2024, 3, 4, 11, 30),
                                        At(2024, 3, 4, 13, 30)),
            absl::Minutes(60));
  EXPECT_TRUE(calendar.IsOpen(At(2024, 3, 4, 11, 59)));
  EXPECT_FALSE(calendar.IsOpen(At(2024, 3, 4, 12, 30)));
  EXPECT_TRUE(calendar.IsOpen(At(2024, 3, 4, 13, 0)));
}

TEST_F(WorkingCalendarTest, TouchingIntervalsAreAcceptedAndContinuous) {
  const WorkingCalendar calendar =
      MakeCalendar({{Weekday::monday, Hm(7, 30), Hm(12, 0)},
                    {Weekday::monday, Hm(12, 0), Hm(15, 30)}},
                   {});
  EXPECT_EQ(calendar.AddWorkingTime(At(2024, 3, 4, 11, 30), absl::Minutes(60)),
            At(2024, 3, 4, 12, 30));
  EXPECT_TRUE(calendar.IsOpen(At(2024, 3, 4, 12, 0)));
}

TEST_F(WorkingCalendarTest, IntervalEndingAtMidnightJoinsNextDay) {
  const WorkingCalendar calendar =
      MakeCalendar({{Weekday::monday, Hm(22, 0), Hm(24, 0)},
                    {Weekday::tuesday, Hm(0, 0), Hm(2, 0)}},
                   {});
  EXPECT_EQ(calendar.AddWorkingTime(At(2024, 3, 4, 23, 0), absl::Hours(2)),
            At(2024, 3, 5, 1, 0));
  EXPECT_TRUE(calendar.IsOpen(At(2024, 3, 5, 0, 0)));
  EXPECT_FALSE(calendar.IsOpen(At(2024, 3, 5, 2, 0)));
}

TEST_F(WorkingCalendarTest, CreateRejectsOverlappingIntervals) {
  const absl::StatusOr<WorkingCalendar> calendar =
      WorkingCalendar::Create(jakarta_,
                              {{Weekday::tuesday, Hm(7, 30), Hm(12, 0)},
                               {Weekday::tuesday, Hm(11, 0), Hm(15, 30)}},
                              {});
  ASSERT_EQ(calendar.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(calendar.status().message(),
            "working_hours: intervals overlap on Tuesday: [07:30, 12:00) and "
            "[11:00, 15:30)");
}

TEST_F(WorkingCalendarTest, CreateRejectsIdenticalIntervals) {
  const absl::StatusOr<WorkingCalendar> calendar = WorkingCalendar::Create(
      jakarta_, {DefaultOfficeHours()[0], DefaultOfficeHours()[0]}, {});
  ASSERT_EQ(calendar.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(calendar.status().message().find("overlap on Monday"),
            absl::string_view::npos)
      << calendar.status();
}

TEST_F(WorkingCalendarTest, CreateAcceptsSameIntervalOnDifferentDays) {
  EXPECT_TRUE(WorkingCalendar::Create(jakarta_,
                                      {{Weekday::monday, Hm(8, 0), Hm(9, 0)},
                                       {Weekday::tuesday, Hm(8, 0), Hm(9, 0)}},
                                      {})
                  .ok());
}

TEST_F(WorkingCalendarTest, CreateRejectsCloseNotAfterOpen) {
  for (int close : {Hm(7, 30), Hm(7, 0)}) {
    const absl::StatusOr<WorkingCalendar> calendar = WorkingCalendar::Create(
        jakarta_, {{Weekday::monday, Hm(7, 30), close}}, {});
    ASSERT_EQ(calendar.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(calendar.status().message(),
              "working_hours: entry 0 (Monday): close_minute " +
                  std::to_string(close) +
                  " must be greater than open_minute 450 and at most 1440");
  }
}

TEST_F(WorkingCalendarTest, CreateRejectsMinutesOutOfRange) {
  const std::vector<WorkingHours> bad[] = {
      {{Weekday::friday, -1, Hm(8, 0)}},
      {{Weekday::friday, 1440, 1440}},
      {{Weekday::friday, Hm(8, 0), 1441}},
      {{static_cast<Weekday>(7), Hm(8, 0), Hm(9, 0)}},
  };
  for (const std::vector<WorkingHours>& hours : bad) {
    const absl::StatusOr<WorkingCalendar> calendar =
        WorkingCalendar::Create(jakarta_, hours, {});
    ASSERT_EQ(calendar.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(calendar.status().message().rfind("working_hours: ", 0), 0u)
        << calendar.status();
  }
}

TEST_F(WorkingCalendarTest, CreateRejectsCalendarWithNoOpenings) {
  const absl::StatusOr<WorkingCalendar> calendar =
      WorkingCalendar::Create(jakarta_, {}, {absl::CivilDay(2024, 3, 11)});
  ASSERT_EQ(calendar.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(calendar.status().message(),
            "working_hours: at least one opening interval is required");
}

TEST_F(WorkingCalendarTest, CreateRejectsZeroLengthOnlyCalendar) {
  const absl::StatusOr<WorkingCalendar> calendar =
      WorkingCalendar::Create(jakarta_,
                              {{Weekday::monday, Hm(8, 0), Hm(8, 0)},
                               {Weekday::tuesday, Hm(8, 0), Hm(8, 0)}},
                              {});
  EXPECT_EQ(calendar.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(WorkingCalendarTest, DuplicateAndUnsortedHolidaysAreAccepted) {
  const WorkingCalendar calendar =
      MakeCalendar(DefaultOfficeHours(),
                   {absl::CivilDay(2024, 4, 11), absl::CivilDay(2024, 3, 11),
                    absl::CivilDay(2024, 4, 11), absl::CivilDay(2024, 4, 10)});
  EXPECT_FALSE(calendar.IsOpen(At(2024, 3, 11, 9, 0)));
  EXPECT_FALSE(calendar.IsOpen(At(2024, 4, 10, 9, 0)));
  EXPECT_FALSE(calendar.IsOpen(At(2024, 4, 11, 9, 0)));
  EXPECT_TRUE(calendar.IsOpen(At(2024, 4, 12, 9, 0)));
}

}  // namespace
}  // namespace aduan::domain
