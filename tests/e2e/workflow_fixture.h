// The end-to-end fixture with the staff of a whole workflow (secretary,
// head, two units, a gateway) and helpers that take a complaint through the
// steps, each with the token of the role that owns it.
#ifndef ADUAN_TESTS_E2E_WORKFLOW_FIXTURE_H_
#define ADUAN_TESTS_E2E_WORKFLOW_FIXTURE_H_

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/time.h"
#include "aduan/v1/archive_service.grpc.pb.h"
#include "aduan/v1/disposition_service.grpc.pb.h"
#include "aduan/v1/verification_service.grpc.pb.h"
#include "tests/e2e/e2e_fixture.h"

namespace aduan::testing {

class WorkflowFixture : public E2eFixture {
 protected:
  void SetUp() override {
    E2eFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    secretary_ = CreateUser("sekcam", v1::RoleBinding::SECRETARY);
    head_ = CreateUser("camat", v1::RoleBinding::HEAD);
    unit_ = CreateUser("kasi.trantib", v1::RoleBinding::UNIT, "TRANTIB");
    other_unit_ = CreateUser("kasi.kesos", v1::RoleBinding::UNIT, "KESOS");
    gateway_ =
        CreateUser("gw.website", v1::RoleBinding::GATEWAY, "", "website");
    auto channel = server_->Channel();
    verification_ = v1::VerificationService::NewStub(channel);
    disposition_ = v1::DispositionService::NewStub(channel);
    archive_ = v1::ArchiveService::NewStub(channel);
  }

  // The server's time moves with a file (MoveClock); the NEEDS_INFO sweep
  // runs at every health round (2 s).
  std::vector<std::string> ServerFlags() const override {
    return {"--testing_clock_offset_file=" + dir_ + "/clock-offset",
            "--sweep_seconds=1"};
  }
  // Moves the server's time `d` ahead of the real time (from now on).
  void MoveClock(absl::Duration d) {
    const std::string path = dir_ + "/clock-offset";
    std::ofstream(path + ".tmp") << absl::ToInt64Seconds(d) << "\n";
    std::filesystem::rename(path + ".tmp", path);
  }

