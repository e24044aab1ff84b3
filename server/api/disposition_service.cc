#include "server/api/disposition_service.h"

#include <google/protobuf/util/time_util.h>

#include "absl/strings/str_cat.h"
#include "server/api/call_context.h"
#include "server/api/workflow_call.h"

namespace aduan::api {
namespace {

constexpr char kService[] = "aduan.v1.DispositionService.";

}  // namespace

#define ADUAN_AUTHORIZE(who, method)                                \
  auto who = auth_.Authorize(*ctx, absl::StrCat(kService, method)); \
  if (!who.ok()) return ToGrpcStatus(who.status())

grpc::Status DispositionService::DisposeComplaint(
    grpc::ServerContext* ctx, const v1::DisposeComplaintRequest* req,
    v1::Complaint* resp) {
  ADUAN_AUTHORIZE(who, "DisposeComplaint");
  domain::DisposeInput d;
  d.unit_code = req->unit_code();
  d.instruction = req->instruction();
  if (req->has_due_time()) {
    auto due = TimeFromProto("due_time", req->due_time());
    if (!due.ok()) return ToGrpcStatus(due.status());
    d.due_time = *due;
  }
  return Respond(
      flow_.Dispose(CallDeadline(*ctx), *who, StepInputFrom(*req), d), resp);
}

grpc::Status DispositionService::DeclineComplaint(
    grpc::ServerContext* ctx, const v1::DeclineComplaintRequest* req,
    v1::Complaint* resp) {
  ADUAN_AUTHORIZE(who, "DeclineComplaint");
  domain::DeclineInput d;
  if (req->outcome() != v1::DeclineComplaintRequest::OUTCOME_UNSPECIFIED) {
    d.outcome = v1::DeclineComplaintRequest::Outcome_IsValid(req->outcome())
                    ? v1::DeclineComplaintRequest::Outcome_Name(req->outcome())
                    : "UNKNOWN";
  }
  d.reason = req->reason();
  d.referred_to = req->referred_to();
  return Respond(
      flow_.Decline(CallDeadline(*ctx), *who, StepInputFrom(*req), d), resp);
}

grpc::Status DispositionService::ReturnDisposition(
    grpc::ServerContext* ctx, const v1::ReturnDispositionRequest* req,
    v1::Complaint* resp) {
  ADUAN_AUTHORIZE(who, "ReturnDisposition");
  return Respond(flow_.ReturnDisposition(CallDeadline(*ctx), *who,
                                         StepInputFrom(*req), req->reason()),
                 resp);
}

grpc::Status DispositionService::ReturnForRework(
    grpc::ServerContext* ctx, const v1::ReturnForReworkRequest* req,
    v1::Complaint* resp) {
  ADUAN_AUTHORIZE(who, "ReturnForRework");
  return Respond(flow_.ReturnForRework(CallDeadline(*ctx), *who,
                                       StepInputFrom(*req), req->reason()),
                 resp);
}

grpc::Status DispositionService::StartFollowUp(
    grpc::ServerContext* ctx, const v1::StartFollowUpRequest* req,
    v1::Complaint* resp) {
  ADUAN_AUTHORIZE(who, "StartFollowUp");
  return Respond(flow_.StartFollowUp(CallDeadline(*ctx), *who,
                                     StepInputFrom(*req), req->note()),
                 resp);
}

grpc::Status DispositionService::AddFollowUpNote(
    grpc::ServerContext* ctx, const v1::AddFollowUpNoteRequest* req,
    v1::Complaint* resp) {
  ADUAN_AUTHORIZE(who, "AddFollowUpNote");
  return Respond(flow_.AddFollowUpNote(CallDeadline(*ctx), *who,
                                       StepInputFrom(*req), req->note()),
                 resp);
}

grpc::Status DispositionService::ResolveComplaint(
    grpc::ServerContext* ctx, const v1::ResolveComplaintRequest* req,
    v1::Complaint* resp) {
  ADUAN_AUTHORIZE(who, "ResolveComplaint");
  std::vector<std::string> ids(req->attachment_ids().begin(),
                               req->attachment_ids().end());
  return Respond(flow_.Resolve(CallDeadline(*ctx), *who, StepInputFrom(*req),
                               req->result(), ids),
                 resp);
}

#undef ADUAN_AUTHORIZE

}  // namespace aduan::api
