// Background work of a server on one thread: each task runs at its own
// interval (first after `first_after`), one at a time, in the order added;
// Stop() wakes the thread and waits for the task that is running.
#ifndef ADUAN_SERVER_APP_PERIODIC_TASKS_H_
#define ADUAN_SERVER_APP_PERIODIC_TASKS_H_

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace aduan::app {

class PeriodicTasks {
 public:
  PeriodicTasks() = default;
  // Stops (see Stop).
  ~PeriodicTasks();
  PeriodicTasks(const PeriodicTasks&) = delete;
  PeriodicTasks& operator=(const PeriodicTasks&) = delete;

  // Before Start. A task must return within about its interval and must
  // not throw.
  void Add(std::string name, absl::Duration every, absl::Duration first_after,
           std::function<void()> run);
  // Starts the thread.
  void Start();
  // No task starts after this returns; waits for the one running. Safe to
  // call twice.
  void Stop();

 private:
  struct Task {
    std::string name;
    absl::Duration every;
    absl::Time next;
    std::function<void()> run;
  };
  void Loop();

  std::vector<Task> tasks_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace aduan::app

#endif  // ADUAN_SERVER_APP_PERIODIC_TASKS_H_
