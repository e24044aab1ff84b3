// gRPC handlers of aduan.v1.ArchiveService (steps 6–7): informing the
// complainant, archiving, and reading and verifying archive records.
#ifndef ADUAN_SERVER_API_ARCHIVE_SERVICE_H_
#define ADUAN_SERVER_API_ARCHIVE_SERVICE_H_

#include "aduan/v1/archive_service.grpc.pb.h"
#include "server/api/parsed_service.h"
#include "server/auth/authorizer.h"
#include "server/domain/complaint_archive.h"
#include "server/domain/complaint_workflow.h"

namespace aduan::api {

// Thread-safe; the references must outlive it.
class ArchiveService final : public ParsedService<v1::ArchiveService> {
 public:
  ArchiveService(auth::Authorizer& auth, domain::ComplaintWorkflow& flow,
                 domain::ComplaintArchive& archive)
      : ParsedService(auth), flow_(flow), archive_(archive) {
    ParseUnary(&ArchiveService::InformComplainant);
    ParseUnary(&ArchiveService::ArchiveComplaint);
    ParseUnary(&ArchiveService::GetArchive);
    ParseUnary(&ArchiveService::VerifyArchive);
    RequireEveryMethodParsed();
  }

  grpc::Status InformComplainant(grpc::ServerContext* ctx,
                                 const domain::Principal& who,
                                 const v1::InformComplainantRequest* req,
                                 v1::Complaint* resp);
  grpc::Status ArchiveComplaint(grpc::ServerContext* ctx,
                                const domain::Principal& who,
                                const v1::ArchiveComplaintRequest* req,
                                v1::Complaint* resp);
  grpc::Status GetArchive(grpc::ServerContext* ctx,
                          const domain::Principal& who,
                          const v1::GetArchiveRequest* req,
                          v1::ArchiveRecord* resp);
  grpc::Status VerifyArchive(grpc::ServerContext* ctx,
                             const domain::Principal& who,
                             const v1::VerifyArchiveRequest* req,
                             v1::VerifyArchiveResponse* resp);

 private:
  domain::ComplaintWorkflow& flow_;
  domain::ComplaintArchive& archive_;
};

}  // namespace aduan::api

#endif  // ADUAN_SERVER_API_ARCHIVE_SERVICE_H_
