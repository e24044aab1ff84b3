// End to end: administration of offices, units and categories, and the
// office boundary between two kecamatan.
#include "tests/e2e/e2e_fixture.h"

namespace aduan {
namespace {

using ::testing::HasSubstr;

v1::Office Mayangan() {
  v1::Office o;
  o.set_code("MYG");
  o.set_name("Kecamatan Mayangan");
  o.set_region_code("35.74.03");
  o.set_time_zone("Asia/Jakarta");
  for (int wd = 1; wd <= 5; ++wd) {
    v1::WorkingHours* h = o.add_working_hours();
    h->set_weekday(wd);
    h->set_open("08:00");
    h->set_close("15:00");
  }
  v1::Holiday* h = o.add_holidays();
  h->set_date("2026-12-25");
  h->set_name("Hari Raya Natal");
  o.mutable_service_sla()->set_seconds(3600);
  o.mutable_resolution_sla()->set_seconds(5 * 7 * 3600);
  o.set_needs_info_limit_days(10);
  o.add_kelurahan("Mangunharjo");
  o.add_kelurahan("Mayangan");
  return o;
}

class AdminE2eTest : public testing::E2eFixture {
 protected:
  using Bindings = std::vector<std::pair<v1::RoleBinding::Role, std::string>>;
  // Creates a principal with a binding of each (role, office); its id.
  std::string CreatePrincipal(const std::string& name,
                              const Bindings& bindings) {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, admin_token_);
    v1::CreatePrincipalRequest req;
    req.mutable_principal()->set_name(name);
    for (const auto& [role, office] : bindings) {
      auto* b = req.mutable_principal()->add_role_bindings();
      b->set_role(role);
      b->set_office_code(office);
    }
    v1::Principal p;
    grpc::Status s = admin_->CreatePrincipal(&ctx, req, &p);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return p.principal_id();
  }
  grpc::Status CreateOffice(const v1::Office& o, v1::Office* out) {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, admin_token_);
    v1::CreateOfficeRequest req;
    *req.mutable_office() = o;
    return admin_->CreateOffice(&ctx, req, out);
  }
};

TEST_P(AdminE2eTest, CreatedOfficeIsManagedByItsCreatorAndSeparateFromOthers) {
  v1::Office created;
  ASSERT_TRUE(CreateOffice(Mayangan(), &created).ok());
  EXPECT_EQ(created.code(), "MYG");
  EXPECT_EQ(created.holidays(0).date(), "2026-12-25");
  EXPECT_EQ(created.kelurahan_size(), 2);
  v1::Office dup;
  EXPECT_EQ(CreateOffice(Mayangan(), &dup).error_code(),
            grpc::StatusCode::ALREADY_EXISTS);
  {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, admin_token_);
    v1::CreateUnitRequest req;
    req.mutable_unit()->set_office_code("MYG");
    req.mutable_unit()->set_code("TRANTIB");
    req.mutable_unit()->set_name("Seksi Ketentraman dan Ketertiban Umum");
    v1::Unit unit;
    ASSERT_TRUE(admin_->CreateUnit(&ctx, req, &unit).ok());
  }
  {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, admin_token_);
    v1::CreateCategoryRequest req;
    v1::Category* c = req.mutable_category();
    c->set_office_code("MYG");
    c->set_code("PKL");
    c->set_name("Pedagang Kaki Lima");
    c->set_default_unit_code("TRANTIB");
    c->mutable_service_sla()->set_seconds(1800);
    v1::Category out;
    ASSERT_TRUE(admin_->CreateCategory(&ctx, req, &out).ok());
    EXPECT_EQ(out.service_sla().seconds(), 1800);
  }
  // An officer of Mayangan and one of Kanigaran see only their office.
  const std::string kng_officer = officer_token_;
  const std::string myg_officer_id =
      CreatePrincipal("andi.myg", {{v1::RoleBinding::OFFICER, "MYG"}});
  ASSERT_FALSE(myg_officer_id.empty());
  const std::string myg_officer = IssueToken(myg_officer_id);
  v1::SubmitComplaintResponse sub;
  {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, myg_officer);
    v1::SubmitComplaintRequest req;
    req.set_request_id("myg-1");
    v1::Complaint* c = req.mutable_complaint();
    c->set_office_code("MYG");
    c->set_channel(v1::Complaint::OFFICE);
    c->set_anonymous(true);
    c->set_title("PKL di trotoar");
    c->set_description("Menutup trotoar.");
    c->set_category("PKL");
    c->mutable_location()->set_kelurahan("mayangan");
    ASSERT_TRUE(intake_->SubmitComplaint(&ctx, req, &sub).ok());
    EXPECT_EQ(sub.complaint().tracking_code().substr(0, 4), "MYG-");
    EXPECT_EQ(sub.complaint().location().kelurahan(), "Mayangan");
    // The category's 30 minutes, counted in working time, at least 30 wall
    // minutes.
    EXPECT_GE(sub.complaint().service_sla().due_time().seconds() -
                  sub.complaint().create_time().seconds(),
              1800);
  }
  {
    // Kanigaran's officer cannot submit to Mayangan, nor see its complaints.
    grpc::ClientContext ctx;
    testing::Authorize(ctx, kng_officer);
    v1::SubmitComplaintRequest req;
    req.set_request_id("kng-into-myg");
    *req.mutable_complaint() = sub.complaint();
    req.mutable_complaint()->clear_tracking_code();
    req.mutable_complaint()->clear_state();
    req.mutable_complaint()->clear_service_sla();
    req.mutable_complaint()->clear_resolution_sla();
    req.mutable_complaint()->clear_create_time();
    req.mutable_complaint()->clear_update_time();
    req.mutable_complaint()->clear_etag();
    req.mutable_complaint()->mutable_complainant()->clear_masked();
    v1::SubmitComplaintResponse ignored;
    grpc::Status s = intake_->SubmitComplaint(&ctx, req, &ignored);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(s.error_message(), HasSubstr("complaint.office_code"));
  }
  {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, kng_officer);
    v1::GetComplaintRequest req;
    req.set_tracking_code(sub.complaint().tracking_code());
    v1::Complaint c;
    EXPECT_EQ(complaints_->GetComplaint(&ctx, req, &c).error_code(),
              grpc::StatusCode::NOT_FOUND);
  }
}

