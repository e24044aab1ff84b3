#include "common/test_clock.h"

#include <fstream>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace aduan {

absl::StatusOr<std::unique_ptr<TestClock>> TestClock::Create(
    absl::string_view pin, std::string offset_file, const Clock& real) {
  Base base = Base::kReal;
  absl::Time moment = absl::InfinitePast();
  if (!pin.empty()) {
    const size_t at = pin.find('@');
    const absl::string_view kind = pin.substr(0, at);
    if (at == absl::string_view::npos ||
        (kind != "frozen" && kind != "running")) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--testing_clock=", pin,
          ": expected frozen@<RFC 3339 time> or running@<RFC 3339 time>"));
    }
    base = kind == "frozen" ? Base::kFrozen : Base::kRunning;
    std::string error;
    if (!absl::ParseTime(absl::RFC3339_full, pin.substr(at + 1), &moment,
                         &error) ||
        moment == absl::InfinitePast() || moment == absl::InfiniteFuture()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--testing_clock=", pin,
                       ": not an RFC 3339 time (e.g. "
                       "2026-12-07T10:00:00+07:00): ",
                       error));
    }
  }
  return std::unique_ptr<TestClock>(
      new TestClock(base, moment, std::move(offset_file), real));
}

TestClock::TestClock(Base base, absl::Time moment, std::string offset_file,
                     const Clock& real)
    : base_(base),
      moment_(moment),
      start_(real.Now()),
      offset_file_(std::move(offset_file)),
      real_(real) {}

absl::Duration TestClock::Offset() const {
  if (offset_file_.empty()) return absl::ZeroDuration();
  std::ifstream in(offset_file_);
  long long seconds = 0;
  if (!(in >> seconds)) return absl::ZeroDuration();
  return absl::Seconds(seconds);
}

absl::Time TestClock::Now() const {
  absl::Time base = moment_;
  switch (base_) {
    case Base::kReal:
      base = real_.Now();
      break;
    case Base::kFrozen:
      break;
    case Base::kRunning:
      base = moment_ + (real_.Now() - start_);
      break;
  }
  return base + Offset();
}

std::string TestClock::Describe() const {
  std::string text;
  switch (base_) {
    case Base::kReal:
      text = "real time";
      break;
    case Base::kFrozen:
      text = absl::StrCat("frozen at ", absl::FormatTime(moment_));
      break;
    case Base::kRunning:
      text = absl::StrCat("running from ", absl::FormatTime(moment_));
      break;
  }
  if (!offset_file_.empty()) {
    absl::StrAppend(&text, ", plus the offset in ", offset_file_);
  }
  return text;
}

}  // namespace aduan
