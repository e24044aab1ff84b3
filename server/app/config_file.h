// aduand's configuration file: the same settings as the flags, one per line
// as `name = value` (`#` starts a comment), read alike by every command.
// Precedence, highest first: the command line, the ADUAN_* environment
// variable named in each flag's help, the configuration file, the built-in
// default. Which file: `--config=PATH` on the command line, else
// $ADUAN_CONFIG, else kDefaultConfigFile when it exists.
#ifndef ADUAN_SERVER_APP_CONFIG_FILE_H_
#define ADUAN_SERVER_APP_CONFIG_FILE_H_

#include <string>

#include "absl/status/status.h"

namespace aduan::app {

inline constexpr char kDefaultConfigFile[] = "/etc/aduan/aduand.conf";

struct ConfigChoice {
  std::string path;       // empty: none
  bool required = false;  // named explicitly: a missing file is an error
};

// The configuration file of this run, from the raw command line (read
// before the flags are parsed, since the file sets flags).
ConfigChoice ChooseConfigFile(int argc, char** argv);

// Sets the flags `choice.path` names, each unless its ADUAN_* variable is
// set. Only aduand's own settings (those `aduand --help` lists), not
// `config`. Errors: kNotFound (a required file is missing),
// kInvalidArgument naming the file and line (no `=`, an unknown setting, a
// value the setting does not take, a setting given twice).
absl::Status ApplyConfigFile(const ConfigChoice& choice);

}  // namespace aduan::app

#endif  // ADUAN_SERVER_APP_CONFIG_FILE_H_
