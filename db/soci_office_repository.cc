#include "db/soci_office_repository.h"

#include <soci/soci.h>

#include "common/status_macros.h"

namespace aduan::db {
namespace {

constexpr char kSelectOffice[] =
    "SELECT name, region_code, time_zone, service_sla_minutes, "
    "resolution_sla_minutes, needs_info_limit_days, create_time, update_time "
    "FROM offices WHERE code = :code";
constexpr char kSelectHours[] =
    "SELECT weekday, open_minute, close_minute FROM office_working_hours "
    "WHERE office_code = :code ORDER BY weekday, open_minute";
constexpr char kSelectHolidays[] =
    "SELECT day, name FROM office_holidays WHERE office_code = :code "
    "ORDER BY day";
constexpr char kSelectKelurahan[] =
    "SELECT name FROM office_kelurahan WHERE office_code = :code ORDER BY name";
constexpr char kSelectUnits[] =
    "SELECT code, name, active FROM units WHERE office_code = :code "
    "ORDER BY code";
constexpr char kSelectCategories[] =
    "SELECT code, name, service_sla_minutes, resolution_sla_minutes, "
    "default_unit_code, active FROM categories WHERE office_code = :code "
    "ORDER BY code";
constexpr char kSelectCodes[] = "SELECT code FROM offices ORDER BY code";
constexpr char kCountOffice[] =
    "SELECT COUNT(*) FROM offices WHERE code = :code";
constexpr char kInsertOffice[] =
    "INSERT INTO offices (code, name, region_code, time_zone, "
    "service_sla_minutes, resolution_sla_minutes, needs_info_limit_days, "
    "create_time, update_time) VALUES (:code, :name, :region, :tz, :sla, "
    ":rsla, :limit, :ct, :ut)";
constexpr char kInsertHours[] =
    "INSERT INTO office_working_hours (office_code, weekday, open_minute, "
    "close_minute) VALUES (:code, :wd, :open, :close)";
constexpr char kInsertHoliday[] =
    "INSERT INTO office_holidays (office_code, day, name) VALUES (:code, "
    ":day, :name)";
constexpr char kInsertKelurahan[] =
    "INSERT INTO office_kelurahan (office_code, name) VALUES (:code, :name)";
constexpr char kInsertUnit[] =
    "INSERT INTO units (office_code, code, name, active) VALUES (:office, "
    ":code, :name, :active)";
constexpr char kInsertCategory[] =
    "INSERT INTO categories (office_code, code, name, service_sla_minutes, "
    "resolution_sla_minutes, default_unit_code, active) VALUES (:office, "
    ":code, :name, :sla, :rsla, :unit, :active)";

constexpr char kUpdateOffice[] =
    "UPDATE offices SET name = :name, region_code = :region, time_zone = :tz, "
    "service_sla_minutes = :sla, resolution_sla_minutes = :rsla, "
    "needs_info_limit_days = :limit, update_time = :ut WHERE code = :code";
constexpr char kDeleteHours[] =
    "DELETE FROM office_working_hours WHERE office_code = :code";
constexpr char kDeleteHolidays[] =
    "DELETE FROM office_holidays WHERE office_code = :code";
constexpr char kDeleteKelurahan[] =
    "DELETE FROM office_kelurahan WHERE office_code = :code";
constexpr char kCountUnit[] =
    "SELECT COUNT(*) FROM units WHERE office_code = :office AND code = :code";
constexpr char kUpdateUnit[] =
    "UPDATE units SET name = :name, active = :active WHERE office_code = "
    ":office AND code = :code";
constexpr char kCountCategory[] =
    "SELECT COUNT(*) FROM categories WHERE office_code = :office AND code = "
    ":code";
constexpr char kUpdateCategory[] =
    "UPDATE categories SET name = :name, service_sla_minutes = :sla, "
    "resolution_sla_minutes = :rsla, default_unit_code = :unit, active = "
    ":active WHERE office_code = :office AND code = :code";

void InsertChildren(soci::session& sql, const model::OfficeRecord& o) {
  for (const model::WorkingIntervalRecord& w : o.working_hours) {
    sql << kInsertHours, soci::use(o.code, "code"), soci::use(w.weekday, "wd"),
        soci::use(w.open_minute, "open"), soci::use(w.close_minute, "close");
  }
  for (const model::HolidayRecord& h : o.holidays) {
    sql << kInsertHoliday, soci::use(o.code, "code"), soci::use(h.day, "day"),
        soci::use(h.name, "name");
  }
  for (const std::string& k : o.kelurahan) {
    sql << kInsertKelurahan, soci::use(o.code, "code"), soci::use(k, "name");
  }
}

}  // namespace

absl::StatusOr<model::OfficeRecord> SociOfficeRepository::Get(
    absl::Time deadline, const std::string& code) {
  model::OfficeRecord o;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    o = model::OfficeRecord();
    o.code = code;
    sql << kSelectOffice, soci::use(code, "code"), soci::into(o.name),
        soci::into(o.region_code), soci::into(o.time_zone),
        soci::into(o.service_sla_minutes), soci::into(o.resolution_sla_minutes),
        soci::into(o.needs_info_limit_days), soci::into(o.create_time),
        soci::into(o.update_time);
    if (!sql.got_data()) return absl::NotFoundError("office not found");
    {
      model::WorkingIntervalRecord w;
      soci::statement st =
          (sql.prepare << kSelectHours, soci::use(code, "code"),
           soci::into(w.weekday), soci::into(w.open_minute),
           soci::into(w.close_minute));
      if (st.execute(true)) {
        do o.working_hours.push_back(w);
        while (st.fetch());
      }
    }
    {
      model::HolidayRecord h;
      soci::statement st =
          (sql.prepare << kSelectHolidays, soci::use(code, "code"),
           soci::into(h.day), soci::into(h.name));
      if (st.execute(true)) {
        do o.holidays.push_back(h);
        while (st.fetch());
      }
    }
    {
      std::string k;
      soci::statement st = (sql.prepare << kSelectKelurahan,
                            soci::use(code, "code"), soci::into(k));
      if (st.execute(true)) {
        do o.kelurahan.push_back(k);
        while (st.fetch());
      }
    }
    {
      model::UnitRecord u;
      int active = 0;
      u.office_code = code;
      soci::statement st =
          (sql.prepare << kSelectUnits, soci::use(code, "code"),
           soci::into(u.code), soci::into(u.name), soci::into(active));
      if (st.execute(true)) {
        do {
          u.active = active != 0;
          o.units.push_back(u);
        } while (st.fetch());
      }
    }
    {
      model::CategoryRecord c;
      c.office_code = code;
      int sla = 0, rsla = 0, active = 0;
      std::string unit;
      soci::indicator i_sla, i_rsla, i_unit;
      soci::statement st =
          (sql.prepare << kSelectCategories, soci::use(code, "code"),
           soci::into(c.code), soci::into(c.name), soci::into(sla, i_sla),
           soci::into(rsla, i_rsla), soci::into(unit, i_unit),
           soci::into(active));
      if (st.execute(true)) {
        do {
          c.service_sla_minutes =
              i_sla == soci::i_ok ? std::optional<int>(sla) : std::nullopt;
          c.resolution_sla_minutes =
              i_rsla == soci::i_ok ? std::optional<int>(rsla) : std::nullopt;
          c.default_unit_code = i_unit == soci::i_ok ? unit : "";
          c.active = active != 0;
          o.categories.push_back(c);
        } while (st.fetch());
      }
    }
    return absl::OkStatus();
  }));
  return o;
}

