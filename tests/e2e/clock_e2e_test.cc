// End to end: the server's clock is the moment the test run pinned
// (ADUAN_TEST_CLOCK, tools/test.sh --at), or the real time when none is
// pinned, and a fresh complaint's service clock runs or stands still as
// Kanigaran's office hours at that moment require. tools/test.sh runs this
// first in every pass, so a pass whose moment did not take effect fails
// before its other tests run.
//
// The expectations come from the complaint's own create_time (the server's
// now) and the office hours written out below, independently of the
// server's working calendar.
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <thread>

#include "absl/strings/match.h"
#include "absl/time/civil_time.h"
#include "tests/e2e/workflow_fixture.h"

namespace aduan {
namespace {

// Kanigaran's week (WIB): Monday–Thursday 07:30–15:30, Friday 07:30–14:00.
struct Hours {
  absl::CivilMinute open;
  absl::CivilMinute close;
};
std::optional<Hours> HoursOf(absl::CivilDay day) {
  const absl::Weekday w = absl::GetWeekday(day);
  if (w == absl::Weekday::saturday || w == absl::Weekday::sunday) {
    return std::nullopt;
  }
  const absl::CivilMinute start(day);
  return Hours{start + (7 * 60 + 30),
               start + (w == absl::Weekday::friday ? 14 * 60 : 15 * 60 + 30)};
}

class KanigaranWeek {
 public:
  KanigaranWeek() { EXPECT_TRUE(absl::LoadTimeZone("Asia/Jakarta", &wib_)); }

  bool IsOpen(absl::Time t) const {
    const absl::CivilSecond s = absl::ToCivilSecond(t, wib_);
    const std::optional<Hours> h = HoursOf(absl::CivilDay(s));
    return h && s >= absl::CivilSecond(h->open) &&
           s < absl::CivilSecond(h->close);
  }
  // `t` plus `d` of working time.
  absl::Time AddWorkingTime(absl::Time t, absl::Duration d) const {
    for (absl::CivilDay day = absl::ToCivilDay(t, wib_);; ++day) {
      const std::optional<Hours> h = HoursOf(day);
      if (!h) continue;
      const absl::Time open = std::max(t, absl::FromCivil(h->open, wib_));
      const absl::Time close = absl::FromCivil(h->close, wib_);
      if (open >= close) continue;
      if (open + d <= close) return open + d;
      d -= close - open;
    }
  }
  std::string Format(absl::Time t) const {
    return absl::FormatTime("%A %Y-%m-%d %H:%M:%S WIB", t, wib_);
  }

 private:
  absl::TimeZone wib_;
};

class ClockE2eTest : public testing::WorkflowFixture {};

TEST_P(ClockE2eTest,
       TheServersMomentIsThePinnedOneAndTheServiceClockFollowsIt) {
  const char* env = std::getenv("ADUAN_TEST_CLOCK");
  const std::string pin = env != nullptr ? env : "";
  const bool frozen = absl::StartsWith(pin, "frozen@");
  const auto [code, pin_code] = Submit();
  ASSERT_FALSE(code.empty());
  const v1::Complaint first = Get(code);
  const absl::Time created =
      absl::FromUnixSeconds(first.create_time().seconds()) +
      absl::Nanoseconds(first.create_time().nanos());
  const KanigaranWeek week;

  if (!pin.empty()) {
    absl::Time moment;
    std::string error;
    ASSERT_TRUE(absl::ParseTime(absl::RFC3339_full,
                                pin.substr(pin.find('@') + 1), &moment, &error))
        << "ADUAN_TEST_CLOCK=" << pin << ": " << error;
    // The first server of this test started at the moment; submitting took
    // seconds since (a minute at most on a loaded machine).
    EXPECT_GE(created, moment) << week.Format(created);
    EXPECT_LE(created,
              moment + (frozen ? absl::ZeroDuration() : absl::Minutes(1)))
        << week.Format(created);
  } else {
    // The real time: the submission happened within the last minute here.
    EXPECT_LE(created, absl::Now());
    EXPECT_GE(created, absl::Now() - absl::Minutes(1));
  }

  // The service standard's 60 minutes, counted in working time from the
  // submission.
  const absl::Time due =
      absl::FromUnixSeconds(first.service_sla().due_time().seconds()) +
      absl::Nanoseconds(first.service_sla().due_time().nanos());
  const absl::Time expected_due = week.AddWorkingTime(created, absl::Hours(1));
  EXPECT_LE(absl::AbsDuration(due - expected_due), absl::Seconds(1))
      << "due " << week.Format(due) << ", expected "
      << week.Format(expected_due);
  EXPECT_FALSE(first.service_sla().paused());
  EXPECT_EQ(first.service_sla().status(), v1::SlaClock::ON_TIME);

  // Two seconds later the clock has counted them if the office was open all
  // along, and nothing if it was closed all along (a moment at an opening
  // or closing edge checks only the due time).
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  const v1::Complaint later = Get(code);
  const absl::Duration used =
      absl::Seconds(later.service_sla().used().seconds()) +
      absl::Nanoseconds(later.service_sla().used().nanos());
  const bool open_at_start = week.IsOpen(created);
  const bool open_after = week.IsOpen(created + absl::Seconds(10));
  std::cout << "server's moment: " << week.Format(created) << " ("
            << (pin.empty() ? "real time" : pin) << "); office "
            << (open_at_start ? "open" : "closed") << "; service clock used "
            << absl::FormatDuration(used) << " after 2.1 s; due "
            << week.Format(due) << "\n";
  if (frozen || (!open_at_start && !open_after)) {
    EXPECT_EQ(used, absl::ZeroDuration()) << "the clock ran while it should "
                                             "stand still";
  } else if (open_at_start && open_after) {
    EXPECT_GE(used, absl::Seconds(2))
        << "the clock stood still in office hours";
    EXPECT_LT(used, absl::Minutes(2));
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ClockE2eTest,
                         ::testing::Values("sqlite", "mysql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace aduan
