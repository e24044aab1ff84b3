// The client library against a real aduand (SQLite, and MariaDB when
// ADUAN_TEST_MYSQL_URL is set): each role's client takes a complaint from
// submission to archive; idempotent retries, paging and errors as the
// server gives them.
#include <grpcpp/security/credentials.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "aduan/client/channel_factory.h"
#include "aduan/client/client.h"
#include "gmock/gmock.h"
#include "tests/e2e/e2e_fixture.h"

namespace aduan {
namespace {

using ::testing::HasSubstr;

class ClientE2eTest : public testing::E2eFixture {
 protected:
  void SetUp() override {
    testing::E2eFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    officer_ = NewClient(officer_token_);
    secretary_ = NewClient(CreateUser("sekcam", v1::RoleBinding::SECRETARY));
    head_ = NewClient(CreateUser("camat", v1::RoleBinding::HEAD));
    unit_ =
        NewClient(CreateUser("kasi.trantib", v1::RoleBinding::UNIT, "TRANTIB"));
    admin_client_ = NewClient(admin_token_);
    citizen_ = NewClient("");
  }

  std::unique_ptr<client::Client> NewClient(const std::string& token) {
    client::ClientOptions options;
    options.address = server_->address();
    options.token = token;
    options.default_deadline = absl::Seconds(20);
    absl::StatusOr<std::unique_ptr<client::Client>> c =
        client::Client::Create(options);
    EXPECT_TRUE(c.ok()) << c.status();
    return c.ok() ? *std::move(c) : nullptr;
  }

  static v1::SubmitComplaintRequest NewComplaint(const std::string& title) {
    v1::SubmitComplaintRequest req;
    v1::Complaint* c = req.mutable_complaint();
    c->set_office_code("KNG");
    c->set_channel(v1::Complaint::OFFICE);
    c->set_title(title);
    c->set_description("Sejak Senin malam lampu di gang 3 mati.");
    c->mutable_complainant()->set_name("Siti Aminah");
    c->mutable_complainant()->set_phone("0812-3456-7890");
    c->mutable_location()->set_kelurahan("Kanigaran");
    return req;
  }

