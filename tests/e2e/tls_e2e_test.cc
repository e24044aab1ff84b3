// End to end over TLS with certificates the test makes
// (tests/e2e/make_test_certs.sh): TLS with a token, mTLS mapping a client
// certificate to a gateway principal, and refusals for a certificate from
// another CA, an expired one, and plaintext.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "tests/e2e/e2e_fixture.h"

namespace aduan {
namespace {

std::string Read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class TlsE2eTest : public testing::E2eFixture {
 protected:
  void SetUp() override {
    // Certificates first: forking after gRPC channels exist would leave
    // their sockets to the child.
    certs_ = testing::MakeTempDir("aduan-certs");
    ASSERT_EQ(
        std::system(
            ("bash " ADUAN_SOURCE_DIR "/tests/e2e/make_test_certs.sh " + certs_)
                .c_str()),
        0);
    testing::E2eFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    // A gateway principal authenticated by its client certificate.
    std::string& id = gateway_id_;
    CreateUser("gw.website", v1::RoleBinding::GATEWAY, "", "website", &id);
    {
      grpc::ClientContext ctx;
      testing::Authorize(ctx, admin_token_);
      v1::UpdatePrincipalRequest req;
      req.mutable_principal()->set_principal_id(id);
      req.mutable_principal()->set_tls_identity("gateway-website");
      req.mutable_update_mask()->add_paths("tls_identity");
      v1::Principal p;
      ASSERT_TRUE(admin_->UpdatePrincipal(&ctx, req, &p).ok());
      ASSERT_EQ(p.tls_identity(), "gateway-website");
    }
    channel_credentials_ = Credentials("client");
    StopServer(SIGTERM);
    StartServer({"--tls_cert=" + certs_ + "/server.pem",
                 "--tls_key=" + certs_ + "/server.key",
                 "--tls_client_ca=" + certs_ + "/ca.pem"});
  }

  // TLS trusting the test CA, with the named client certificate ("" for none).
  std::shared_ptr<grpc::ChannelCredentials> Credentials(
      const std::string& client) {
    grpc::SslCredentialsOptions o;
    o.pem_root_certs = Read(certs_ + "/ca.pem");
    if (!client.empty()) {
      o.pem_cert_chain = Read(certs_ + "/" + client + ".pem");
      o.pem_private_key = Read(certs_ + "/" + client + ".key");
    }
    return grpc::SslCredentials(o);
  }
  grpc::Status Submit(std::shared_ptr<grpc::ChannelCredentials> creds,
                      const std::string& token, const std::string& id,
                      v1::SubmitComplaintResponse* resp) {
    auto stub = v1::IntakeService::NewStub(
        grpc::CreateChannel(server_->address(), std::move(creds)));
    grpc::ClientContext ctx;
    testing::Authorize(ctx, token);
    ctx.set_deadline(std::chrono::system_clock::now() +
                     std::chrono::seconds(5));
    v1::SubmitComplaintRequest req;
    req.set_request_id(id);
    v1::Complaint* c = req.mutable_complaint();
    c->set_office_code("KNG");
    c->set_channel(v1::Complaint::ONLINE);
    c->set_anonymous(true);
    c->set_title("Pohon tumbang");
    c->set_description("Menutup jalan.");
    return stub->SubmitComplaint(&ctx, req, resp);
  }

  void TearDown() override {
    testing::E2eFixture::TearDown();
    std::filesystem::remove_all(certs_);
  }

  std::string certs_;
  std::string gateway_id_;  // the principal of the "client" certificate
};

TEST_P(TlsE2eTest, TlsWithBearerTokenWorks) {
  v1::SubmitComplaintResponse resp;
  grpc::Status s = Submit(Credentials(""), officer_token_, "tls-1", &resp);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(resp.complaint().source(), "");
}

TEST_P(TlsE2eTest, ClientCertificateMapsToItsGatewayPrincipal) {
  v1::SubmitComplaintResponse resp;
  grpc::Status s = Submit(Credentials("client"), "", "mtls-1", &resp);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(resp.complaint().source(), "website");
}

TEST_P(TlsE2eTest, CertificateOfAnotherCaIsRefused) {
  v1::SubmitComplaintResponse resp;
  // The server is up and takes the right certificate …
  ASSERT_TRUE(Submit(Credentials("client"), "", "good-1", &resp).ok());
  // … and refuses the handshake of one signed by another CA.
  EXPECT_EQ(
      Submit(Credentials("wrong-ca-client"), "", "bad-1", &resp).error_code(),
      grpc::StatusCode::UNAVAILABLE);
}

TEST_P(TlsE2eTest, ExpiredCertificateIsRefused) {
  v1::SubmitComplaintResponse resp;
  ASSERT_TRUE(Submit(Credentials("client"), "", "good-2", &resp).ok());
  EXPECT_EQ(Submit(Credentials("expired"), "", "bad-2", &resp).error_code(),
            grpc::StatusCode::UNAVAILABLE);
}

TEST_P(TlsE2eTest, ValidCertificateOfNoPrincipalIsUnauthenticated) {
  v1::SubmitComplaintResponse resp;
  grpc::Status s = Submit(Credentials("stranger"), "", "bad-4", &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_P(TlsE2eTest, ClientRefusesAServerItsCaDidNotSign) {
  grpc::SslCredentialsOptions o;
  o.pem_root_certs = Read(certs_ + "/other-ca.pem");
  v1::SubmitComplaintResponse resp;
  EXPECT_EQ(Submit(grpc::SslCredentials(o), officer_token_, "bad-5", &resp)
                .error_code(),
            grpc::StatusCode::UNAVAILABLE);
}

TEST_P(TlsE2eTest, DisabledCertificatePrincipalIsRefusedOnTheNextCall) {
  v1::SubmitComplaintResponse resp;
  ASSERT_TRUE(Submit(Credentials("client"), "", "before", &resp).ok());
  {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, admin_token_);
    v1::UpdatePrincipalRequest req;
    req.mutable_principal()->set_principal_id(gateway_id_);
    req.mutable_principal()->set_disabled(true);
    req.mutable_update_mask()->add_paths("disabled");
    v1::Principal p;
    ASSERT_TRUE(admin_->UpdatePrincipal(&ctx, req, &p).ok());
  }
  grpc::Status s = Submit(Credentials("client"), "", "after", &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(s.error_message(), "principal is disabled");
}

TEST_P(TlsE2eTest, NoCertificateAndNoTokenIsUnauthenticated) {
  v1::SubmitComplaintResponse resp;
  EXPECT_EQ(Submit(Credentials(""), "", "bad-3", &resp).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
}

TEST_P(TlsE2eTest, PlaintextClientIsRefused) {
  v1::SubmitComplaintResponse resp;
  EXPECT_EQ(
      Submit(grpc::InsecureChannelCredentials(), officer_token_, "bad-4", &resp)
          .error_code(),
      grpc::StatusCode::UNAVAILABLE);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, TlsE2eTest, ::testing::Values("sqlite"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace aduan