TEST_P(AdminE2eTest, UpdateOfficeChangesHolidaysAndSlaForNewComplaints) {
  grpc::ClientContext ctx;
  testing::Authorize(ctx, admin_token_);
  v1::UpdateOfficeRequest req;
  req.mutable_office()->set_code("KNG");
  req.mutable_office()->mutable_service_sla()->set_seconds(7200);
  v1::Holiday* h = req.mutable_office()->add_holidays();
  h->set_date("2026-12-25");
  h->set_name("Hari Raya Natal");
  req.mutable_update_mask()->add_paths("service_sla");
  req.mutable_update_mask()->add_paths("holidays");
  v1::Office updated;
  ASSERT_TRUE(admin_->UpdateOffice(&ctx, req, &updated).ok());
  EXPECT_EQ(updated.service_sla().seconds(), 7200);
  ASSERT_EQ(updated.holidays_size(), 1);
  EXPECT_EQ(updated.working_hours_size(), 5);  // untouched
  grpc::ClientContext sctx;
  testing::Authorize(sctx, officer_token_);
  v1::SubmitComplaintRequest sreq;
  sreq.set_request_id("after-update");
  v1::Complaint* c = sreq.mutable_complaint();
  c->set_office_code("KNG");
  c->set_channel(v1::Complaint::OFFICE);
  c->set_anonymous(true);
  c->set_title("Jalan rusak");
  c->set_description("Berlubang.");
  v1::SubmitComplaintResponse sub;
  ASSERT_TRUE(intake_->SubmitComplaint(&sctx, sreq, &sub).ok());
  EXPECT_GE(sub.complaint().service_sla().due_time().seconds() -
                sub.complaint().create_time().seconds(),
            7200);
}

