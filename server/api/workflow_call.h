// Helpers shared by the workflow handlers: the common request fields into a
// StepInput, and a step's result into the response.
#ifndef ADUAN_SERVER_API_WORKFLOW_CALL_H_
#define ADUAN_SERVER_API_WORKFLOW_CALL_H_

#include <grpcpp/grpcpp.h>

#include "aduan/v1/complaint.pb.h"
#include "server/api/complaint_convert.h"
#include "server/api/grpc_status.h"
#include "server/domain/complaint_workflow.h"

namespace aduan::api {

// request_id, tracking_code, etag and the request's fingerprint.
template <typename Request>
domain::StepInput StepInputFrom(const Request& req) {
  domain::StepInput in;
  in.request_id = req.request_id();
  in.tracking_code = req.tracking_code();
  in.etag = req.etag();
  in.fingerprint = Fingerprint(req);
  return in;
}

// Writes the updated complaint (the public view for the complainant).
inline grpc::Status Respond(const absl::StatusOr<domain::StepResult>& result,
                            v1::Complaint* resp) {
  if (!result.ok()) return ToGrpcStatus(result.status());
  if (result->public_view) {
    ToPublicProto(result->complaint, resp);
  } else {
    ToProto(result->complaint, resp);
  }
  return grpc::Status::OK;
}

}  // namespace aduan::api

#endif  // ADUAN_SERVER_API_WORKFLOW_CALL_H_
