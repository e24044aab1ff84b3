#include "server/api/intake_service.h"

#include "server/api/call_context.h"
#include "server/api/complaint_convert.h"
#include "server/api/grpc_status.h"
#include "server/api/workflow_call.h"

namespace aduan::api {

grpc::Status IntakeService::SubmitComplaint(
    grpc::ServerContext* ctx, const v1::SubmitComplaintRequest* req,
    v1::SubmitComplaintResponse* resp) {
  absl::StatusOr<domain::Principal> who =
      auth_.Authorize(*ctx, "aduan.v1.IntakeService.SubmitComplaint");
  if (!who.ok()) return ToGrpcStatus(who.status());
  absl::StatusOr<db::ComplaintRecord> draft = DraftFromProto(req->complaint());
  if (!draft.ok()) return ToGrpcStatus(draft.status());
  domain::SubmitInput input{req->request_id(), Fingerprint(*req),
                            *std::move(draft)};
  absl::StatusOr<domain::SubmitResult> result =
      intake_.Submit(CallDeadline(*ctx), *who, std::move(input));
  if (!result.ok()) return ToGrpcStatus(result.status());
  ToProto(result->complaint, resp->mutable_complaint());
  resp->set_pin(result->pin);
  return grpc::Status::OK;
}

grpc::Status IntakeService::TrackComplaint(
    grpc::ServerContext* ctx, const v1::TrackComplaintRequest* req,
    v1::TrackComplaintResponse* resp) {
  absl::StatusOr<domain::Principal> who =
      auth_.Authorize(*ctx, "aduan.v1.IntakeService.TrackComplaint");
  if (!who.ok()) return ToGrpcStatus(who.status());
  absl::StatusOr<domain::TrackResult> result =
      intake_.Track(CallDeadline(*ctx), req->tracking_code(), req->pin());
  if (!result.ok()) return ToGrpcStatus(result.status());
  ToProto(*result, resp);
  return grpc::Status::OK;
}

grpc::Status IntakeService::SupplementComplaint(
    grpc::ServerContext* ctx, const v1::SupplementComplaintRequest* req,
    v1::Complaint* resp) {
  auto who = auth_.Authorize(*ctx, "aduan.v1.IntakeService.SupplementComplaint");
  if (!who.ok()) return ToGrpcStatus(who.status());
  domain::StepInput in = StepInputFrom(*req);
  in.pin = req->pin();
  return Respond(flow_.Supplement(CallDeadline(*ctx), *who, in, req->note()),
                 resp);
}

grpc::Status IntakeService::WithdrawComplaint(
    grpc::ServerContext* ctx, const v1::WithdrawComplaintRequest* req,
    v1::Complaint* resp) {
  auto who = auth_.Authorize(*ctx, "aduan.v1.IntakeService.WithdrawComplaint");
  if (!who.ok()) return ToGrpcStatus(who.status());
  domain::StepInput in = StepInputFrom(*req);
  in.pin = req->pin();
  return Respond(flow_.Withdraw(CallDeadline(*ctx), *who, in, req->reason()),
                 resp);
}

grpc::Status IntakeService::ReissuePin(grpc::ServerContext* ctx,
                                       const v1::ReissuePinRequest* req,
                                       v1::ReissuePinResponse* resp) {
  auto who = auth_.Authorize(*ctx, "aduan.v1.IntakeService.ReissuePin");
  if (!who.ok()) return ToGrpcStatus(who.status());
  domain::StepInput in;
  in.request_id = req->request_id();
  in.tracking_code = req->tracking_code();
  in.fingerprint = Fingerprint(*req);
  absl::StatusOr<std::string> pin = flow_.ReissuePin(CallDeadline(*ctx), *who, in);
  if (!pin.ok()) return ToGrpcStatus(pin.status());
  resp->set_pin(*pin);
  return grpc::Status::OK;
}

}  // namespace aduan::api
