#include "server/api/intake_service.h"

#include "server/api/complaint_convert.h"
#include "server/api/grpc_status.h"
#include "server/api/workflow_call.h"
#include "server/auth/call_context.h"

namespace aduan::api {
namespace {

// Clears the field at `path` ("title", "location.address") of `message`;
// a path that names no field clears nothing.
void ClearPath(absl::string_view path, google::protobuf::Message* message) {
  for (absl::string_view rest = path;;) {
    const size_t dot = rest.find('.');
    const google::protobuf::FieldDescriptor* f =
        message->GetDescriptor()->FindFieldByName(
            std::string(rest.substr(0, dot)));
    if (f == nullptr) return;
    const google::protobuf::Reflection* r = message->GetReflection();
    if (dot == absl::string_view::npos) {
      r->ClearField(message, f);
      return;
    }
    if (f->type() != google::protobuf::FieldDescriptor::TYPE_MESSAGE ||
        f->is_repeated() || !r->HasField(*message, f)) {
      return;
    }
    message = r->MutableMessage(message, f);
    rest = rest.substr(dot + 1);
  }
}

}  // namespace

grpc::Status IntakeService::SubmitComplaint(
    grpc::ServerContext* ctx, const domain::Principal& who,
    const v1::SubmitComplaintRequest* req, v1::SubmitComplaintResponse* resp) {
  absl::StatusOr<model::ComplaintRecord> draft =
      DraftFromProto(req->complaint());
  if (!draft.ok()) return ToGrpcStatus(draft.status());
  domain::SubmitInput input{req->request_id(), Fingerprint(*req),
                            *std::move(draft)};
  absl::StatusOr<domain::SubmitResult> result =
      intake_.Submit(auth::CallDeadline(*ctx), who, std::move(input));
  if (!result.ok()) return ToGrpcStatus(result.status());
  ToProto(result->complaint, resp->mutable_complaint());
  resp->set_pin(result->pin);
  resp->set_pin_withheld(result->pin_withheld);
  return grpc::Status::OK;
}

grpc::Status IntakeService::TrackComplaint(grpc::ServerContext* ctx,
                                           const domain::Principal& /*who*/,
                                           const v1::TrackComplaintRequest* req,
                                           v1::TrackComplaintResponse* resp) {
  absl::StatusOr<domain::TrackResult> result =
      intake_.Track(auth::CallDeadline(*ctx), req->tracking_code(), req->pin());
  if (!result.ok()) return ToGrpcStatus(result.status());
  ToProto(*result, resp);
  return grpc::Status::OK;
}

grpc::Status IntakeService::SupplementComplaint(
    grpc::ServerContext* ctx, const domain::Principal& who,
    const v1::SupplementComplaintRequest* req, v1::Complaint* resp) {
  domain::StepInput in = StepInputFrom(*req);
  in.pin = req->pin();
  return Respond(
      flow_.Supplement(auth::CallDeadline(*ctx), who, in, req->note()), resp);
}

grpc::Status IntakeService::WithdrawComplaint(
    grpc::ServerContext* ctx, const domain::Principal& who,
    const v1::WithdrawComplaintRequest* req, v1::Complaint* resp) {
  domain::StepInput in = StepInputFrom(*req);
  in.pin = req->pin();
  return Respond(
      flow_.Withdraw(auth::CallDeadline(*ctx), who, in, req->reason()), resp);
}

grpc::Status IntakeService::UpdateComplaint(
    grpc::ServerContext* ctx, const domain::Principal& who,
    const v1::UpdateComplaintRequest* req, v1::Complaint* resp) {
  // Only tracking_code and the fields named in update_mask may be set.
  // Which paths may be named, and what each changes, is the domain's
  // (server/domain/complaint_patch.h); here each named field, found by its
  // path in the message, is taken out of what must be left empty.
  v1::Complaint rest = req->complaint();
  rest.clear_tracking_code();
  std::vector<std::string> paths(req->update_mask().paths().begin(),
                                 req->update_mask().paths().end());
  for (const std::string& p : paths) ClearPath(p, &rest);
  if (rest.has_location() && rest.location().ByteSizeLong() == 0) {
    rest.clear_location();
  }
  if (rest.has_complainant() && rest.complainant().ByteSizeLong() == 0) {
    rest.clear_complainant();
  }
  if (rest.ByteSizeLong() > 0) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "complaint: only tracking_code and the fields named in "
                        "update_mask may be set");
  }
  const v1::Complaint& c = req->complaint();
  model::ComplaintRecord changes;
  changes.title = c.title();
  changes.description = c.description();
  changes.category_code = c.category();
  changes.anonymous = c.anonymous();
  changes.confidential = c.confidential();
  changes.location_address = c.location().address();
  changes.location_kelurahan = c.location().kelurahan();
  if (c.location().has_latitude()) changes.latitude = c.location().latitude();
  if (c.location().has_longitude())
    changes.longitude = c.location().longitude();
  changes.complainant_name = c.complainant().name();
  changes.complainant_nik = c.complainant().nik();
  changes.complainant_kk = c.complainant().kk_number();
  changes.complainant_phone = c.complainant().phone();
  changes.complainant_email = c.complainant().email();
  changes.complainant_address = c.complainant().address();
  domain::StepInput in;
  in.request_id = req->request_id();
  in.tracking_code = c.tracking_code();
  in.etag = req->etag();
  in.fingerprint = Fingerprint(*req);
  return Respond(
      flow_.Update(auth::CallDeadline(*ctx), who, in, changes, paths), resp);
}

grpc::Status IntakeService::ReissuePin(grpc::ServerContext* ctx,
                                       const domain::Principal& who,
                                       const v1::ReissuePinRequest* req,
                                       v1::ReissuePinResponse* resp) {
  domain::StepInput in;
  in.request_id = req->request_id();
  in.tracking_code = req->tracking_code();
  in.fingerprint = Fingerprint(*req);
  auto pin = flow_.ReissuePin(auth::CallDeadline(*ctx), who, in);
  if (!pin.ok()) return ToGrpcStatus(pin.status());
  resp->set_pin(pin->pin);
  resp->set_pin_withheld(pin->withheld);
  return grpc::Status::OK;
}

}  // namespace aduan::api
