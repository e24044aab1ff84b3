#include "tests/e2e/server_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "grpc/health/v1/health.grpc.pb.h"

namespace aduan::testing {
namespace {

pid_t Spawn(const std::string& workdir, const std::vector<std::string>& argv,
            const std::string& log) {
  const pid_t pid = fork();
  if (pid != 0) return pid;
  // Child: a fresh signal mask, output to the log, run in workdir.
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  dup2(fd, 1);
  dup2(fd, 2);
  if (chdir(workdir.c_str()) != 0) _exit(126);
  std::vector<char*> args;
  for (const std::string& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  execv(args[0], args.data());
  _exit(127);
}

// The --testing_clock flag of a start now, empty when nothing is pinned.
std::string PinnedClockFlag() {
  static const absl::Time first_start = absl::Now();
  const char* env = std::getenv("ADUAN_TEST_CLOCK");
  const std::string pin = env != nullptr ? env : "";
  if (pin.empty()) return "";
  constexpr absl::string_view kRunning = "running@";
  absl::Time moment;
  if (!absl::StartsWith(pin, kRunning) ||
      !absl::ParseTime(absl::RFC3339_full, pin.substr(kRunning.size()), &moment,
                       nullptr)) {
    return "--testing_clock=" + pin;  // frozen (or malformed: aduand says so)
  }
  return absl::StrCat("--testing_clock=running@",
                      absl::FormatTime(moment + (absl::Now() - first_start)));
}

}  // namespace

ServerProcess::ServerProcess(std::string workdir, std::vector<std::string> args)
    : workdir_(std::move(workdir)), args_(std::move(args)) {}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) Stop(SIGKILL);
}

bool ServerProcess::Start(bool until_serving) {
  const std::string port_file = workdir_ + "/port." + std::to_string(++starts_);
  std::remove(port_file.c_str());
  port_ = 0;
  std::vector<std::string> argv = {ADUAN_BINARY, "serve",
                                   "--listen=127.0.0.1:0",
                                   "--port_file=" + port_file};
  if (std::string pin = PinnedClockFlag(); !pin.empty()) {
    argv.push_back(std::move(pin));
  }
  argv.insert(argv.end(), args_.begin(), args_.end());
  pid_ = Spawn(workdir_, argv, workdir_ + "/aduand.log");
  const auto give_up =
      std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < give_up) {
    std::ifstream in(port_file);
    if (in >> port_) break;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      std::cerr << "aduand exited early:\n" << ReadLog();
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (port_ == 0) {
    std::cerr << "aduand did not report a port:\n" << ReadLog();
    return false;
  }
  if (!until_serving) return true;
  auto stub = grpc::health::v1::Health::NewStub(Channel());
  while (std::chrono::steady_clock::now() < give_up) {
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() +
                     std::chrono::seconds(2));
    grpc::health::v1::HealthCheckRequest req;
    grpc::health::v1::HealthCheckResponse resp;
    if (stub->Check(&ctx, req, &resp).ok() &&
        resp.status() == grpc::health::v1::HealthCheckResponse::SERVING) {
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::cerr << "aduand never became healthy:\n" << ReadLog();
  return false;
}

int ServerProcess::Stop(int signal) {
  if (pid_ <= 0) return -1;
  kill(pid_, signal);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return status;
}

int ServerProcess::RunCommand(const std::string& workdir,
                              const std::string& command,
                              const std::vector<std::string>& args) {
  std::vector<std::string> argv = {ADUAN_BINARY, command};
  argv.insert(argv.end(), args.begin(), args.end());
  const pid_t pid = Spawn(workdir, argv, workdir + "/commands.log");
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::shared_ptr<grpc::Channel> ServerProcess::Channel() const {
  return grpc::CreateChannel(address(), credentials_);
}

std::string ServerProcess::ReadLog() const {
  std::ifstream in(workdir_ + "/aduand.log");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace aduan::testing