absl::StatusOr<std::vector<std::string>> SociOfficeRepository::ListCodes(
    absl::Time deadline) {
  std::vector<std::string> out;
  RETURN_IF_ERROR(db_.Read(deadline, [&](soci::session& sql) {
    out.clear();
    std::string code;
    soci::statement st = (sql.prepare << kSelectCodes, soci::into(code));
    if (st.execute(true)) {
      do out.push_back(code);
      while (st.fetch());
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<bool> SociOfficeRepository::CreateIfAbsent(
    absl::Time deadline, const model::OfficeRecord& o) {
  bool created = false;
  RETURN_IF_ERROR(db_.Write(deadline, [&](soci::session& sql) {
    created = false;
    int count = 0;
    sql << kCountOffice, soci::use(o.code, "code"), soci::into(count);
    if (count > 0) return absl::OkStatus();
    sql << kInsertOffice, soci::use(o.code, "code"), soci::use(o.name, "name"),
        soci::use(o.region_code, "region"), soci::use(o.time_zone, "tz"),
        soci::use(o.service_sla_minutes, "sla"),
        soci::use(o.resolution_sla_minutes, "rsla"),
        soci::use(o.needs_info_limit_days, "limit"),
        soci::use(o.create_time, "ct"), soci::use(o.update_time, "ut");
    InsertChildren(sql, o);
    for (const model::UnitRecord& u : o.units) {
      const int active = u.active ? 1 : 0;
      sql << kInsertUnit, soci::use(o.code, "office"),
          soci::use(u.code, "code"), soci::use(u.name, "name"),
          soci::use(active, "active");
    }
    for (const model::CategoryRecord& c : o.categories) {
      const int active = c.active ? 1 : 0;
      int sla = c.service_sla_minutes.value_or(0);
      int rsla = c.resolution_sla_minutes.value_or(0);
      std::string unit = c.default_unit_code;
      soci::indicator i_sla = c.service_sla_minutes ? soci::i_ok : soci::i_null;
      soci::indicator i_rsla =
          c.resolution_sla_minutes ? soci::i_ok : soci::i_null;
      soci::indicator i_unit = unit.empty() ? soci::i_null : soci::i_ok;
      sql << kInsertCategory, soci::use(o.code, "office"),
          soci::use(c.code, "code"), soci::use(c.name, "name"),
          soci::use(sla, i_sla, "sla"), soci::use(rsla, i_rsla, "rsla"),
          soci::use(unit, i_unit, "unit"), soci::use(active, "active");
    }
    created = true;
    return absl::OkStatus();
  }));
  return created;
}

absl::Status SociOfficeRepository::Update(absl::Time deadline,
                                          const model::OfficeRecord& o) {
  return db_.Write(deadline, [&](soci::session& sql) {
    soci::statement st =
        (sql.prepare << kUpdateOffice, soci::use(o.name, "name"),
         soci::use(o.region_code, "region"), soci::use(o.time_zone, "tz"),
         soci::use(o.service_sla_minutes, "sla"),
         soci::use(o.resolution_sla_minutes, "rsla"),
         soci::use(o.needs_info_limit_days, "limit"),
         soci::use(o.update_time, "ut"), soci::use(o.code, "code"));
    st.execute(true);
    int n = 0;
    sql << kCountOffice, soci::use(o.code, "code"), soci::into(n);
    if (n == 0) return absl::NotFoundError("office not found");
    sql << kDeleteHours, soci::use(o.code, "code");
    sql << kDeleteHolidays, soci::use(o.code, "code");
    sql << kDeleteKelurahan, soci::use(o.code, "code");
    InsertChildren(sql, o);
    return absl::OkStatus();
  });
}

absl::Status SociOfficeRepository::PutUnit(absl::Time deadline,
                                           const model::UnitRecord& u,
                                           bool create) {
  return db_.Write(deadline, [&](soci::session& sql) {
    int n = 0;
    sql << kCountUnit, soci::use(u.office_code, "office"),
        soci::use(u.code, "code"), soci::into(n);
    if (create && n > 0) return absl::AlreadyExistsError("unit exists");
    if (!create && n == 0) return absl::NotFoundError("unit not found");
    const int active = u.active ? 1 : 0;
    if (create) {
      sql << kInsertUnit, soci::use(u.office_code, "office"),
          soci::use(u.code, "code"), soci::use(u.name, "name"),
          soci::use(active, "active");
    } else {
      sql << kUpdateUnit, soci::use(u.name, "name"),
          soci::use(active, "active"), soci::use(u.office_code, "office"),
          soci::use(u.code, "code");
    }
    return absl::OkStatus();
  });
}

absl::Status SociOfficeRepository::PutCategory(absl::Time deadline,
                                               const model::CategoryRecord& c,
                                               bool create) {
  return db_.Write(deadline, [&](soci::session& sql) {
    int n = 0;
    sql << kCountCategory, soci::use(c.office_code, "office"),
        soci::use(c.code, "code"), soci::into(n);
    if (create && n > 0) return absl::AlreadyExistsError("category exists");
    if (!create && n == 0) return absl::NotFoundError("category not found");
    const int active = c.active ? 1 : 0;
    int sla = c.service_sla_minutes.value_or(0);
    int rsla = c.resolution_sla_minutes.value_or(0);
    std::string unit = c.default_unit_code;
    soci::indicator i_sla = c.service_sla_minutes ? soci::i_ok : soci::i_null;
    soci::indicator i_rsla =
        c.resolution_sla_minutes ? soci::i_ok : soci::i_null;
    soci::indicator i_unit = unit.empty() ? soci::i_null : soci::i_ok;
    if (create) {
      sql << kInsertCategory, soci::use(c.office_code, "office"),
          soci::use(c.code, "code"), soci::use(c.name, "name"),
          soci::use(sla, i_sla, "sla"), soci::use(rsla, i_rsla, "rsla"),
          soci::use(unit, i_unit, "unit"), soci::use(active, "active");
    } else {
      sql << kUpdateCategory, soci::use(c.name, "name"),
          soci::use(sla, i_sla, "sla"), soci::use(rsla, i_rsla, "rsla"),
          soci::use(unit, i_unit, "unit"), soci::use(active, "active"),
          soci::use(c.office_code, "office"), soci::use(c.code, "code");
    }
    return absl::OkStatus();
  });
}

}  // namespace aduan::db
