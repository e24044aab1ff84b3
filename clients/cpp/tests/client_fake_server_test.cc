// The client library against in-process fake services on a loopback port:
// retries with the same request_id, codes that are not retried, bounded
// attempts, metadata, paging and attachment streams.
#include <grpcpp/grpcpp.h>
#include <grpcpp/security/server_credentials.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "aduan/client/channel_factory.h"
#include "aduan/client/client.h"
#include "aduan/client/request_id.h"
#include "aduan/client/retry_policy.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/test_util.h"

namespace aduan::client {
namespace {

using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Answers SubmitComplaint with `failures` errors of `code` first, then OK;
// VerifyComplaint always with `verify_code`; GetComplaint slowly on its
// first attempt. Records what it saw.
class FakeIntake final : public v1::IntakeService::Service {
 public:
  grpc::Status SubmitComplaint(grpc::ServerContext* ctx,
                               const v1::SubmitComplaintRequest* req,
                               v1::SubmitComplaintResponse* resp) override {
    absl::MutexLock lock(&mu);
    request_ids.push_back(req->request_id());
    auto auth = ctx->client_metadata().find("authorization");
    authorization = auth == ctx->client_metadata().end()
                        ? ""
                        : std::string(auth->second.data(), auth->second.size());
    if (failures > 0) {
      --failures;
      return grpc::Status(code, "database down");
    }
    resp->mutable_complaint()->set_tracking_code("KNG-7K3M9QXP");
    resp->set_pin("12345678");
    return grpc::Status::OK;
  }
  grpc::Status WithdrawComplaint(grpc::ServerContext*,
                                 const v1::WithdrawComplaintRequest* req,
                                 v1::Complaint*) override {
    absl::MutexLock lock(&mu);
    request_ids.push_back(req->request_id());
    return grpc::Status(verify_code,
                        "complaint is IN_FOLLOW_UP; possible: resolve");
  }
  grpc::Status TrackComplaint(grpc::ServerContext* ctx,
                              const v1::TrackComplaintRequest*,
                              v1::TrackComplaintResponse* resp) override {
    int n;
    {
      absl::MutexLock lock(&mu);
      n = ++track_calls;
    }
    if (n == 1) {
      // Slower than the client's deadline: DEADLINE_EXCEEDED, retried.
      while (!ctx->IsCancelled()) absl::SleepFor(absl::Milliseconds(5));
      return grpc::Status(grpc::StatusCode::CANCELLED, "late");
    }
    resp->set_state(v1::Complaint::SUBMITTED);
    return grpc::Status::OK;
  }

