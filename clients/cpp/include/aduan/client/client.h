// Client: typed, retrying calls to every service of aduand. Start here.
//
//   aduan::client::ClientOptions options;
//   options.address = "127.0.0.1:50051";
//   options.token = officer_token;
//   absl::StatusOr<std::unique_ptr<aduan::client::Client>> client =
//       aduan::client::Client::Create(options);
//   aduan::v1::SubmitComplaintRequest req;   // request_id filled in for you
//   req.mutable_complaint()->set_office_code("KNG");
//   …
//   absl::StatusOr<aduan::v1::SubmitComplaintResponse> resp =
//       (*client)->SubmitComplaint(req);
#ifndef ADUAN_CLIENT_CLIENT_H_
#define ADUAN_CLIENT_CLIENT_H_

#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/random/random.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "aduan/client/client_options.h"
#include "aduan/client/retry_policy.h"
#include "aduan/v1/admin_service.grpc.pb.h"
#include "aduan/v1/archive_service.grpc.pb.h"
#include "aduan/v1/attachment_service.grpc.pb.h"
#include "aduan/v1/complaint.pb.h"
#include "aduan/v1/complaint_service.grpc.pb.h"
#include "aduan/v1/disposition_service.grpc.pb.h"
#include "aduan/v1/intake_service.grpc.pb.h"
#include "aduan/v1/verification_service.grpc.pb.h"

namespace aduan::client {

// Client calls aduand's services with the generated `aduan::v1` messages.
//
// Every call:
// - carries `authorization: Bearer <token>` when the options have a token,
//   and a deadline of options.default_deadline per attempt;
// - of a mutation (a request with a `request_id` field): gets a fresh
//   request_id (NewRequestId) when the request's is empty; a non-empty one
//   is sent as given. The id used is stored in `*request_id` when that
//   out-parameter is non-null, so a caller can repeat the call later with
//   the same id and get the first result;
// - is repeated on UNAVAILABLE and DEADLINE_EXCEEDED per options.retry with
//   the same request; every other error is returned at once;
// - returns the server's code and message unchanged as absl::Status.
//
// Codes every method may return: UNAVAILABLE and DEADLINE_EXCEEDED (after
// the last attempt), UNAUTHENTICATED (missing, invalid, expired or revoked
// token, or disabled principal; TrackComplaint and the complainant's
// PIN calls need no token), PERMISSION_DENIED (none of the caller's roles
// may call the method). Most also give NOT_FOUND (unknown, or outside the
// caller's scope: the same answer) and INVALID_ARGUMENT (the message names
// the field and the rule). Transitions also give ABORTED (stale `etag`:
// re-read and decide again), FAILED_PRECONDITION (the complaint's state
// does not allow the step; the message names the state) and ALREADY_EXISTS
// (request_id reused with a different request). Each method's comment
// names its further codes.
//
// Thread-safe: one Client may serve many threads; it never throws.
class Client {
 public:
  // Builds a client on a channel made from `options` (see ClientOptions).
  // Errors: INVALID_ARGUMENT, NOT_FOUND as MakeChannelCredentials.
  static absl::StatusOr<std::unique_ptr<Client>> Create(ClientOptions options);
  // A client on an existing channel (tests, custom channels); `options`
  // supplies token, deadline and retry policy, its address is ignored.
  Client(std::shared_ptr<grpc::Channel> channel, ClientOptions options);

  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  const ClientOptions& options() const { return options_; }

