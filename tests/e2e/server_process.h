// ServerProcess runs aduand as a child process on a free loopback port, for
// end-to-end tests over real sockets.
#ifndef ADUAN_TESTS_E2E_SERVER_PROCESS_H_
#define ADUAN_TESTS_E2E_SERVER_PROCESS_H_

#include <grpcpp/grpcpp.h>
#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

namespace aduan::testing {

// When the environment names a pinned moment (ADUAN_TEST_CLOCK, as
// tools/test.sh --at sets it: frozen@<time> or running@<time>), every start
// passes it to aduand as --testing_clock, so the server's time is that
// moment. A running clock starts at that moment with the first aduand this
// test program starts; every later one (a restart, a second server) goes on
// from where that clock has got to, so the servers share one timeline that
// never goes back.
class ServerProcess {
 public:
  // `workdir` holds the log and port file; `args` are extra flags.
  ServerProcess(std::string workdir, std::vector<std::string> args);
  ~ServerProcess();  // kills the process if still running

  // Starts aduand and waits until it reports its port and (unless
  // `until_serving` is false) health answers SERVING. Returns false (with
  // the log printed) when it does not.
  bool Start(bool until_serving = true);
  // Sends `signal` and waits for exit; returns the exit status as from
  // waitpid (or -1).
  int Stop(int signal);
  // Runs `aduand <command> <args…>` to completion; returns its exit code.
  static int RunCommand(const std::string& workdir, const std::string& command,
                        const std::vector<std::string>& args);

  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
  // Channels use these credentials (default: plaintext).
  void set_channel_credentials(std::shared_ptr<grpc::ChannelCredentials> c) {
    credentials_ = std::move(c);
  }
  std::shared_ptr<grpc::Channel> Channel() const;
  std::string ReadLog() const;
  pid_t pid() const { return pid_; }

 private:
  std::string workdir_;
  std::vector<std::string> args_;
  pid_t pid_ = -1;
  int port_ = 0;
  int starts_ = 0;
  std::shared_ptr<grpc::ChannelCredentials> credentials_ =
      grpc::InsecureChannelCredentials();
};

}  // namespace aduan::testing

#endif  // ADUAN_TESTS_E2E_SERVER_PROCESS_H_