  std::unique_ptr<client::Client> officer_, secretary_, head_, unit_,
      admin_client_, citizen_;
};

TEST_P(ClientE2eTest, EveryRoleTakesAComplaintFromSubmissionToArchive) {
  std::string submit_id;
  absl::StatusOr<v1::SubmitComplaintResponse> sub =
      officer_->SubmitComplaint(NewComplaint("Lampu jalan mati"), &submit_id);
  ASSERT_TRUE(sub.ok()) << sub.status();
  const std::string code = sub->complaint().tracking_code();
  EXPECT_EQ(sub->complaint().state(), v1::Complaint::SUBMITTED);
  EXPECT_EQ(sub->pin().size(), 8u);
  EXPECT_EQ(submit_id.size(), 36u);

  v1::VerifyComplaintRequest verify;
  verify.set_tracking_code(code);
  verify.set_etag(sub->complaint().etag());
  verify.set_outcome(v1::VerifyComplaintRequest::VERIFIED);
  ASSERT_TRUE(officer_->VerifyComplaint(verify).ok());
  v1::ReportToHeadRequest report;
  report.set_tracking_code(code);
  ASSERT_TRUE(secretary_->ReportToHead(report).ok());
  v1::DisposeComplaintRequest dispose;
  dispose.set_tracking_code(code);
  dispose.set_unit_code("TRANTIB");
  dispose.set_instruction("Cek dan perbaiki");
  ASSERT_TRUE(head_->DisposeComplaint(dispose).ok());
  v1::StartFollowUpRequest start;
  start.set_tracking_code(code);
  ASSERT_TRUE(unit_->StartFollowUp(start).ok());
  v1::AddFollowUpNoteRequest note;
  note.set_tracking_code(code);
  note.set_note("Sudah dicek");
  ASSERT_TRUE(unit_->AddFollowUpNote(note).ok());
  v1::ResolveComplaintRequest resolve;
  resolve.set_tracking_code(code);
  resolve.set_result("Lampu diganti");
  absl::StatusOr<v1::Complaint> resolved = unit_->ResolveComplaint(resolve);
  ASSERT_TRUE(resolved.ok()) << resolved.status();
  EXPECT_EQ(resolved->state(), v1::Complaint::RESOLVED);
  v1::InformComplainantRequest inform;
  inform.set_tracking_code(code);
  inform.set_method(v1::InformComplainantRequest::PHONE);
  inform.set_message("Lampu sudah menyala");
  ASSERT_TRUE(officer_->InformComplainant(inform).ok());
  v1::ArchiveComplaintRequest archive;
  archive.set_tracking_code(code);
  absl::StatusOr<v1::Complaint> archived = officer_->ArchiveComplaint(archive);
  ASSERT_TRUE(archived.ok()) << archived.status();
  EXPECT_EQ(archived->state(), v1::Complaint::ARCHIVED);

  v1::VerifyArchiveRequest check;
  check.set_tracking_code(code);
  absl::StatusOr<v1::VerifyArchiveResponse> intact =
      officer_->VerifyArchive(check);
  ASSERT_TRUE(intact.ok()) << intact.status();
  EXPECT_TRUE(intact->intact());
  v1::GetArchiveRequest get_archive;
  get_archive.set_tracking_code(code);
  absl::StatusOr<v1::ArchiveRecord> record = officer_->GetArchive(get_archive);
  ASSERT_TRUE(record.ok()) << record.status();
  EXPECT_EQ(record->sha256(), intact->stored_sha256());

  v1::ListComplaintEventsRequest history;
  history.set_tracking_code(code);
  history.set_page_size(3);  // three pages of events
  absl::StatusOr<std::vector<v1::ComplaintEvent>> events =
      officer_->ListAllComplaintEvents(history);
  ASSERT_TRUE(events.ok()) << events.status();
  ASSERT_EQ(events->size(), 9u);
  EXPECT_EQ(events->front().type(), v1::ComplaintEvent::SUBMITTED);
  EXPECT_EQ(events->back().type(), v1::ComplaintEvent::ARCHIVED);

  v1::TrackComplaintRequest track;
  track.set_tracking_code(code);
  track.set_pin(sub->pin());
  absl::StatusOr<v1::TrackComplaintResponse> tracked =
      citizen_->TrackComplaint(track);
  ASSERT_TRUE(tracked.ok()) << tracked.status();
  EXPECT_EQ(tracked->state(), v1::Complaint::ARCHIVED);
}

TEST_P(ClientE2eTest, ARepeatedRequestIdReturnsTheFirstResult) {
  v1::SubmitComplaintRequest req = NewComplaint("Jalan berlubang");
  std::string id;
  absl::StatusOr<v1::SubmitComplaintResponse> first =
      officer_->SubmitComplaint(req, &id);
  ASSERT_TRUE(first.ok()) << first.status();
  req.set_request_id(id);
  absl::StatusOr<v1::SubmitComplaintResponse> again =
      officer_->SubmitComplaint(req);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->complaint().tracking_code(),
            first->complaint().tracking_code());
  EXPECT_EQ(again->pin(), first->pin());
  req.mutable_complaint()->set_title("Lain");
  EXPECT_EQ(officer_->SubmitComplaint(req).status().code(),
            absl::StatusCode::kAlreadyExists);
}

TEST_P(ClientE2eTest, ServerErrorsComeBackWithTheirCodeAndMessage) {
  absl::StatusOr<v1::SubmitComplaintResponse> sub =
      officer_->SubmitComplaint(NewComplaint("Sampah menumpuk"));
  ASSERT_TRUE(sub.ok()) << sub.status();
  const std::string code = sub->complaint().tracking_code();

  v1::ArchiveComplaintRequest archive;
  archive.set_tracking_code(code);
  absl::StatusOr<v1::Complaint> c = officer_->ArchiveComplaint(archive);
  EXPECT_EQ(c.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(c.status().message()), HasSubstr("SUBMITTED"));

  v1::VerifyComplaintRequest stale;
  stale.set_tracking_code(code);
  stale.set_etag("v99");
  stale.set_outcome(v1::VerifyComplaintRequest::VERIFIED);
  EXPECT_EQ(officer_->VerifyComplaint(stale).status().code(),
            absl::StatusCode::kAborted);

  v1::ReportToHeadRequest report;  // the officer may not report
  report.set_tracking_code(code);
  EXPECT_EQ(officer_->ReportToHead(report).status().code(),
            absl::StatusCode::kPermissionDenied);

  v1::GetComplaintRequest get;
  get.set_tracking_code(code);
  EXPECT_EQ(citizen_->GetComplaint(get).status().code(),
            absl::StatusCode::kUnauthenticated);
  get.set_tracking_code("KNG-AAAAAAAA");
  EXPECT_EQ(officer_->GetComplaint(get).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_P(ClientE2eTest, ListAllComplaintsFollowsEveryPage) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(
        officer_->SubmitComplaint(NewComplaint("Aduan " + std::to_string(i)))
            .ok());
  }
  v1::ListComplaintsRequest req;
  req.set_page_size(2);
  req.add_states(v1::Complaint::SUBMITTED);
  absl::StatusOr<std::vector<v1::Complaint>> all =
      officer_->ListAllComplaints(req);
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->size(), 5u);
  EXPECT_EQ((*all)[0].title(), "Aduan 4");  // newest first
  EXPECT_EQ((*all)[4].title(), "Aduan 0");
}

