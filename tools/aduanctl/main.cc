// aduanctl: the staff and administrators' command-line tool for aduand,
// built on the C++ client library. `aduanctl --help` lists the commands.
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "aduan/client/client.h"
#include "tools/aduanctl/admin_commands.h"
#include "tools/aduanctl/command.h"
#include "tools/aduanctl/workflow_commands.h"

namespace aduan::ctl {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 1;
constexpr int kExitError = 2;

std::vector<Flag> GlobalFlags() {
  return {
      {"addr", "HOST:PORT",
       "server address (default: $ADUAN_ADDR, else "
       "127.0.0.1:50051)"},
      {"token", "TOKEN", "bearer token (default: $ADUAN_TOKEN)"},
      {"ca", "FILE", "CA certificate of the server: use TLS ($ADUAN_CA_FILE)"},
      {"cert", "FILE", "client certificate for mTLS ($ADUAN_CLIENT_CERT)"},
      {"key", "FILE", "client key for mTLS ($ADUAN_CLIENT_KEY)"},
      {"tls-server-name", "NAME",
       "host name expected in the server "
       "certificate"},
      {"timeout", "SECONDS", "deadline of each attempt (default 30)"},
      {"attempts", "N",
       "attempts on UNAVAILABLE / DEADLINE_EXCEEDED "
       "(default 4)"},
      {"json", "", "print the server's response as JSON (lowerCamelCase)"},
      {"help", "", "show help"},
  };
}

void PrintHelp(const std::vector<Command>& commands, std::ostream& out) {
  out << "Usage: aduanctl <command> [arguments] [flags]\n\n"
         "The staff and admin tool of Aduan (complaints of the kecamatan).\n\n"
         "Commands:\n";
  size_t width = 0;
  for (const Command& c : commands) {
    width = std::max(width, c.name.size() + 1 + c.arguments.size());
  }
  for (const Command& c : commands) {
    std::string left = c.name;
    if (!c.arguments.empty()) left += " " + c.arguments;
    out << "  " << left << std::string(width - left.size() + 2, ' ')
        << c.summary << "\n";
  }
  out << "\nGlobal flags:\n";
  for (const Flag& f : GlobalFlags()) {
    std::string left = "  --" + f.name;
    if (!f.value_name.empty()) left += "=" + f.value_name;
    out << left << "\n      " << f.help << "\n";
  }
  out << "\nEnvironment: ADUAN_ADDR, ADUAN_TOKEN, ADUAN_OFFICE (default office "
         "code, else KNG),\nADUAN_CA_FILE, ADUAN_CLIENT_CERT, "
         "ADUAN_CLIENT_KEY; flags override them.\n\n"
         "Exit status: 0 success; 1 usage error (unknown command or flag, "
         "missing\nargument); 2 error from the server or the connection, "
         "printed as\n`aduanctl: <CODE>: <message>` (e.g. FAILED_PRECONDITION "
         "when the state does\nnot allow the step, ABORTED for a stale "
         "--etag).\n\n"
         "Run `aduanctl <command> --help` for a command's flags.\n";
}

// Prints the commands of `group` (e.g. `principals`), as `aduanctl principals
// --help` shows them. Returns false, printing nothing, when no command is in
// the group.
bool PrintGroupHelp(const std::vector<Command>& commands,
                    const std::string& group, std::ostream& out) {
  const std::string prefix = group + " ";
  bool any = false;
  for (const Command& c : commands) {
    if (c.name.rfind(prefix, 0) != 0) continue;
    if (!any) {
      out << "Usage: aduanctl " << group
          << " <command> [arguments] [flags]\n\nCommands of " << group << ":\n";
    }
    any = true;
    out << "  aduanctl " << c.name;
    if (!c.arguments.empty()) out << " " << c.arguments;
    out << "\n      " << c.summary << "\n";
  }
  if (any) {
    out << "\nRun `aduanctl " << group
        << " <command> --help` for a command's flags.\n";
  }
  return any;
}

bool IsGlobalValueFlag(const std::string& arg) {
  for (const Flag& f : GlobalFlags()) {
    if (!f.value_name.empty() && arg == "--" + f.name) return true;
  }
  return false;
}

int Fail(const absl::Status& status, const std::string& command) {
  if (IsUsageError(status)) {
    std::cerr << "aduanctl: " << status.message() << "\n";
    if (!command.empty()) {
      std::cerr << "Run 'aduanctl " << command << " --help' for usage.\n";
    }
    return kExitUsage;
  }
  std::cerr << "aduanctl: " << absl::StatusCodeToString(status.code()) << ": "
            << status.message() << "\n";
  return kExitError;
}

absl::StatusOr<client::ClientOptions> Options(const Args& args) {
  client::ClientOptions options = client::ClientOptions::FromEnvironment();
  options.address = args.Get("addr", options.address);
  options.token = args.Get("token", options.token);
  options.tls_root_ca_file = args.Get("ca", options.tls_root_ca_file);
  options.tls_client_cert_file = args.Get("cert", options.tls_client_cert_file);
  options.tls_client_key_file = args.Get("key", options.tls_client_key_file);
  options.tls_server_name = args.Get("tls-server-name");
  if (args.Has("timeout")) {
    double seconds = 0;
    if (!absl::SimpleAtod(args.Get("timeout"), &seconds) || seconds <= 0) {
      return UsageError("--timeout: expected a positive number of seconds");
    }
    options.default_deadline = absl::Seconds(seconds);
  }
  if (args.Has("attempts")) {
    absl::StatusOr<int64_t> n = ParseInt("attempts", args.Get("attempts"));
    if (!n.ok()) return n.status();
    options.retry.max_attempts = static_cast<int>(*n);
  }
  return options;
}

int Run(int argc, char** argv) {
  std::vector<Command> commands;
  AddWorkflowCommands(commands);
  AddAdminCommands(commands);

  std::vector<std::string> all(argv + 1, argv + argc);
  // The command's words: the first one or two words that are not flags or
  // values of global flags.
  std::vector<size_t> words;
  for (size_t i = 0; i < all.size() && words.size() < 2; ++i) {
    if (all[i] == "--") break;
    if (all[i].rfind("--", 0) == 0) {
      if (IsGlobalValueFlag(all[i])) ++i;
      continue;
    }
    words.push_back(i);
  }
  const Command* command = nullptr;
  std::set<size_t> used;
  if (words.size() == 2) {
    const std::string two = all[words[0]] + " " + all[words[1]];
    for (const Command& c : commands) {
      if (c.name == two) command = &c, used = {words[0], words[1]};
    }
  }
  if (command == nullptr && !words.empty()) {
    for (const Command& c : commands) {
      if (c.name == all[words[0]]) command = &c, used = {words[0]};
    }
  }
  const bool help = std::find(all.begin(), all.end(), "--help") != all.end();
  if (command == nullptr) {
    if (words.empty()) {
      PrintHelp(commands, help ? std::cout : std::cerr);
      return help ? kExitOk : kExitUsage;
    }
    // A group name (`aduanctl principals`): list its commands, on stdout
    // for `aduanctl principals --help`, else as a usage error.
    const bool group_help = help && words.size() == 1;
    if (PrintGroupHelp(commands, all[words[0]],
                       group_help ? std::cout : std::cerr)) {
      return group_help ? kExitOk : kExitUsage;
    }
    std::cerr << "aduanctl: unknown command \"" << all[words[0]]
              << "\"; run 'aduanctl --help' for the list\n";
    return kExitUsage;
  }
  if (help) {
    PrintCommandHelp(*command, std::cout);
    return kExitOk;
  }
  std::vector<std::string> rest;
  for (size_t i = 0; i < all.size(); ++i) {
    if (used.count(i) == 0) rest.push_back(all[i]);
  }
  std::vector<Flag> flags = command->flags;
  for (const Flag& f : GlobalFlags()) flags.push_back(f);
  absl::StatusOr<Args> args = Args::Parse(rest, flags);
  if (!args.ok()) return Fail(args.status(), command->name);
  const int want = PositionalCount(*command);
  if (static_cast<int>(args->positional().size()) != want) {
    return Fail(
        UsageError(absl::StrCat(
            command->name, " takes ", want, " argument", want == 1 ? "" : "s",
            command->arguments.empty() ? "" : ": ", command->arguments,
            "; got ", args->positional().size())),
        command->name);
  }
  absl::StatusOr<client::ClientOptions> options = Options(*args);
  if (!options.ok()) return Fail(options.status(), command->name);
  absl::StatusOr<std::unique_ptr<client::Client>> client =
      client::Client::Create(*options);
  if (!client.ok()) return Fail(client.status(), "");
  Context ctx{**client, *args, args->Has("json"), std::cout};
  absl::Status status = command->run(ctx);
  std::cout.flush();
  if (!status.ok()) return Fail(status, command->name);
  return kExitOk;
}

}  // namespace
}  // namespace aduan::ctl

int main(int argc, char** argv) { return aduan::ctl::Run(argc, argv); }
