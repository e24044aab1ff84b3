// Process-wide logging on spdlog: one line per record, RFC 3339 UTC times,
// to stderr. Never pass NIK, KK numbers, phone numbers or tokens to a log
// call; log tracking codes and principal names instead.
#ifndef ADUAN_COMMON_LOGGING_H_
#define ADUAN_COMMON_LOGGING_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace aduan {

// Sets the pattern and level ("trace", "debug", "info", "warn", "error",
// "off"). Errors: kInvalidArgument for an unknown level.
absl::Status InitLogging(absl::string_view level);

}  // namespace aduan

#endif  // ADUAN_COMMON_LOGGING_H_
