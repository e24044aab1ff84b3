// gRPC handlers of aduan.v1.AdminService (role ADMIN): offices, units,
// categories, principals, role bindings, tokens and the access log.
#ifndef ADUAN_SERVER_API_ADMIN_SERVICE_H_
#define ADUAN_SERVER_API_ADMIN_SERVICE_H_

#include "aduan/v1/admin_service.grpc.pb.h"
#include "server/api/parsed_service.h"
#include "server/auth/authorizer.h"
#include "server/domain/access_admin.h"
#include "server/domain/office_admin.h"
#include "server/domain/office_directory.h"

namespace aduan::api {

// Thread-safe; the references must outlive it.
class AdminService final : public ParsedService<v1::AdminService> {
 public:
  AdminService(auth::Authorizer& auth, domain::AccessAdmin& admin,
               domain::OfficeAdmin& office_admin)
      : ParsedService(auth), admin_(admin), office_admin_(office_admin) {
    ParseUnary(&AdminService::CreateOffice);
    ParseUnary(&AdminService::UpdateOffice);
    ParseUnary(&AdminService::CreateUnit);
    ParseUnary(&AdminService::UpdateUnit);
    ParseUnary(&AdminService::CreateCategory);
    ParseUnary(&AdminService::UpdateCategory);
    ParseUnary(&AdminService::GetOffice);
    ParseUnary(&AdminService::ListOffices);
    ParseUnary(&AdminService::ListUnits);
    ParseUnary(&AdminService::ListCategories);
    ParseUnary(&AdminService::CreatePrincipal);
    ParseUnary(&AdminService::GetPrincipal);
    ParseUnary(&AdminService::ListPrincipals);
    ParseUnary(&AdminService::UpdatePrincipal);
    ParseUnary(&AdminService::AddRoleBinding);
    ParseUnary(&AdminService::RemoveRoleBinding);
    ParseUnary(&AdminService::IssueToken);
    ParseUnary(&AdminService::RevokeToken);
    ParseUnary(&AdminService::ListTokens);
    ParseUnary(&AdminService::ListAccessLog);
    RequireEveryMethodParsed();
  }

  grpc::Status CreateOffice(grpc::ServerContext* ctx,
                            const domain::Principal& who,
                            const v1::CreateOfficeRequest* req,
                            v1::Office* resp);
  grpc::Status UpdateOffice(grpc::ServerContext* ctx,
                            const domain::Principal& who,
                            const v1::UpdateOfficeRequest* req,
                            v1::Office* resp);
  grpc::Status CreateUnit(grpc::ServerContext* ctx,
                          const domain::Principal& who,
                          const v1::CreateUnitRequest* req, v1::Unit* resp);
  grpc::Status UpdateUnit(grpc::ServerContext* ctx,
                          const domain::Principal& who,
                          const v1::UpdateUnitRequest* req, v1::Unit* resp);
  grpc::Status CreateCategory(grpc::ServerContext* ctx,
                              const domain::Principal& who,
                              const v1::CreateCategoryRequest* req,
                              v1::Category* resp);
  grpc::Status UpdateCategory(grpc::ServerContext* ctx,
                              const domain::Principal& who,
                              const v1::UpdateCategoryRequest* req,
                              v1::Category* resp);

  grpc::Status GetOffice(grpc::ServerContext* ctx, const domain::Principal& who,
                         const v1::GetOfficeRequest* req, v1::Office* resp);
  grpc::Status ListOffices(grpc::ServerContext* ctx,
                           const domain::Principal& who,
                           const v1::ListOfficesRequest* req,
                           v1::ListOfficesResponse* resp);
  grpc::Status ListUnits(grpc::ServerContext* ctx, const domain::Principal& who,
                         const v1::ListUnitsRequest* req,
                         v1::ListUnitsResponse* resp);
  grpc::Status ListCategories(grpc::ServerContext* ctx,
                              const domain::Principal& who,
                              const v1::ListCategoriesRequest* req,
                              v1::ListCategoriesResponse* resp);
  grpc::Status CreatePrincipal(grpc::ServerContext* ctx,
                               const domain::Principal& who,
                               const v1::CreatePrincipalRequest* req,
                               v1::Principal* resp);
  grpc::Status GetPrincipal(grpc::ServerContext* ctx,
                            const domain::Principal& who,
                            const v1::GetPrincipalRequest* req,
                            v1::Principal* resp);
  grpc::Status ListPrincipals(grpc::ServerContext* ctx,
                              const domain::Principal& who,
                              const v1::ListPrincipalsRequest* req,
                              v1::ListPrincipalsResponse* resp);
  grpc::Status UpdatePrincipal(grpc::ServerContext* ctx,
                               const domain::Principal& who,
                               const v1::UpdatePrincipalRequest* req,
                               v1::Principal* resp);
  grpc::Status AddRoleBinding(grpc::ServerContext* ctx,
                              const domain::Principal& who,
                              const v1::AddRoleBindingRequest* req,
                              v1::Principal* resp);
  grpc::Status RemoveRoleBinding(grpc::ServerContext* ctx,
                                 const domain::Principal& who,
                                 const v1::RemoveRoleBindingRequest* req,
                                 v1::Principal* resp);
  grpc::Status IssueToken(grpc::ServerContext* ctx,
                          const domain::Principal& who,
                          const v1::IssueTokenRequest* req,
                          v1::IssueTokenResponse* resp);
  grpc::Status RevokeToken(grpc::ServerContext* ctx,
                           const domain::Principal& who,
                           const v1::RevokeTokenRequest* req, v1::Token* resp);
  grpc::Status ListTokens(grpc::ServerContext* ctx,
                          const domain::Principal& who,
                          const v1::ListTokensRequest* req,
                          v1::ListTokensResponse* resp);
  grpc::Status ListAccessLog(grpc::ServerContext* ctx,
                             const domain::Principal& who,
                             const v1::ListAccessLogRequest* req,
                             v1::ListAccessLogResponse* resp);

 private:
  domain::AccessAdmin& admin_;
  domain::OfficeAdmin& office_admin_;
};

}  // namespace aduan::api

#endif  // ADUAN_SERVER_API_ADMIN_SERVICE_H_
