#include "server/domain/office_admin.h"

#include <spdlog/spdlog.h>

#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "server/domain/validation.h"

namespace aduan::domain {
namespace {

absl::Status Invalid(absl::string_view field, absl::string_view rule) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", rule));
}

bool IsCode(const std::string& s, size_t min, size_t max, bool allow_digits) {
  if (s.size() < min || s.size() > max) return false;
  for (char c : s) {
    if (!(absl::ascii_isupper(c) ||
          (allow_digits && (absl::ascii_isdigit(c) || c == '_')))) {
      return false;
    }
  }
  return true;
}

absl::Status OfficeNotFound(const std::string& code) {
  return absl::NotFoundError(absl::StrCat("office '", code, "' not found"));
}

}  // namespace

absl::Status OfficeAdmin::Validate(const model::OfficeRecord& o) {
  if (!IsCode(o.code, 2, 8, false)) {
    return Invalid("office.code", "must be 2–8 upper-case letters");
  }
  RETURN_IF_ERROR(ValidateText("office.name", o.name, 1, kMaxNameChars, false));
  RETURN_IF_ERROR(
      ValidateText("office.region_code", o.region_code, 0, 16, false));
  if (o.service_sla_minutes < 1 || o.service_sla_minutes > 60 * 24 * 30) {
    return Invalid("office.service_sla", "must be whole minutes, at least 1");
  }
  if (o.resolution_sla_minutes < 1) {
    return Invalid("office.resolution_sla",
                   "must be whole minutes, at least 1");
  }
  if (o.needs_info_limit_days < 1 || o.needs_info_limit_days > 90) {
    return Invalid("office.needs_info_limit_days", "must be 1–90");
  }
  std::set<std::string> seen;
  for (const std::string& k : o.kelurahan) {
    RETURN_IF_ERROR(
        ValidateText("office.kelurahan", k, 1, kMaxNameChars, false));
    if (!seen.insert(absl::AsciiStrToLower(k)).second) {
      return Invalid("office.kelurahan", "names must be distinct");
    }
  }
  std::set<std::string> days;
  for (const auto& h : o.holidays) {
    RETURN_IF_ERROR(
        ValidateText("office.holidays.name", h.name, 1, kMaxNameChars, false));
    if (!days.insert(h.day).second) {
      return Invalid("office.holidays", "dates must be distinct");
    }
  }
  return OfficeDirectory::Check(o);
}

absl::StatusOr<std::shared_ptr<const OfficeConfig>> OfficeAdmin::Managed(
    absl::Time deadline, const Principal& who, const std::string& code) {
  if (!who.HasRole(kAdmin, code)) return OfficeNotFound(code);
  auto office = directory_.Get(deadline, code);
  if (absl::IsNotFound(office.status())) return OfficeNotFound(code);
  return office;
}

absl::StatusOr<model::OfficeRecord> OfficeAdmin::CreateOffice(
    absl::Time deadline, const Principal& who, model::OfficeRecord office) {
  RETURN_IF_ERROR(Validate(office));
  office.units.clear();
  office.categories.clear();
  office.create_time = ToUnixMicrosLL(clock_.Now());
  office.update_time = office.create_time;
  ASSIGN_OR_RETURN(bool created, offices_.CreateIfAbsent(deadline, office));
  if (!created) {
    return absl::AlreadyExistsError(
        absl::StrCat("office.code: office ", office.code, " exists"));
  }
  RETURN_IF_ERROR(access_.AddBinding(deadline, who.id,
                                     {kAdmin, office.code, "", ""},
                                     absl::FromUnixMicros(office.create_time)));
  spdlog::info("office {} created by {}", office.code, who.name);
  return offices_.Get(deadline, office.code);
}

absl::StatusOr<model::OfficeRecord> OfficeAdmin::UpdateOffice(
    absl::Time deadline, const Principal& who,
    const model::OfficeRecord& changes, const std::vector<std::string>& paths) {
  ASSIGN_OR_RETURN(auto current, Managed(deadline, who, changes.code));
  model::OfficeRecord o = current->record;
  if (paths.empty()) return Invalid("update_mask", "names no field");
  for (const std::string& p : paths) {
    if (p == "name") {
      o.name = changes.name;
    } else if (p == "region_code") {
      o.region_code = changes.region_code;
    } else if (p == "time_zone") {
      o.time_zone = changes.time_zone;
    } else if (p == "working_hours") {
      o.working_hours = changes.working_hours;
    } else if (p == "holidays") {
      o.holidays = changes.holidays;
    } else if (p == "service_sla") {
      o.service_sla_minutes = changes.service_sla_minutes;
    } else if (p == "resolution_sla") {
      o.resolution_sla_minutes = changes.resolution_sla_minutes;
    } else if (p == "needs_info_limit_days") {
      o.needs_info_limit_days = changes.needs_info_limit_days;
    } else if (p == "kelurahan") {
      o.kelurahan = changes.kelurahan;
    } else {
      return Invalid("update_mask", absl::StrCat("cannot change '", p, "'"));
    }
  }
  RETURN_IF_ERROR(Validate(o));
  o.update_time = ToUnixMicrosLL(clock_.Now());
  RETURN_IF_ERROR(offices_.Update(deadline, o));
  directory_.Invalidate(o.code);
  spdlog::info("office {} updated", o.code);
  return offices_.Get(deadline, o.code);
}

