#include "server/app/periodic_tasks.h"

#include <algorithm>
#include <utility>

namespace aduan::app {

PeriodicTasks::~PeriodicTasks() { Stop(); }

void PeriodicTasks::Add(std::string name, absl::Duration every,
                        absl::Duration first_after, std::function<void()> run) {
  tasks_.push_back(
      {std::move(name), every, absl::Now() + first_after, std::move(run)});
}

void PeriodicTasks::Start() {
  thread_ = std::thread([this] { Loop(); });
}

void PeriodicTasks::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PeriodicTasks::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    absl::Time wake = absl::InfiniteFuture();
    for (Task& t : tasks_) {
      if (stopping_) return;
      if (absl::Now() >= t.next) {
        lock.unlock();
        t.run();
        lock.lock();
        t.next = absl::Now() + t.every;
      }
      wake = std::min(wake, t.next);
    }
    if (wake == absl::InfiniteFuture()) {
      cv_.wait(lock, [this] { return stopping_; });
    } else {
      cv_.wait_until(lock, absl::ToChronoTime(wake),
                     [this] { return stopping_; });
    }
  }
}

}  // namespace aduan::app
