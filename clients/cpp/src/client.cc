#include "aduan/client/client.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <type_traits>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "aduan/client/channel_factory.h"
#include "aduan/client/request_id.h"

namespace aduan::client {
namespace {

constexpr size_t kChunkBytes = 1024 * 1024;

// Request messages with a `request_id` field (the mutations).
template <typename T, typename = void>
struct HasRequestId : std::false_type {};
template <typename T>
struct HasRequestId<
    T, std::void_t<decltype(std::declval<T&>().mutable_request_id())>>
    : std::true_type {};

// Fills an empty request_id and reports the one used.
template <typename Req>
void FillRequestId(Req& request, std::string* used) {
  if constexpr (HasRequestId<Req>::value) {
    if (request.request_id().empty()) request.set_request_id(NewRequestId());
    if (used != nullptr) *used = request.request_id();
  } else {
    if (used != nullptr) used->clear();
  }
}

// grpc::StatusCode and absl::StatusCode share their numbers.
absl::Status FromGrpc(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      status.error_message());
}

std::string BaseName(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Pages through a list: `call` returns a page, `take` consumes its items and
// returns false to stop; the next page token comes from the page.
template <typename Req, typename Resp>
absl::Status WalkPages(
    Req request, const std::function<absl::StatusOr<Resp>(const Req&)>& call,
    const std::function<bool(const Resp&)>& take) {
  while (true) {
    absl::StatusOr<Resp> page = call(request);
    if (!page.ok()) return page.status();
    if (!take(*page)) return absl::OkStatus();
    if (page->next_page_token().empty()) return absl::OkStatus();
    if (page->next_page_token() == request.page_token()) {
      return absl::InternalError("the server repeated a page token");
    }
    request.set_page_token(page->next_page_token());
  }
}

}  // namespace

absl::StatusOr<std::unique_ptr<Client>> Client::Create(ClientOptions options) {
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel = MakeChannel(options);
  if (!channel.ok()) return channel.status();
  return std::make_unique<Client>(*std::move(channel), std::move(options));
}

Client::Client(std::shared_ptr<grpc::Channel> channel, ClientOptions options)
    : options_(std::move(options)),
      channel_(std::move(channel)),
      intake_(v1::IntakeService::NewStub(channel_)),
      complaints_(v1::ComplaintService::NewStub(channel_)),
      verification_(v1::VerificationService::NewStub(channel_)),
      disposition_(v1::DispositionService::NewStub(channel_)),
      archive_(v1::ArchiveService::NewStub(channel_)),
      attachments_(v1::AttachmentService::NewStub(channel_)),
      admin_(v1::AdminService::NewStub(channel_)) {}

void Client::Prepare(grpc::ClientContext& context) const {
  if (!options_.token.empty()) {
    context.AddMetadata("authorization", "Bearer " + options_.token);
  }
  context.set_deadline(
      absl::ToChronoTime(absl::Now() + options_.default_deadline));
}

double Client::Uniform() {
  absl::MutexLock lock(&mu_);
  return absl::Uniform<double>(gen_, 0.0, 1.0);
}

template <typename T>
absl::StatusOr<T> Client::WithRetries(
    const std::function<absl::StatusOr<T>()>& attempt) {
  const RetryPolicy& policy = options_.retry;
  for (int n = 1;; ++n) {
    absl::StatusOr<T> result = attempt();
    if (result.ok() || !RetryPolicy::IsRetryable(result.status().code()) ||
        n >= policy.attempts()) {
      return result;
    }
    absl::SleepFor(policy.Backoff(n, Uniform()));
  }
}

template <typename Stub, typename Req, typename Resp>
absl::StatusOr<Resp> Client::Unary(
    Stub* stub,
    grpc::Status (Stub::*method)(grpc::ClientContext*, const Req&, Resp*),
    const Req& request, std::string* request_id) {
  Req sent = request;
  FillRequestId(sent, request_id);
  return WithRetries<Resp>([&]() -> absl::StatusOr<Resp> {
    grpc::ClientContext context;
    Prepare(context);
    Resp response;
    absl::Status status = FromGrpc((stub->*method)(&context, sent, &response));
    if (!status.ok()) return status;
    return response;
  });
}

// ---- IntakeService
// ------------------------------------------------------------

absl::StatusOr<v1::SubmitComplaintResponse> Client::SubmitComplaint(
    const v1::SubmitComplaintRequest& request, std::string* request_id) {
  return Unary(intake_.get(), &v1::IntakeService::Stub::SubmitComplaint,
               request, request_id);
}
absl::StatusOr<v1::Complaint> Client::UpdateComplaint(
    const v1::UpdateComplaintRequest& request, std::string* request_id) {
  return Unary(intake_.get(), &v1::IntakeService::Stub::UpdateComplaint,
               request, request_id);
}
absl::StatusOr<v1::Complaint> Client::SupplementComplaint(
    const v1::SupplementComplaintRequest& request, std::string* request_id) {
  return Unary(intake_.get(), &v1::IntakeService::Stub::SupplementComplaint,
               request, request_id);
}
absl::StatusOr<v1::Complaint> Client::WithdrawComplaint(
    const v1::WithdrawComplaintRequest& request, std::string* request_id) {
  return Unary(intake_.get(), &v1::IntakeService::Stub::WithdrawComplaint,
               request, request_id);
}
absl::StatusOr<v1::TrackComplaintResponse> Client::TrackComplaint(
    const v1::TrackComplaintRequest& request) {
  return Unary(intake_.get(), &v1::IntakeService::Stub::TrackComplaint, request,
               nullptr);
}
absl::StatusOr<v1::ReissuePinResponse> Client::ReissuePin(
    const v1::ReissuePinRequest& request, std::string* request_id) {
  return Unary(intake_.get(), &v1::IntakeService::Stub::ReissuePin, request,
               request_id);
}

// ---- ComplaintService
// ---------------------------------------------------------

absl::StatusOr<v1::Complaint> Client::GetComplaint(
    const v1::GetComplaintRequest& request) {
  return Unary(complaints_.get(), &v1::ComplaintService::Stub::GetComplaint,
               request, nullptr);
}
absl::StatusOr<v1::ListComplaintsResponse> Client::ListComplaints(
    const v1::ListComplaintsRequest& request) {
  return Unary(complaints_.get(), &v1::ComplaintService::Stub::ListComplaints,
               request, nullptr);
}
absl::Status Client::ListAllComplaints(
    v1::ListComplaintsRequest request,
    const std::function<bool(const v1::Complaint&)>& visit) {
  using Resp = v1::ListComplaintsResponse;
  return WalkPages<v1::ListComplaintsRequest, Resp>(
      std::move(request),
      [this](const v1::ListComplaintsRequest& r) { return ListComplaints(r); },
      [&visit](const Resp& page) {
        for (const v1::Complaint& c : page.complaints()) {
          if (!visit(c)) return false;
        }
        return true;
      });
}
absl::StatusOr<std::vector<v1::Complaint>> Client::ListAllComplaints(
    v1::ListComplaintsRequest request) {
  std::vector<v1::Complaint> all;
  absl::Status status =
      ListAllComplaints(std::move(request), [&all](const v1::Complaint& c) {
        all.push_back(c);
        return true;
      });
  if (!status.ok()) return status;
  return all;
}
absl::StatusOr<v1::ListComplaintEventsResponse> Client::ListComplaintEvents(
    const v1::ListComplaintEventsRequest& request) {
  return Unary(complaints_.get(),
               &v1::ComplaintService::Stub::ListComplaintEvents, request,
               nullptr);
}
absl::StatusOr<std::vector<v1::ComplaintEvent>> Client::ListAllComplaintEvents(
    v1::ListComplaintEventsRequest request) {
  using Req = v1::ListComplaintEventsRequest;
  using Resp = v1::ListComplaintEventsResponse;
  std::vector<v1::ComplaintEvent> all;
  absl::Status status = WalkPages<Req, Resp>(
      std::move(request),
      [this](const Req& r) { return ListComplaintEvents(r); },
      [&all](const Resp& page) {
        all.insert(all.end(), page.events().begin(), page.events().end());
        return true;
      });
  if (!status.ok()) return status;
  return all;
}

// ---- VerificationService
// ------------------------------------------------------

absl::StatusOr<v1::Complaint> Client::VerifyComplaint(
    const v1::VerifyComplaintRequest& request, std::string* request_id) {
  return Unary(verification_.get(),
               &v1::VerificationService::Stub::VerifyComplaint, request,
               request_id);
}
absl::StatusOr<v1::Complaint> Client::ReportToHead(
    const v1::ReportToHeadRequest& request, std::string* request_id) {
  return Unary(verification_.get(),
               &v1::VerificationService::Stub::ReportToHead, request,
               request_id);
}

// ---- DispositionService
// -------------------------------------------------------

absl::StatusOr<v1::Complaint> Client::DisposeComplaint(
    const v1::DisposeComplaintRequest& request, std::string* request_id) {
  return Unary(disposition_.get(),
               &v1::DispositionService::Stub::DisposeComplaint, request,
               request_id);
}
absl::StatusOr<v1::Complaint> Client::DeclineComplaint(
    const v1::DeclineComplaintRequest& request, std::string* request_id) {
  return Unary(disposition_.get(),
               &v1::DispositionService::Stub::DeclineComplaint, request,
               request_id);
}
absl::StatusOr<v1::Complaint> Client::ReturnDisposition(
    const v1::ReturnDispositionRequest& request, std::string* request_id) {
  return Unary(disposition_.get(),
               &v1::DispositionService::Stub::ReturnDisposition, request,
               request_id);
}
absl::StatusOr<v1::Complaint> Client::ReturnForRework(
    const v1::ReturnForReworkRequest& request, std::string* request_id) {
  return Unary(disposition_.get(),
               &v1::DispositionService::Stub::ReturnForRework, request,
               request_id);
}
absl::StatusOr<v1::Complaint> Client::StartFollowUp(
    const v1::StartFollowUpRequest& request, std::string* request_id) {
  return Unary(disposition_.get(), &v1::DispositionService::Stub::StartFollowUp,
               request, request_id);
}
absl::StatusOr<v1::Complaint> Client::AddFollowUpNote(
    const v1::AddFollowUpNoteRequest& request, std::string* request_id) {
  return Unary(disposition_.get(),
               &v1::DispositionService::Stub::AddFollowUpNote, request,
               request_id);
}
absl::StatusOr<v1::Complaint> Client::ResolveComplaint(
    const v1::ResolveComplaintRequest& request, std::string* request_id) {
  return Unary(disposition_.get(),
               &v1::DispositionService::Stub::ResolveComplaint, request,
               request_id);
}

// ---- ArchiveService
// -----------------------------------------------------------

absl::StatusOr<v1::Complaint> Client::InformComplainant(
    const v1::InformComplainantRequest& request, std::string* request_id) {
  return Unary(archive_.get(), &v1::ArchiveService::Stub::InformComplainant,
               request, request_id);
}
absl::StatusOr<v1::Complaint> Client::ArchiveComplaint(
    const v1::ArchiveComplaintRequest& request, std::string* request_id) {
  return Unary(archive_.get(), &v1::ArchiveService::Stub::ArchiveComplaint,
               request, request_id);
}
absl::StatusOr<v1::ArchiveRecord> Client::GetArchive(
    const v1::GetArchiveRequest& request) {
  return Unary(archive_.get(), &v1::ArchiveService::Stub::GetArchive, request,
               nullptr);
}
absl::StatusOr<v1::VerifyArchiveResponse> Client::VerifyArchive(
    const v1::VerifyArchiveRequest& request) {
  return Unary(archive_.get(), &v1::ArchiveService::Stub::VerifyArchive,
               request, nullptr);
}

// ---- AttachmentService
// --------------------------------------------------------

absl::StatusOr<v1::UploadAttachmentResponse> Client::UploadAttachment(
    v1::UploadAttachmentHeader header, const std::string& path,
    std::string* request_id) {
  FillRequestId(header, request_id);
  if (header.file_name().empty()) header.set_file_name(BaseName(path));
  {
    std::ifstream probe(path, std::ios::binary);
    if (!probe) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  }
  return WithRetries<v1::UploadAttachmentResponse>(
      [&]() -> absl::StatusOr<v1::UploadAttachmentResponse> {
        std::ifstream in(path, std::ios::binary);
        if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
        grpc::ClientContext context;
        Prepare(context);
        v1::UploadAttachmentResponse response;
        std::unique_ptr<grpc::ClientWriter<v1::UploadAttachmentRequest>>
            writer = attachments_->UploadAttachment(&context, &response);
        v1::UploadAttachmentRequest message;
        *message.mutable_header() = header;
        bool open = writer->Write(message);
        std::string buffer(kChunkBytes, '\0');
        while (open && in) {
          in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
          const std::streamsize got = in.gcount();
          if (got <= 0) break;
          message.set_chunk(buffer.data(), static_cast<size_t>(got));
          open = writer->Write(message);
        }
        if (open && in.bad()) {
          context.TryCancel();
          writer->Finish();
          return absl::DataLossError(absl::StrCat("error reading ", path));
        }
        // A closed stream means the server already answered: Finish says how.
        if (open) writer->WritesDone();
        absl::Status status = FromGrpc(writer->Finish());
        if (!status.ok()) return status;
        return response;
      });
}

absl::StatusOr<v1::Attachment> Client::DownloadAttachment(
    const v1::DownloadAttachmentRequest& request, const std::string& path) {
  const std::string part = path + ".part";
  absl::StatusOr<v1::Attachment> result =
      WithRetries<v1::Attachment>([&]() -> absl::StatusOr<v1::Attachment> {
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        if (!out) {
          return absl::PermissionDeniedError(
              absl::StrCat("cannot write ", part));
        }
        grpc::ClientContext context;
        Prepare(context);
        std::unique_ptr<grpc::ClientReader<v1::DownloadAttachmentResponse>>
            reader = attachments_->DownloadAttachment(&context, request);
        v1::DownloadAttachmentResponse message;
        v1::Attachment attachment;
        bool first = true;
        int64_t received = 0;
        while (reader->Read(&message)) {
          if (first) {
            if (!message.has_attachment()) {
              context.TryCancel();
              reader->Finish();
              return absl::InternalError(
                  "the server sent no attachment metadata first");
            }
            attachment = message.attachment();
            first = false;
          }
          out.write(message.chunk().data(),
                    static_cast<std::streamsize>(message.chunk().size()));
          received += static_cast<int64_t>(message.chunk().size());
        }
        absl::Status status = FromGrpc(reader->Finish());
        if (!status.ok()) return status;
        if (first) {
          return absl::InternalError("the server sent an empty stream");
        }
        out.close();
        if (!out)
          return absl::UnknownError(absl::StrCat("cannot write ", part));
        if (received != attachment.size_bytes()) {
          return absl::DataLossError(absl::StrCat("received ", received,
                                                  " bytes, the attachment has ",
                                                  attachment.size_bytes()));
        }
        return attachment;
      });
  if (!result.ok()) {
    std::remove(part.c_str());
    return result;
  }
  if (std::rename(part.c_str(), path.c_str()) != 0) {
    std::remove(part.c_str());
    return absl::UnknownError(
        absl::StrCat("cannot rename ", part, " to ", path));
  }
  return result;
}

// ---- AdminService
// -------------------------------------------------------------

absl::StatusOr<v1::Office> Client::GetOffice(
    const v1::GetOfficeRequest& request) {
  return Unary(admin_.get(), &v1::AdminService::Stub::GetOffice, request,
               nullptr);
}
absl::StatusOr<v1::ListOfficesResponse> Client::ListOffices(
    const v1::ListOfficesRequest& request) {
  return Unary(admin_.get(), &v1::AdminService::Stub::ListOffices, request,
               nullptr);
}
absl::StatusOr<std::vector<v1::Office>> Client::ListAllOffices(
    v1::ListOfficesRequest request) {
  using Req = v1::ListOfficesRequest;
  using Resp = v1::ListOfficesResponse;
  std::vector<v1::Office> all;
  absl::Status status = WalkPages<Req, Resp>(
      std::move(request), [this](const Req& r) { return ListOffices(r); },
      [&all](const Resp& page) {
        all.insert(all.end(), page.offices().begin(), page.offices().end());
        return true;
      });
  if (!status.ok()) return status;
  return all;
}
absl::StatusOr<v1::Office> Client::CreateOffice(
    const v1::CreateOfficeRequest& request, std::string* request_id) {
  return Unary(admin_.get(), &v1::AdminService::Stub::CreateOffice, request,
               request_id);
}
absl::StatusOr<v1::Office> Client::UpdateOffice(
    const v1::UpdateOfficeRequest& request, std::string* request_id) {
  return Unary(admin_.get(), &v1::AdminService::Stub::UpdateOffice, request,
               request_id);
}
absl::StatusOr<v1::ListUnitsResponse> Client::ListUnits(
    const v1::ListUnitsRequest& request) {
  return Unary(admin_.get(), &v1::AdminService::Stub::ListUnits, request,
               nullptr);
}
absl::StatusOr<v1::Unit> Client::CreateUnit(
    const v1::CreateUnitRequest& request, std::string* request_id) {
  return Unary(admin_.get(), &v1::AdminService::Stub::CreateUnit, request,
               request_id);
}
absl::StatusOr<v1::Unit> Client::UpdateUnit(
    const v1::UpdateUnitRequest& request, std::string* request_id) {
  return Unary(admin_.get(), &v1::AdminService::Stub::UpdateUnit, request,
               request_id);
}
absl::StatusOr<v1::ListCategoriesResponse> Client::ListCategories(
    const v1::ListCategoriesRequest& request) {
  return Unary(admin_.get(), &v1::AdminService::Stub::ListCategories, request,
               nullptr);
}
absl::StatusOr<v1::Category> Client::CreateCategory(
    const v1::CreateCategoryRequest& request, std::string* request_id) {
  return Unary(admin_.get(), &v1::AdminService::Stub::CreateCategory, request,
               request_id);
}
absl::StatusOr<v1::Category> Client::UpdateCategory(
    const v1::UpdateCategoryRequest& request, std::string* request_id) {
  return Unary(admin_.get(), &v1::AdminService::Stub::UpdateCategory, request,
               request_id);
}
absl::StatusOr<v1::Principal> Client::CreatePrincipal(
    const v1::CreatePrincipalRequest& request, std::string* request_id) {
  return Unary(admin_.get(), &v1::AdminService::Stub::CreatePrincipal, request,
               request_id);
}
absl::StatusOr<v1::Principal> Client::GetPrincipal(
    const v1::GetPrincipalRequest& request) {
  return Unary(admin_.get(), &v1::AdminService::Stub::GetPrincipal, request,
               nullptr);
}
absl::StatusOr<v1::ListPrincipalsResponse> Client::ListPrincipals(
    const v1::ListPrincipalsRequest& request) {
  return Unary(admin_.get(), &v1::AdminService::Stub::ListPrincipals, request,
               nullptr);
}
absl::StatusOr<std::vector<v1::Principal>> Client::ListAllPrincipals(
    v1::ListPrincipalsRequest request) {
  using Req = v1::ListPrincipalsRequest;
  using Resp = v1::ListPrincipalsResponse;
  std::vector<v1::Principal> all;
  absl::Status status = WalkPages<Req, Resp>(
      std::move(request), [this](const Req& r) { return ListPrincipals(r); },
      [&all](const Resp& page) {
        all.insert(all.end(), page.principals().begin(),
                   page.principals().end());
        return true;
      });
  if (!status.ok()) return status;
  return all;
}
absl::StatusOr<v1::Principal> Client::UpdatePrincipal(
    const v1::UpdatePrincipalRequest& request, std::string* request_id) {
  return Unary(admin_.get(), &v1::AdminService::Stub::UpdatePrincipal, request,
               request_id);
}
absl::StatusOr<v1::Principal> Client::AddRoleBinding(
    const v1::AddRoleBindingRequest& request, std::string* request_id) {
  return Unary(admin_.get(), &v1::AdminService::Stub::AddRoleBinding, request,
               request_id);
}
absl::StatusOr<v1::Principal> Client::RemoveRoleBinding(
    const v1::RemoveRoleBindingRequest& request, std::string* request_id) {
  return Unary(admin_.get(), &v1::AdminService::Stub::RemoveRoleBinding,
               request, request_id);
}
absl::StatusOr<v1::IssueTokenResponse> Client::IssueToken(
    const v1::IssueTokenRequest& request, std::string* request_id) {
  return Unary(admin_.get(), &v1::AdminService::Stub::IssueToken, request,
               request_id);
}
absl::StatusOr<v1::Token> Client::RevokeToken(
    const v1::RevokeTokenRequest& request, std::string* request_id) {
  return Unary(admin_.get(), &v1::AdminService::Stub::RevokeToken, request,
               request_id);
}
absl::StatusOr<v1::ListTokensResponse> Client::ListTokens(
    const v1::ListTokensRequest& request) {
  return Unary(admin_.get(), &v1::AdminService::Stub::ListTokens, request,
               nullptr);
}
absl::StatusOr<v1::ListAccessLogResponse> Client::ListAccessLog(
    const v1::ListAccessLogRequest& request) {
  return Unary(admin_.get(), &v1::AdminService::Stub::ListAccessLog, request,
               nullptr);
}
absl::StatusOr<std::vector<v1::AccessLogEntry>> Client::ListAllAccessLog(
    v1::ListAccessLogRequest request) {
  using Req = v1::ListAccessLogRequest;
  using Resp = v1::ListAccessLogResponse;
  std::vector<v1::AccessLogEntry> all;
  absl::Status status = WalkPages<Req, Resp>(
      std::move(request), [this](const Req& r) { return ListAccessLog(r); },
      [&all](const Resp& page) {
        all.insert(all.end(), page.entries().begin(), page.entries().end());
        return true;
      });
  if (!status.ok()) return status;
  return all;
}

}  // namespace aduan::client