  // ---- IntakeService: step 1 and the complainant's actions --------------
  // Receives a complaint (→ SUBMITTED; officer or gateway of the office);
  // the response has the tracking code and the complainant's PIN (shown
  // once). Also INVALID_ARGUMENT (complaint.office_code unknown or not the
  // caller's), ALREADY_EXISTS (external reference already submitted),
  // RESOURCE_EXHAUSTED (intake rate limit; the message says when to retry).
  absl::StatusOr<v1::SubmitComplaintResponse> SubmitComplaint(
      const v1::SubmitComplaintRequest& request,
      std::string* request_id = nullptr);
  // Corrects the fields in update_mask (officer, before disposition).
  // Also FAILED_PRECONDITION (disposed already), ABORTED (stale etag).
  absl::StatusOr<v1::Complaint> UpdateComplaint(
      const v1::UpdateComplaintRequest& request,
      std::string* request_id = nullptr);
  // NEEDS_INFO → SUBMITTED (officer, the complaint's gateway, or the
  // complainant with `pin` and no token).
  absl::StatusOr<v1::Complaint> SupplementComplaint(
      const v1::SupplementComplaintRequest& request,
      std::string* request_id = nullptr);
  // Any open state → WITHDRAWN (same callers as SupplementComplaint).
  absl::StatusOr<v1::Complaint> WithdrawComplaint(
      const v1::WithdrawComplaintRequest& request,
      std::string* request_id = nullptr);
  // The public view for tracking code and PIN (no token needed). NOT_FOUND
  // for an unknown code and a wrong PIN alike; RESOURCE_EXHAUSTED after too
  // many wrong PINs; INVALID_ARGUMENT (tracking_code malformed, pin not 8
  // digits).
  absl::StatusOr<v1::TrackComplaintResponse> TrackComplaint(
      const v1::TrackComplaintRequest& request);
  // A new PIN for the complainant (officer); the old one stops working.
  absl::StatusOr<v1::ReissuePinResponse> ReissuePin(
      const v1::ReissuePinRequest& request, std::string* request_id = nullptr);

  // ---- ComplaintService: reads ---------------------------------------------
  // One complaint visible to the caller; the BASIC view masks NIK and KK.
  // FULL (officer, secretary or head of the office, else PERMISSION_DENIED)
  // is logged and needs access_reason (else INVALID_ARGUMENT naming it).
  // NOT_FOUND (unknown or not visible), INVALID_ARGUMENT (tracking_code).
  absl::StatusOr<v1::Complaint> GetComplaint(
      const v1::GetComplaintRequest& request);
  // One page of the visible complaints matching the filters, personal data
  // masked. INVALID_ARGUMENT names the field (page_size, page_token,
  // order_by, states, query, create_time_to, …); PERMISSION_DENIED for a
  // NIK query by a role other than officer, secretary or head.
  absl::StatusOr<v1::ListComplaintsResponse> ListComplaints(
      const v1::ListComplaintsRequest& request);
  // Every page of ListComplaints from request.page_token on, each complaint
  // passed to `visit` in order; stops early (OK) when `visit` returns false.
  // Errors as ListComplaints, from whichever page failed.
  absl::Status ListAllComplaints(
      v1::ListComplaintsRequest request,
      const std::function<bool(const v1::Complaint&)>& visit);
  // Every complaint matching the filters, all pages.
  absl::StatusOr<std::vector<v1::Complaint>> ListAllComplaints(
      v1::ListComplaintsRequest request);
  // One page of a visible complaint's history, oldest first. NOT_FOUND
  // (unknown or not visible), INVALID_ARGUMENT (tracking_code, page_size,
  // page_token).
  absl::StatusOr<v1::ListComplaintEventsResponse> ListComplaintEvents(
      const v1::ListComplaintEventsRequest& request);
  // The whole history of a complaint, oldest first. Errors as
  // ListComplaintEvents.
  absl::StatusOr<std::vector<v1::ComplaintEvent>> ListAllComplaintEvents(
      v1::ListComplaintEventsRequest request);

  // ---- VerificationService: steps 2 and 3 --------------------------------
  // SUBMITTED → VERIFIED, NEEDS_INFO, REJECTED, OUT_OF_SCOPE or DUPLICATE
  // (officer).
  absl::StatusOr<v1::Complaint> VerifyComplaint(
      const v1::VerifyComplaintRequest& request,
      std::string* request_id = nullptr);
  // VERIFIED → REPORTED_TO_HEAD (secretary).
  absl::StatusOr<v1::Complaint> ReportToHead(
      const v1::ReportToHeadRequest& request,
      std::string* request_id = nullptr);

