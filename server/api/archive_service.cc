#include "server/api/archive_service.h"

#include "server/api/call_context.h"
#include "server/api/workflow_call.h"

namespace aduan::api {

grpc::Status ArchiveService::InformComplainant(
    grpc::ServerContext* ctx, const v1::InformComplainantRequest* req,
    v1::Complaint* resp) {
  auto who = auth_.Authorize(*ctx, "aduan.v1.ArchiveService.InformComplainant");
  if (!who.ok()) return ToGrpcStatus(who.status());
  domain::InformInput i;
  if (req->method() != v1::InformComplainantRequest::METHOD_UNSPECIFIED) {
    i.method = v1::InformComplainantRequest::Method_IsValid(req->method())
                   ? v1::InformComplainantRequest::Method_Name(req->method())
                   : "UNKNOWN";
  }
  i.message = req->message();
  return Respond(flow_.Inform(CallDeadline(*ctx), *who, StepInputFrom(*req), i),
                 resp);
}

}  // namespace aduan::api
