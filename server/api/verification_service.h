// gRPC handlers of aduan.v1.VerificationService (steps 2–3).
#ifndef ADUAN_SERVER_API_VERIFICATION_SERVICE_H_
#define ADUAN_SERVER_API_VERIFICATION_SERVICE_H_

#include "aduan/v1/verification_service.grpc.pb.h"
#include "server/api/parsed_service.h"
#include "server/auth/authorizer.h"
#include "server/domain/complaint_workflow.h"

namespace aduan::api {

// Thread-safe; the references must outlive it.
class VerificationService final
    : public ParsedService<v1::VerificationService> {
 public:
  VerificationService(auth::Authorizer& auth, domain::ComplaintWorkflow& flow)
      : ParsedService(auth), flow_(flow) {
    ParseUnary(&VerificationService::VerifyComplaint);
    ParseUnary(&VerificationService::ReportToHead);
    RequireEveryMethodParsed();
  }

  grpc::Status VerifyComplaint(grpc::ServerContext* ctx,
                               const domain::Principal& who,
                               const v1::VerifyComplaintRequest* req,
                               v1::Complaint* resp);
  grpc::Status ReportToHead(grpc::ServerContext* ctx,
                            const domain::Principal& who,
                            const v1::ReportToHeadRequest* req,
                            v1::Complaint* resp);

 private:
  domain::ComplaintWorkflow& flow_;
};

}  // namespace aduan::api

#endif  // ADUAN_SERVER_API_VERIFICATION_SERVICE_H_
