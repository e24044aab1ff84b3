#include "server/api/disposition_service.h"

#include <google/protobuf/util/time_util.h>

#include "absl/strings/str_cat.h"
#include "server/api/proto_enum.h"
#include "server/api/workflow_call.h"
#include "server/auth/call_context.h"

namespace aduan::api {
grpc::Status DispositionService::DisposeComplaint(
    grpc::ServerContext* ctx, const domain::Principal& who,
    const v1::DisposeComplaintRequest* req, v1::Complaint* resp) {
  domain::DisposeInput d;
  d.unit_code = req->unit_code();
  d.instruction = req->instruction();
  if (req->has_due_time()) {
    auto due = TimeFromProto("due_time", req->due_time());
    if (!due.ok()) return ToGrpcStatus(due.status());
    d.due_time = *due;
  }
  return Respond(
      flow_.Dispose(auth::CallDeadline(*ctx), who, StepInputFrom(*req), d),
      resp);
}

grpc::Status DispositionService::DeclineComplaint(
    grpc::ServerContext* ctx, const domain::Principal& who,
    const v1::DeclineComplaintRequest* req, v1::Complaint* resp) {
  domain::DeclineInput d;
  auto outcome = FromProtoEnum<v1::DeclineComplaintRequest::Outcome>(
      "outcome", req->outcome(), model::ParseState);
  if (!outcome.ok()) return ToGrpcStatus(outcome.status());
  d.outcome = *outcome;
  d.reason = req->reason();
  d.referred_to = req->referred_to();
  return Respond(
      flow_.Decline(auth::CallDeadline(*ctx), who, StepInputFrom(*req), d),
      resp);
}

grpc::Status DispositionService::ReturnDisposition(
    grpc::ServerContext* ctx, const domain::Principal& who,
    const v1::ReturnDispositionRequest* req, v1::Complaint* resp) {
  return Respond(flow_.ReturnDisposition(auth::CallDeadline(*ctx), who,
                                         StepInputFrom(*req), req->reason()),
                 resp);
}

grpc::Status DispositionService::ReturnForRework(
    grpc::ServerContext* ctx, const domain::Principal& who,
    const v1::ReturnForReworkRequest* req, v1::Complaint* resp) {
  return Respond(flow_.ReturnForRework(auth::CallDeadline(*ctx), who,
                                       StepInputFrom(*req), req->reason()),
                 resp);
}

grpc::Status DispositionService::StartFollowUp(
    grpc::ServerContext* ctx, const domain::Principal& who,
    const v1::StartFollowUpRequest* req, v1::Complaint* resp) {
  return Respond(flow_.StartFollowUp(auth::CallDeadline(*ctx), who,
                                     StepInputFrom(*req), req->note()),
                 resp);
}

grpc::Status DispositionService::AddFollowUpNote(
    grpc::ServerContext* ctx, const domain::Principal& who,
    const v1::AddFollowUpNoteRequest* req, v1::Complaint* resp) {
  return Respond(flow_.AddFollowUpNote(auth::CallDeadline(*ctx), who,
                                       StepInputFrom(*req), req->note()),
                 resp);
}

grpc::Status DispositionService::ResolveComplaint(
    grpc::ServerContext* ctx, const domain::Principal& who,
    const v1::ResolveComplaintRequest* req, v1::Complaint* resp) {
  std::vector<std::string> ids(req->attachment_ids().begin(),
                               req->attachment_ids().end());
  return Respond(flow_.Resolve(auth::CallDeadline(*ctx), who,
                               StepInputFrom(*req), req->result(), ids),
                 resp);
}

}  // namespace aduan::api
