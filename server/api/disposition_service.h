// gRPC handlers of aduan.v1.DispositionService (steps 4–5).
#ifndef ADUAN_SERVER_API_DISPOSITION_SERVICE_H_
#define ADUAN_SERVER_API_DISPOSITION_SERVICE_H_

#include "aduan/v1/disposition_service.grpc.pb.h"
#include "server/api/parsed_service.h"
#include "server/auth/authorizer.h"
#include "server/domain/complaint_workflow.h"

namespace aduan::api {

// Thread-safe; the references must outlive it.
class DispositionService final : public ParsedService<v1::DispositionService> {
 public:
  DispositionService(auth::Authorizer& auth, domain::ComplaintWorkflow& flow)
      : ParsedService(auth), flow_(flow) {
    ParseUnary(&DispositionService::DisposeComplaint);
    ParseUnary(&DispositionService::DeclineComplaint);
    ParseUnary(&DispositionService::ReturnDisposition);
    ParseUnary(&DispositionService::ReturnForRework);
    ParseUnary(&DispositionService::StartFollowUp);
    ParseUnary(&DispositionService::AddFollowUpNote);
    ParseUnary(&DispositionService::ResolveComplaint);
    RequireEveryMethodParsed();
  }

  grpc::Status DisposeComplaint(grpc::ServerContext* ctx,
                                const domain::Principal& who,
                                const v1::DisposeComplaintRequest* req,
                                v1::Complaint* resp);
  grpc::Status DeclineComplaint(grpc::ServerContext* ctx,
                                const domain::Principal& who,
                                const v1::DeclineComplaintRequest* req,
                                v1::Complaint* resp);
  grpc::Status ReturnDisposition(grpc::ServerContext* ctx,
                                 const domain::Principal& who,
                                 const v1::ReturnDispositionRequest* req,
                                 v1::Complaint* resp);
  grpc::Status ReturnForRework(grpc::ServerContext* ctx,
                               const domain::Principal& who,
                               const v1::ReturnForReworkRequest* req,
                               v1::Complaint* resp);
  grpc::Status StartFollowUp(grpc::ServerContext* ctx,
                             const domain::Principal& who,
                             const v1::StartFollowUpRequest* req,
                             v1::Complaint* resp);
  grpc::Status AddFollowUpNote(grpc::ServerContext* ctx,
                               const domain::Principal& who,
                               const v1::AddFollowUpNoteRequest* req,
                               v1::Complaint* resp);
  grpc::Status ResolveComplaint(grpc::ServerContext* ctx,
                                const domain::Principal& who,
                                const v1::ResolveComplaintRequest* req,
                                v1::Complaint* resp);

 private:
  domain::ComplaintWorkflow& flow_;
};

}  // namespace aduan::api

#endif  // ADUAN_SERVER_API_DISPOSITION_SERVICE_H_