TEST_P(AdminE2eTest, BadOfficeUnitAndCategoryInputIsRejected) {
  struct Case {
    const char* name;
    std::function<void(v1::Office&)> mutate;
    const char* field;
  };
  const std::vector<Case> cases = {
      {"code", [](auto& o) { o.set_code("myg"); }, "office.code"},
      {"tz", [](auto& o) { o.set_time_zone("Mars/Olympus"); },
       "office.time_zone"},
      {"hhmm", [](auto& o) { o.mutable_working_hours(0)->set_open("8am"); },
       "office.working_hours[0].open"},
      {"overlap",
       [](auto& o) {
         auto* h = o.add_working_hours();
         h->set_weekday(1);
         h->set_open("14:00");
         h->set_close("16:00");
       },
       "office.working_hours"},
      {"sla", [](auto& o) { o.mutable_service_sla()->set_seconds(90); },
       "office.service_sla"},
      // 4294967297 minutes would wrap around to 1 in an int.
      {"sla wraps",
       [](auto& o) { o.mutable_service_sla()->set_seconds(4294967297LL * 60); },
       "office.service_sla: must be a positive number of whole minutes, at "
       "most 525600 (365 days)"},
      {"resolution wraps",
       [](auto& o) {
         o.mutable_resolution_sla()->set_seconds(4294967297LL * 60);
       },
       "office.resolution_sla: must be a positive number of whole minutes, "
       "at most 525600 (365 days)"},
      {"kelurahan", [](auto& o) { o.add_kelurahan("mayangan"); },
       "office.kelurahan"},
      {"holiday",
       [](auto& o) { o.mutable_holidays(0)->set_date("25-12-2026"); },
       "office.holidays"},
  };
  for (const Case& c : cases) {
    v1::Office o = Mayangan();
    c.mutate(o);
    v1::Office out;
    grpc::Status s = CreateOffice(o, &out);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << c.name;
    EXPECT_EQ(s.error_message().rfind(c.field, 0), 0u)
        << c.name << ": " << s.error_message();
  }
  grpc::ClientContext ctx;
  testing::Authorize(ctx, admin_token_);
  v1::GetOfficeRequest get;
  get.set_code("MYG");
  v1::Office none;
  EXPECT_EQ(admin_->GetOffice(&ctx, get, &none).error_code(),
            grpc::StatusCode::NOT_FOUND);
  grpc::ClientContext uctx;
  testing::Authorize(uctx, admin_token_);
  v1::CreateUnitRequest unit;
  unit.mutable_unit()->set_office_code("KNG");
  unit.mutable_unit()->set_code("PEM");
  unit.mutable_unit()->set_name("Duplikat");
  v1::Unit u;
  EXPECT_EQ(admin_->CreateUnit(&uctx, unit, &u).error_code(),
            grpc::StatusCode::ALREADY_EXISTS);
  grpc::ClientContext cctx;
  testing::Authorize(cctx, admin_token_);
  v1::CreateCategoryRequest cat;
  cat.mutable_category()->set_office_code("KNG");
  cat.mutable_category()->set_code("BARU");
  cat.mutable_category()->set_name("Baru");
  cat.mutable_category()->set_default_unit_code("NOPE");
  v1::Category cout;
  grpc::Status s = admin_->CreateCategory(&cctx, cat, &cout);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("category.default_unit_code"));
}

