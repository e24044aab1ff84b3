#include "tests/fakes/memory_office_repository.h"

#include <algorithm>
#include <tuple>

namespace aduan::fakes {
namespace {

// The office as the SQL reads it back: children in their ORDER BY.
model::OfficeRecord Sorted(model::OfficeRecord o) {
  std::sort(o.working_hours.begin(), o.working_hours.end(),
            [](const auto& a, const auto& b) {
              return std::tie(a.weekday, a.open_minute) <
                     std::tie(b.weekday, b.open_minute);
            });
  std::sort(o.holidays.begin(), o.holidays.end(),
            [](const auto& a, const auto& b) { return a.day < b.day; });
  std::sort(o.kelurahan.begin(), o.kelurahan.end());
  std::sort(o.units.begin(), o.units.end(),
            [](const auto& a, const auto& b) { return a.code < b.code; });
  std::sort(o.categories.begin(), o.categories.end(),
            [](const auto& a, const auto& b) { return a.code < b.code; });
  for (auto& u : o.units) u.office_code = o.code;
  for (auto& c : o.categories) c.office_code = o.code;
  return o;
}

// Inserts or replaces the element of `items` with `item`'s code.
template <typename T>
absl::Status Put(std::vector<T>& items, const T& item, bool create,
                 const char* what) {
  auto it = std::find_if(items.begin(), items.end(),
                         [&](const T& x) { return x.code == item.code; });
  if (create && it != items.end()) {
    return absl::AlreadyExistsError(std::string(what) + " exists");
  }
  if (!create && it == items.end()) {
    return absl::NotFoundError(std::string(what) + " not found");
  }
  if (create) {
    items.push_back(item);
  } else {
    *it = item;
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<model::OfficeRecord> MemoryOfficeRepository::Get(
    absl::Time, const std::string& code) {
  absl::MutexLock lock(&mu_);
  auto it = offices_.find(code);
  if (it == offices_.end()) return absl::NotFoundError("office not found");
  return Sorted(it->second);
}

absl::StatusOr<std::vector<std::string>> MemoryOfficeRepository::ListCodes(
    absl::Time) {
  absl::MutexLock lock(&mu_);
  std::vector<std::string> out;
  for (const auto& [code, office] : offices_) out.push_back(code);
  return out;
}

absl::StatusOr<bool> MemoryOfficeRepository::CreateIfAbsent(
    absl::Time, const model::OfficeRecord& office) {
  absl::MutexLock lock(&mu_);
  return offices_.emplace(office.code, office).second;
}

absl::Status MemoryOfficeRepository::Update(absl::Time,
                                            const model::OfficeRecord& o) {
  absl::MutexLock lock(&mu_);
  auto it = offices_.find(o.code);
  if (it == offices_.end()) return absl::NotFoundError("office not found");
  model::OfficeRecord updated = o;
  updated.create_time = it->second.create_time;
  updated.units = it->second.units;
  updated.categories = it->second.categories;
  it->second = std::move(updated);
  return absl::OkStatus();
}

absl::Status MemoryOfficeRepository::PutUnit(absl::Time,
                                             const model::UnitRecord& unit,
                                             bool create) {
  absl::MutexLock lock(&mu_);
  auto it = offices_.find(unit.office_code);
  if (it == offices_.end()) return absl::NotFoundError("office not found");
  return Put(it->second.units, unit, create, "unit");
}

absl::Status MemoryOfficeRepository::PutCategory(
    absl::Time, const model::CategoryRecord& category, bool create) {
  absl::MutexLock lock(&mu_);
  auto it = offices_.find(category.office_code);
  if (it == offices_.end()) return absl::NotFoundError("office not found");
  return Put(it->second.categories, category, create, "category");
}

}  // namespace aduan::fakes
