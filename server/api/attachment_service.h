// gRPC handlers of aduan.v1.AttachmentService: document upload (client
// streaming) and download (server streaming). Thin: the stream (the caller
// is authorised before: parsed_service.h),
// then server/domain/complaint_documents.h.
#ifndef ADUAN_SERVER_API_ATTACHMENT_SERVICE_H_
#define ADUAN_SERVER_API_ATTACHMENT_SERVICE_H_

#include "aduan/v1/attachment_service.grpc.pb.h"
#include "server/api/parsed_service.h"
#include "server/api/upload_guard.h"
#include "server/auth/authorizer.h"
#include "server/domain/complaint_documents.h"

namespace aduan::api {

// Thread-safe; the references must outlive it.
class AttachmentService final : public ParsedService<v1::AttachmentService> {
 public:
  AttachmentService(auth::Authorizer& auth, domain::ComplaintDocuments& docs,
                    UploadGuard& uploads)
      : ParsedService(auth), docs_(docs), uploads_(uploads) {
    ParseClientStream(&AttachmentService::Upload);
    ParseServerStream(&AttachmentService::Download);
    RequireEveryMethodParsed();
  }

  // Reads the header within the UploadGuard's header timeout, authorises it
  // (token, or the complainant's PIN) and refuses early (before the bytes)
  // where it can; then takes a slot of the caller's upload budget, reads the
  // chunks into memory (≤ 10 MiB), then stores. Nothing is stored unless the
  // client half-closed a complete stream. A retried request_id is answered with
  // the first result once the bytes are read and found to be the same.
  // UploadAttachment.
  grpc::Status Upload(grpc::ServerContext* ctx, const domain::Principal& who,
                      RequestReader<v1::UploadAttachmentRequest>* reader,
                      v1::UploadAttachmentResponse* resp);
  // Sends the metadata with the first chunk, then the rest in 1 MiB chunks.
  // DownloadAttachment.
  grpc::Status Download(grpc::ServerContext* ctx, const domain::Principal& who,
                        const v1::DownloadAttachmentRequest* req,
                        Writer<v1::DownloadAttachmentResponse>* writer);

 private:
  domain::ComplaintDocuments& docs_;
  UploadGuard& uploads_;
};

}  // namespace aduan::api

#endif  // ADUAN_SERVER_API_ATTACHMENT_SERVICE_H_
