#include "common/logging.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <string>

#include "absl/strings/str_cat.h"

namespace aduan {

absl::Status InitLogging(absl::string_view level) {
  const std::string name(level);
  const spdlog::level::level_enum parsed = spdlog::level::from_str(name);
  if (parsed == spdlog::level::off && name != "off") {
    return absl::InvalidArgumentError(absl::StrCat(
        "log_level: must be one of trace, debug, info, warn, error, off"));
  }
  auto logger = spdlog::stderr_logger_mt("aduan");
  spdlog::set_default_logger(logger);
  // RFC 3339 in UTC, e.g. 2026-11-28T07:45:12.345678Z.
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%fZ %l %v",
                      spdlog::pattern_time_type::utc);
  spdlog::set_level(parsed);
  spdlog::flush_on(spdlog::level::info);
  return absl::OkStatus();
}

}  // namespace aduan
