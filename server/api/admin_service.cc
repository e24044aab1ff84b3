#include "server/api/admin_service.h"

#include <google/protobuf/util/time_util.h>

#include <cstdio>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "server/api/complaint_convert.h"
#include "server/api/grpc_status.h"
#include "server/auth/call_context.h"
#include "server/domain/complaint_reader.h"

namespace aduan::api {
namespace {

using google::protobuf::util::TimeUtil;

std::string Hhmm(int minute) {
  return absl::StrFormat("%02d:%02d", minute / 60, minute % 60);
}

void ToProto(const db::RoleBindingRecord& b, v1::RoleBinding* out) {
  v1::RoleBinding::Role role = v1::RoleBinding::ROLE_UNSPECIFIED;
  v1::RoleBinding::Role_Parse(b.role, &role);
  out->set_role(role);
  out->set_office_code(b.office_code);
  out->set_unit_code(b.unit_code);
  out->set_source(b.source);
}

absl::StatusOr<db::RoleBindingRecord> FromProto(const v1::RoleBinding& b,
                                                const std::string& field) {
  if (b.role() == v1::RoleBinding::ROLE_UNSPECIFIED ||
      !v1::RoleBinding::Role_IsValid(b.role())) {
    return absl::InvalidArgumentError(
        absl::StrCat(field,
                     ".role: is required (OFFICER, SECRETARY, HEAD, "
                     "UNIT, GATEWAY, AUDITOR or ADMIN)"));
  }
  return db::RoleBindingRecord{v1::RoleBinding::Role_Name(b.role()),
                               b.office_code(), b.unit_code(), b.source()};
}

void ToProto(const db::PrincipalRecord& p, v1::Principal* out) {
  out->set_principal_id(p.id);
  out->set_name(p.name);
  out->set_display_name(p.display_name);
  out->set_disabled(p.disabled);
  out->set_tls_identity(p.tls_identity);
  for (const auto& b : p.bindings) ToProto(b, out->add_role_bindings());
  *out->mutable_create_time() =
      TimeUtil::MicrosecondsToTimestamp(p.create_time);
}

void ToProto(const db::TokenRecord& t, v1::Token* out) {
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

void ToProto(const db::OfficeRecord& o, v1::Office* out) {
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

absl::StatusOr<db::OfficeRecord> FromProto(const v1::Office& o,
                                           bool durations_required) {
  db::OfficeRecord r;
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

absl::StatusOr<db::CategoryRecord> FromProto(const v1::Category& c) {
  db::CategoryRecord r;
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

void ToProto(const db::UnitRecord& u, v1::Unit* out) {
  out->set_office_code(u.office_code);
  out->set_code(u.code);
  out->set_name(u.name);
  out->set_active(u.active);
}

void ToProto(const db::CategoryRecord& c, v1::Category* out) {
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

// Paging by a name cursor: the token is the last name of the page.
absl::StatusOr<int> PageSize(int page_size) {
  return domain::EffectivePageSize(page_size);
}

}  // namespace

absl::StatusOr<std::shared_ptr<const domain::OfficeConfig>>
AdminService::AdminOffice(grpc::ServerContext* ctx,
                          const domain::Principal& who,
                          const std::string& code) {
  if (!who.HasRole(domain::kAdmin, code)) {
    return absl::NotFoundError(absl::StrCat("office '", code, "' not found"));
  }
  auto office = offices_.Get(auth::CallDeadline(*ctx), code);
  if (absl::IsNotFound(office.status())) {
    return absl::NotFoundError(absl::StrCat("office '", code, "' not found"));
  }
  return office;
}

grpc::Status AdminService::GetOffice(grpc::ServerContext* ctx,
                                     const domain::Principal& who,
                                     const v1::GetOfficeRequest* req,
                                     v1::Office* resp) {
  auto office = AdminOffice(ctx, who, req->code());
  if (!office.ok()) return ToGrpcStatus(office.status());
  ToProto((*office)->record, resp);
  return grpc::Status::OK;
}

grpc::Status AdminService::ListOffices(grpc::ServerContext* ctx,
                                       const domain::Principal& who,
                                       const v1::ListOfficesRequest* req,
                                       v1::ListOfficesResponse* resp) {
  auto size = PageSize(req->page_size());
  if (!size.ok()) return ToGrpcStatus(size.status());
  auto codes = office_repo_.ListCodes(auth::CallDeadline(*ctx));
  if (!codes.ok()) return ToGrpcStatus(codes.status());
  for (const std::string& code : *codes) {
    if (code <= req->page_token() || !who.HasRole(domain::kAdmin, code))
      continue;
    if (resp->offices_size() == *size) {
      resp->set_next_page_token(resp->offices(*size - 1).code());
      break;
    }
    auto office = offices_.Get(auth::CallDeadline(*ctx), code);
    if (!office.ok()) return ToGrpcStatus(office.status());
    ToProto((*office)->record, resp->add_offices());
  }
  return grpc::Status::OK;
}

grpc::Status AdminService::ListUnits(grpc::ServerContext* ctx,
                                     const domain::Principal& who,
                                     const v1::ListUnitsRequest* req,
                                     v1::ListUnitsResponse* resp) {
  auto office = AdminOffice(ctx, who, req->office_code());
  if (!office.ok()) return ToGrpcStatus(office.status());
  for (const auto& u : (*office)->record.units) ToProto(u, resp->add_units());
  return grpc::Status::OK;
}

grpc::Status AdminService::ListCategories(grpc::ServerContext* ctx,
                                          const domain::Principal& who,
                                          const v1::ListCategoriesRequest* req,
                                          v1::ListCategoriesResponse* resp) {
  auto office = AdminOffice(ctx, who, req->office_code());
  if (!office.ok()) return ToGrpcStatus(office.status());
  for (const auto& c : (*office)->record.categories) {
    ToProto(c, resp->add_categories());
  }
  return grpc::Status::OK;
}

grpc::Status AdminService::CreatePrincipal(
    grpc::ServerContext* ctx, const domain::Principal& who,
    const v1::CreatePrincipalRequest* req, v1::Principal* resp) {
  const v1::Principal& in = req->principal();
  if (!in.principal_id().empty() || in.has_create_time()) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "principal.principal_id, principal.create_time: are "
                        "output only; leave them empty");
  }
  db::PrincipalRecord p;
  p.name = in.name();
  p.display_name = in.display_name();
  p.disabled = in.disabled();
  p.tls_identity = in.tls_identity();
  for (int i = 0; i < in.role_bindings_size(); ++i) {
    auto b = FromProto(in.role_bindings(i),
                       absl::StrCat("principal.role_bindings[", i, "]"));
    if (!b.ok()) return ToGrpcStatus(b.status());
    p.bindings.push_back(*b);
  }
  auto created =
      admin_.CreatePrincipal(auth::CallDeadline(*ctx), &who, std::move(p));
  if (!created.ok()) return ToGrpcStatus(created.status());
  ToProto(*created, resp);
  return grpc::Status::OK;
}

grpc::Status AdminService::GetPrincipal(grpc::ServerContext* ctx,
                                        const domain::Principal& who,
                                        const v1::GetPrincipalRequest* req,
                                        v1::Principal* resp) {
  auto p =
      admin_.GetPrincipal(auth::CallDeadline(*ctx), &who, req->principal_id());
  if (!p.ok()) return ToGrpcStatus(p.status());
  ToProto(*p, resp);
  return grpc::Status::OK;
}

grpc::Status AdminService::ListPrincipals(grpc::ServerContext* ctx,
                                          const domain::Principal& who,
                                          const v1::ListPrincipalsRequest* req,
                                          v1::ListPrincipalsResponse* resp) {
  auto size = PageSize(req->page_size());
  if (!size.ok()) return ToGrpcStatus(size.status());
  auto list =
      admin_.ListPrincipals(auth::CallDeadline(*ctx), &who, req->office_code(),
                            req->page_token(), *size + 1);
  if (!list.ok()) return ToGrpcStatus(list.status());
  for (int i = 0; i < static_cast<int>(list->size()) && i < *size; ++i) {
    ToProto((*list)[i], resp->add_principals());
  }
  if (static_cast<int>(list->size()) > *size) {
    resp->set_next_page_token((*list)[*size - 1].name);
  }
  return grpc::Status::OK;
}

grpc::Status AdminService::UpdatePrincipal(
    grpc::ServerContext* ctx, const domain::Principal& who,
    const v1::UpdatePrincipalRequest* req, v1::Principal* resp) {
  db::PrincipalRecord changes;
  changes.id = req->principal().principal_id();
  changes.display_name = req->principal().display_name();
  changes.disabled = req->principal().disabled();
  changes.tls_identity = req->principal().tls_identity();
  std::vector<std::string> paths(req->update_mask().paths().begin(),
                                 req->update_mask().paths().end());
  auto p =
      admin_.UpdatePrincipal(auth::CallDeadline(*ctx), &who, changes, paths);
  if (!p.ok()) return ToGrpcStatus(p.status());
  ToProto(*p, resp);
  return grpc::Status::OK;
}

grpc::Status AdminService::AddRoleBinding(grpc::ServerContext* ctx,
                                          const domain::Principal& who,
                                          const v1::AddRoleBindingRequest* req,
                                          v1::Principal* resp) {
  auto b = FromProto(req->role_binding(), "role_binding");
  if (!b.ok()) return ToGrpcStatus(b.status());
  auto p = admin_.AddRoleBinding(auth::CallDeadline(*ctx), who,
                                 req->principal_id(), *b);
  if (!p.ok()) return ToGrpcStatus(p.status());
  ToProto(*p, resp);
  return grpc::Status::OK;
}

grpc::Status AdminService::RemoveRoleBinding(
    grpc::ServerContext* ctx, const domain::Principal& who,
    const v1::RemoveRoleBindingRequest* req, v1::Principal* resp) {
  auto b = FromProto(req->role_binding(), "role_binding");
  if (!b.ok()) return ToGrpcStatus(b.status());
  auto p = admin_.RemoveRoleBinding(auth::CallDeadline(*ctx), who,
                                    req->principal_id(), *b);
  if (!p.ok()) return ToGrpcStatus(p.status());
  ToProto(*p, resp);
  return grpc::Status::OK;
}

grpc::Status AdminService::IssueToken(grpc::ServerContext* ctx,
                                      const domain::Principal& who,
                                      const v1::IssueTokenRequest* req,
                                      v1::IssueTokenResponse* resp) {
  // Both parts: a ttl of 1 ns is refused (not read as "no expiry").
  const absl::Duration ttl = absl::Seconds(req->ttl().seconds()) +
                             absl::Nanoseconds(req->ttl().nanos());
  auto issued = admin_.IssueToken(auth::CallDeadline(*ctx), &who,
                                  req->principal_id(), req->description(), ttl,
                                  req->request_id(), Fingerprint(*req));
  if (!issued.ok()) return ToGrpcStatus(issued.status());
  ToProto(issued->token, resp->mutable_token());
  resp->set_secret(issued->secret);
  return grpc::Status::OK;
}

grpc::Status AdminService::RevokeToken(grpc::ServerContext* ctx,
                                       const domain::Principal& who,
                                       const v1::RevokeTokenRequest* req,
                                       v1::Token* resp) {
  auto t = admin_.RevokeToken(auth::CallDeadline(*ctx), &who, req->token_id());
  if (!t.ok()) return ToGrpcStatus(t.status());
  ToProto(*t, resp);
  return grpc::Status::OK;
}

grpc::Status AdminService::ListTokens(grpc::ServerContext* ctx,
                                      const domain::Principal& who,
                                      const v1::ListTokensRequest* req,
                                      v1::ListTokensResponse* resp) {
  auto list =
      admin_.ListTokens(auth::CallDeadline(*ctx), &who, req->principal_id());
  if (!list.ok()) return ToGrpcStatus(list.status());
  for (const auto& t : *list) ToProto(t, resp->add_tokens());
  return grpc::Status::OK;
}

grpc::Status AdminService::ListAccessLog(grpc::ServerContext* ctx,
                                         const domain::Principal& who,
                                         const v1::ListAccessLogRequest* req,
                                         v1::ListAccessLogResponse* resp) {
  auto size = PageSize(req->page_size());
  if (!size.ok()) return ToGrpcStatus(size.status());
  long long after = 0;
  if (!req->page_token().empty() &&
      !absl::SimpleAtoi(req->page_token(), &after)) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "page_token: is malformed");
  }
  auto list = admin_.ListAccessLog(auth::CallDeadline(*ctx), who,
                                   req->tracking_code(), after, *size + 1);
  if (!list.ok()) return ToGrpcStatus(list.status());
  for (int i = 0; i < static_cast<int>(list->size()) && i < *size; ++i) {
    const db::AccessLogRecord& a = (*list)[i];
    v1::AccessLogEntry* e = resp->add_entries();
    e->set_tracking_code(a.tracking_code);
    e->set_principal_id(a.principal_id);
    e->set_principal_name(a.principal_name);
    e->set_role(a.role);
    e->set_reason(a.reason);
    *e->mutable_create_time() =
        TimeUtil::MicrosecondsToTimestamp(a.create_time);
  }
  if (static_cast<int>(list->size()) > *size) {
    resp->set_next_page_token(absl::StrCat((*list)[*size - 1].id));
  }
  return grpc::Status::OK;
}

grpc::Status AdminService::CreateOffice(grpc::ServerContext* ctx,
                                        const domain::Principal& who,
                                        const v1::CreateOfficeRequest* req,
                                        v1::Office* resp) {
  auto record = FromProto(req->office(), /*durations_required=*/true);
  if (!record.ok()) return ToGrpcStatus(record.status());
  auto created =
      office_admin_.CreateOffice(auth::CallDeadline(*ctx), who, *record);
  if (!created.ok()) return ToGrpcStatus(created.status());
  ToProto(*created, resp);
  return grpc::Status::OK;
}

grpc::Status AdminService::UpdateOffice(grpc::ServerContext* ctx,
                                        const domain::Principal& who,
                                        const v1::UpdateOfficeRequest* req,
                                        v1::Office* resp) {
  auto record = FromProto(req->office(), /*durations_required=*/false);
  if (!record.ok()) return ToGrpcStatus(record.status());
  std::vector<std::string> paths(req->update_mask().paths().begin(),
                                 req->update_mask().paths().end());
  auto updated =
      office_admin_.UpdateOffice(auth::CallDeadline(*ctx), who, *record, paths);
  if (!updated.ok()) return ToGrpcStatus(updated.status());
  ToProto(*updated, resp);
  return grpc::Status::OK;
}

grpc::Status AdminService::CreateUnit(grpc::ServerContext* ctx,
                                      const domain::Principal& who,
                                      const v1::CreateUnitRequest* req,
                                      v1::Unit* resp) {
  db::UnitRecord u{req->unit().office_code(), req->unit().code(),
                   req->unit().name(), true};
  auto out = office_admin_.PutUnit(auth::CallDeadline(*ctx), who, u, true);
  if (!out.ok()) return ToGrpcStatus(out.status());
  ToProto(*out, resp);
  return grpc::Status::OK;
}

grpc::Status AdminService::UpdateUnit(grpc::ServerContext* ctx,
                                      const domain::Principal& who,
                                      const v1::UpdateUnitRequest* req,
                                      v1::Unit* resp) {
  auto office = AdminOffice(ctx, who, req->unit().office_code());
  if (!office.ok()) return ToGrpcStatus(office.status());
  const db::UnitRecord* current = nullptr;
  for (const auto& u : (*office)->record.units) {
    if (u.code == req->unit().code()) current = &u;
  }
  if (current == nullptr) {
    return grpc::Status(grpc::StatusCode::NOT_FOUND, "unit not found");
  }
  db::UnitRecord u = *current;
  for (const std::string& p : req->update_mask().paths()) {
    if (p == "name") {
      u.name = req->unit().name();
    } else if (p == "active") {
      u.active = req->unit().active();
    } else {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                          "update_mask: only name and active can change");
    }
  }
  auto out = office_admin_.PutUnit(auth::CallDeadline(*ctx), who, u, false);
  if (!out.ok()) return ToGrpcStatus(out.status());
  ToProto(*out, resp);
  return grpc::Status::OK;
}

grpc::Status AdminService::CreateCategory(grpc::ServerContext* ctx,
                                          const domain::Principal& who,
                                          const v1::CreateCategoryRequest* req,
                                          v1::Category* resp) {
  auto c = FromProto(req->category());
  if (!c.ok()) return ToGrpcStatus(c.status());
  c->active = true;
  auto out = office_admin_.PutCategory(auth::CallDeadline(*ctx), who, *c, true);
  if (!out.ok()) return ToGrpcStatus(out.status());
  ToProto(*out, resp);
  return grpc::Status::OK;
}

grpc::Status AdminService::UpdateCategory(grpc::ServerContext* ctx,
                                          const domain::Principal& who,
                                          const v1::UpdateCategoryRequest* req,
                                          v1::Category* resp) {
  auto office = AdminOffice(ctx, who, req->category().office_code());
  if (!office.ok()) return ToGrpcStatus(office.status());
  const db::CategoryRecord* current =
      (*office)->FindCategory(req->category().code());
  if (current == nullptr) {
    return grpc::Status(grpc::StatusCode::NOT_FOUND, "category not found");
  }
  auto changes = FromProto(req->category());
  if (!changes.ok()) return ToGrpcStatus(changes.status());
  db::CategoryRecord c = *current;
  for (const std::string& p : req->update_mask().paths()) {
    if (p == "name") {
      c.name = changes->name;
    } else if (p == "service_sla") {
      c.service_sla_minutes = changes->service_sla_minutes;
    } else if (p == "resolution_sla") {
      c.resolution_sla_minutes = changes->resolution_sla_minutes;
    } else if (p == "default_unit_code") {
      c.default_unit_code = changes->default_unit_code;
    } else if (p == "active") {
      c.active = changes->active;
    } else {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                          absl::StrCat("update_mask: cannot change '", p, "'"));
    }
  }
  auto out = office_admin_.PutCategory(auth::CallDeadline(*ctx), who, c, false);
  if (!out.ok()) return ToGrpcStatus(out.status());
  ToProto(*out, resp);
  return grpc::Status::OK;
}

}  // namespace aduan::api
