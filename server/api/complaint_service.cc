#include "server/api/complaint_service.h"

#include "server/api/complaint_convert.h"
#include "server/api/grpc_status.h"
#include "server/auth/call_context.h"

namespace aduan::api {

grpc::Status ComplaintService::GetComplaint(grpc::ServerContext* ctx,
                                            const domain::Principal& who,
                                            const v1::GetComplaintRequest* req,
                                            v1::Complaint* resp) {
  if (!v1::GetComplaintRequest::View_IsValid(req->view())) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "view: unknown value");
  }
  if (req->view() != v1::GetComplaintRequest::FULL &&
      !req->access_reason().empty()) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "access_reason: only with view FULL");
  }
  absl::StatusOr<domain::ComplaintView> view = reader_.Get(
      auth::CallDeadline(*ctx), who, req->tracking_code(),
      req->view() == v1::GetComplaintRequest::FULL, req->access_reason());
  if (!view.ok()) return ToGrpcStatus(view.status());
  ToProto(*view, resp);
  return grpc::Status::OK;
}

grpc::Status ComplaintService::ListComplaints(
    grpc::ServerContext* ctx, const domain::Principal& who,
    const v1::ListComplaintsRequest* req, v1::ListComplaintsResponse* resp) {
  absl::StatusOr<domain::ListInput> input = ListInputFromProto(*req);
  if (!input.ok()) return ToGrpcStatus(input.status());
  absl::StatusOr<domain::ListResult> result =
      reader_.List(auth::CallDeadline(*ctx), who, *input);
  if (!result.ok()) return ToGrpcStatus(result.status());
  for (const domain::ComplaintView& v : result->complaints) {
    ToProto(v, resp->add_complaints());
  }
  resp->set_next_page_token(result->next_page_token);
  resp->set_total_size(result->total_size);
  return grpc::Status::OK;
}

grpc::Status ComplaintService::ListComplaintEvents(
    grpc::ServerContext* ctx, const domain::Principal& who,
    const v1::ListComplaintEventsRequest* req,
    v1::ListComplaintEventsResponse* resp) {
  absl::StatusOr<domain::EventsResult> result =
      reader_.ListEvents(auth::CallDeadline(*ctx), who, req->tracking_code(),
                         req->page_size(), req->page_token());
  if (!result.ok()) return ToGrpcStatus(result.status());
  for (const model::EventRecord& e : result->events)
    ToProto(e, resp->add_events());
  resp->set_next_page_token(result->next_page_token);
  return grpc::Status::OK;
}

}  // namespace aduan::api