absl::StatusOr<std::shared_ptr<const OfficeConfig>> OfficeAdmin::GetOffice(
    absl::Time deadline, const Principal& who, const std::string& code) {
  return Managed(deadline, who, code);
}

absl::StatusOr<std::vector<model::OfficeRecord>> OfficeAdmin::ListOffices(
    absl::Time deadline, const Principal& who, const std::string& after_code,
    int limit, std::string* next) {
  next->clear();
  ASSIGN_OR_RETURN(std::vector<std::string> codes,
                   offices_.ListCodes(deadline));
  std::vector<model::OfficeRecord> out;
  for (const std::string& code : codes) {
    if (code <= after_code || !who.HasRole(kAdmin, code)) continue;
    if (static_cast<int>(out.size()) == limit) {
      *next = out.back().code;
      break;
    }
    ASSIGN_OR_RETURN(auto office, directory_.Get(deadline, code));
    out.push_back(office->record);
  }
  return out;
}

absl::StatusOr<model::UnitRecord> OfficeAdmin::UpdateUnit(
    absl::Time deadline, const Principal& who, const model::UnitRecord& changes,
    const std::vector<std::string>& paths) {
  ASSIGN_OR_RETURN(auto office, Managed(deadline, who, changes.office_code));
  const model::UnitRecord* current = nullptr;
  for (const auto& u : office->record.units) {
    if (u.code == changes.code) current = &u;
  }
  if (current == nullptr) return absl::NotFoundError("unit not found");
  model::UnitRecord u = *current;
  for (const std::string& p : paths) {
    if (p == "name") {
      u.name = changes.name;
    } else if (p == "active") {
      u.active = changes.active;
    } else {
      return Invalid("update_mask", "only name and active can change");
    }
  }
  return PutUnit(deadline, who, u, /*create=*/false);
}

absl::StatusOr<model::CategoryRecord> OfficeAdmin::UpdateCategory(
    absl::Time deadline, const Principal& who,
    const model::CategoryRecord& changes,
    const std::vector<std::string>& paths) {
  ASSIGN_OR_RETURN(auto office, Managed(deadline, who, changes.office_code));
  const model::CategoryRecord* current = office->FindCategory(changes.code);
  if (current == nullptr) return absl::NotFoundError("category not found");
  model::CategoryRecord c = *current;
  for (const std::string& p : paths) {
    if (p == "name") {
      c.name = changes.name;
    } else if (p == "service_sla") {
      c.service_sla_minutes = changes.service_sla_minutes;
    } else if (p == "resolution_sla") {
      c.resolution_sla_minutes = changes.resolution_sla_minutes;
    } else if (p == "default_unit_code") {
      c.default_unit_code = changes.default_unit_code;
    } else if (p == "active") {
      c.active = changes.active;
    } else {
      return Invalid("update_mask", absl::StrCat("cannot change '", p, "'"));
    }
  }
  return PutCategory(deadline, who, c, /*create=*/false);
}

absl::StatusOr<model::UnitRecord> OfficeAdmin::PutUnit(
    absl::Time deadline, const Principal& who, const model::UnitRecord& unit,
    bool create) {
  RETURN_IF_ERROR(Managed(deadline, who, unit.office_code).status());
  if (!IsCode(unit.code, 2, 16, true)) {
    return Invalid("unit.code", "must be 2–16 of [A-Z0-9_]");
  }
  RETURN_IF_ERROR(
      ValidateText("unit.name", unit.name, 1, kMaxNameChars, false));
  absl::Status st = offices_.PutUnit(deadline, unit, create);
  if (absl::IsAlreadyExists(st)) {
    return absl::AlreadyExistsError(
        absl::StrCat("unit.code: unit ", unit.code, " exists"));
  }
  RETURN_IF_ERROR(st);
  directory_.Invalidate(unit.office_code);
  return unit;
}

absl::StatusOr<model::CategoryRecord> OfficeAdmin::PutCategory(
    absl::Time deadline, const Principal& who, const model::CategoryRecord& c,
    bool create) {
  ASSIGN_OR_RETURN(auto office, Managed(deadline, who, c.office_code));
  if (!IsCode(c.code, 2, 16, true)) {
    return Invalid("category.code", "must be 2–16 of [A-Z0-9_]");
  }
  RETURN_IF_ERROR(
      ValidateText("category.name", c.name, 1, kMaxNameChars, false));
  if ((c.service_sla_minutes && *c.service_sla_minutes < 1) ||
      (c.resolution_sla_minutes && *c.resolution_sla_minutes < 1)) {
    return Invalid("category", "SLA overrides must be at least 1 minute");
  }
  if (!c.default_unit_code.empty()) {
    bool found = false;
    for (const auto& u : office->record.units)
      found |= u.code == c.default_unit_code;
    if (!found) {
      return Invalid("category.default_unit_code",
                     "is not a unit of the office");
    }
  }
  absl::Status st = offices_.PutCategory(deadline, c, create);
  if (absl::IsAlreadyExists(st)) {
    return absl::AlreadyExistsError(
        absl::StrCat("category.code: category ", c.code, " exists"));
  }
  RETURN_IF_ERROR(st);
  directory_.Invalidate(c.office_code);
  return c;
}

}  // namespace aduan::domain