TEST_P(ClientE2eTest, AdministrationThroughTheClient) {
  v1::CreatePrincipalRequest create;
  create.mutable_principal()->set_name("budi.officer");
  v1::RoleBinding* b = create.mutable_principal()->add_role_bindings();
  b->set_role(v1::RoleBinding::OFFICER);
  b->set_office_code("KNG");
  absl::StatusOr<v1::Principal> p = admin_client_->CreatePrincipal(create);
  ASSERT_TRUE(p.ok()) << p.status();
  v1::IssueTokenRequest issue;
  issue.set_principal_id(p->principal_id());
  absl::StatusOr<v1::IssueTokenResponse> token =
      admin_client_->IssueToken(issue);
  ASSERT_TRUE(token.ok()) << token.status();
  auto budi = NewClient(token->secret());
  ASSERT_TRUE(budi->SubmitComplaint(NewComplaint("Banjir")).ok());

  v1::RevokeTokenRequest revoke;
  revoke.set_token_id(token->token().token_id());
  ASSERT_TRUE(admin_client_->RevokeToken(revoke).ok());
  EXPECT_EQ(budi->SubmitComplaint(NewComplaint("Banjir lagi")).status().code(),
            absl::StatusCode::kUnauthenticated);

  absl::StatusOr<std::vector<v1::Principal>> all =
      admin_client_->ListAllPrincipals(v1::ListPrincipalsRequest());
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_GE(all->size(), 6u);
  v1::ListUnitsRequest units;
  units.set_office_code("KNG");
  absl::StatusOr<v1::ListUnitsResponse> u = admin_client_->ListUnits(units);
  ASSERT_TRUE(u.ok()) << u.status();
  EXPECT_GT(u->units_size(), 0);
}

TEST_P(ClientE2eTest, UploadsAndDownloadsAnAttachmentFromFiles) {
  absl::StatusOr<v1::SubmitComplaintResponse> sub =
      officer_->SubmitComplaint(NewComplaint("Pohon tumbang"));
  ASSERT_TRUE(sub.ok()) << sub.status();
  const std::string code = sub->complaint().tracking_code();
  // A whole 1x1 PNG.
  const std::string png(
      "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00"
      "\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90\x77\x53\xde\x00\x00\x00"
      "\x0c\x49\x44\x41\x54\x78\x9c\x63\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9"
      "\xfe\x92\xef\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
      69);
  const std::string path = dir_ + "/lokasi.png";
  std::ofstream(path, std::ios::binary) << png;

  v1::UploadAttachmentHeader header;
  header.set_tracking_code(code);
  header.set_type(v1::Attachment::LOCATION_PHOTO);
  std::string id;
  absl::StatusOr<v1::UploadAttachmentResponse> up =
      officer_->UploadAttachment(header, path, &id);
  ASSERT_TRUE(up.ok()) << up.status();
  EXPECT_EQ(up->size_bytes(), 69);
  // The same request_id again: the first result, nothing stored twice.
  header.set_request_id(id);
  absl::StatusOr<v1::UploadAttachmentResponse> again =
      officer_->UploadAttachment(header, path);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->attachment_id(), up->attachment_id());

  v1::GetComplaintRequest get;
  get.set_tracking_code(code);
  absl::StatusOr<v1::Complaint> c = officer_->GetComplaint(get);
  ASSERT_TRUE(c.ok()) << c.status();
  ASSERT_EQ(c->attachments_size(), 1);
  EXPECT_EQ(c->attachments(0).file_name(), "lokasi.png");
  EXPECT_EQ(c->attachments(0).media_type(), "image/png");

  v1::DownloadAttachmentRequest down;
  down.set_attachment_id(up->attachment_id());
  const std::string out = dir_ + "/unduhan.png";
  absl::StatusOr<v1::Attachment> a = officer_->DownloadAttachment(down, out);
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->sha256(), up->sha256());
  std::ifstream in(out, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)),
                    std::istreambuf_iterator<char>());
  EXPECT_EQ(bytes, png);

  // A RESULT document is the unit's, during follow-up only.
  header.clear_request_id();
  header.set_type(v1::Attachment::RESULT);
  EXPECT_EQ(officer_->UploadAttachment(header, path).status().code(),
            absl::StatusCode::kFailedPrecondition);
}

