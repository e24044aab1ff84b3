#include "server/api/admin_convert.h"

#include <google/protobuf/util/time_util.h>

#include <cstdio>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "server/api/proto_enum.h"

namespace aduan::api {
namespace {

using google::protobuf::util::TimeUtil;

std::string Hhmm(int minute) {
  return absl::StrFormat("%02d:%02d", minute / 60, minute % 60);
}

absl::StatusOr<int> ParseHhmm(const std::string& field, const std::string& t) {
  int h = 0, m = 0;
  if (t.size() != 5 || t[2] != ':' || !absl::SimpleAtoi(t.substr(0, 2), &h) ||
      !absl::SimpleAtoi(t.substr(3, 2), &m) || h < 0 || h > 24 || m < 0 ||
      m > 59 || (h == 24 && m != 0)) {
    return absl::InvalidArgumentError(absl::StrCat(field, ": must be HH:MM"));
  }
  return h * 60 + m;
}

// A duration as whole minutes, at most a year's (the offices' and
// categories' own limits follow in the domain), so that no value wraps
// around on its way into an int.
absl::StatusOr<int> Minutes(const std::string& field,
                            const google::protobuf::Duration& d) {
  constexpr long long kMaxMinutes = 365LL * 24 * 60;
  if (d.seconds() <= 0 || d.seconds() % 60 != 0 || d.nanos() != 0 ||
      d.seconds() / 60 > kMaxMinutes) {
    return absl::InvalidArgumentError(
        absl::StrCat(field,
                     ": must be a positive number of whole minutes, at most "
                     "525600 (365 days)"));
  }
  return static_cast<int>(d.seconds() / 60);
}

}  // namespace

void ToProto(const model::RoleBindingRecord& b, v1::RoleBinding* out) {
  out->set_role(ToProtoEnum<v1::RoleBinding::Role>(b.role));
  out->set_office_code(b.office_code);
  out->set_unit_code(b.unit_code);
  out->set_source(b.source);
}

absl::StatusOr<model::RoleBindingRecord> FromProto(const v1::RoleBinding& b,
                                                   const std::string& field) {
  auto role = FromProtoEnum<v1::RoleBinding::Role>(field + ".role", b.role(),
                                                   model::ParseRole);
  if (!role.ok()) return role.status();
  if (!*role) {
    return absl::InvalidArgumentError(
        absl::StrCat(field,
                     ".role: is required (OFFICER, SECRETARY, HEAD, "
                     "UNIT, GATEWAY, AUDITOR or ADMIN)"));
  }
  return model::RoleBindingRecord{**role, b.office_code(), b.unit_code(),
                                  b.source()};
}

void ToProto(const model::PrincipalRecord& p, v1::Principal* out) {
  out->set_principal_id(p.id);
  out->set_name(p.name);
  out->set_display_name(p.display_name);
  out->set_disabled(p.disabled);
  out->set_tls_identity(p.tls_identity);
  for (const auto& b : p.bindings) ToProto(b, out->add_role_bindings());
  *out->mutable_create_time() =
      TimeUtil::MicrosecondsToTimestamp(p.create_time);
}

void ToProto(const model::TokenRecord& t, v1::Token* out) {
  out->set_token_id(t.id);
  out->set_principal_id(t.principal_id);
  out->set_description(t.description);
  *out->mutable_create_time() =
      TimeUtil::MicrosecondsToTimestamp(t.create_time);
  if (t.expire_time) {
    *out->mutable_expire_time() =
        TimeUtil::MicrosecondsToTimestamp(*t.expire_time);
  }
  if (t.last_used_time) {
    *out->mutable_last_used_time() =
        TimeUtil::MicrosecondsToTimestamp(*t.last_used_time);
  }
  if (t.revoke_time) {
    *out->mutable_revoke_time() =
        TimeUtil::MicrosecondsToTimestamp(*t.revoke_time);
  }
}

void ToProto(const model::OfficeRecord& o, v1::Office* out) {
  out->set_code(o.code);
  out->set_name(o.name);
  out->set_region_code(o.region_code);
  out->set_time_zone(o.time_zone);
  for (const auto& w : o.working_hours) {
    v1::WorkingHours* h = out->add_working_hours();
    h->set_weekday(w.weekday);
    h->set_open(Hhmm(w.open_minute));
    h->set_close(Hhmm(w.close_minute));
  }
  for (const auto& d : o.holidays) {
    v1::Holiday* h = out->add_holidays();
    h->set_date(d.day);
    h->set_name(d.name);
  }
  out->mutable_service_sla()->set_seconds(o.service_sla_minutes * 60LL);
  out->mutable_resolution_sla()->set_seconds(o.resolution_sla_minutes * 60LL);
  out->set_needs_info_limit_days(o.needs_info_limit_days);
  for (const auto& k : o.kelurahan) out->add_kelurahan(k);
}

absl::StatusOr<model::OfficeRecord> FromProto(const v1::Office& o,
                                              bool durations_required) {
  model::OfficeRecord r;
  r.code = o.code();
  r.name = o.name();
  r.region_code = o.region_code();
  r.time_zone = o.time_zone();
  for (int i = 0; i < o.working_hours_size(); ++i) {
    const v1::WorkingHours& w = o.working_hours(i);
    const std::string f = absl::StrCat("office.working_hours[", i, "]");
    auto open = ParseHhmm(f + ".open", w.open());
    if (!open.ok()) return open.status();
    auto close = ParseHhmm(f + ".close", w.close());
    if (!close.ok()) return close.status();
    r.working_hours.push_back({w.weekday(), *open, *close});
  }
  for (const v1::Holiday& h : o.holidays()) {
    r.holidays.push_back({h.date(), h.name()});
  }
  if (o.has_service_sla() || durations_required) {
    auto m = Minutes("office.service_sla", o.service_sla());
    if (!m.ok()) return m.status();
    r.service_sla_minutes = *m;
  }
  if (o.has_resolution_sla() || durations_required) {
    auto m = Minutes("office.resolution_sla", o.resolution_sla());
    if (!m.ok()) return m.status();
    r.resolution_sla_minutes = *m;
  }
  r.needs_info_limit_days = o.needs_info_limit_days();
  r.kelurahan.assign(o.kelurahan().begin(), o.kelurahan().end());
  return r;
}

absl::StatusOr<model::CategoryRecord> FromProto(const v1::Category& c) {
  model::CategoryRecord r;
  r.office_code = c.office_code();
  r.code = c.code();
  r.name = c.name();
  if (c.has_service_sla()) {
    auto m = Minutes("category.service_sla", c.service_sla());
    if (!m.ok()) return m.status();
    r.service_sla_minutes = *m;
  }
  if (c.has_resolution_sla()) {
    auto m = Minutes("category.resolution_sla", c.resolution_sla());
    if (!m.ok()) return m.status();
    r.resolution_sla_minutes = *m;
  }
  r.default_unit_code = c.default_unit_code();
  r.active = c.active();
  return r;
}

void ToProto(const model::UnitRecord& u, v1::Unit* out) {
  out->set_office_code(u.office_code);
  out->set_code(u.code);
  out->set_name(u.name);
  out->set_active(u.active);
}

void ToProto(const model::CategoryRecord& c, v1::Category* out) {
  out->set_office_code(c.office_code);
  out->set_code(c.code);
  out->set_name(c.name);
  if (c.service_sla_minutes) {
    out->mutable_service_sla()->set_seconds(*c.service_sla_minutes * 60LL);
  }
  if (c.resolution_sla_minutes) {
    out->mutable_resolution_sla()->set_seconds(*c.resolution_sla_minutes *
                                               60LL);
  }
  out->set_default_unit_code(c.default_unit_code);
  out->set_active(c.active);
}

}  // namespace aduan::api