  // ---- DispositionService: steps 4 and 5 ---------------------------------
  // REPORTED_TO_HEAD, DISPOSED or IN_FOLLOW_UP → DISPOSED to a unit (head).
  absl::StatusOr<v1::Complaint> DisposeComplaint(
      const v1::DisposeComplaintRequest& request,
      std::string* request_id = nullptr);
  // REPORTED_TO_HEAD → REJECTED or OUT_OF_SCOPE (head).
  absl::StatusOr<v1::Complaint> DeclineComplaint(
      const v1::DeclineComplaintRequest& request,
      std::string* request_id = nullptr);
  // DISPOSED → REPORTED_TO_HEAD: not the unit's area (unit).
  absl::StatusOr<v1::Complaint> ReturnDisposition(
      const v1::ReturnDispositionRequest& request,
      std::string* request_id = nullptr);
  // RESOLVED → DISPOSED: more work needed (head).
  absl::StatusOr<v1::Complaint> ReturnForRework(
      const v1::ReturnForReworkRequest& request,
      std::string* request_id = nullptr);
  // DISPOSED → IN_FOLLOW_UP (the unit it is disposed to).
  absl::StatusOr<v1::Complaint> StartFollowUp(
      const v1::StartFollowUpRequest& request,
      std::string* request_id = nullptr);
  // A progress note while IN_FOLLOW_UP (unit); the state stays.
  absl::StatusOr<v1::Complaint> AddFollowUpNote(
      const v1::AddFollowUpNoteRequest& request,
      std::string* request_id = nullptr);
  // IN_FOLLOW_UP → RESOLVED with the result (unit).
  absl::StatusOr<v1::Complaint> ResolveComplaint(
      const v1::ResolveComplaintRequest& request,
      std::string* request_id = nullptr);

  // ---- ArchiveService: steps 6 and 7 -------------------------------------
  // RESOLVED, REJECTED, OUT_OF_SCOPE or DUPLICATE → INFORMED (officer).
  absl::StatusOr<v1::Complaint> InformComplainant(
      const v1::InformComplainantRequest& request,
      std::string* request_id = nullptr);
  // INFORMED or WITHDRAWN → ARCHIVED, writing the archive record (officer).
  absl::StatusOr<v1::Complaint> ArchiveComplaint(
      const v1::ArchiveComplaintRequest& request,
      std::string* request_id = nullptr);
  // The archive record. FAILED_PRECONDITION or NOT_FOUND when not archived.
  absl::StatusOr<v1::ArchiveRecord> GetArchive(
      const v1::GetArchiveRequest& request);
  // Recomputes and checks the archive record (the answer says what holds).
  absl::StatusOr<v1::VerifyArchiveResponse> VerifyArchive(
      const v1::VerifyArchiveRequest& request);

  // ---- AttachmentService ---------------------------------------------------
  // Uploads the file at `path`: `header` first (its request_id filled in as
  // for mutations, file_name defaulting to the path's last component), then
  // the bytes in chunks of 1 MiB. A retried upload sends the whole file
  // again with the same request_id; the server stores it once.
  // Errors: NOT_FOUND (file unreadable: message names the path; or the
  // server's NOT_FOUND), the server's INVALID_ARGUMENT (not a whole JPEG,
  // PNG or PDF, …), FAILED_PRECONDITION (state or role does not allow this
  // type now), RESOURCE_EXHAUSTED (over 10 MiB or 20 documents).
  absl::StatusOr<v1::UploadAttachmentResponse> UploadAttachment(
      v1::UploadAttachmentHeader header, const std::string& path,
      std::string* request_id = nullptr);
  // Downloads an attachment into the file at `path` (written to
  // `<path>.part` and renamed when complete, so `path` never holds a partial
  // document) and returns its metadata. Errors: the server's NOT_FOUND,
  // INVALID_ARGUMENT (access_reason missing for an identity document),
  // DATA_LOSS (stored bytes damaged, or fewer/more bytes arrived than the
  // metadata announced), INTERNAL (no metadata first), PERMISSION_DENIED
  // or UNKNOWN (the file cannot be written; the message names it).
  absl::StatusOr<v1::Attachment> DownloadAttachment(
      const v1::DownloadAttachmentRequest& request, const std::string& path);

  // ---- AdminService (role ADMIN) -------------------------------------------
  // Callers without role ADMIN in any office get PERMISSION_DENIED. An office
  // where the caller is not ADMIN gives NOT_FOUND, as an unknown one does.
  // AdminService does not deduplicate request_id: a repeated create gives
  // ALREADY_EXISTS, a repeated IssueToken issues a second token.