// An ADMIN of Kanigaran alone cannot see or take over the staff of
// Mayangan: their principals and tokens are NOT_FOUND, byte for byte as ones
// that do not exist; a person working in both offices is visible but only an
// admin of both manages it.
TEST_P(AdminE2eTest, AdminOfOneOfficeCannotManageAnotherOfficesStaff) {
  v1::Office created;
  ASSERT_TRUE(CreateOffice(Mayangan(), &created).ok());  // admin of both
  const std::string andi =
      CreatePrincipal("andi.myg", {{v1::RoleBinding::OFFICER, "MYG"}});
  const std::string rina = CreatePrincipal(
      "rina.both",
      {{v1::RoleBinding::OFFICER, "KNG"}, {v1::RoleBinding::OFFICER, "MYG"}});
  const std::string kng_admin =
      CreatePrincipal("admin.kng", {{v1::RoleBinding::ADMIN, "KNG"}});
  std::string andi_token_id;
  const std::string andi_token = IssueToken(andi, &andi_token_id);
  const std::string kng = IssueToken(kng_admin);

  auto call = [&](auto method, const auto& req, auto* resp) {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, kng);
    return (admin_.get()->*method)(&ctx, req, resp);
  };
  v1::Principal p;
  v1::GetPrincipalRequest get;
  get.set_principal_id("p_0000000000000000");
  const grpc::Status unknown =
      call(&v1::AdminService::Stub::GetPrincipal, get, &p);
  ASSERT_EQ(unknown.error_code(), grpc::StatusCode::NOT_FOUND);
  auto expect_hidden = [&](const grpc::Status& s, const char* what) {
    EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND) << what;
    EXPECT_EQ(s.error_message(), unknown.error_message()) << what;
  };
  get.set_principal_id(andi);
  expect_hidden(call(&v1::AdminService::Stub::GetPrincipal, get, &p), "get");
  v1::IssueTokenRequest issue;
  issue.set_principal_id(andi);
  v1::IssueTokenResponse issued;
  expect_hidden(call(&v1::AdminService::Stub::IssueToken, issue, &issued),
                "issue");
  v1::UpdatePrincipalRequest update;
  update.mutable_principal()->set_principal_id(andi);
  update.mutable_principal()->set_disabled(true);
  update.mutable_update_mask()->add_paths("disabled");
  expect_hidden(call(&v1::AdminService::Stub::UpdatePrincipal, update, &p),
                "update");
  v1::AddRoleBindingRequest add;
  add.set_principal_id(andi);
  add.mutable_role_binding()->set_role(v1::RoleBinding::HEAD);
  add.mutable_role_binding()->set_office_code("KNG");
  expect_hidden(call(&v1::AdminService::Stub::AddRoleBinding, add, &p),
                "add binding");
  v1::ListTokensRequest list_tokens;
  list_tokens.set_principal_id(andi);
  v1::ListTokensResponse tokens;
  expect_hidden(call(&v1::AdminService::Stub::ListTokens, list_tokens, &tokens),
                "list tokens");
  v1::RevokeTokenRequest revoke;
  revoke.set_token_id("tok_0000000000000000");
  v1::Token token;
  const grpc::Status unknown_token =
      call(&v1::AdminService::Stub::RevokeToken, revoke, &token);
  EXPECT_EQ(unknown_token.error_code(), grpc::StatusCode::NOT_FOUND);
  revoke.set_token_id(andi_token_id);
  grpc::Status s = call(&v1::AdminService::Stub::RevokeToken, revoke, &token);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(s.error_message(), unknown_token.error_message());
  // Lists hold only the principals Kanigaran's admin sees.
  v1::ListPrincipalsRequest list;
  v1::ListPrincipalsResponse listed;
  ASSERT_TRUE(
      call(&v1::AdminService::Stub::ListPrincipals, list, &listed).ok());
  std::vector<std::string> names;
  for (const auto& q : listed.principals()) names.push_back(q.name());
  EXPECT_THAT(names, ::testing::Contains("rina.both"));
  EXPECT_THAT(names, ::testing::Contains("admin.kng"));
  EXPECT_THAT(names, ::testing::Not(::testing::Contains("andi.myg")));
  list.set_office_code("MYG");
  EXPECT_EQ(
      call(&v1::AdminService::Stub::ListPrincipals, list, &listed).error_code(),
      grpc::StatusCode::NOT_FOUND);
  // A person of both offices: seen, not managed.
  get.set_principal_id(rina);
  ASSERT_TRUE(call(&v1::AdminService::Stub::GetPrincipal, get, &p).ok());
  issue.set_principal_id(rina);
  s = call(&v1::AdminService::Stub::IssueToken, issue, &issued);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(s.error_message(), HasSubstr("office MYG"));
  EXPECT_TRUE(issued.secret().empty());
  // Her roles are changed, and her tokens listed, by an admin of both
  // offices only: also in Kanigaran, where this admin is admin.
  const std::string refused =
      "principal rina.both also holds roles in office MYG, where you are not "
      "ADMIN; an ADMIN of every office it works in manages it";
  add.set_principal_id(rina);
  s = call(&v1::AdminService::Stub::AddRoleBinding, add, &p);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(s.error_message(), refused);
  v1::RemoveRoleBindingRequest remove_rina;
  remove_rina.set_principal_id(rina);
  remove_rina.mutable_role_binding()->set_role(v1::RoleBinding::OFFICER);
  remove_rina.mutable_role_binding()->set_office_code("KNG");
  s = call(&v1::AdminService::Stub::RemoveRoleBinding, remove_rina, &p);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(s.error_message(), refused);
  list_tokens.set_principal_id(rina);
  s = call(&v1::AdminService::Stub::ListTokens, list_tokens, &tokens);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(s.error_message(), refused);
  EXPECT_EQ(tokens.tokens_size(), 0);
  {  // Her bindings are as they were.
    grpc::ClientContext ctx;
    testing::Authorize(ctx, admin_token_);
    get.set_principal_id(rina);
    ASSERT_TRUE(admin_->GetPrincipal(&ctx, get, &p).ok());
    EXPECT_EQ(p.role_bindings_size(), 2);
  }
  list_tokens.set_principal_id(andi);
  // Nothing changed: Andi works, with his one token.
  {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, admin_token_);
    v1::ListTokensResponse all;
    ASSERT_TRUE(admin_->ListTokens(&ctx, list_tokens, &all).ok());
    ASSERT_EQ(all.tokens_size(), 1);
    EXPECT_FALSE(all.tokens(0).has_revoke_time());
    grpc::ClientContext ctx2;
    testing::Authorize(ctx2, admin_token_);
    get.set_principal_id(andi);
    ASSERT_TRUE(admin_->GetPrincipal(&ctx2, get, &p).ok());
    EXPECT_FALSE(p.disabled());
    ASSERT_EQ(p.role_bindings_size(), 1);
    EXPECT_EQ(p.role_bindings(0).office_code(), "MYG");
  }
  {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, andi_token);
    v1::ListComplaintsRequest req;
    v1::ListComplaintsResponse resp;
    EXPECT_TRUE(complaints_->ListComplaints(&ctx, req, &resp).ok());
  }
  // Every principal keeps an office that owns it: no principal without a
  // binding, and the last binding is not removed (disable instead).
  {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, admin_token_);
    v1::CreatePrincipalRequest req;
    req.mutable_principal()->set_name("tanpa.peran");
    s = admin_->CreatePrincipal(&ctx, req, &p);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(s.error_message(), HasSubstr("principal.role_bindings"));
    grpc::ClientContext ctx2;
    testing::Authorize(ctx2, admin_token_);
    v1::RemoveRoleBindingRequest remove;
    remove.set_principal_id(andi);
    remove.mutable_role_binding()->set_role(v1::RoleBinding::OFFICER);
    remove.mutable_role_binding()->set_office_code("MYG");
    s = admin_->RemoveRoleBinding(&ctx2, remove, &p);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    EXPECT_THAT(s.error_message(), HasSubstr("last binding"));
  }
}

