#include "server/api/verification_service.h"

#include "server/api/call_context.h"
#include "server/api/workflow_call.h"

namespace aduan::api {

grpc::Status VerificationService::VerifyComplaint(
    grpc::ServerContext* ctx, const v1::VerifyComplaintRequest* req,
    v1::Complaint* resp) {
  auto who =
      auth_.Authorize(*ctx, "aduan.v1.VerificationService.VerifyComplaint");
  if (!who.ok()) return ToGrpcStatus(who.status());
  domain::VerifyInput v;
  if (req->outcome() != v1::VerifyComplaintRequest::OUTCOME_UNSPECIFIED) {
    v.outcome = v1::VerifyComplaintRequest::Outcome_IsValid(req->outcome())
                    ? v1::VerifyComplaintRequest::Outcome_Name(req->outcome())
                    : "UNKNOWN";
  }
  v.checklist = {req->checklist().kk_copy(), req->checklist().ktp_copy(),
                 req->checklist().location_photo(),
                 req->checklist().supporting_documents()};
  v.note = req->note();
  v.missing_info = req->missing_info();
  v.referred_to = req->referred_to();
  v.duplicate_of = req->duplicate_of();
  return Respond(flow_.Verify(CallDeadline(*ctx), *who, StepInputFrom(*req), v),
                 resp);
}

grpc::Status VerificationService::ReportToHead(
    grpc::ServerContext* ctx, const v1::ReportToHeadRequest* req,
    v1::Complaint* resp) {
  auto who = auth_.Authorize(*ctx, "aduan.v1.VerificationService.ReportToHead");
  if (!who.ok()) return ToGrpcStatus(who.status());
  return Respond(flow_.ReportToHead(CallDeadline(*ctx), *who,
                                    StepInputFrom(*req), req->note()),
                 resp);
}

}  // namespace aduan::api
