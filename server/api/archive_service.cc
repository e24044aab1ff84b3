#include "server/api/archive_service.h"

#include <google/protobuf/util/time_util.h>

#include "server/api/proto_enum.h"
#include "server/api/workflow_call.h"
#include "server/auth/call_context.h"

namespace aduan::api {

grpc::Status ArchiveService::InformComplainant(
    grpc::ServerContext* ctx, const domain::Principal& who,
    const v1::InformComplainantRequest* req, v1::Complaint* resp) {
  domain::InformInput i;
  auto method = ProtoEnumName<v1::InformComplainantRequest::Method>(
      "method", req->method());
  if (!method.ok()) return ToGrpcStatus(method.status());
  i.method = *std::move(method);
  i.message = req->message();
  return Respond(
      flow_.Inform(auth::CallDeadline(*ctx), who, StepInputFrom(*req), i),
      resp);
}

grpc::Status ArchiveService::ArchiveComplaint(
    grpc::ServerContext* ctx, const domain::Principal& who,
    const v1::ArchiveComplaintRequest* req, v1::Complaint* resp) {
  return Respond(
      flow_.Archive(auth::CallDeadline(*ctx), who, StepInputFrom(*req)), resp);
}

grpc::Status ArchiveService::GetArchive(grpc::ServerContext* ctx,
                                        const domain::Principal& who,
                                        const v1::GetArchiveRequest* req,
                                        v1::ArchiveRecord* resp) {
  auto view =
      archive_.Read(auth::CallDeadline(*ctx), who, req->tracking_code());
  if (!view.ok()) return ToGrpcStatus(view.status());
  const model::ArchiveRecord* r = &view->record;
  resp->set_redacted(view->redacted);
  resp->set_tracking_code(r->tracking_code);
  resp->set_sha256(r->sha256);
  *resp->mutable_create_time() =
      google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(r->create_time);
  resp->set_document(r->document);
  resp->set_office_code(r->office_code);
  resp->set_office_seq(r->office_seq);
  resp->set_prev_sha256(r->prev_sha256);
  resp->set_hmac(r->hmac);
  return grpc::Status::OK;
}

grpc::Status ArchiveService::VerifyArchive(grpc::ServerContext* ctx,
                                           const domain::Principal& who,
                                           const v1::VerifyArchiveRequest* req,
                                           v1::VerifyArchiveResponse* resp) {
  auto check =
      archive_.Verify(auth::CallDeadline(*ctx), who, req->tracking_code());
  if (!check.ok()) return ToGrpcStatus(check.status());
  resp->set_intact(check->intact);
  resp->set_stored_sha256(check->stored_sha256);
  resp->set_computed_sha256(check->computed_sha256);
  resp->set_chain_intact(check->chain_intact);
  resp->set_documents_intact(check->documents_intact);
  resp->set_document_intact(check->document_intact);
  resp->set_hmac_intact(check->hmac_intact);
  resp->set_rows_intact(check->rows_intact);
  for (const std::string& id : check->damaged_attachment_ids) {
    resp->add_damaged_attachment_ids(id);
  }
  resp->set_record_missing(check->record_missing);
  return grpc::Status::OK;
}

}  // namespace aduan::api