// A ttl out of range is refused before any token is written: beyond ten
// years (the reply could not even show the expiry), not whole seconds (a
// nanosecond once meant "no expiry"), negative; the principal's tokens can
// still be listed.
TEST_P(AdminE2eTest, IssueTokenRefusesATtlOutOfRange) {
  const std::string andi =
      CreatePrincipal("andi.kng", {{v1::RoleBinding::OFFICER, "KNG"}});
  struct Case {
    long long seconds;
    int nanos;
    const char* message;
  };
  for (const Case& c :
       {Case{315576000000LL, 0, "ttl: must be at most 3650 days (315360000s)"},
        Case{315360001LL, 0, "ttl: must be at most 3650 days (315360000s)"},
        Case{0, 1, "ttl: must be whole seconds"},
        Case{3600, 500, "ttl: must be whole seconds"},
        Case{-60, 0, "ttl: must not be negative"}}) {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, admin_token_);
    v1::IssueTokenRequest req;
    req.set_principal_id(andi);
    req.mutable_ttl()->set_seconds(c.seconds);
    req.mutable_ttl()->set_nanos(c.nanos);
    v1::IssueTokenResponse resp;
    grpc::Status s = admin_->IssueToken(&ctx, req, &resp);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << c.seconds;
    EXPECT_EQ(s.error_message(), c.message) << c.seconds;
    EXPECT_EQ(resp.secret(), "");
  }
  grpc::ClientContext ctx;
  testing::Authorize(ctx, admin_token_);
  v1::ListTokensRequest list;
  list.set_principal_id(andi);
  v1::ListTokensResponse tokens;
  grpc::Status s = admin_->ListTokens(&ctx, list, &tokens);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(tokens.tokens_size(), 0);
  // Exactly ten years is allowed, and shown.
  grpc::ClientContext ok_ctx;
  testing::Authorize(ok_ctx, admin_token_);
  v1::IssueTokenRequest req;
  req.set_principal_id(andi);
  req.mutable_ttl()->set_seconds(315360000LL);
  v1::IssueTokenResponse resp;
  s = admin_->IssueToken(&ok_ctx, req, &resp);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(resp.token().expire_time().seconds() -
                resp.token().create_time().seconds(),
            315360000LL);
}

