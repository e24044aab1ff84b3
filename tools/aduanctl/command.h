// The command table of aduanctl: what a command is, its flags, how its
// arguments are parsed, and what it gets to run.
#ifndef ADUAN_TOOLS_ADUANCTL_COMMAND_H_
#define ADUAN_TOOLS_ADUANCTL_COMMAND_H_

#include <google/protobuf/descriptor.h>
#include <google/protobuf/timestamp.pb.h>

#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "aduan/client/client.h"

namespace aduan::ctl {

// A flag of a command: `--name=value` or `--name value` when value_name is
// set, else a switch `--name`. Flags marked repeated may be given many times.
struct Flag {
  std::string name;
  std::string value_name;
  std::string help;
  bool repeated = false;
};

// The parsed command line of one command.
class Args {
 public:
  // Positional arguments, in order.
  const std::vector<std::string>& positional() const { return positional_; }
  // Whether the flag was given.
  bool Has(const std::string& name) const;
  // The flag's last value, or `fallback` when absent.
  std::string Get(const std::string& name,
                  const std::string& fallback = "") const;
  // Every value of a repeated flag, in order.
  std::vector<std::string> GetAll(const std::string& name) const;
  // A required flag's value. Errors: INVALID_ARGUMENT naming the flag.
  absl::StatusOr<std::string> Require(const std::string& name) const;

  // Parses `argv` against `flags`. Errors: INVALID_ARGUMENT (unknown flag,
  // missing value, a repeated single flag).
  static absl::StatusOr<Args> Parse(const std::vector<std::string>& argv,
                                    const std::vector<Flag>& flags);

 private:
  std::vector<std::string> positional_;
  std::map<std::string, std::vector<std::string>> values_;
};

// What a command runs with.
struct Context {
  client::Client& client;
  const Args& args;
  bool json;
  std::ostream& out;
};

// Usage errors (exit code 1) are INVALID_ARGUMENT statuses carrying this
// payload; every other status is an error from the client or server.
absl::Status UsageError(std::string message);
bool IsUsageError(const absl::Status& status);

// One command: `aduanctl <name> <arguments> [flags]`.
struct Command {
  // One or two words, e.g. `verify` or `principals create`.
  std::string name;
  // The positional arguments, e.g. `<tracking-code>`; their count is the
  // number of `<…>` words.
  std::string arguments;
  // One line for the command list.
  std::string summary;
  // More text for `--help` (may be empty).
  std::string details;
  std::vector<Flag> flags;
  std::function<absl::Status(Context&)> run;
  // Commands that need no connection (none yet) set this false.
  bool needs_client = true;
};

// Number of `<…>` words in `arguments`.
int PositionalCount(const Command& command);

// The flags every mutation accepts: --etag (where `with_etag`) and
// --request-id.
std::vector<Flag> MutationFlags(bool with_etag = true);

// Parses an enum value of `descriptor` by name (case-insensitive) for
// `--flag`. Errors: a usage error listing the accepted names.
absl::StatusOr<int> ParseEnum(
    const google::protobuf::EnumDescriptor* descriptor, const std::string& flag,
    const std::string& text);

// Parses an RFC 3339 time (`2026-12-01T10:00:00+07:00`) for `--flag`.
absl::StatusOr<google::protobuf::Timestamp> ParseTimestamp(
    const std::string& flag, const std::string& text);

// Parses a whole number for `--flag`.
absl::StatusOr<int64_t> ParseInt(const std::string& flag,
                                 const std::string& text);

// Prints `aduanctl <name> --help`.
void PrintCommandHelp(const Command& command, std::ostream& out);

}  // namespace aduan::ctl

#endif  // ADUAN_TOOLS_ADUANCTL_COMMAND_H_
