// End to end: who may do what — tokens, roles, object scope, masking, the
// FULL view and its access log, revocation and disabling — over real gRPC.
#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "tests/e2e/e2e_fixture.h"

namespace aduan {
namespace {

using ::testing::HasSubstr;

v1::Complaint ValidComplaint() {
  v1::Complaint c;
  c.set_office_code("KNG");
  c.set_channel(v1::Complaint::ONLINE);
  c.mutable_complainant()->set_name("Budi Santoso");
  c.mutable_complainant()->set_nik("3574041203850001");
  c.mutable_complainant()->set_kk_number("3574040101150004");
  c.mutable_complainant()->set_phone("081234567890");
  c.mutable_complainant()->set_email("budi@example.id");
  c.set_title("Saluran air tersumbat");
  c.set_description("Saluran di gang 3 tersumbat sampah.");
  return c;
}

class AccessE2eTest : public testing::E2eFixture {
 protected:
  grpc::Status Submit(const std::string& token, const std::string& request_id,
                      const v1::Complaint& c,
                      v1::SubmitComplaintResponse* resp) {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, token);
    v1::SubmitComplaintRequest req;
    req.set_request_id(request_id);
    *req.mutable_complaint() = c;
    return intake_->SubmitComplaint(&ctx, req, resp);
  }
  grpc::Status Get(
      const std::string& token, const std::string& code, v1::Complaint* out,
      v1::GetComplaintRequest::View view = v1::GetComplaintRequest::BASIC,
      const std::string& reason = "") {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, token);
    v1::GetComplaintRequest req;
    req.set_tracking_code(code);
    req.set_view(view);
    req.set_access_reason(reason);
    return complaints_->GetComplaint(&ctx, req, out);
  }
  long long Total(const std::string& token) {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, token);
    v1::ListComplaintsResponse resp;
    grpc::Status s =
        complaints_->ListComplaints(&ctx, v1::ListComplaintsRequest(), &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp.total_size();
  }
  std::string SubmitOne(const std::string& token = "") {
    v1::SubmitComplaintResponse resp;
    grpc::Status s =
        Submit(token.empty() ? officer_token_ : token,
               "req-" + std::to_string(++n_), ValidComplaint(), &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp.complaint().tracking_code();
  }
  int n_ = 0;
};

TEST_P(AccessE2eTest, MissingOrBadTokensAreUnauthenticated) {
  v1::SubmitComplaintResponse resp;
  grpc::Status none = Submit("", "r1", ValidComplaint(), &resp);
  EXPECT_EQ(none.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(none.error_message(), HasSubstr("authorization"));
  EXPECT_EQ(Submit("adn_not-a-real-token", "r1", ValidComplaint(), &resp)
                .error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", "Basic abc");
  v1::ListComplaintsResponse list;
  EXPECT_EQ(complaints_->ListComplaints(&ctx, {}, &list).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Total(officer_token_), 0);  // nothing was stored
}

// The request log (server/api/request_log.h) has one line per call, the
// refused ones included, naming the method, the code and the principal's id
// (the fixture's TearDown checks that no log holds a token, NIK or phone).
TEST_P(AccessE2eTest, TheRequestLogHasALinePerCallRefusedOrNot) {
  v1::SubmitComplaintResponse resp;
  ASSERT_EQ(Submit("", "log-1", ValidComplaint(), &resp).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  ASSERT_TRUE(Submit(officer_token_, "log-2", ValidComplaint(), &resp).ok());
  v1::Complaint c;
  ASSERT_EQ(Get(officer_token_, "KNG-00000000", &c).error_code(),
            grpc::StatusCode::NOT_FOUND);
  const std::string log = server_->ReadLog();
  auto line_of = [&](const std::string& start) {
    const size_t at = log.find(start);
    if (at == std::string::npos) return std::string();
    return log.substr(at, log.find('\n', at) - at);
  };
  const std::string refused = line_of(
      "request aduan.v1.IntakeService.SubmitComplaint UNAUTHENTICATED ");
  EXPECT_THAT(refused, HasSubstr(" principal=- peer=ipv4:127.0.0.1:"));
  const std::string submitted =
      line_of("request aduan.v1.IntakeService.SubmitComplaint OK ");
  EXPECT_THAT(submitted, HasSubstr(" principal=p_"));
  EXPECT_THAT(submitted, ::testing::MatchesRegex(
                             ".* [0-9]+\\.[0-9]ms principal=p_[0-9a-f]+ "
                             "peer=ipv4:127\\.0\\.0\\.1:[0-9]+"));
  EXPECT_THAT(line_of("request aduan.v1.ComplaintService.GetComplaint "),
              HasSubstr("GetComplaint NOT_FOUND "));
}

TEST_P(AccessE2eTest, RolesAreCheckedBeforeAnythingElse) {
  const std::string auditor =
      CreateUser("audit.inspektorat", v1::RoleBinding::AUDITOR);
  const std::string head = CreateUser("camat", v1::RoleBinding::HEAD);
  v1::SubmitComplaintResponse resp;
  // Role before arguments: an empty request from an auditor is denied.
  grpc::Status s = Submit(auditor, "", v1::Complaint(), &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Submit(head, "r1", ValidComplaint(), &resp).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  const std::string code = SubmitOne();
  v1::Complaint c;
  EXPECT_EQ(Get(admin_token_, code, &c).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_TRUE(Get(auditor, code, &c).ok());
  EXPECT_TRUE(Get(head, code, &c).ok());
  grpc::ClientContext ctx;
  testing::Authorize(ctx, officer_token_);
  v1::IssueTokenResponse issued;
  EXPECT_EQ(admin_->IssueToken(&ctx, {}, &issued).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_P(AccessE2eTest, UnitSeesOnlyComplaintsDisposedToIt) {
  const std::string unit =
      CreateUser("kasi.trantib", v1::RoleBinding::UNIT, "TRANTIB");
  const std::string code = SubmitOne();
  v1::Complaint c, unknown;
  grpc::Status out_of_scope = Get(unit, code, &c);
  grpc::Status missing = Get(unit, "KNG-00000000", &unknown);
  EXPECT_EQ(out_of_scope.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(out_of_scope.error_message(), missing.error_message());
  EXPECT_EQ(Total(unit), 0);
  EXPECT_EQ(Total(officer_token_), 1);
}

TEST_P(AccessE2eTest, GatewaySetsSourceAndSeesOnlyItsOwn) {
  const std::string website =
      CreateUser("gw.website", v1::RoleBinding::GATEWAY, "", "website");
  const std::string lapor =
      CreateUser("gw.lapor", v1::RoleBinding::GATEWAY, "", "sp4n-lapor");
  v1::Complaint in = ValidComplaint();
  in.set_external_reference("WEB-1");
  v1::SubmitComplaintResponse first, again;
  ASSERT_TRUE(Submit(website, "w1", in, &first).ok());
  EXPECT_EQ(first.complaint().source(), "website");
  // The same reference from the same source is refused, naming the first.
  grpc::Status dup = Submit(website, "w2", in, &again);
  EXPECT_EQ(dup.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_THAT(dup.error_message(),
              HasSubstr(first.complaint().tracking_code()));
  // Another source may use it.
  EXPECT_TRUE(Submit(lapor, "l1", in, &again).ok());
  const std::string officers = SubmitOne();
  v1::Complaint c;
  EXPECT_TRUE(Get(website, first.complaint().tracking_code(), &c).ok());
  EXPECT_EQ(Get(website, officers, &c).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Get(lapor, first.complaint().tracking_code(), &c).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Total(website), 1);
  EXPECT_EQ(Total(officer_token_), 3);
  // A gateway cannot pick its source.
  v1::Complaint spoof = ValidComplaint();
  spoof.set_source("sp4n-lapor");
  EXPECT_EQ(Submit(website, "w3", spoof, &again).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_P(AccessE2eTest, MaskingPerRoleAndView) {
  const std::string auditor =
      CreateUser("audit.inspektorat", v1::RoleBinding::AUDITOR);
  const std::string code = SubmitOne();
  v1::Complaint basic, full, audited;
  ASSERT_TRUE(Get(officer_token_, code, &basic).ok());
  EXPECT_EQ(basic.complainant().nik(), "3574**********01");
  EXPECT_EQ(basic.complainant().kk_number(), "3574**********04");
  EXPECT_EQ(basic.complainant().name(), "Budi Santoso");
  EXPECT_TRUE(basic.complainant().masked());

  grpc::Status no_reason =
      Get(officer_token_, code, &full, v1::GetComplaintRequest::FULL);
  EXPECT_EQ(no_reason.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(no_reason.error_message(), HasSubstr("access_reason"));
  ASSERT_TRUE(Get(officer_token_, code, &full, v1::GetComplaintRequest::FULL,
                  "verifikasi KTP pelapor")
                  .ok());
  EXPECT_EQ(full.complainant().nik(), "3574041203850001");
  EXPECT_EQ(full.complainant().kk_number(), "3574040101150004");
  EXPECT_FALSE(full.complainant().masked());

  EXPECT_EQ(Get(auditor, code, &audited, v1::GetComplaintRequest::FULL, "audit")
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(Get(auditor, code, &audited).ok());
  EXPECT_EQ(audited.complainant().nik(), "3574**********01");
  // Administration needs no personal data.
  grpc::Status by_admin = Get(admin_token_, code, &audited,
                              v1::GetComplaintRequest::FULL, "ingin tahu");
  EXPECT_EQ(by_admin.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  // Lists are always BASIC.
  {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, officer_token_);
    v1::ListComplaintsResponse resp;
    ASSERT_TRUE(
        complaints_->ListComplaints(&ctx, v1::ListComplaintsRequest(), &resp)
            .ok());
    ASSERT_EQ(resp.complaints_size(), 1);
    EXPECT_EQ(resp.complaints(0).complainant().nik(), "3574**********01");
    EXPECT_EQ(resp.complaints(0).complainant().kk_number(), "3574**********04");
    EXPECT_TRUE(resp.complaints(0).complainant().masked());
  }

  // Exactly one access-log row per FULL read.
  grpc::ClientContext ctx;
  testing::Authorize(ctx, admin_token_);
  v1::ListAccessLogRequest req;
  req.set_tracking_code(code);
  v1::ListAccessLogResponse log;
  ASSERT_TRUE(admin_->ListAccessLog(&ctx, req, &log).ok());
  ASSERT_EQ(log.entries_size(), 1);
  EXPECT_EQ(log.entries(0).principal_name(), "siti.officer");
  EXPECT_EQ(log.entries(0).role(), "OFFICER");
  EXPECT_EQ(log.entries(0).reason(), "verifikasi KTP pelapor");
}

TEST_P(AccessE2eTest,
       AnonymousComplaintHidesTheComplainantFromGatewaysAndAuditors) {
  const std::string website =
      CreateUser("gw.website", v1::RoleBinding::GATEWAY, "", "website");
  const std::string auditor =
      CreateUser("audit.inspektorat", v1::RoleBinding::AUDITOR);
  v1::Complaint in = ValidComplaint();
  in.set_anonymous(true);
  v1::SubmitComplaintResponse resp;
  ASSERT_TRUE(Submit(website, "anon-1", in, &resp).ok());
  for (const std::string& token : {website, auditor}) {
    v1::Complaint c;
    ASSERT_TRUE(Get(token, resp.complaint().tracking_code(), &c).ok());
    EXPECT_EQ(c.complainant().name(), "");
    EXPECT_EQ(c.complainant().phone(), "");
    EXPECT_EQ(c.complainant().nik(), "");
    EXPECT_TRUE(c.complainant().masked());
  }
  v1::Complaint officer_view;
  ASSERT_TRUE(
      Get(officer_token_, resp.complaint().tracking_code(), &officer_view)
          .ok());
  EXPECT_EQ(officer_view.complainant().name(), "Budi Santoso");
}

TEST_P(AccessE2eTest, ExpiredTokenIsRefusedOnTheNextCall) {
  std::string principal;
  CreateUser("tamu.sementara", v1::RoleBinding::OFFICER, "", "", &principal);
  grpc::ClientContext ctx;
  testing::Authorize(ctx, admin_token_);
  v1::IssueTokenRequest req;
  req.set_principal_id(principal);
  req.mutable_ttl()->set_seconds(2);
  v1::IssueTokenResponse issued;
  ASSERT_TRUE(admin_->IssueToken(&ctx, req, &issued).ok());
  ASSERT_TRUE(issued.token().has_expire_time());
  EXPECT_EQ(Total(issued.secret()), 0);  // works now
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  grpc::ClientContext late;
  testing::Authorize(late, issued.secret());
  v1::ListComplaintsResponse resp;
  grpc::Status s =
      complaints_->ListComplaints(&late, v1::ListComplaintsRequest(), &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(s.error_message(), "token has expired");
}

TEST_P(AccessE2eTest, NikSearchIsForStaffOnly) {
  const std::string auditor =
      CreateUser("audit.inspektorat", v1::RoleBinding::AUDITOR);
  const std::string code = SubmitOne();
  SubmitOne();
  grpc::ClientContext ctx;
  testing::Authorize(ctx, officer_token_);
  v1::ListComplaintsRequest req;
  req.set_query("3574041203850001");
  v1::ListComplaintsResponse resp;
  ASSERT_TRUE(complaints_->ListComplaints(&ctx, req, &resp).ok());
  EXPECT_EQ(resp.total_size(), 2);
  req.set_query("3574041203850009");
  grpc::ClientContext ctx2;
  testing::Authorize(ctx2, officer_token_);
  ASSERT_TRUE(complaints_->ListComplaints(&ctx2, req, &resp).ok());
  EXPECT_EQ(resp.total_size(), 0);
  grpc::ClientContext ctx3;
  testing::Authorize(ctx3, auditor);
  EXPECT_EQ(complaints_->ListComplaints(&ctx3, req, &resp).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_P(AccessE2eTest, RevocationAndDisablingTakeEffectOnTheNextCall) {
  std::string id;
  const std::string first =
      CreateUser("rina.officer", v1::RoleBinding::OFFICER, "", "", &id);
  std::string second_id;
  const std::string second = IssueToken(id, &second_id);
  EXPECT_EQ(Total(first), 0);
  grpc::ClientContext ctx;
  testing::Authorize(ctx, admin_token_);
  v1::RevokeTokenRequest revoke;
  revoke.set_token_id(second_id);
  v1::Token revoked;
  ASSERT_TRUE(admin_->RevokeToken(&ctx, revoke, &revoked).ok());
  EXPECT_TRUE(revoked.has_revoke_time());
  v1::ListComplaintsResponse list;
  grpc::ClientContext c1;
  testing::Authorize(c1, second);
  grpc::Status s = complaints_->ListComplaints(&c1, {}, &list);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(s.error_message(), HasSubstr("revoked"));
  EXPECT_EQ(Total(first), 0);  // the other token still works

  grpc::ClientContext c2;
  testing::Authorize(c2, admin_token_);
  v1::UpdatePrincipalRequest disable;
  disable.mutable_principal()->set_principal_id(id);
  disable.mutable_principal()->set_disabled(true);
  disable.mutable_update_mask()->add_paths("disabled");
  v1::Principal p;
  ASSERT_TRUE(admin_->UpdatePrincipal(&c2, disable, &p).ok());
  EXPECT_TRUE(p.disabled());
  grpc::ClientContext c3;
  testing::Authorize(c3, first);
  s = complaints_->ListComplaints(&c3, {}, &list);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(s.error_message(), HasSubstr("disabled"));
}

TEST_P(AccessE2eTest, TokensRecordLastUseAndAreStoredOnlyAsHashes) {
  std::string id;
  const std::string token =
      CreateUser("dewi.officer", v1::RoleBinding::OFFICER, "", "", &id);
  EXPECT_EQ(token.rfind("adn_", 0), 0u);
  EXPECT_GE(token.size(), 4u + 43u);  // 256 bits in base64url
  EXPECT_EQ(Total(token), 0);
  grpc::ClientContext ctx;
  testing::Authorize(ctx, admin_token_);
  v1::ListTokensRequest req;
  req.set_principal_id(id);
  v1::ListTokensResponse resp;
  ASSERT_TRUE(admin_->ListTokens(&ctx, req, &resp).ok());
  ASSERT_EQ(resp.tokens_size(), 1);
  EXPECT_TRUE(resp.tokens(0).has_last_used_time());
  EXPECT_EQ(resp.tokens(0).DebugString().find(token), std::string::npos);
  if (GetParam() == "sqlite") {
    // A dump of the database file holds no token and no 16-digit number.
    SubmitOne();
    StopServer(SIGTERM);
    std::ifstream in(dir_ + "/var/aduan.db", std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    const std::string bytes = s.str();
    EXPECT_EQ(bytes.find(token), std::string::npos);
    EXPECT_EQ(bytes.find("3574041203850001"), std::string::npos);
    EXPECT_EQ(bytes.find("3574040101150004"), std::string::npos);
    EXPECT_FALSE(testing::HasSixteenDigitNumber(bytes));
  }
}

TEST_P(AccessE2eTest, AdminBindingsAreLimitedToTheAdminsOffices) {
  grpc::ClientContext ctx;
  testing::Authorize(ctx, admin_token_);
  v1::CreatePrincipalRequest req;
  req.mutable_principal()->set_name("orang.lain");
  v1::RoleBinding* b = req.mutable_principal()->add_role_bindings();
  b->set_role(v1::RoleBinding::UNIT);
  b->set_office_code("KNG");
  b->set_unit_code("NOPE");
  v1::Principal p;
  grpc::Status s = admin_->CreatePrincipal(&ctx, req, &p);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("unit_code"));
  grpc::ClientContext ctx2;
  testing::Authorize(ctx2, admin_token_);
  b->set_unit_code("");
  b->set_role(v1::RoleBinding::OFFICER);
  b->set_office_code("XYZ");
  s = admin_->CreatePrincipal(&ctx2, req, &p);
  // Not ADMIN there; whether the office exists is not told.
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(s.error_message(), "you are not ADMIN of office XYZ");
  grpc::ClientContext ctx3;
  testing::Authorize(ctx3, admin_token_);
  v1::GetOfficeRequest office_req;
  office_req.set_code("KNG");
  v1::Office office;
  ASSERT_TRUE(admin_->GetOffice(&ctx3, office_req, &office).ok());
  EXPECT_EQ(office.time_zone(), "Asia/Jakarta");
  EXPECT_EQ(office.working_hours_size(), 5);
  EXPECT_EQ(office.working_hours(0).open(), "07:30");
  EXPECT_EQ(office.kelurahan_size(), 6);
  EXPECT_EQ(office.service_sla().seconds(), 3600);
}

TEST_P(AccessE2eTest, PublicTrackNeedsNoToken) {
  v1::SubmitComplaintResponse resp;
  ASSERT_TRUE(Submit(officer_token_, "t1", ValidComplaint(), &resp).ok());
  grpc::ClientContext ctx;
  v1::TrackComplaintRequest req;
  req.set_tracking_code(resp.complaint().tracking_code());
  req.set_pin(resp.pin());
  v1::TrackComplaintResponse t;
  ASSERT_TRUE(intake_->TrackComplaint(&ctx, req, &t).ok());
  EXPECT_EQ(t.state(), v1::Complaint::SUBMITTED);
  EXPECT_EQ(t.DebugString().find("Budi"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccessE2eTest,
                         ::testing::Values("sqlite", "mysql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace aduan
