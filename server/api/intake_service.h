// gRPC handlers of aduan.v1.IntakeService. Thin: convert, call the domain,
// convert back; the request is parsed and the caller authorised before
// (parsed_service.h).
#ifndef ADUAN_SERVER_API_INTAKE_SERVICE_H_
#define ADUAN_SERVER_API_INTAKE_SERVICE_H_

#include "aduan/v1/intake_service.grpc.pb.h"
#include "server/api/parsed_service.h"
#include "server/auth/authorizer.h"
#include "server/domain/complaint_intake.h"
#include "server/domain/complaint_workflow.h"

namespace aduan::api {

// Thread-safe; the references must outlive it.
class IntakeService final : public ParsedService<v1::IntakeService> {
 public:
  IntakeService(auth::Authorizer& auth, domain::ComplaintIntake& intake,
                domain::ComplaintWorkflow& flow)
      : ParsedService(auth), intake_(intake), flow_(flow) {
    ParseUnary(&IntakeService::SubmitComplaint);
    ParseUnary(&IntakeService::TrackComplaint);
    ParseUnary(&IntakeService::SupplementComplaint);
    ParseUnary(&IntakeService::WithdrawComplaint);
    ParseUnary(&IntakeService::UpdateComplaint);
    ParseUnary(&IntakeService::ReissuePin);
    RequireEveryMethodParsed();
  }

  grpc::Status SubmitComplaint(grpc::ServerContext* ctx,
                               const domain::Principal& who,
                               const v1::SubmitComplaintRequest* req,
                               v1::SubmitComplaintResponse* resp);
  grpc::Status TrackComplaint(grpc::ServerContext* ctx,
                              const domain::Principal& who,
                              const v1::TrackComplaintRequest* req,
                              v1::TrackComplaintResponse* resp);
  grpc::Status SupplementComplaint(grpc::ServerContext* ctx,
                                   const domain::Principal& who,
                                   const v1::SupplementComplaintRequest* req,
                                   v1::Complaint* resp);
  grpc::Status WithdrawComplaint(grpc::ServerContext* ctx,
                                 const domain::Principal& who,
                                 const v1::WithdrawComplaintRequest* req,
                                 v1::Complaint* resp);
  grpc::Status UpdateComplaint(grpc::ServerContext* ctx,
                               const domain::Principal& who,
                               const v1::UpdateComplaintRequest* req,
                               v1::Complaint* resp);
  grpc::Status ReissuePin(grpc::ServerContext* ctx,
                          const domain::Principal& who,
                          const v1::ReissuePinRequest* req,
                          v1::ReissuePinResponse* resp);

 private:
  domain::ComplaintIntake& intake_;
  domain::ComplaintWorkflow& flow_;
};

}  // namespace aduan::api

#endif  // ADUAN_SERVER_API_INTAKE_SERVICE_H_
