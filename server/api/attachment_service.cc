#include "server/api/attachment_service.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/crypto.h"
#include "server/api/complaint_convert.h"
#include "server/api/grpc_status.h"
#include "server/api/proto_enum.h"
#include "server/auth/call_context.h"

namespace aduan::api {
namespace {

grpc::Status Invalid(const std::string& message) {
  return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, message);
}

void Respond(const model::AttachmentRecord& a,
             v1::UploadAttachmentResponse* resp) {
  resp->set_attachment_id(a.attachment_id);
  resp->set_sha256(a.sha256);
  resp->set_size_bytes(a.size_bytes);
}

}  // namespace

grpc::Status AttachmentService::Upload(
    grpc::ServerContext* ctx, const domain::Principal& who,
    RequestReader<v1::UploadAttachmentRequest>* reader,
    v1::UploadAttachmentResponse* resp) {
  // No upload slot until the header is read and authorised (UploadGuard).
  const UploadGuard::Ticket ticket = uploads_.Await(ctx);
  v1::UploadAttachmentRequest msg;
  if (!reader->Read(&msg)) {
    if (!reader->error().ok()) return ToGrpcStatus(reader->error());
    if (ctx->IsCancelled()) {
      return grpc::Status(grpc::StatusCode::CANCELLED, "upload cancelled");
    }
    return Invalid("header: the first message must carry the header");
  }
  if (!msg.has_header()) {
    return Invalid("header: the first message must carry the header");
  }
  const v1::UploadAttachmentHeader& h = msg.header();
  domain::StepInput in;
  in.request_id = h.request_id();
  in.tracking_code = h.tracking_code();
  in.pin = h.pin();
  // A retry is recognised by its header: the same request_id with the same
  // header returns the first result (the PIN is not part of it).
  v1::UploadAttachmentHeader print = h;
  print.clear_pin();
  in.fingerprint = Fingerprint(print);
  domain::AttachInput a;
  auto type = FromProtoEnum<v1::Attachment::Type>("type", h.type(),
                                                  model::ParseDocumentType);
  if (!type.ok()) return ToGrpcStatus(type.status());
  a.type = *type;
  a.declared_media_type = h.media_type();
  a.file_name = h.file_name();
  auto first = docs_.CheckUpload(auth::CallDeadline(*ctx), who, in, a);
  if (!first.ok()) return ToGrpcStatus(first.status());
  if (absl::Status admitted = uploads_.Admit(ticket, who.authenticated);
      !admitted.ok()) {
    return ToGrpcStatus(admitted);
  }
  std::string bytes;
  bytes.reserve(1024 * 1024);
  while (reader->Read(&msg)) {
    if (msg.has_header()) return Invalid("header: sent twice");
    if (msg.part_case() != v1::UploadAttachmentRequest::kChunk) {
      return Invalid("chunk: a message after the header must carry a chunk");
    }
    if (static_cast<long long>(msg.chunk().size()) > domain::kMaxChunkBytes) {
      return Invalid(absl::StrCat("chunk: at most ", domain::kMaxChunkBytes,
                                  " bytes a message"));
    }
    if (static_cast<long long>(bytes.size() + msg.chunk().size()) >
        domain::kMaxAttachmentBytes) {
      return grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                          absl::StrCat("content: a document is at most ",
                                       domain::kMaxAttachmentBytes, " bytes"));
    }
    bytes.append(msg.chunk());
  }
  // Read() is false at the client's half-close, when the call broke and
  // when a message is not valid.
  if (!reader->error().ok()) return ToGrpcStatus(reader->error());
  if (ctx->IsCancelled()) {
    return grpc::Status(grpc::StatusCode::CANCELLED,
                        "upload cancelled; nothing was stored");
  }
  if (*first) {
    // A retry: the first result, provided it carries the same document.
    auto same = domain::ComplaintDocuments::SameDocument(
        **first, domain::ComplaintDocuments::DigestOfUpload(bytes));
    if (!same.ok()) return ToGrpcStatus(same.status());
    Respond(*same, resp);
    return grpc::Status::OK;
  }
  auto stored = docs_.Store(auth::CallDeadline(*ctx), who, in, a, bytes);
  if (!stored.ok()) return ToGrpcStatus(stored.status());
  Respond(*stored, resp);
  return grpc::Status::OK;
}

grpc::Status AttachmentService::Download(
    grpc::ServerContext* ctx, const domain::Principal& who,
    const v1::DownloadAttachmentRequest* req,
    Writer<v1::DownloadAttachmentResponse>* writer) {
  auto doc = docs_.Open(auth::CallDeadline(*ctx), who, req->attachment_id(),
                        req->access_reason());
  if (!doc.ok()) return ToGrpcStatus(doc.status());
  constexpr size_t kChunk = 1024 * 1024;
  size_t at = 0;
  do {
    v1::DownloadAttachmentResponse out;
    if (at == 0) ToProto(doc->attachment, out.mutable_attachment());
    const size_t n = std::min(kChunk, doc->bytes.size() - at);
    out.set_chunk(doc->bytes.substr(at, n));
    at += n;
    if (!writer->Write(out)) {
      return grpc::Status(grpc::StatusCode::CANCELLED, "download cancelled");
    }
  } while (at < doc->bytes.size());
  return grpc::Status::OK;
}

}  // namespace aduan::api