  absl::Mutex mu;
  int failures = 0;
  grpc::StatusCode code = grpc::StatusCode::UNAVAILABLE;
  grpc::StatusCode verify_code = grpc::StatusCode::ABORTED;
  int track_calls = 0;
  std::vector<std::string> request_ids;
  std::string authorization;
};

// Seven complaints in pages of page_size (default 3).
class FakeComplaints final : public v1::ComplaintService::Service {
 public:
  grpc::Status ListComplaints(grpc::ServerContext*,
                              const v1::ListComplaintsRequest* req,
                              v1::ListComplaintsResponse* resp) override {
    const int size = req->page_size() > 0 ? req->page_size() : 3;
    const int from =
        req->page_token().empty() ? 0 : std::stoi(req->page_token());
    for (int i = from; i < std::min(from + size, 7); ++i) {
      resp->add_complaints()->set_tracking_code("KNG-" + std::to_string(i));
    }
    if (from + size < 7) resp->set_next_page_token(std::to_string(from + size));
    resp->set_total_size(7);
    pages.fetch_add(1);
    return grpc::Status::OK;
  }
  std::atomic<int> pages{0};
};

// Stores uploads in memory (failing the first `upload_failures` streams after
// reading them) and serves them back in chunks of 100 bytes.
class FakeAttachments final : public v1::AttachmentService::Service {
 public:
  grpc::Status UploadAttachment(
      grpc::ServerContext*,
      grpc::ServerReader<v1::UploadAttachmentRequest>* reader,
      v1::UploadAttachmentResponse* resp) override {
    v1::UploadAttachmentRequest msg;
    if (!reader->Read(&msg) || !msg.has_header()) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                          "header: must come first");
    }
    v1::UploadAttachmentHeader header = msg.header();
    std::string bytes;
    int chunks = 0;
    while (reader->Read(&msg)) {
      if (msg.has_header()) {
        return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                            "header: only once");
      }
      if (msg.chunk().size() > 1024 * 1024) {
        return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                            "chunk: over 1 MiB");
      }
      bytes += msg.chunk();
      ++chunks;
    }
    absl::MutexLock lock(&mu);
    headers.push_back(header);
    chunk_counts.push_back(chunks);
    if (upload_failures > 0) {
      --upload_failures;
      return grpc::Status(grpc::StatusCode::UNAVAILABLE, "try again");
    }
    stored = bytes;
    resp->set_attachment_id("att_1");
    resp->set_size_bytes(static_cast<int64_t>(bytes.size()));
    return grpc::Status::OK;
  }
  grpc::Status DownloadAttachment(
      grpc::ServerContext*, const v1::DownloadAttachmentRequest* req,
      grpc::ServerWriter<v1::DownloadAttachmentResponse>* writer) override {
    absl::MutexLock lock(&mu);
    if (req->attachment_id() != "att_1") {
      return grpc::Status(grpc::StatusCode::NOT_FOUND, "attachment not found");
    }
    v1::DownloadAttachmentResponse first;
    first.mutable_attachment()->set_attachment_id("att_1");
    first.mutable_attachment()->set_file_name("foto.jpg");
    first.mutable_attachment()->set_size_bytes(
        static_cast<int64_t>(stored.size()) + announce_extra);
    writer->Write(first);
    for (size_t at = 0; at < stored.size(); at += 100) {
      v1::DownloadAttachmentResponse part;
      part.set_chunk(stored.substr(at, 100));
      writer->Write(part);
    }
    return grpc::Status::OK;
  }

  absl::Mutex mu;
  int upload_failures = 0;
  int64_t announce_extra = 0;
  std::vector<v1::UploadAttachmentHeader> headers;
  std::vector<int> chunk_counts;
  std::string stored;
};

class ClientFakeServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::ServerBuilder builder;
    builder.AddListeningPort(
        "127.0.0.1:0", grpc::experimental::LocalServerCredentials(LOCAL_TCP),
        &port_);
    builder.RegisterService(&intake_);
    builder.RegisterService(&complaints_);
    builder.RegisterService(&attachments_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    dir_ = aduan::testing::MakeTempDir("aduan-client-test");
  }
  void TearDown() override {
    server_->Shutdown(absl::ToChronoTime(absl::Now() + absl::Seconds(1)));
    std::filesystem::remove_all(dir_);
  }

  std::unique_ptr<Client> NewClient(int attempts = 4) {
    ClientOptions options;
    options.address = "127.0.0.1:" + std::to_string(port_);
    options.token = "adn_test";
    options.retry.max_attempts = attempts;
    options.retry.initial_backoff = absl::Milliseconds(1);
    options.retry.max_backoff = absl::Milliseconds(5);
    options.default_deadline = absl::Seconds(5);
    absl::StatusOr<std::unique_ptr<Client>> client = Client::Create(options);
    EXPECT_TRUE(client.ok()) << client.status();
    return client.ok() ? *std::move(client) : nullptr;
  }

  std::string WriteFile(const std::string& name, const std::string& bytes) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  static std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

  FakeIntake intake_;
  FakeComplaints complaints_;
  FakeAttachments attachments_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
  std::string dir_;
};

TEST(RetryPolicyTest, BackoffGrowsExponentiallyUpToTheCap) {
  RetryPolicy p;
  p.initial_backoff = absl::Milliseconds(100);
  p.max_backoff = absl::Milliseconds(350);
  p.multiplier = 2;
  p.jitter = 0.2;
  EXPECT_EQ(p.Backoff(1, 0.5), absl::Milliseconds(100));
  EXPECT_EQ(p.Backoff(2, 0.5), absl::Milliseconds(200));
  EXPECT_EQ(p.Backoff(3, 0.5), absl::Milliseconds(350));
  EXPECT_EQ(p.Backoff(1000, 0.5), absl::Milliseconds(350));
}

