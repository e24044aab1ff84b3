#include "server/domain/office_directory.h"

#include <spdlog/spdlog.h>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "common/status_macros.h"

namespace aduan::domain {
namespace {

// The office with its calendar. Errors: kInvalidArgument naming the field.
absl::StatusOr<OfficeConfig> Build(model::OfficeRecord record) {
  absl::TimeZone tz;
  if (!absl::LoadTimeZone(record.time_zone, &tz)) {
    return absl::InvalidArgumentError(
        "office.time_zone: must be an IANA time zone such as Asia/Jakarta");
  }
  std::vector<absl::CivilDay> holidays;
  for (const auto& h : record.holidays) {
    absl::CivilDay day;
    if (!absl::ParseCivilTime(h.day, &day)) {
      return absl::InvalidArgumentError(
          "office.holidays: date must be YYYY-MM-DD");
    }
    holidays.push_back(day);
  }
  std::vector<WorkingHours> hours;
  for (const auto& w : record.working_hours) {
    // ISO weekday 1 = Monday … 7 = Sunday.
    static constexpr absl::Weekday kDays[] = {
        absl::Weekday::monday,    absl::Weekday::tuesday,
        absl::Weekday::wednesday, absl::Weekday::thursday,
        absl::Weekday::friday,    absl::Weekday::saturday,
        absl::Weekday::sunday};
    if (w.weekday < 1 || w.weekday > 7) {
      return absl::InvalidArgumentError(
          "office.working_hours: weekday must be 1 (Monday) … 7 (Sunday)");
    }
    hours.push_back({kDays[w.weekday - 1], w.open_minute, w.close_minute});
  }
  auto calendar =
      WorkingCalendar::Create(tz, std::move(hours), std::move(holidays));
  if (!calendar.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("office.", calendar.status().message()));
  }
  return OfficeConfig{std::move(record), *std::move(calendar)};
}

}  // namespace

const model::CategoryRecord* OfficeConfig::FindCategory(
    const std::string& code) const {
  for (const auto& c : record.categories) {
    if (c.code == code) return &c;
  }
  return nullptr;
}

const std::string* OfficeConfig::FindKelurahan(const std::string& name) const {
  for (const auto& k : record.kelurahan) {
    if (absl::EqualsIgnoreCase(k, name)) return &k;
  }
  return nullptr;
}

void OfficeDirectory::Invalidate(const std::string& code) {
  absl::MutexLock lock(&mu_);
  cache_.erase(code);
}

absl::Status OfficeDirectory::Check(const model::OfficeRecord& record) {
  return Build(record).status();
}

absl::StatusOr<std::shared_ptr<const OfficeConfig>> OfficeDirectory::Get(
    absl::Time deadline, const std::string& code) {
  const absl::Time now = clock_.Now();
  {
    absl::MutexLock lock(&mu_);
    auto it = cache_.find(code);
    if (it != cache_.end() && now - it->second.loaded < ttl_) {
      return it->second.config;
    }
  }
  ASSIGN_OR_RETURN(model::OfficeRecord record, offices_.Get(deadline, code));
  absl::StatusOr<OfficeConfig> built = Build(std::move(record));
  if (!built.ok()) {
    // Stored configuration that does not build is the server's problem.
    spdlog::error("office {} has an invalid configuration: {}", code,
                  built.status().ToString());
    return absl::InternalError("office configuration is invalid");
  }
  OfficeConfig config = *std::move(built);
  auto shared = std::make_shared<const OfficeConfig>(std::move(config));
  absl::MutexLock lock(&mu_);
  cache_[code] = Entry{shared, now};
  return shared;
}

}  // namespace aduan::domain
