#include "common/test_clock.h"

#include <filesystem>
#include <fstream>
#include <string>

#include "common/clock.h"
#include "gtest/gtest.h"

namespace aduan {
namespace {

// 2026-12-07 10:00 WIB (Monday) = 03:00 UTC.
const absl::Time kMonday10Wib = absl::FromUnixSeconds(1796612400);
const absl::Time kRealStart = absl::FromUnixSeconds(1700000000);

class TestClockTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("test_clock_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    offset_file_ = (dir_ / "offset").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void WriteOffset(const std::string& text) {
    std::ofstream(offset_file_) << text;
  }

  std::filesystem::path dir_;
  std::string offset_file_;
  FakeClock real_{kRealStart};
};

TEST_F(TestClockTest, NoPinIsTheRealTime) {
  auto clock = TestClock::Create("", "", real_);
  ASSERT_TRUE(clock.ok()) << clock.status();
  EXPECT_EQ((*clock)->Now(), kRealStart);
  real_.Advance(absl::Minutes(3));
  EXPECT_EQ((*clock)->Now(), kRealStart + absl::Minutes(3));
}

TEST_F(TestClockTest, FrozenStandsStill) {
  auto clock = TestClock::Create("frozen@2026-12-07T10:00:00+07:00", "", real_);
  ASSERT_TRUE(clock.ok()) << clock.status();
  EXPECT_EQ((*clock)->Now(), kMonday10Wib);
  real_.Advance(absl::Hours(5));
  EXPECT_EQ((*clock)->Now(), kMonday10Wib);
}

TEST_F(TestClockTest, RunningStartsAtTheMomentAndRunsOn) {
  auto clock = TestClock::Create("running@2026-12-07T03:00:00Z", "", real_);
  ASSERT_TRUE(clock.ok()) << clock.status();
  EXPECT_EQ((*clock)->Now(), kMonday10Wib);
  real_.Advance(absl::Seconds(90));
  EXPECT_EQ((*clock)->Now(), kMonday10Wib + absl::Seconds(90));
}

TEST_F(TestClockTest, OffsetFileMovesEveryBase) {
  auto real = TestClock::Create("", offset_file_, real_);
  auto frozen =
      TestClock::Create("frozen@2026-12-07T03:00:00Z", offset_file_, real_);
  ASSERT_TRUE(real.ok() && frozen.ok());
  // No file yet: no offset.
  EXPECT_EQ((*frozen)->Offset(), absl::ZeroDuration());
  WriteOffset("3600\n");
  EXPECT_EQ((*real)->Now(), kRealStart + absl::Hours(1));
  EXPECT_EQ((*frozen)->Now(), kMonday10Wib + absl::Hours(1));
  WriteOffset("-60");
  EXPECT_EQ((*frozen)->Now(), kMonday10Wib - absl::Minutes(1));
  WriteOffset("not a number");
  EXPECT_EQ((*frozen)->Now(), kMonday10Wib);
}

TEST_F(TestClockTest, MalformedPinIsRefusedByName) {
  for (const char* pin :
       {"2026-12-07T03:00:00Z", "stopped@2026-12-07T03:00:00Z",
        "frozen@2026-12-07", "running@", "frozen@infinite-future"}) {
    auto clock = TestClock::Create(pin, "", real_);
    ASSERT_FALSE(clock.ok()) << pin;
    EXPECT_EQ(clock.status().code(), absl::StatusCode::kInvalidArgument) << pin;
    EXPECT_NE(
        clock.status().message().find(std::string("--testing_clock=") + pin),
        std::string::npos)
        << clock.status();
  }
}

TEST_F(TestClockTest, DescribeSaysWhatItDoes) {
  auto clock =
      TestClock::Create("running@2026-12-07T03:00:00Z", offset_file_, real_);
  ASSERT_TRUE(clock.ok());
  EXPECT_EQ((*clock)->Describe(),
            "running from 2026-12-07T03:00:00+00:00, plus the offset in " +
                offset_file_);
}

}  // namespace
}  // namespace aduan