INSTANTIATE_TEST_SUITE_P(Backends, ClientE2eTest,
                         ::testing::Values("sqlite", "mysql"),
                         [](const auto& info) { return info.param; });

// The client over TLS and mTLS with certificates the test makes
// (tests/e2e/make_test_certs.sh).
class ClientTlsE2eTest : public testing::E2eFixture {
 protected:
  void SetUp() override {
    // Certificates first: forking after gRPC channels exist would leave
    // their sockets to the child.
    certs_ = testing::MakeTempDir("aduan-client-certs");
    ASSERT_EQ(
        std::system(
            ("bash " ADUAN_SOURCE_DIR "/tests/e2e/make_test_certs.sh " + certs_)
                .c_str()),
        0);
    testing::E2eFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    std::string id;
    CreateUser("gw.website", v1::RoleBinding::GATEWAY, "", "website", &id);
    auto admin = Tls(admin_token_, "", /*over_tls=*/false);
    v1::UpdatePrincipalRequest req;
    req.mutable_principal()->set_principal_id(id);
    req.mutable_principal()->set_tls_identity("gateway-website");
    req.mutable_update_mask()->add_paths("tls_identity");
    ASSERT_TRUE(admin->UpdatePrincipal(req).ok());
    admin.reset();
    StopServer(SIGTERM);
    // The fixture's own health checks and stubs use TLS too.
    client::ClientOptions tls;
    tls.address = server_->address();
    tls.tls_root_ca_file = certs_ + "/ca.pem";
    absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> credentials =
        client::MakeChannelCredentials(tls);
    ASSERT_TRUE(credentials.ok()) << credentials.status();
    channel_credentials_ = *credentials;
    StartServer({"--tls_cert=" + certs_ + "/server.pem",
                 "--tls_key=" + certs_ + "/server.key",
                 "--tls_client_ca=" + certs_ + "/ca.pem"});
  }
  void TearDown() override {
    testing::E2eFixture::TearDown();
    std::filesystem::remove_all(certs_);
  }

  // A client trusting the test CA, with the named client certificate ("" for
  // none); with over_tls false, local credentials instead.
  std::unique_ptr<client::Client> Tls(const std::string& token,
                                      const std::string& cert,
                                      bool over_tls = true) {
    client::ClientOptions options;
    options.address = server_->address();
    options.token = token;
    options.retry.max_attempts = 2;
    options.retry.initial_backoff = absl::Milliseconds(10);
    options.default_deadline = absl::Seconds(5);
    if (over_tls) {
      options.tls_root_ca_file = certs_ + "/ca.pem";
      if (!cert.empty()) {
        options.tls_client_cert_file = certs_ + "/" + cert + ".pem";
        options.tls_client_key_file = certs_ + "/" + cert + ".key";
      }
    }
    absl::StatusOr<std::unique_ptr<client::Client>> c =
        client::Client::Create(options);
    EXPECT_TRUE(c.ok()) << c.status();
    return c.ok() ? *std::move(c) : nullptr;
  }

  static v1::SubmitComplaintRequest Anonymous() {
    v1::SubmitComplaintRequest req;
    v1::Complaint* c = req.mutable_complaint();
    c->set_office_code("KNG");
    c->set_channel(v1::Complaint::ONLINE);
    c->set_anonymous(true);
    c->set_title("Parkir liar");
    c->set_description("Parkir liar di depan pasar.");
    return req;
  }

  std::string certs_;
};

TEST_P(ClientTlsE2eTest, TokenOverTlsAndClientCertificateOverMtls) {
  absl::StatusOr<v1::SubmitComplaintResponse> by_officer =
      Tls(officer_token_, "")->SubmitComplaint(Anonymous());
  ASSERT_TRUE(by_officer.ok()) << by_officer.status();
  EXPECT_EQ(by_officer->complaint().source(), "");

  // The gateway is known by its certificate alone, no token.
  absl::StatusOr<v1::SubmitComplaintResponse> by_gateway =
      Tls("", "client")->SubmitComplaint(Anonymous());
  ASSERT_TRUE(by_gateway.ok()) << by_gateway.status();
  EXPECT_EQ(by_gateway->complaint().source(), "website");

  // Plaintext to a TLS server gets no answer.
  EXPECT_EQ(Tls(officer_token_, "", /*over_tls=*/false)
                ->SubmitComplaint(Anonymous())
                .status()
                .code(),
            absl::StatusCode::kUnavailable);
}

INSTANTIATE_TEST_SUITE_P(Backends, ClientTlsE2eTest,
                         ::testing::Values("sqlite", "mysql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace aduan
