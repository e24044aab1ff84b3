// gRPC handlers of aduan.v1.IntakeService. Thin: identity, convert, call
// the domain, convert back. RPCs not overridden answer UNIMPLEMENTED.
#ifndef ADUAN_SERVER_API_INTAKE_SERVICE_H_
#define ADUAN_SERVER_API_INTAKE_SERVICE_H_

#include "aduan/v1/intake_service.grpc.pb.h"
#include "server/auth/authorizer.h"
#include "server/domain/complaint_intake.h"

namespace aduan::api {

// Thread-safe; the references must outlive it.
class IntakeService final : public v1::IntakeService::Service {
 public:
  IntakeService(auth::Authorizer& auth, domain::ComplaintIntake& intake)
      : auth_(auth), intake_(intake) {}

  grpc::Status SubmitComplaint(grpc::ServerContext* ctx,
                               const v1::SubmitComplaintRequest* req,
                               v1::SubmitComplaintResponse* resp) override;
  grpc::Status TrackComplaint(grpc::ServerContext* ctx,
                              const v1::TrackComplaintRequest* req,
                              v1::TrackComplaintResponse* resp) override;

 private:
  auth::Authorizer& auth_;
  domain::ComplaintIntake& intake_;
};

}  // namespace aduan::api

#endif  // ADUAN_SERVER_API_INTAKE_SERVICE_H_
