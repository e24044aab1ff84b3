#include "server/api/verification_service.h"

#include "server/api/proto_enum.h"
#include "server/api/workflow_call.h"
#include "server/auth/call_context.h"

namespace aduan::api {

grpc::Status VerificationService::VerifyComplaint(
    grpc::ServerContext* ctx, const domain::Principal& who,
    const v1::VerifyComplaintRequest* req, v1::Complaint* resp) {
  domain::VerifyInput v;
  auto outcome = FromProtoEnum<v1::VerifyComplaintRequest::Outcome>(
      "outcome", req->outcome(), model::ParseState);
  if (!outcome.ok()) return ToGrpcStatus(outcome.status());
  v.outcome = *outcome;
  v.checklist = {req->checklist().kk_copy(), req->checklist().ktp_copy(),
                 req->checklist().location_photo(),
                 req->checklist().supporting_documents()};
  v.note = req->note();
  v.missing_info = req->missing_info();
  v.referred_to = req->referred_to();
  v.duplicate_of = req->duplicate_of();
  return Respond(
      flow_.Verify(auth::CallDeadline(*ctx), who, StepInputFrom(*req), v),
      resp);
}

grpc::Status VerificationService::ReportToHead(
    grpc::ServerContext* ctx, const domain::Principal& who,
    const v1::ReportToHeadRequest* req, v1::Complaint* resp) {
  return Respond(flow_.ReportToHead(auth::CallDeadline(*ctx), who,
                                    StepInputFrom(*req), req->note()),
                 resp);
}

}  // namespace aduan::api
