#include "tools/aduanctl/command.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace aduan::ctl {
namespace {

constexpr char kUsagePayload[] = "aduanctl/usage";

const Flag* Find(const std::vector<Flag>& flags, absl::string_view name) {
  for (const Flag& f : flags) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

}  // namespace

absl::Status UsageError(std::string message) {
  absl::Status status = absl::InvalidArgumentError(std::move(message));
  status.SetPayload(kUsagePayload, absl::Cord("1"));
  return status;
}

bool IsUsageError(const absl::Status& status) {
  return status.GetPayload(kUsagePayload).has_value();
}

bool Args::Has(const std::string& name) const {
  return values_.count(name) > 0;
}

std::string Args::Get(const std::string& name,
                      const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second.back();
}

std::vector<std::string> Args::GetAll(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>() : it->second;
}

absl::StatusOr<std::string> Args::Require(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.back().empty()) {
    return UsageError(absl::StrCat("--", name, " is required"));
  }
  return it->second.back();
}

absl::StatusOr<Args> Args::Parse(const std::vector<std::string>& argv,
                                 const std::vector<Flag>& flags) {
  Args args;
  bool only_positional = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (only_positional || !absl::StartsWith(arg, "--") || arg == "-") {
      args.positional_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      continue;
    }
    std::string name = arg.substr(2);
    std::optional<std::string> value;
    const size_t eq = name.find('=');
    if (eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    const Flag* flag = Find(flags, name);
    if (flag == nullptr)
      return UsageError(absl::StrCat("unknown flag --", name));
    if (flag->value_name.empty()) {
      if (value.has_value() && *value != "true" && *value != "false") {
        return UsageError(absl::StrCat("--", name, " takes no value"));
      }
      if (value.has_value() && *value == "false") continue;
      value = "true";
    } else if (!value.has_value()) {
      if (i + 1 >= argv.size()) {
        return UsageError(absl::StrCat("--", name, " needs a value (",
                                       flag->value_name, ")"));
      }
      value = argv[++i];
    }
    std::vector<std::string>& values = args.values_[name];
    if (!values.empty() && !flag->repeated && !flag->value_name.empty()) {
      return UsageError(absl::StrCat("--", name, " given twice"));
    }
    values.push_back(*value);
  }
  return args;
}

absl::StatusOr<int> ParseEnum(
    const google::protobuf::EnumDescriptor* descriptor, const std::string& flag,
    const std::string& text) {
  const google::protobuf::EnumValueDescriptor* value =
      descriptor->FindValueByName(absl::AsciiStrToUpper(text));
  if (value != nullptr && value->number() != 0) return value->number();
  std::vector<std::string> names;
  for (int i = 0; i < descriptor->value_count(); ++i) {
    if (descriptor->value(i)->number() != 0) {
      names.push_back(descriptor->value(i)->name());
    }
  }
  return UsageError(absl::StrCat("--", flag, ": \"", text, "\" is not one of ",
                                 absl::StrJoin(names, ", ")));
}

absl::StatusOr<google::protobuf::Timestamp> ParseTimestamp(
    const std::string& flag, const std::string& text) {
  absl::Time t;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, text, &t, &error)) {
    return UsageError(absl::StrCat(
        "--", flag, ": expected a time like 2026-12-01T10:00:00+07:00"));
  }
  google::protobuf::Timestamp ts;
  ts.set_seconds(absl::ToUnixSeconds(t));
  ts.set_nanos(static_cast<int32_t>((t - absl::FromUnixSeconds(ts.seconds())) /
                                    absl::Nanoseconds(1)));
  return ts;
}

absl::StatusOr<int64_t> ParseInt(const std::string& flag,
                                 const std::string& text) {
  int64_t n = 0;
  if (!absl::SimpleAtoi(text, &n)) {
    return UsageError(absl::StrCat("--", flag, ": expected a whole number"));
  }
  return n;
}

int PositionalCount(const Command& command) {
  return static_cast<int>(
      std::count(command.arguments.begin(), command.arguments.end(), '<'));
}

std::vector<Flag> MutationFlags(bool with_etag) {
  std::vector<Flag> flags;
  if (with_etag) {
    flags.push_back({"etag", "ETAG",
                     "the complaint's etag as last read; if it changed since, "
                     "the step is refused with ABORTED"});
  }
  flags.push_back({"request-id", "ID",
                   "idempotency key (default: a fresh UUID); repeating a "
                   "command with the same id returns the first result"});
  return flags;
}

void PrintCommandHelp(const Command& command, std::ostream& out) {
  out << "Usage: aduanctl " << command.name;
  if (!command.arguments.empty()) out << " " << command.arguments;
  out << " [flags]\n\n" << command.summary << "\n";
  if (!command.details.empty()) out << "\n" << command.details << "\n";
  if (!command.flags.empty()) {
    out << "\nFlags:\n";
    for (const Flag& f : command.flags) {
      std::string left = "  --" + f.name;
      if (!f.value_name.empty()) left += "=" + f.value_name;
      if (f.repeated) left += " (repeatable)";
      out << left << "\n      " << f.help << "\n";
    }
  }
  out << "\nGlobal flags (see aduanctl --help): --addr, --token, --ca, "
         "--cert, --key, --timeout, --json.\n";
}

}  // namespace aduan::ctl
