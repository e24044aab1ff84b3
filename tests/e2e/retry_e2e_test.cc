// End to end: a retried request (the same request_id) is answered as its
// caller may see the complaint now, by the function that built the first
// answer (server/domain/complaint_answers.h): equal to the first answer
// while nothing changed, GetComplaint's BASIC view for that caller, NOT_FOUND
// once out of scope, and the PIN only while the request's PIN is current.
#include <set>
#include <string>
#include <type_traits>
#include <utility>

#include "aduan/v1/attachment_service.grpc.pb.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/util/message_differencer.h"
#include "tests/aduan_proto_files.h"
#include "tests/e2e/workflow_fixture.h"

namespace aduan {
namespace {

using google::protobuf::util::MessageDifferencer;

// Whether a request names its complaint with tracking_code (all but
// UpdateComplaintRequest, which names it in its complaint).
template <typename T, typename = void>
struct HasTrackingCode : std::false_type {};
template <typename T>
struct HasTrackingCode<
    T, std::void_t<decltype(std::declval<T&>().set_tracking_code(""))>>
    : std::true_type {};

// A complainant of whom nothing is shown.
v1::Complainant NothingShown() {
  v1::Complainant c;
  c.set_masked(true);
  return c;
}

constexpr char kNik[] = "3574045108900003";
constexpr char kKk[] = "3574040101150004";

class RetryE2eTest : public testing::WorkflowFixture {
 protected:
  // Sends `req` as the holder of `token`; `out` gets the answer.
  template <typename Req, typename Resp, typename Call>
  static grpc::Status Send(const std::string& token, const Req& req, Call call,
                           Resp* out) {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, token);
    return call(&ctx, req, out);
  }

  // Calls the step `method` twice with one request_id as the holder of
  // `token`. Both answers must be OK and equal (but for the SLA clocks'
  // working time, read at each call), the retry must change nothing, and
  // it must be what GetComplaint shows that caller. Returns the answer.
  template <typename Req, typename Call>
  v1::Complaint ExpectRetryAnswersAsFirst(const std::string& method,
                                          const std::string& token,
                                          const std::string& code, Req req,
                                          Call call) {
    covered_.insert(method);
    req.set_request_id("retry-" + method + "-" + std::to_string(++n_));
    if constexpr (HasTrackingCode<Req>::value) {
      req.set_tracking_code(code);
    } else {
      req.mutable_complaint()->set_tracking_code(code);
    }
    v1::Complaint first, again;
    grpc::Status s = Send(token, req, call, &first);
    EXPECT_TRUE(s.ok()) << method << ": " << s.error_message();
    const std::string version = Get(code).etag();
    s = Send(token, req, call, &again);
    EXPECT_TRUE(s.ok()) << method << " retry: " << s.error_message();
    EXPECT_TRUE(MessageDifferencer::Equals(testing::WithoutSlaUsed(again),
                                           testing::WithoutSlaUsed(first)))
        << method << "\nfirst: " << first.DebugString()
        << "\nretry: " << again.DebugString();
    EXPECT_EQ(Get(code).etag(), version) << method << ": the retry changed it";
    EXPECT_TRUE(
        MessageDifferencer::Equals(testing::WithoutSlaUsed(again),
                                   testing::WithoutSlaUsed(GetAs(token, code))))
        << method
        << ": not the caller's BASIC view\nretry: " << again.DebugString();
    return again;
  }

  // Submits a complaint with NIK and KK as the holder of `token` with
  // `request_id`.
  grpc::Status SubmitWith(const std::string& token,
                          const std::string& request_id,
                          v1::SubmitComplaintResponse* out) {
    v1::SubmitComplaintRequest req;
    req.set_request_id(request_id);
    v1::Complaint* c = req.mutable_complaint();
    c->set_office_code("KNG");
    c->set_channel(v1::Complaint::ONLINE);
    c->mutable_complainant()->set_name("Wati");
    c->mutable_complainant()->set_phone("081298765432");
    c->mutable_complainant()->set_nik(kNik);
    c->mutable_complainant()->set_kk_number(kKk);
    c->set_title("Keributan malam hari");
    c->set_description("Ada keributan tiap malam di gang 5.");
    return Send(
        token, req,
        [&](auto* ctx, auto& r, auto* p) {
          return intake_->SubmitComplaint(ctx, r, p);
        },
        out);
  }

