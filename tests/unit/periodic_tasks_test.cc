// PeriodicTasks: each task at its interval, in order on one thread, a first
// run held back by `first_after`, and a Stop that returns without waiting
// out an interval.
#include "server/app/periodic_tasks.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <string>
#include <vector>

namespace aduan::app {
namespace {

TEST(PeriodicTasksTest, RunsEachTaskRepeatedlyInOrder) {
  std::mutex mu;
  std::vector<std::string> runs;
  std::atomic<int> fast{0};
  PeriodicTasks tasks;
  tasks.Add("a", absl::Milliseconds(20), absl::ZeroDuration(), [&] {
    std::lock_guard<std::mutex> lock(mu);
    runs.push_back("a");
  });
  tasks.Add("b", absl::Milliseconds(20), absl::ZeroDuration(), [&] {
    std::lock_guard<std::mutex> lock(mu);
    runs.push_back("b");
    ++fast;
  });
  tasks.Start();
  // However busy the machine, three rounds come within a minute.
  const absl::Time give_up = absl::Now() + absl::Minutes(1);
  while (fast < 3 && absl::Now() < give_up)
    absl::SleepFor(absl::Milliseconds(5));
  tasks.Stop();
  std::lock_guard<std::mutex> lock(mu);
  ASSERT_GE(runs.size(), 6u);
  EXPECT_EQ(runs[0], "a");  // in the order added
  EXPECT_EQ(runs[1], "b");
}

TEST(PeriodicTasksTest, FirstRunWaitsAndStopDoesNotWaitOutTheInterval) {
  std::atomic<int> early{0};
  std::atomic<int> now{0};
  PeriodicTasks tasks;
  tasks.Add("later", absl::Hours(1), absl::Hours(1), [&] { ++early; });
  tasks.Add("now", absl::Hours(1), absl::ZeroDuration(), [&] { ++now; });
  tasks.Start();
  const absl::Time give_up = absl::Now() + absl::Minutes(1);
  while (now == 0 && absl::Now() < give_up)
    absl::SleepFor(absl::Milliseconds(5));
  const absl::Time before = absl::Now();
  tasks.Stop();
  EXPECT_LT(absl::Now() - before, absl::Seconds(30));
  EXPECT_EQ(now, 1);
  EXPECT_EQ(early, 0);
  tasks.Stop();  // twice is fine
}

TEST(PeriodicTasksTest, StopWithoutStartReturns) {
  PeriodicTasks tasks;
  tasks.Add("never", absl::Seconds(1), absl::ZeroDuration(), [] {});
  tasks.Stop();
}

}  // namespace
}  // namespace aduan::app