// A retry of IssueToken whose answer was lost gets the same token and
// secret, not a second live token; once the token has been used its secret
// is gone from the server and a retry says so.
TEST_P(AdminE2eTest, IssueTokenRetryReturnsTheSameTokenUntilItIsUsed) {
  std::string principal;
  CreateUser("rudi", v1::RoleBinding::OFFICER, "", "", &principal);
  auto issue = [&](const std::string& description, v1::IssueTokenResponse* r) {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, admin_token_);
    v1::IssueTokenRequest req;
    req.set_request_id("issue-rudi-1");
    req.set_principal_id(principal);
    req.set_description(description);
    return admin_->IssueToken(&ctx, req, r);
  };
  v1::IssueTokenResponse first, retry, other;
  ASSERT_TRUE(issue("laptop", &first).ok());
  ASSERT_TRUE(issue("laptop", &retry).ok());
  EXPECT_EQ(retry.token().token_id(), first.token().token_id());
  EXPECT_EQ(retry.secret(), first.secret());
  grpc::Status s = issue("tablet", &other);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_THAT(s.error_message(), HasSubstr("request_id"));
  auto tokens = [&] {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, admin_token_);
    v1::ListTokensRequest req;
    req.set_principal_id(principal);
    v1::ListTokensResponse resp;
    EXPECT_TRUE(admin_->ListTokens(&ctx, req, &resp).ok());
    return resp.tokens_size();
  };
  EXPECT_EQ(tokens(), 2);  // CreateUser's and this one
  {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, first.secret());
    v1::ListComplaintsRequest req;
    v1::ListComplaintsResponse resp;
    ASSERT_TRUE(complaints_->ListComplaints(&ctx, req, &resp).ok());
  }
  v1::IssueTokenResponse late;
  s = issue("laptop", &late);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_THAT(s.error_message(), HasSubstr(first.token().token_id()));
  EXPECT_THAT(s.error_message(), HasSubstr("not shown again"));
  EXPECT_TRUE(late.secret().empty());
  EXPECT_EQ(tokens(), 2);
}

// A NIK is searchable only in the offices where the caller may read
// personal data: an officer of Kanigaran who audits Mayangan sees
// Mayangan's complaints in lists but cannot find them by NIK.
TEST_P(AdminE2eTest, NikSearchStaysInTheOfficesWhereTheCallerIsStaff) {
  v1::Office created;
  ASSERT_TRUE(CreateOffice(Mayangan(), &created).ok());
  auto create = [&](const std::string& name, const Bindings& bindings) {
    return IssueToken(CreatePrincipal(name, bindings));
  };
  const std::string myg_officer =
      create("andi.myg", {{v1::RoleBinding::OFFICER, "MYG"}});
  const std::string dual = create(
      "siti.dual",
      {{v1::RoleBinding::OFFICER, "KNG"}, {v1::RoleBinding::AUDITOR, "MYG"}});
  const std::string nik = "3574034507880002";
  {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, myg_officer);
    v1::SubmitComplaintRequest req;
    req.set_request_id("myg-nik");
    v1::Complaint* c = req.mutable_complaint();
    c->set_office_code("MYG");
    c->set_channel(v1::Complaint::OFFICE);
    c->mutable_complainant()->set_name("Sri");
    c->mutable_complainant()->set_nik(nik);
    c->mutable_complainant()->set_phone("081233344455");
    c->set_title("Saluran tersumbat");
    c->set_description("Air meluap ke jalan.");
    v1::SubmitComplaintResponse resp;
    grpc::Status s = intake_->SubmitComplaint(&ctx, req, &resp);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  auto list = [&](const std::string& token, const std::string& query) {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, token);
    v1::ListComplaintsRequest req;
    req.set_query(query);
    v1::ListComplaintsResponse resp;
    grpc::Status s = complaints_->ListComplaints(&ctx, req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp.total_size();
  };
  EXPECT_EQ(list(myg_officer, nik), 1);
  EXPECT_EQ(list(dual, ""), 1);   // audits Mayangan
  EXPECT_EQ(list(dual, nik), 0);  // but may not search its NIKs
}

INSTANTIATE_TEST_SUITE_P(Backends, AdminE2eTest,
                         ::testing::Values("sqlite", "mysql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace aduan