  v1::ReissuePinResponse Reissue(const std::string& code,
                                 const std::string& request_id) {
    v1::ReissuePinRequest req;
    req.set_request_id(request_id);
    req.set_tracking_code(code);
    v1::ReissuePinResponse resp;
    grpc::Status s = Send(
        officer_token_, req,
        [&](auto* ctx, auto& r, auto* p) {
          return intake_->ReissuePin(ctx, r, p);
        },
        &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp;
  }

  int AccessLogRows(const std::string& code) {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, admin_token_);
    v1::ListAccessLogRequest req;
    req.set_tracking_code(code);
    v1::ListAccessLogResponse resp;
    grpc::Status s = admin_->ListAccessLog(&ctx, req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp.entries_size();
  }

  grpc::Status ChangeBinding(bool add, const std::string& principal_id,
                             v1::RoleBinding binding) {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, admin_token_);
    v1::Principal p;
    if (add) {
      v1::AddRoleBindingRequest req;
      req.set_principal_id(principal_id);
      *req.mutable_role_binding() = binding;
      return admin_->AddRoleBinding(&ctx, req, &p);
    }
    v1::RemoveRoleBindingRequest req;
    req.set_principal_id(principal_id);
    *req.mutable_role_binding() = binding;
    return admin_->RemoveRoleBinding(&ctx, req, &p);
  }

