// gRPC handlers of aduan.v1.ArchiveService (steps 6–7). Informing the
// complainant works; ArchiveComplaint, GetArchive and VerifyArchive answer
// UNIMPLEMENTED until the archive record is built.
#ifndef ADUAN_SERVER_API_ARCHIVE_SERVICE_H_
#define ADUAN_SERVER_API_ARCHIVE_SERVICE_H_

#include "aduan/v1/archive_service.grpc.pb.h"
#include "server/auth/authorizer.h"
#include "server/domain/complaint_workflow.h"

namespace aduan::api {

// Thread-safe; the references must outlive it.
class ArchiveService final : public v1::ArchiveService::Service {
 public:
  ArchiveService(auth::Authorizer& auth, domain::ComplaintWorkflow& flow)
      : auth_(auth), flow_(flow) {}

  grpc::Status InformComplainant(grpc::ServerContext* ctx,
                                 const v1::InformComplainantRequest* req,
                                 v1::Complaint* resp) override;

 private:
  auth::Authorizer& auth_;
  domain::ComplaintWorkflow& flow_;
};

}  // namespace aduan::api

#endif  // ADUAN_SERVER_API_ARCHIVE_SERVICE_H_