TEST(RetryPolicyTest, JitterSpreadsTheSleepByTheGivenFraction) {
  RetryPolicy p;
  p.initial_backoff = absl::Milliseconds(100);
  p.jitter = 0.2;
  EXPECT_EQ(p.Backoff(1, 0.0), absl::Milliseconds(80));
  EXPECT_EQ(p.Backoff(1, 1.0), absl::Milliseconds(120));
  p.jitter = 0;
  EXPECT_EQ(p.Backoff(1, 0.0), absl::Milliseconds(100));
}

TEST(RetryPolicyTest, OnlyUnavailableAndDeadlineExceededAreRetryable) {
  EXPECT_TRUE(RetryPolicy::IsRetryable(absl::StatusCode::kUnavailable));
  EXPECT_TRUE(RetryPolicy::IsRetryable(absl::StatusCode::kDeadlineExceeded));
  for (absl::StatusCode code :
       {absl::StatusCode::kAborted, absl::StatusCode::kFailedPrecondition,
        absl::StatusCode::kInvalidArgument, absl::StatusCode::kNotFound,
        absl::StatusCode::kResourceExhausted, absl::StatusCode::kInternal,
        absl::StatusCode::kAlreadyExists}) {
    EXPECT_FALSE(RetryPolicy::IsRetryable(code)) << code;
  }
}

TEST(RequestIdTest, IsAFreshVersionFourUuid) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string id = NewRequestId();
    ASSERT_EQ(id.size(), 36u);
    EXPECT_EQ(id[14], '4');
    EXPECT_TRUE(seen.insert(id).second);
  }
}