  std::set<std::string> covered_;
};

// The first answer of a submission is the submitter's BASIC view (NIK and
// KK masked, nothing access-logged); a retry is that same answer with the
// same PIN, until a ReissuePin replaces the PIN: then the retry shows no PIN
// and says it is withheld.
TEST_P(RetryE2eTest, SubmitAnswersMaskedAndItsRetryWithholdsAReplacedPin) {
  v1::SubmitComplaintResponse first, again, after_reissue;
  ASSERT_TRUE(SubmitWith(officer_token_, "sub-masked", &first).ok());
  const std::string code = first.complaint().tracking_code();
  EXPECT_EQ(first.complaint().complainant().nik(), "3574**********03");
  EXPECT_EQ(first.complaint().complainant().kk_number(), "3574**********04");
  EXPECT_TRUE(first.complaint().complainant().masked());
  EXPECT_EQ(first.pin().size(), 8u);
  EXPECT_FALSE(first.pin_withheld());
  ASSERT_TRUE(SubmitWith(officer_token_, "sub-masked", &again).ok());
  EXPECT_TRUE(
      MessageDifferencer::Equals(testing::WithoutSlaUsed(again.complaint()),
                                 testing::WithoutSlaUsed(first.complaint())))
      << "first: " << first.DebugString() << "\nretry: " << again.DebugString();
  EXPECT_EQ(again.pin(), first.pin());
  EXPECT_FALSE(again.pin_withheld());
  EXPECT_TRUE(MessageDifferencer::Equals(
      testing::WithoutSlaUsed(again.complaint()),
      testing::WithoutSlaUsed(GetAs(officer_token_, code))));

  const v1::ReissuePinResponse reissued = Reissue(code, "reissue-1");
  EXPECT_EQ(reissued.pin().size(), 8u);
  EXPECT_NE(reissued.pin(), first.pin());
  EXPECT_FALSE(reissued.pin_withheld());
  ASSERT_TRUE(SubmitWith(officer_token_, "sub-masked", &after_reissue).ok());
  EXPECT_EQ(after_reissue.pin(), "");
  EXPECT_TRUE(after_reissue.pin_withheld());
  EXPECT_EQ(after_reissue.complaint().tracking_code(), code);
  EXPECT_EQ(after_reissue.complaint().complainant().nik(), "3574**********03");
  // The reissue's own retry shows its PIN while it is current, and
  // withholds it once a later reissue replaced it.
  const v1::ReissuePinResponse same = Reissue(code, "reissue-1");
  EXPECT_EQ(same.pin(), reissued.pin());
  EXPECT_FALSE(same.pin_withheld());
  Reissue(code, "reissue-2");
  const v1::ReissuePinResponse stale = Reissue(code, "reissue-1");
  EXPECT_EQ(stale.pin(), "");
  EXPECT_TRUE(stale.pin_withheld());
  // Nothing of this read personal data in full.
  EXPECT_EQ(AccessLogRows(code), 0);
}

// A gateway's retry follows what the gateway may see now: after `anonymous`
// was raised it shows no complainant, and after the gateway lost the
// binding of the complaint's source it is NOT_FOUND, like GetComplaint.
TEST_P(RetryE2eTest, GatewayRetryFollowsAnonymityAndItsSourceBinding) {
  std::string gateway_id;
  const std::string gateway = CreateUser("gw.kiosk", v1::RoleBinding::GATEWAY,
                                         "", "kiosk", &gateway_id);
  v1::SubmitComplaintResponse first, anonymous, lost;
  ASSERT_TRUE(SubmitWith(gateway, "gw-sub", &first).ok());
  const std::string code = first.complaint().tracking_code();
  EXPECT_EQ(first.complaint().complainant().name(), "Wati");
  EXPECT_EQ(first.complaint().complainant().nik(), "3574**********03");

  RaiseAnonymous(code);
  ASSERT_TRUE(SubmitWith(gateway, "gw-sub", &anonymous).ok());
  EXPECT_TRUE(MessageDifferencer::Equals(anonymous.complaint().complainant(),
                                         NothingShown()))
      << anonymous.complaint().complainant().DebugString();
  EXPECT_TRUE(anonymous.complaint().anonymous());
  EXPECT_EQ(anonymous.pin(), first.pin());
  EXPECT_TRUE(MessageDifferencer::Equals(
      testing::WithoutSlaUsed(anonymous.complaint()),
      testing::WithoutSlaUsed(GetAs(gateway, code))));

  v1::RoleBinding other;
  other.set_role(v1::RoleBinding::GATEWAY);
  other.set_office_code("KNG");
  other.set_source("kiosk-baru");
  ASSERT_TRUE(ChangeBinding(true, gateway_id, other).ok());
  v1::RoleBinding old = other;
  old.set_source("kiosk");
  ASSERT_TRUE(ChangeBinding(false, gateway_id, old).ok());
  grpc::Status s = SubmitWith(gateway, "gw-sub", &lost);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(s.error_message(), "complaint not found");
  EXPECT_EQ(lost.pin(), "");
  // GetComplaint says the same.
  grpc::ClientContext ctx;
  testing::Authorize(ctx, gateway);
  v1::GetComplaintRequest get;
  get.set_tracking_code(code);
  v1::Complaint ignored;
  grpc::Status g = complaints_->GetComplaint(&ctx, get, &ignored);
  EXPECT_EQ(g.error_code(), s.error_code());
  EXPECT_EQ(g.error_message(), s.error_message());
}

// Every step, retried, answers as it first did, as the caller's BASIC view,
// and changes nothing; every mutating method of the complaint services is
// covered (found through the compiled descriptors).
TEST_P(RetryE2eTest, EveryStepsRetryIsItsFirstAnswer) {
  auto [code, pin] = Submit();
  covered_.insert("SubmitComplaint");  // the tests above
  covered_.insert("ReissuePin");
  covered_.insert("UploadAttachment");  // attachment_e2e_test.cc

  v1::UpdateComplaintRequest update;
  update.mutable_complaint()->set_title("Keributan malam di gang 5");
  update.mutable_update_mask()->add_paths("title");
  ExpectRetryAnswersAsFirst("UpdateComplaint", officer_token_, code, update,
                            [&](auto* c, auto& r, auto* p) {
                              return intake_->UpdateComplaint(c, r, p);
                            });
  v1::VerifyComplaintRequest needs_info;
  needs_info.set_outcome(v1::VerifyComplaintRequest::NEEDS_INFO);
  needs_info.set_missing_info("Fotokopi KK");
  ExpectRetryAnswersAsFirst("VerifyComplaint", officer_token_, code, needs_info,
                            [&](auto* c, auto& r, auto* p) {
                              return verification_->VerifyComplaint(c, r, p);
                            });
  v1::SupplementComplaintRequest supplement;
  supplement.set_note("KK sudah dibawa");
  ExpectRetryAnswersAsFirst("SupplementComplaint", officer_token_, code,
                            supplement, [&](auto* c, auto& r, auto* p) {
                              return intake_->SupplementComplaint(c, r, p);
                            });
  ASSERT_TRUE(Verify(code, v1::VerifyComplaintRequest::VERIFIED).ok());
  v1::ReportToHeadRequest report;
  report.set_note("Mohon arahan");
  ExpectRetryAnswersAsFirst("ReportToHead", secretary_, code, report,
                            [&](auto* c, auto& r, auto* p) {
                              return verification_->ReportToHead(c, r, p);
                            });
  v1::DisposeComplaintRequest dispose;
  dispose.set_unit_code("TRANTIB");
  dispose.set_instruction("Tindak lanjuti");
  ExpectRetryAnswersAsFirst("DisposeComplaint", head_, code, dispose,
                            [&](auto* c, auto& r, auto* p) {
                              return disposition_->DisposeComplaint(c, r, p);
                            });
  ExpectRetryAnswersAsFirst("StartFollowUp", unit_, code,
                            v1::StartFollowUpRequest(),
                            [&](auto* c, auto& r, auto* p) {
                              return disposition_->StartFollowUp(c, r, p);
                            });
  v1::AddFollowUpNoteRequest note;
  note.set_note("Patroli malam pertama");
  ExpectRetryAnswersAsFirst("AddFollowUpNote", unit_, code, note,
                            [&](auto* c, auto& r, auto* p) {
                              return disposition_->AddFollowUpNote(c, r, p);
                            });
  v1::ResolveComplaintRequest resolve;
  resolve.set_result("Sudah ditertibkan");
  ExpectRetryAnswersAsFirst("ResolveComplaint", unit_, code, resolve,
                            [&](auto* c, auto& r, auto* p) {
                              return disposition_->ResolveComplaint(c, r, p);
                            });
  v1::ReturnForReworkRequest rework;
  rework.set_reason("Lampirkan foto hasil");
  ExpectRetryAnswersAsFirst("ReturnForRework", head_, code, rework,
                            [&](auto* c, auto& r, auto* p) {
                              return disposition_->ReturnForRework(c, r, p);
                            });
  ASSERT_TRUE(Start(code, unit_).ok());
  ASSERT_TRUE(Resolve(code).ok());
  v1::InformComplainantRequest inform;
  inform.set_method(v1::InformComplainantRequest::PHONE);
  inform.set_message("Sudah ditindaklanjuti");
  ExpectRetryAnswersAsFirst("InformComplainant", officer_token_, code, inform,
                            [&](auto* c, auto& r, auto* p) {
                              return archive_->InformComplainant(c, r, p);
                            });
  ExpectRetryAnswersAsFirst("ArchiveComplaint", officer_token_, code,
                            v1::ArchiveComplaintRequest(),
                            [&](auto* c, auto& r, auto* p) {
                              return archive_->ArchiveComplaint(c, r, p);
                            });

  const std::string withdrawn = Submit().first;
  v1::WithdrawComplaintRequest withdraw;
  withdraw.set_reason("Sudah selesai sendiri");
  ExpectRetryAnswersAsFirst("WithdrawComplaint", officer_token_, withdrawn,
                            withdraw, [&](auto* c, auto& r, auto* p) {
                              return intake_->WithdrawComplaint(c, r, p);
                            });
  const std::string declined = Submit().first;
  ASSERT_TRUE(Verify(declined, v1::VerifyComplaintRequest::VERIFIED).ok());
  ASSERT_TRUE(Report(declined).ok());
  v1::DeclineComplaintRequest decline;
  decline.set_outcome(v1::DeclineComplaintRequest::OUT_OF_SCOPE);
  decline.set_reason("Kewenangan kota");
  decline.set_referred_to("Pemerintah Kota Probolinggo");
  ExpectRetryAnswersAsFirst("DeclineComplaint", head_, declined, decline,
                            [&](auto* c, auto& r, auto* p) {
                              return disposition_->DeclineComplaint(c, r, p);
                            });
  covered_.insert("ReturnDisposition");  // its own test below

  // Every method of the complaint services that takes a request_id (the
  // admin methods are keyed by names and codes, IssueToken by its own rule:
  // admin_e2e_test.cc).
  for (const google::protobuf::FileDescriptor* file :
       testing::CompiledAduanFiles()) {
    for (int s = 0; s < file->service_count(); ++s) {
      const google::protobuf::ServiceDescriptor* service = file->service(s);
      if (service->full_name() == "aduan.v1.AdminService") continue;
      for (int i = 0; i < service->method_count(); ++i) {
        const google::protobuf::MethodDescriptor* m = service->method(i);
        const google::protobuf::Descriptor* in = m->input_type();
        const google::protobuf::FieldDescriptor* header =
            in->FindFieldByName("header");
        const bool has_request_id =
            in->FindFieldByName("request_id") != nullptr ||
            (header != nullptr && header->message_type() != nullptr &&
             header->message_type()->FindFieldByName("request_id") != nullptr);
        if (has_request_id) {
          EXPECT_EQ(covered_.count(m->name()), 1u)
              << m->full_name() << " takes a request_id but has no retry test";
        }
      }
    }
  }
  EXPECT_EQ(covered_.size(), 17u);
}

// ReturnDisposition hands the complaint from the unit to the head: the
// unit's first answer and its retry are the public view (no complainant)
// while nothing changed; once the head disposed it elsewhere the retry is
// NOT_FOUND.
TEST_P(RetryE2eTest, ReturnDispositionRetryIsThePublicViewUntilItMovesOn) {
  const std::string code = Submit().first;
  ASSERT_TRUE(Verify(code, v1::VerifyComplaintRequest::VERIFIED).ok());
  ASSERT_TRUE(Report(code).ok());
  ASSERT_TRUE(Dispose(code).ok());
  v1::ReturnDispositionRequest req;
  req.set_request_id("return-1");
  req.set_tracking_code(code);
  req.set_reason("Bukan kewenangan seksi kami");
  auto call = [&](auto* c, auto& r, auto* p) {
    return disposition_->ReturnDisposition(c, r, p);
  };
  v1::Complaint first, again, moved;
  ASSERT_TRUE(Send(unit_, req, call, &first).ok());
  EXPECT_EQ(first.state(), v1::Complaint::REPORTED_TO_HEAD);
  EXPECT_TRUE(MessageDifferencer::Equals(first.complainant(), NothingShown()))
      << first.DebugString();
  EXPECT_TRUE(first.attachments().empty());
  EXPECT_EQ(first.tracking_code(), code);
  ASSERT_TRUE(Send(unit_, req, call, &again).ok());
  EXPECT_TRUE(MessageDifferencer::Equals(testing::WithoutSlaUsed(again),
                                         testing::WithoutSlaUsed(first)))
      << "first: " << first.DebugString() << "\nretry: " << again.DebugString();
  ASSERT_TRUE(Dispose(code, "KESOS").ok());
  grpc::Status s = Send(unit_, req, call, &moved);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(s.error_message(), "complaint not found");
}

INSTANTIATE_TEST_SUITE_P(Backends, RetryE2eTest,
                         ::testing::Values("sqlite", "mysql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace aduan