  // Submits; returns the tracking code and the PIN.
  std::pair<std::string, std::string> Submit(const std::string& token = "") {
    grpc::ClientContext ctx;
    Authorize(ctx, token.empty() ? officer_token_ : token);
    v1::SubmitComplaintRequest req;
    req.set_request_id("sub-" + std::to_string(++n_));
    v1::Complaint* c = req.mutable_complaint();
    c->set_office_code("KNG");
    c->set_channel(v1::Complaint::ONLINE);
    c->mutable_complainant()->set_name("Wati");
    c->mutable_complainant()->set_phone("081298765432");
    c->mutable_complainant()->set_nik("3574045108900003");
    c->set_title("Keributan malam hari");
    c->set_description("Ada keributan tiap malam di gang 5.");
    v1::SubmitComplaintResponse resp;
    grpc::Status s = intake_->SubmitComplaint(&ctx, req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return {resp.complaint().tracking_code(), resp.pin()};
  }

  // Fills request_id and tracking_code, calls, returns the status.
  template <typename Req, typename Call>
  grpc::Status Do(const std::string& token, const std::string& code, Req req,
                  Call call, v1::Complaint* out = nullptr) {
    grpc::ClientContext ctx;
    Authorize(ctx, token);
    req.set_request_id("step-" + std::to_string(++n_));
    req.set_tracking_code(code);
    v1::Complaint resp;
    grpc::Status s = call(&ctx, req, &resp);
    if (out != nullptr) *out = resp;
    return s;
  }
  grpc::Status Verify(const std::string& code,
                      v1::VerifyComplaintRequest::Outcome o,
                      v1::Complaint* out = nullptr) {
    v1::VerifyComplaintRequest req;
    req.set_outcome(o);
    req.set_note("Alasan");
    req.set_missing_info("Fotokopi KK");
    req.set_referred_to("SP4N-LAPOR!");
    return Do(
        officer_token_, code, req,
        [&](auto* c, auto& r, auto* p) {
          return verification_->VerifyComplaint(c, r, p);
        },
        out);
  }
  grpc::Status Report(const std::string& code) {
    return Do(secretary_, code, v1::ReportToHeadRequest(),
              [&](auto* c, auto& r, auto* p) {
                return verification_->ReportToHead(c, r, p);
              });
  }
  grpc::Status Dispose(const std::string& code,
                       const std::string& unit = "TRANTIB") {
    v1::DisposeComplaintRequest req;
    req.set_unit_code(unit);
    req.set_instruction("Tindak lanjuti dengan patroli");
    return Do(head_, code, req, [&](auto* c, auto& r, auto* p) {
      return disposition_->DisposeComplaint(c, r, p);
    });
  }
  grpc::Status Start(const std::string& code, const std::string& token) {
    return Do(token, code, v1::StartFollowUpRequest(),
              [&](auto* c, auto& r, auto* p) {
                return disposition_->StartFollowUp(c, r, p);
              });
  }
  grpc::Status Resolve(const std::string& code) {
    v1::ResolveComplaintRequest req;
    req.set_result("Sudah ditertibkan");
    return Do(unit_, code, req, [&](auto* c, auto& r, auto* p) {
      return disposition_->ResolveComplaint(c, r, p);
    });
  }
  grpc::Status Inform(const std::string& code, v1::Complaint* out = nullptr) {
    v1::InformComplainantRequest req;
    req.set_method(v1::InformComplainantRequest::PHONE);
    req.set_message("Sudah ditindaklanjuti");
    return Do(
        officer_token_, code, req,
        [&](auto* c, auto& r, auto* p) {
          return archive_->InformComplainant(c, r, p);
        },
        out);
  }
  v1::Complaint Get(const std::string& code) {
    return GetAs(officer_token_, code);
  }
  // The complaint as the holder of `token` sees it (BASIC view).
  v1::Complaint GetAs(const std::string& token, const std::string& code) {
    grpc::ClientContext ctx;
    Authorize(ctx, token);
    v1::GetComplaintRequest req;
    req.set_tracking_code(code);
    v1::Complaint c;
    grpc::Status s = complaints_->GetComplaint(&ctx, req, &c);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return c;
  }
  // The officer makes `code` anonymous after intake.
  void RaiseAnonymous(const std::string& code) {
    grpc::ClientContext ctx;
    Authorize(ctx, officer_token_);
    v1::UpdateComplaintRequest req;
    req.set_request_id("raise-" + code);
    req.mutable_complaint()->set_tracking_code(code);
    req.mutable_complaint()->set_anonymous(true);
    req.mutable_update_mask()->add_paths("anonymous");
    v1::Complaint raised;
    grpc::Status s = intake_->UpdateComplaint(&ctx, req, &raised);
    EXPECT_TRUE(s.ok()) << s.error_message();
    EXPECT_TRUE(raised.anonymous());
  }
  // The state after each event, oldest first: the path the complaint took.
  std::vector<v1::Complaint::State> Path(const std::string& code) {
    grpc::ClientContext ctx;
    Authorize(ctx, officer_token_);
    v1::ListComplaintEventsRequest req;
    req.set_tracking_code(code);
    v1::ListComplaintEventsResponse resp;
    EXPECT_TRUE(complaints_->ListComplaintEvents(&ctx, req, &resp).ok());
    std::vector<v1::Complaint::State> out;
    for (const auto& e : resp.events()) out.push_back(e.to_state());
    return out;
  }
  // Step 7 by the officer; then the record must verify as intact and name
  // the final event. Returns the archived complaint.
  v1::Complaint ArchiveAndVerify(const std::string& code) {
    v1::Complaint archived;
    grpc::Status s = Do(
        officer_token_, code, v1::ArchiveComplaintRequest(),
        [&](auto* c, auto& r, auto* p) {
          return archive_->ArchiveComplaint(c, r, p);
        },
        &archived);
    EXPECT_TRUE(s.ok()) << s.error_message();
    EXPECT_EQ(archived.state(), v1::Complaint::ARCHIVED);
    grpc::ClientContext ctx;
    Authorize(ctx, officer_token_);
    v1::VerifyArchiveRequest verify;
    verify.set_tracking_code(code);
    v1::VerifyArchiveResponse check;
    s = archive_->VerifyArchive(&ctx, verify, &check);
    EXPECT_TRUE(s.ok()) << s.error_message();
    EXPECT_TRUE(check.intact());
    EXPECT_TRUE(check.chain_intact());
    EXPECT_EQ(check.stored_sha256(), check.computed_sha256());
    return archived;
  }
  std::vector<v1::ComplaintEvent::Type> Events(const std::string& code) {
    grpc::ClientContext ctx;
    Authorize(ctx, officer_token_);
    v1::ListComplaintEventsRequest req;
    req.set_tracking_code(code);
    v1::ListComplaintEventsResponse resp;
    EXPECT_TRUE(complaints_->ListComplaintEvents(&ctx, req, &resp).ok());
    std::vector<v1::ComplaintEvent::Type> out;
    for (const auto& e : resp.events()) out.push_back(e.type());
    return out;
  }

  std::string secretary_, head_, unit_, other_unit_, gateway_;
  std::unique_ptr<v1::VerificationService::Stub> verification_;
  std::unique_ptr<v1::DispositionService::Stub> disposition_;
  std::unique_ptr<v1::ArchiveService::Stub> archive_;
  int n_ = 0;
};

}  // namespace aduan::testing

#endif  // ADUAN_TESTS_E2E_WORKFLOW_FIXTURE_H_