  // The office with `code`. NOT_FOUND (unknown, or the caller is not its
  // ADMIN).
  absl::StatusOr<v1::Office> GetOffice(const v1::GetOfficeRequest& request);
  // One page of the offices where the caller is ADMIN, by code.
  // INVALID_ARGUMENT (page_size negative).
  absl::StatusOr<v1::ListOfficesResponse> ListOffices(
      const v1::ListOfficesRequest& request);
  // Every office where the caller is ADMIN, all pages. Errors as
  // ListOffices.
  absl::StatusOr<std::vector<v1::Office>> ListAllOffices(
      v1::ListOfficesRequest request);
  // Creates an office (any ADMIN); the caller becomes its ADMIN; units and
  // categories are added afterwards. INVALID_ARGUMENT names the field
  // (office.code: 2–8 upper-case letters; SLAs in whole minutes; …),
  // ALREADY_EXISTS (office.code taken).
  absl::StatusOr<v1::Office> CreateOffice(
      const v1::CreateOfficeRequest& request,
      std::string* request_id = nullptr);
  // Changes the fields in update_mask (ADMIN of the office). NOT_FOUND
  // (office), INVALID_ARGUMENT (update_mask empty or naming a field that
  // cannot change; a new value breaking a rule, named).
  absl::StatusOr<v1::Office> UpdateOffice(
      const v1::UpdateOfficeRequest& request,
      std::string* request_id = nullptr);
  // All units of an office (ADMIN of it), by code; no paging. NOT_FOUND
  // (office).
  absl::StatusOr<v1::ListUnitsResponse> ListUnits(
      const v1::ListUnitsRequest& request);
  // Adds an active unit (ADMIN of the office). NOT_FOUND (office),
  // INVALID_ARGUMENT (unit.code: 2–16 of [A-Z0-9_]; unit.name),
  // ALREADY_EXISTS (unit.code taken in the office).
  absl::StatusOr<v1::Unit> CreateUnit(const v1::CreateUnitRequest& request,
                                      std::string* request_id = nullptr);
  // Changes name and active per update_mask (ADMIN of the office).
  // NOT_FOUND (office or unit), INVALID_ARGUMENT (update_mask names another
  // field; unit.name).
  absl::StatusOr<v1::Unit> UpdateUnit(const v1::UpdateUnitRequest& request,
                                      std::string* request_id = nullptr);
  // All categories of an office (ADMIN of it), by code; no paging.
  // NOT_FOUND (office).
  absl::StatusOr<v1::ListCategoriesResponse> ListCategories(
      const v1::ListCategoriesRequest& request);
  // Adds an active category (ADMIN of the office). NOT_FOUND (office),
  // INVALID_ARGUMENT (category.code: 2–16 of [A-Z0-9_]; name; SLAs in whole
  // minutes; default_unit_code not a unit), ALREADY_EXISTS (code taken).
  absl::StatusOr<v1::Category> CreateCategory(
      const v1::CreateCategoryRequest& request,
      std::string* request_id = nullptr);
  // Changes the fields in update_mask (ADMIN of the office). NOT_FOUND
  // (office or category), INVALID_ARGUMENT (update_mask names a field that
  // cannot change; a value breaking a rule of CreateCategory).
  absl::StatusOr<v1::Category> UpdateCategory(
      const v1::UpdateCategoryRequest& request,
      std::string* request_id = nullptr);
  // Creates a principal with role bindings, each in an office the caller is
  // ADMIN of (else PERMISSION_DENIED). INVALID_ARGUMENT names the field
  // (principal.name: 3–64 of [a-z0-9._-]; role_bindings[i].*; output-only
  // fields set); ALREADY_EXISTS (name or tls_identity taken).
  absl::StatusOr<v1::Principal> CreatePrincipal(
      const v1::CreatePrincipalRequest& request,
      std::string* request_id = nullptr);
  // One principal with its bindings (any ADMIN). NOT_FOUND (principal_id).
  absl::StatusOr<v1::Principal> GetPrincipal(
      const v1::GetPrincipalRequest& request);
  // One page of principals by name (any ADMIN); only those with a binding
  // in office_code when set. INVALID_ARGUMENT (page_size negative).
  absl::StatusOr<v1::ListPrincipalsResponse> ListPrincipals(
      const v1::ListPrincipalsRequest& request);
  // Every principal (of request.office_code, if set), all pages. Errors as
  // ListPrincipals.
  absl::StatusOr<std::vector<v1::Principal>> ListAllPrincipals(
      v1::ListPrincipalsRequest request);
  // Changes display_name, disabled, tls_identity per update_mask (any
  // ADMIN); a disabled principal's tokens stop working on its next call.
  // NOT_FOUND (principal), INVALID_ARGUMENT (update_mask empty or naming
  // another field; a value), ALREADY_EXISTS (tls_identity in use).
  absl::StatusOr<v1::Principal> UpdatePrincipal(
      const v1::UpdatePrincipalRequest& request,
      std::string* request_id = nullptr);
  // Grants a role in an office the caller is ADMIN of (else
  // PERMISSION_DENIED). INVALID_ARGUMENT (role_binding.role, .office_code,
  // .unit_code for UNIT only, .source for GATEWAY only), NOT_FOUND
  // (principal), ALREADY_EXISTS (the principal has it already).
  absl::StatusOr<v1::Principal> AddRoleBinding(
      const v1::AddRoleBindingRequest& request,
      std::string* request_id = nullptr);
  // Takes away the exact binding, in an office the caller is ADMIN of (else
  // PERMISSION_DENIED). NOT_FOUND (no such principal or binding),
  // INVALID_ARGUMENT (role_binding.role missing).
  absl::StatusOr<v1::Principal> RemoveRoleBinding(
      const v1::RemoveRoleBindingRequest& request,
      std::string* request_id = nullptr);
  // Issues a bearer token for a principal (any ADMIN); the response's
  // `secret` is the bearer token, shown this once. NOT_FOUND (principal),
  // INVALID_ARGUMENT (description over 200 characters; ttl negative).
  absl::StatusOr<v1::IssueTokenResponse> IssueToken(
      const v1::IssueTokenRequest& request, std::string* request_id = nullptr);
  // Revokes a token at once (any ADMIN); an already revoked one is returned
  // unchanged. NOT_FOUND (token_id).
  absl::StatusOr<v1::Token> RevokeToken(const v1::RevokeTokenRequest& request,
                                        std::string* request_id = nullptr);
  // A principal's tokens, newest first, without secrets (any ADMIN); no
  // paging. NOT_FOUND (principal).
  absl::StatusOr<v1::ListTokensResponse> ListTokens(
      const v1::ListTokensRequest& request);
  // One page of who read a complaint's full personal data, oldest first
  // (ADMIN of its office). NOT_FOUND (unknown complaint or another office),
  // INVALID_ARGUMENT (tracking_code, page_size, page_token).
  absl::StatusOr<v1::ListAccessLogResponse> ListAccessLog(
      const v1::ListAccessLogRequest& request);
  // A complaint's whole access log, oldest first. Errors as ListAccessLog.
  absl::StatusOr<std::vector<v1::AccessLogEntry>> ListAllAccessLog(
      v1::ListAccessLogRequest request);