TEST(ChannelFactoryTest, PlaintextOnlyOnLoopback) {
  EXPECT_TRUE(IsLoopbackAddress("127.0.0.1:50051"));
  EXPECT_TRUE(IsLoopbackAddress("localhost:1"));
  EXPECT_TRUE(IsLoopbackAddress("[::1]:50051"));
  EXPECT_TRUE(IsLoopbackAddress("ipv4:127.0.0.2:9"));
  EXPECT_FALSE(IsLoopbackAddress("10.0.0.1:50051"));
  EXPECT_FALSE(IsLoopbackAddress("aduan.example.go.id:443"));
  ClientOptions options;
  options.address = "10.0.0.1:50051";
  EXPECT_EQ(Client::Create(options).status().code(),
            absl::StatusCode::kInvalidArgument);
  options.tls_root_ca_file = "/nonexistent/ca.pem";
  EXPECT_EQ(Client::Create(options).status().code(),
            absl::StatusCode::kNotFound);
  options.tls_root_ca_file.clear();
  options.tls_client_cert_file = "/etc/hostname";
  EXPECT_EQ(Client::Create(options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(ClientFakeServerTest, RetriesUnavailableWithTheSameRequestId) {
  intake_.failures = 2;
  auto client = NewClient();
  v1::SubmitComplaintRequest req;
  std::string used;
  absl::StatusOr<v1::SubmitComplaintResponse> resp =
      client->SubmitComplaint(req, &used);
  ASSERT_TRUE(resp.ok()) << resp.status();
  EXPECT_EQ(resp->complaint().tracking_code(), "KNG-7K3M9QXP");
  ASSERT_EQ(intake_.request_ids.size(), 3u);
  EXPECT_EQ(used.size(), 36u);
  EXPECT_THAT(intake_.request_ids, Each(used));
  EXPECT_EQ(intake_.authorization, "Bearer adn_test");
}

TEST_F(ClientFakeServerTest, KeepsTheCallersRequestId) {
  auto client = NewClient();
  v1::SubmitComplaintRequest req;
  req.set_request_id("mine-1");
  std::string used;
  ASSERT_TRUE(client->SubmitComplaint(req, &used).ok());
  EXPECT_EQ(used, "mine-1");
  EXPECT_THAT(intake_.request_ids, ElementsAre("mine-1"));
  // A second call gets a new id.
  ASSERT_TRUE(client->SubmitComplaint(v1::SubmitComplaintRequest()).ok());
  ASSERT_EQ(intake_.request_ids.size(), 2u);
  EXPECT_NE(intake_.request_ids[1], "mine-1");
  EXPECT_FALSE(intake_.request_ids[1].empty());
}

TEST_F(ClientFakeServerTest, AttemptsAreBounded) {
  intake_.failures = 100;
  auto client = NewClient(/*attempts=*/3);
  absl::StatusOr<v1::SubmitComplaintResponse> resp =
      client->SubmitComplaint(v1::SubmitComplaintRequest());
  EXPECT_EQ(resp.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(resp.status().message(), "database down");
  EXPECT_EQ(intake_.request_ids.size(), 3u);
}

TEST_F(ClientFakeServerTest, OneAttemptMeansNoRetry) {
  intake_.failures = 1;
  auto client = NewClient(/*attempts=*/1);
  EXPECT_EQ(
      client->SubmitComplaint(v1::SubmitComplaintRequest()).status().code(),
      absl::StatusCode::kUnavailable);
  EXPECT_EQ(intake_.request_ids.size(), 1u);
}

TEST_F(ClientFakeServerTest, AbortedIsReturnedWithoutRetry) {
  auto client = NewClient();
  absl::StatusOr<v1::Complaint> c =
      client->WithdrawComplaint(v1::WithdrawComplaintRequest());
  EXPECT_EQ(c.status().code(), absl::StatusCode::kAborted);
  EXPECT_EQ(c.status().message(),
            "complaint is IN_FOLLOW_UP; possible: resolve");
  EXPECT_EQ(intake_.request_ids.size(), 1u);
}

TEST_F(ClientFakeServerTest, FailedPreconditionIsReturnedWithoutRetry) {
  intake_.verify_code = grpc::StatusCode::FAILED_PRECONDITION;
  auto client = NewClient();
  EXPECT_EQ(
      client->WithdrawComplaint(v1::WithdrawComplaintRequest()).status().code(),
      absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(intake_.request_ids.size(), 1u);
}

TEST_F(ClientFakeServerTest, RetriesADeadlineExceededRead) {
  ClientOptions options;
  options.address = "127.0.0.1:" + std::to_string(port_);
  // Long enough for the answering second attempt on a loaded machine.
  options.default_deadline = absl::Seconds(1);
  options.retry.initial_backoff = absl::Milliseconds(1);
  auto client = Client::Create(options);
  ASSERT_TRUE(client.ok());
  absl::StatusOr<v1::TrackComplaintResponse> t =
      (*client)->TrackComplaint(v1::TrackComplaintRequest());
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->state(), v1::Complaint::SUBMITTED);
  EXPECT_EQ(intake_.track_calls, 2);
}

TEST_F(ClientFakeServerTest, UnreachableServerIsUnavailableAfterTheRetries) {
  ClientOptions options;
  options.address = "127.0.0.1:1";
  options.retry.max_attempts = 2;
  options.retry.initial_backoff = absl::Milliseconds(1);
  options.default_deadline = absl::Seconds(2);
  auto client = Client::Create(options);
  ASSERT_TRUE(client.ok());
  EXPECT_EQ((*client)->GetComplaint(v1::GetComplaintRequest()).status().code(),
            absl::StatusCode::kUnavailable);
}

TEST_F(ClientFakeServerTest, ListAllComplaintsWalksEveryPage) {
  auto client = NewClient();
  absl::StatusOr<std::vector<v1::Complaint>> all =
      client->ListAllComplaints(v1::ListComplaintsRequest());
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->size(), 7u);
  EXPECT_EQ((*all)[0].tracking_code(), "KNG-0");
  EXPECT_EQ((*all)[6].tracking_code(), "KNG-6");
  EXPECT_EQ(complaints_.pages.load(), 3);
}

TEST_F(ClientFakeServerTest, ListAllComplaintsStopsWhenTheVisitorSaysSo) {
  auto client = NewClient();
  int seen = 0;
  absl::Status s = client->ListAllComplaints(
      v1::ListComplaintsRequest(),
      [&seen](const v1::Complaint&) { return ++seen < 4; });
  ASSERT_TRUE(s.ok()) << s;
  EXPECT_EQ(seen, 4);
  EXPECT_EQ(complaints_.pages.load(), 2);
}

TEST_F(ClientFakeServerTest, UploadSendsHeaderThenChunksOfOneMebibyte) {
  std::string bytes(2 * 1024 * 1024 + 10, 'x');
  bytes[0] = 'A';
  bytes.back() = 'Z';
  const std::string path = WriteFile("foto.jpg", bytes);
  auto client = NewClient();
  v1::UploadAttachmentHeader header;
  header.set_tracking_code("KNG-7K3M9QXP");
  header.set_type(v1::Attachment::LOCATION_PHOTO);
  std::string used;
  absl::StatusOr<v1::UploadAttachmentResponse> resp =
      client->UploadAttachment(header, path, &used);
  ASSERT_TRUE(resp.ok()) << resp.status();
  EXPECT_EQ(resp->size_bytes(), static_cast<int64_t>(bytes.size()));
  EXPECT_EQ(attachments_.stored, bytes);
  ASSERT_EQ(attachments_.headers.size(), 1u);
  EXPECT_EQ(attachments_.headers[0].request_id(), used);
  EXPECT_EQ(attachments_.headers[0].file_name(), "foto.jpg");
  EXPECT_EQ(attachments_.headers[0].tracking_code(), "KNG-7K3M9QXP");
  EXPECT_THAT(attachments_.chunk_counts, ElementsAre(3));
}

TEST_F(ClientFakeServerTest, UploadRetriesTheWholeFileWithTheSameRequestId) {
  attachments_.upload_failures = 2;
  const std::string path = WriteFile("ktp.pdf", "%PDF-1.4 isi");
  auto client = NewClient();
  v1::UploadAttachmentHeader header;
  header.set_file_name("KTP Siti.pdf");
  absl::StatusOr<v1::UploadAttachmentResponse> resp =
      client->UploadAttachment(header, path);
  ASSERT_TRUE(resp.ok()) << resp.status();
  EXPECT_EQ(attachments_.stored, "%PDF-1.4 isi");
  ASSERT_EQ(attachments_.headers.size(), 3u);
  EXPECT_FALSE(attachments_.headers[0].request_id().empty());
  EXPECT_EQ(attachments_.headers[1].request_id(),
            attachments_.headers[0].request_id());
  EXPECT_EQ(attachments_.headers[2].request_id(),
            attachments_.headers[0].request_id());
  EXPECT_EQ(attachments_.headers[0].file_name(), "KTP Siti.pdf");
}

TEST_F(ClientFakeServerTest, UploadOfAMissingFileIsNotFoundAndSendsNothing) {
  auto client = NewClient();
  absl::StatusOr<v1::UploadAttachmentResponse> resp = client->UploadAttachment(
      v1::UploadAttachmentHeader(), dir_ + "/tidak-ada.jpg");
  EXPECT_EQ(resp.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(resp.status().message()), HasSubstr("tidak-ada.jpg"));
  EXPECT_TRUE(attachments_.headers.empty());
}

TEST_F(ClientFakeServerTest, DownloadWritesTheFileAndReturnsItsMetadata) {
  attachments_.stored = std::string(1234, 'q');
  auto client = NewClient();
  v1::DownloadAttachmentRequest req;
  req.set_attachment_id("att_1");
  const std::string path = dir_ + "/out.jpg";
  absl::StatusOr<v1::Attachment> a = client->DownloadAttachment(req, path);
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->file_name(), "foto.jpg");
  EXPECT_EQ(ReadFile(path), attachments_.stored);
  EXPECT_FALSE(std::filesystem::exists(path + ".part"));
}

TEST_F(ClientFakeServerTest, DownloadOfAShortStreamIsDataLossAndLeavesNoFile) {
  attachments_.stored = "abc";
  attachments_.announce_extra = 5;
  auto client = NewClient();
  v1::DownloadAttachmentRequest req;
  req.set_attachment_id("att_1");
  const std::string path = dir_ + "/out.jpg";
  EXPECT_EQ(client->DownloadAttachment(req, path).status().code(),
            absl::StatusCode::kDataLoss);
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_FALSE(std::filesystem::exists(path + ".part"));
}

TEST_F(ClientFakeServerTest, DownloadPassesTheServersError) {
  auto client = NewClient();
  v1::DownloadAttachmentRequest req;
  req.set_attachment_id("att_404");
  absl::StatusOr<v1::Attachment> a =
      client->DownloadAttachment(req, dir_ + "/x");
  EXPECT_EQ(a.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(a.status().message(), "attachment not found");
}

}  // namespace
}  // namespace aduan::client
