#include "server/app/config_file.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "absl/flags/reflection.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "server/app/options.h"

namespace aduan::app {
namespace {

// Whether the environment sets `flag`: the variable its help names as
// "(env ADUAN_…)", when it has one.
bool SetByEnvironment(const absl::CommandLineFlag& flag) {
  const std::string env =
      absl::StrCat("ADUAN_", absl::AsciiStrToUpper(flag.Name()));
  if (!absl::StrContains(flag.Help(), absl::StrCat("env ", env))) return false;
  const char* value = std::getenv(env.c_str());
  return value != nullptr && *value != '\0';
}

}  // namespace

ConfigChoice ChooseConfigFile(int argc, char** argv) {
  ConfigChoice choice;
  for (int i = 1; i < argc; ++i) {
    const absl::string_view arg = argv[i];
    if (arg == "--") break;
    for (absl::string_view prefix : {"--config=", "-config="}) {
      if (absl::StartsWith(arg, prefix)) {
        choice = {std::string(arg.substr(prefix.size())), true};
      }
    }
    if ((arg == "--config" || arg == "-config") && i + 1 < argc) {
      choice = {argv[++i], true};
    }
  }
  if (choice.required) return choice;
  if (const char* env = std::getenv("ADUAN_CONFIG");
      env != nullptr && *env != '\0') {
    return {env, true};
  }
  std::error_code ec;
  if (std::filesystem::exists(kDefaultConfigFile, ec)) {
    return {kDefaultConfigFile, false};
  }
  return {};
}

absl::Status ApplyConfigFile(const ConfigChoice& choice) {
  if (choice.path.empty()) return absl::OkStatus();
  std::ifstream in(choice.path);
  if (!in) {
    if (!choice.required) return absl::OkStatus();
    return absl::NotFoundError(
        absl::StrCat("--config=", choice.path, ": cannot read the file"));
  }
  std::set<std::string> seen;
  std::string raw;
  for (int number = 1; std::getline(in, raw); ++number) {
    auto bad = [&](absl::string_view why) {
      return absl::InvalidArgumentError(
          absl::StrCat(choice.path, " line ", number, ": ", why));
    };
    absl::string_view line = raw;
    if (const size_t hash = line.find('#'); hash != line.npos) {
      line = line.substr(0, hash);
    }
    line = absl::StripAsciiWhitespace(line);
    if (line.empty()) continue;
    const size_t eq = line.find('=');
    if (eq == line.npos) return bad("expected `name = value`");
    const std::string name(absl::StripAsciiWhitespace(line.substr(0, eq)));
    const absl::string_view value =
        absl::StripAsciiWhitespace(line.substr(eq + 1));
    absl::CommandLineFlag* flag = absl::FindCommandLineFlag(name);
    if (flag == nullptr || name == "config" ||
        !absl::EndsWith(flag->Filename(), kFlagsFile)) {
      return bad(absl::StrCat("unknown setting `", name,
                              "` (the settings are the flags of "
                              "`aduand --help`)"));
    }
    if (!seen.insert(name).second) {
      return bad(absl::StrCat("`", name, "` is set twice"));
    }
    if (SetByEnvironment(*flag)) continue;  // it wins over the file
    std::string error;
    if (!flag->ParseFrom(value, &error)) {
      return bad(absl::StrCat("`", name, "`: ", error));
    }
  }
  return absl::OkStatus();
}

}  // namespace aduan::app
