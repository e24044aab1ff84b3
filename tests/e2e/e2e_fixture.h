// The end-to-end fixture: a fresh database (SQLite file or a new MariaDB
// database), `aduand bootstrap-admin` for the first admin token, aduand as a
// process, and staff principals created through the Admin API.
#ifndef ADUAN_TESTS_E2E_E2E_FIXTURE_H_
#define ADUAN_TESTS_E2E_E2E_FIXTURE_H_

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "aduan/v1/admin_service.grpc.pb.h"
#include "aduan/v1/complaint_service.grpc.pb.h"
#include "aduan/v1/intake_service.grpc.pb.h"
#include "tests/e2e/server_process.h"
#include "tests/test_util.h"

namespace aduan::testing {

// Adds `authorization: Bearer <token>` (when a token is given) and a
// deadline.
inline void Authorize(grpc::ClientContext& ctx, const std::string& token) {
  if (!token.empty()) ctx.AddMetadata("authorization", "Bearer " + token);
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
}

// The complaint without the working time its SLA clocks show (`used`): that
// is computed at each read and grows during office hours, so two reads of an
// unchanged complaint are equal in everything else.
inline v1::Complaint WithoutSlaUsed(v1::Complaint c) {
  if (c.has_service_sla()) c.mutable_service_sla()->clear_used();
  if (c.has_resolution_sla()) c.mutable_resolution_sla()->clear_used();
  return c;
}

inline absl::Duration ToAbsl(const google::protobuf::Duration& d) {
  return absl::Seconds(d.seconds()) + absl::Nanoseconds(d.nanos());
}

class E2eFixture : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir("aduan-e2e");
    if (GetParam() == "sqlite") {
      args_ = {"--db=sqlite://var/aduan.db"};
      // A new installation: the database by `migrate` (bootstrap-admin
      // never creates one), its key by the first command that needs it.
      ASSERT_EQ(ServerProcess::RunCommand(dir_, "migrate", args_), 0);
    } else {
      const std::string url = FreshMysqlDatabaseUrl();
      if (url.empty()) GTEST_SKIP() << "ADUAN_TEST_MYSQL_URL not set";
      args_ = {"--db=" + url, "--key_file=" + dir_ + "/aduan.key"};
      // A MariaDB deployment creates its key and seeds on request.
      ASSERT_EQ(ServerProcess::RunCommand(dir_, "keygen", args_), 0);
      ASSERT_EQ(ServerProcess::RunCommand(dir_, "seed", args_), 0);
    }
    std::vector<std::string> boot = args_;
    boot.push_back("--name=admin");
    boot.push_back("--office=KNG");
    ASSERT_EQ(ServerProcess::RunCommand(dir_, "bootstrap-admin", boot), 0);
    admin_token_ = LastToken();
    ASSERT_FALSE(admin_token_.empty());
    StartServer(ServerFlags());
    officer_token_ = CreateUser("siti.officer", v1::RoleBinding::OFFICER);
  }
  void TearDown() override {
    if (server_ != nullptr) {
      // Whatever the test did, the server's log holds no identity number,
      // phone number or token material.
      const std::string log = server_->ReadLog();
      EXPECT_FALSE(HasSixteenDigitNumber(log));
      EXPECT_FALSE(
          std::regex_search(log, std::regex("(\\+62|\\b62|\\b0)8[0-9]{8,}")));
      EXPECT_EQ(log.find("adn_"), std::string::npos);
      if (HasFailure() || std::getenv("ADUAN_TEST_SHOW_LOG")) {
        std::cerr << "---- aduand log ----\n" << log;
      }
    }
    server_.reset();
    std::filesystem::remove_all(dir_);
  }

  // Flags of the server SetUp starts, beyond the database's.
  virtual std::vector<std::string> ServerFlags() const { return {}; }

  // Starts aduand and, unless `until_serving` is false, waits for SERVING.
  void StartServer(std::vector<std::string> extra = {},
                   bool until_serving = true) {
    std::vector<std::string> args = args_;
    args.insert(args.end(), extra.begin(), extra.end());
    server_ = std::make_unique<ServerProcess>(dir_, args);
    if (channel_credentials_)
      server_->set_channel_credentials(channel_credentials_);
    ASSERT_TRUE(server_->Start(until_serving));
    auto channel = server_->Channel();
    intake_ = v1::IntakeService::NewStub(channel);
    complaints_ = v1::ComplaintService::NewStub(channel);
    admin_ = v1::AdminService::NewStub(channel);
  }

  // Drops this fixture's channels (so the server need not wait for them to
  // close) and stops the server with `signal`; returns the wait status.
  int StopServer(int signal) {
    intake_.reset();
    complaints_.reset();
    admin_.reset();
    return server_->Stop(signal);
  }

  // The token printed last by a command run in the work folder.
  std::string LastToken() {
    std::ifstream in(dir_ + "/commands.log");
    std::stringstream s;
    s << in.rdbuf();
    const std::string text = s.str();
    std::smatch m;
    std::string token;
    std::string::const_iterator from = text.begin();
    while (
        std::regex_search(from, text.end(), m, std::regex("token: (\\S+)"))) {
      token = m[1];
      from = m.suffix().first;
    }
    return token;
  }

  // Creates a principal with one binding in KNG and returns a new token.
  std::string CreateUser(const std::string& name, v1::RoleBinding::Role role,
                         const std::string& unit = "",
                         const std::string& source = "",
                         std::string* principal_id = nullptr) {
    grpc::ClientContext ctx;
    Authorize(ctx, admin_token_);
    v1::CreatePrincipalRequest req;
    req.mutable_principal()->set_name(name);
    v1::RoleBinding* b = req.mutable_principal()->add_role_bindings();
    b->set_role(role);
    b->set_office_code("KNG");
    b->set_unit_code(unit);
    b->set_source(source);
    v1::Principal p;
    grpc::Status s = admin_->CreatePrincipal(&ctx, req, &p);
    EXPECT_TRUE(s.ok()) << s.error_message();
    if (principal_id != nullptr) *principal_id = p.principal_id();
    return IssueToken(p.principal_id());
  }
  std::string IssueToken(const std::string& principal_id,
                         std::string* token_id = nullptr) {
    grpc::ClientContext ctx;
    Authorize(ctx, admin_token_);
    v1::IssueTokenRequest req;
    req.set_principal_id(principal_id);
    v1::IssueTokenResponse resp;
    grpc::Status s = admin_->IssueToken(&ctx, req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    if (token_id != nullptr) *token_id = resp.token().token_id();
    return resp.secret();
  }

  std::string dir_;
  std::vector<std::string> args_;
  std::string admin_token_;
  std::string officer_token_;
  std::unique_ptr<ServerProcess> server_;
  std::shared_ptr<grpc::ChannelCredentials> channel_credentials_;
  std::unique_ptr<v1::IntakeService::Stub> intake_;
  std::unique_ptr<v1::ComplaintService::Stub> complaints_;
  std::unique_ptr<v1::AdminService::Stub> admin_;
};

}  // namespace aduan::testing

#endif  // ADUAN_TESTS_E2E_E2E_FIXTURE_H_