 private:
  // One unary call with deadline, metadata, request_id and retries.
  template <typename Stub, typename Req, typename Resp>
  absl::StatusOr<Resp> Unary(Stub* stub,
                             grpc::Status (Stub::*method)(grpc::ClientContext*,
                                                          const Req&, Resp*),
                             const Req& request, std::string* request_id);
  // Runs `attempt` per the retry policy, sleeping with jitter in between.
  template <typename T>
  absl::StatusOr<T> WithRetries(
      const std::function<absl::StatusOr<T>()>& attempt);
  // Deadline and authorization metadata of one attempt.
  void Prepare(grpc::ClientContext& context) const;
  // A uniform draw in [0, 1) for jitter.
  double Uniform();

  ClientOptions options_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::IntakeService::Stub> intake_;
  std::unique_ptr<v1::ComplaintService::Stub> complaints_;
  std::unique_ptr<v1::VerificationService::Stub> verification_;
  std::unique_ptr<v1::DispositionService::Stub> disposition_;
  std::unique_ptr<v1::ArchiveService::Stub> archive_;
  std::unique_ptr<v1::AttachmentService::Stub> attachments_;
  std::unique_ptr<v1::AdminService::Stub> admin_;
  absl::Mutex mu_;
  absl::BitGen gen_ ABSL_GUARDED_BY(mu_);
};

}  // namespace aduan::client

#endif  // ADUAN_CLIENT_CLIENT_H_
