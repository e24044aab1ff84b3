#include "server/domain/sla_clock.h"

#include "common/clock.h"
#include "tests/test_util.h"

namespace aduan::domain {
namespace {

class SlaClockTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(absl::LoadTimeZone("Asia/Jakarta", &tz_));
    auto cal = WorkingCalendar::Create(tz_, DefaultOfficeHours(), {});
    ASSERT_TRUE(cal.ok()) << cal.status();
    calendar_ = std::make_unique<WorkingCalendar>(*cal);
    clock_.target_us = 60LL * 60 * 1000000;
  }
  absl::Time At(int y, int m, int d, int hh, int mm) {
    return absl::FromCivil(absl::CivilMinute(y, m, d, hh, mm), tz_);
  }

  absl::TimeZone tz_;
  std::unique_ptr<WorkingCalendar> calendar_;
  model::SlaClockRecord clock_;
};

// 2026-11-30 is a Monday.
TEST_F(SlaClockTest, StartSetsDueAndRiskInWorkingTime) {
  StartSlaClock(clock_, At(2026, 11, 30, 15, 0), *calendar_);
  // 30 minutes today until 15:30, 30 more from 07:30 Tuesday.
  EXPECT_EQ(absl::FromUnixMicros(*clock_.due), At(2026, 12, 1, 8, 0));
  // 80% = 48 minutes: 30 today + 18 tomorrow.
  EXPECT_EQ(absl::FromUnixMicros(*clock_.at_risk), At(2026, 12, 1, 7, 48));
}

TEST_F(SlaClockTest, ViewReportsOnTimeAtRiskAndBreached) {
  StartSlaClock(clock_, At(2026, 11, 30, 9, 0), *calendar_);
  SlaView v = ViewSlaClock(clock_, At(2026, 11, 30, 9, 30), *calendar_);
  EXPECT_EQ(v.status, SlaStatus::kOnTime);
  EXPECT_FALSE(v.paused);
  EXPECT_EQ(v.used, absl::Minutes(30));
  EXPECT_EQ(*v.due, At(2026, 11, 30, 10, 0));
  EXPECT_EQ(ViewSlaClock(clock_, At(2026, 11, 30, 9, 50), *calendar_).status,
            SlaStatus::kAtRisk);
  EXPECT_EQ(ViewSlaClock(clock_, At(2026, 11, 30, 10, 0), *calendar_).status,
            SlaStatus::kBreached);
}

TEST_F(SlaClockTest, PauseKeepsUsedTimeAndResumeUsesTheRest) {
  StartSlaClock(clock_, At(2026, 11, 30, 9, 0), *calendar_);
  StopSlaClock(clock_, At(2026, 11, 30, 9, 40), *calendar_);
  SlaView paused = ViewSlaClock(clock_, At(2026, 11, 30, 14, 0), *calendar_);
  EXPECT_TRUE(paused.paused);
  EXPECT_FALSE(paused.due.has_value());
  EXPECT_EQ(paused.used, absl::Minutes(40));
  EXPECT_EQ(paused.status, SlaStatus::kOnTime);
  StartSlaClock(clock_, At(2026, 12, 1, 10, 0), *calendar_);
  EXPECT_EQ(absl::FromUnixMicros(*clock_.due), At(2026, 12, 1, 10, 20));
  // 80% (48 min) was not reached yet: 8 more minutes.
  EXPECT_EQ(absl::FromUnixMicros(*clock_.at_risk), At(2026, 12, 1, 10, 8));
}

TEST_F(SlaClockTest, StoppingLateRecordsBreach) {
  StartSlaClock(clock_, At(2026, 11, 30, 9, 0), *calendar_);
  StopSlaClock(clock_, At(2026, 11, 30, 11, 0), *calendar_);
  EXPECT_TRUE(clock_.breached);
  EXPECT_EQ(clock_.used_us, 120LL * 60 * 1000000);
  EXPECT_EQ(ViewSlaClock(clock_, At(2026, 12, 5, 9, 0), *calendar_).status,
            SlaStatus::kBreached);
}

TEST_F(SlaClockTest, NeverStartedClockIsUnspecifiedAndPaused) {
  model::SlaClockRecord resolution;
  SlaView v = ViewSlaClock(resolution, At(2026, 11, 30, 9, 0), *calendar_);
  EXPECT_EQ(v.status, SlaStatus::kUnspecified);
  EXPECT_TRUE(v.paused);
  EXPECT_EQ(v.used, absl::ZeroDuration());
}

}  // namespace
}  // namespace aduan::domain
