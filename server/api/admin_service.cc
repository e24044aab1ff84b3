#include "server/api/admin_service.h"

#include <google/protobuf/util/time_util.h>

#include <cstdio>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "server/api/admin_convert.h"
#include "server/api/complaint_convert.h"
#include "server/api/grpc_status.h"
#include "server/auth/call_context.h"
#include "server/domain/complaint_reader.h"

namespace aduan::api {
namespace {

using google::protobuf::util::TimeUtil;

// Paging by a name cursor: the token is the last name of the page.
absl::StatusOr<int> PageSize(int page_size) {
  return domain::EffectivePageSize(page_size);
}

}  // namespace

grpc::Status AdminService::GetOffice(grpc::ServerContext* ctx,
                                     const domain::Principal& who,
                                     const v1::GetOfficeRequest* req,
                                     v1::Office* resp) {
  auto office =
      office_admin_.GetOffice(auth::CallDeadline(*ctx), who, req->code());
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
  std::string next;
  auto offices = office_admin_.ListOffices(auth::CallDeadline(*ctx), who,
                                           req->page_token(), *size, &next);
  if (!offices.ok()) return ToGrpcStatus(offices.status());
  for (const model::OfficeRecord& o : *offices) ToProto(o, resp->add_offices());
  resp->set_next_page_token(next);
  return grpc::Status::OK;
}

grpc::Status AdminService::ListUnits(grpc::ServerContext* ctx,
                                     const domain::Principal& who,
                                     const v1::ListUnitsRequest* req,
                                     v1::ListUnitsResponse* resp) {
  auto office = office_admin_.GetOffice(auth::CallDeadline(*ctx), who,
                                        req->office_code());
  if (!office.ok()) return ToGrpcStatus(office.status());
  for (const auto& u : (*office)->record.units) ToProto(u, resp->add_units());
  return grpc::Status::OK;
}

grpc::Status AdminService::ListCategories(grpc::ServerContext* ctx,
                                          const domain::Principal& who,
                                          const v1::ListCategoriesRequest* req,
                                          v1::ListCategoriesResponse* resp) {
  auto office = office_admin_.GetOffice(auth::CallDeadline(*ctx), who,
                                        req->office_code());
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
  model::PrincipalRecord p;
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
  model::PrincipalRecord changes;
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
    const model::AccessLogRecord& a = (*list)[i];
    v1::AccessLogEntry* e = resp->add_entries();
    e->set_tracking_code(a.tracking_code);
    e->set_principal_id(a.principal_id);
    e->set_principal_name(a.principal_name);
    e->set_role(std::string(model::Name(a.role)));
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
  model::UnitRecord u{req->unit().office_code(), req->unit().code(),
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
  model::UnitRecord changes{req->unit().office_code(), req->unit().code(),
                            req->unit().name(), req->unit().active()};
  std::vector<std::string> paths(req->update_mask().paths().begin(),
                                 req->update_mask().paths().end());
  auto out =
      office_admin_.UpdateUnit(auth::CallDeadline(*ctx), who, changes, paths);
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
  auto changes = FromProto(req->category());
  if (!changes.ok()) return ToGrpcStatus(changes.status());
  std::vector<std::string> paths(req->update_mask().paths().begin(),
                                 req->update_mask().paths().end());
  auto out = office_admin_.UpdateCategory(auth::CallDeadline(*ctx), who,
                                          *changes, paths);
  if (!out.ok()) return ToGrpcStatus(out.status());
  ToProto(*out, resp);
  return grpc::Status::OK;
}

}  // namespace aduan::api
