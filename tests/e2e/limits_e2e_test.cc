// End to end: the limits on hostile or careless input — message and
// metadata size, streams per connection, threads, per-principal intake rate
// and plaintext only on loopback — each set by its flag.
#include <sys/wait.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "db/database.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"
#include "tests/e2e/e2e_fixture.h"

namespace aduan {
namespace {

using ::testing::HasSubstr;

v1::SubmitComplaintRequest Request(const std::string& id) {
  v1::SubmitComplaintRequest req;
  req.set_request_id(id);
  v1::Complaint* c = req.mutable_complaint();
  c->set_office_code("KNG");
  c->set_channel(v1::Complaint::OFFICE);
  c->mutable_complainant()->set_name("Ani");
  c->mutable_complainant()->set_phone("081234567890");
  c->set_title("Jalan rusak");
  c->set_description("Berlubang besar.");
  return req;
}

class LimitsE2eTest : public testing::E2eFixture {
 protected:
  grpc::Status Submit(const std::string& token,
                      const v1::SubmitComplaintRequest& req,
                      const std::string& extra_header = "",
                      bool wait_for_ready = false) {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, token);
    ctx.set_wait_for_ready(wait_for_ready);
    if (!extra_header.empty()) ctx.AddMetadata("x-padding", extra_header);
    v1::SubmitComplaintResponse resp;
    return intake_->SubmitComplaint(&ctx, req, &resp);
  }
  long long Total() {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, officer_token_);
    ctx.set_wait_for_ready(true);
    v1::ListComplaintsResponse resp;
    EXPECT_TRUE(complaints_->ListComplaints(&ctx, {}, &resp).ok());
    return resp.total_size();
  }
  void Restart(std::vector<std::string> flags) {
    StopServer(SIGTERM);
    StartServer(std::move(flags));
  }
};

TEST_P(LimitsE2eTest, OversizedMessageIsResourceExhaustedAndStoresNothing) {
  Restart({"--max_message_bytes=65536"});
  v1::SubmitComplaintRequest req = Request("big");
  req.mutable_complaint()->set_description(std::string(70000, 'a'));
  EXPECT_EQ(Submit(officer_token_, req).error_code(),
            grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_TRUE(Submit(officer_token_, Request("small")).ok());
  EXPECT_EQ(Total(), 1);
}

TEST_P(LimitsE2eTest, OversizedMetadataIsRefused) {
  Restart({"--max_metadata_bytes=4096"});
  grpc::Status s =
      Submit(officer_token_, Request("meta"), std::string(8000, 'x'));
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
      << s.error_message();
  // The oversized header costs the connection: a call racing its closing
  // fails UNAVAILABLE and is retried, as clients do; the server serves on.
  grpc::Status after;
  for (int i = 0; i < 3; ++i) {
    after = Submit(officer_token_, Request("meta-ok"), "short",
                   /*wait_for_ready=*/true);
    if (after.error_code() != grpc::StatusCode::UNAVAILABLE) break;
  }
  EXPECT_TRUE(after.ok()) << after.error_message();
  EXPECT_EQ(Total(), 1);
}

TEST_P(LimitsE2eTest, StreamsPerConnectionAreCapped) {
  Restart({"--max_concurrent_streams=1"});
  auto channel = server_->Channel();
  auto reflection =
      grpc::reflection::v1alpha::ServerReflection::NewStub(channel);
  auto intake = v1::IntakeService::NewStub(channel);
  grpc::ClientContext open_ctx;
  auto stream = reflection->ServerReflectionInfo(&open_ctx);
  grpc::reflection::v1alpha::ServerReflectionRequest list;
  list.set_list_services("");
  ASSERT_TRUE(stream->Write(list));
  grpc::reflection::v1alpha::ServerReflectionResponse answer;
  ASSERT_TRUE(stream->Read(&answer));  // the one stream is open now
  {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, officer_token_);
    ctx.set_deadline(std::chrono::system_clock::now() +
                     std::chrono::milliseconds(500));
    v1::SubmitComplaintResponse resp;
    EXPECT_EQ(
        intake->SubmitComplaint(&ctx, Request("queued"), &resp).error_code(),
        grpc::StatusCode::DEADLINE_EXCEEDED);
  }
  stream->WritesDone();
  EXPECT_TRUE(stream->Finish().ok());
  grpc::ClientContext ctx;
  testing::Authorize(ctx, officer_token_);
  v1::SubmitComplaintResponse resp;
  EXPECT_TRUE(intake->SubmitComplaint(&ctx, Request("after"), &resp).ok());
}

// With the default flags, 200 calls at once on one connection cannot take
// every handler thread: the connection's stream limit (well below the
// thread cap) queues them at the client, none is refused for want of a
// thread, and a health check on another connection answers meanwhile.
TEST_P(LimitsE2eTest, OneConnectionCannotTakeEveryHandlerThread) {
  auto busy = grpc::CreateChannel(server_->address(),
                                  grpc::InsecureChannelCredentials());
  auto stub = v1::ComplaintService::NewStub(busy);
  std::atomic<int> ok{0};
  std::mutex mu;
  std::vector<std::string> refused;
  std::vector<std::thread> calls;
  for (int i = 0; i < 200; ++i) {
    calls.emplace_back([&] {
      grpc::ClientContext ctx;
      testing::Authorize(ctx, officer_token_);
      ctx.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(60));
      v1::ListComplaintsResponse resp;
      grpc::Status s = stub->ListComplaints(&ctx, {}, &resp);
      if (s.ok()) {
        ++ok;
      } else {
        std::lock_guard<std::mutex> lock(mu);
        refused.push_back(s.error_message());
      }
    });
  }
  // Another client's health check, on a connection of its own.
  grpc::ChannelArguments own;
  own.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  auto other = grpc::CreateCustomChannel(
      server_->address(), grpc::InsecureChannelCredentials(), own);
  auto health = grpc::health::v1::Health::NewStub(other);
  grpc::ClientContext hctx;
  hctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  grpc::health::v1::HealthCheckRequest hreq;
  grpc::health::v1::HealthCheckResponse hresp;
  const grpc::Status h = health->Check(&hctx, hreq, &hresp);
  for (auto& t : calls) t.join();
  EXPECT_TRUE(h.ok()) << h.error_message();
  EXPECT_EQ(hresp.status(), grpc::health::v1::HealthCheckResponse::SERVING);
  EXPECT_EQ(ok.load(), 200) << "refused: " << refused.size() << ", e.g. "
                            << (refused.empty() ? "" : refused[0]);
}

TEST_P(LimitsE2eTest, IntakeRateIsLimitedPerPrincipal) {
  Restart({"--intake_rate_per_minute=3"});
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(
        Submit(officer_token_, Request("rate-" + std::to_string(i))).ok());
  }
  grpc::Status limited = Submit(officer_token_, Request("rate-3"));
  EXPECT_EQ(limited.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(limited.error_message(), HasSubstr("retry after"));
  const std::string other =
      CreateUser("rina.officer", v1::RoleBinding::OFFICER);
  EXPECT_TRUE(Submit(other, Request("rate-other")).ok());
  EXPECT_EQ(Total(), 4);
}

// The server gives a call at most --default_deadline_seconds even when the
// client allows far longer: a submission that cannot get the database
// (another process holds SQLite's write lock) is given up after the first
// busy wait, not retried for the client's minute; nothing is stored.
TEST_P(LimitsE2eTest, ServerCapsALongClientDeadline) {
  if (GetParam() != "sqlite") {
    GTEST_SKIP() << "holds SQLite's write lock from the test";
  }
  Restart({"--default_deadline_seconds=1"});
  const long long before = Total();
  db::DatabaseOptions options;
  options.url = "sqlite://" + dir_ + "/var/aduan.db";
  auto holder = db::Database::Open(options);
  ASSERT_TRUE(holder.ok()) << holder.status();
  std::atomic<bool> locked{false}, release{false};
  std::thread lock([&] {
    (void)(*holder)->Write(absl::Now() + absl::Seconds(90),
                           [&](soci::session&) {
                             locked = true;
                             while (!release) {
                               absl::SleepFor(absl::Milliseconds(10));
                             }
                             return absl::OkStatus();
                           });
  });
  while (!locked) absl::SleepFor(absl::Milliseconds(5));
  grpc::ClientContext ctx;
  testing::Authorize(ctx, officer_token_);
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  v1::SubmitComplaintResponse resp;
  const absl::Time start = absl::Now();
  grpc::Status s = intake_->SubmitComplaint(&ctx, Request("capped"), &resp);
  const absl::Duration took = absl::Now() - start;
  release = true;
  lock.join();
  EXPECT_FALSE(s.ok());
  // One busy wait (5 s) past the 1 s cap, not eight retries of it.
  EXPECT_LT(took, absl::Seconds(15)) << s.error_message();
  EXPECT_EQ(Total(), before);
}

TEST_P(LimitsE2eTest,
       StreamsPerConnectionAboveAQuarterOfTheThreadsRefuseToStart) {
  std::vector<std::string> args = args_;
  args.push_back("--listen=127.0.0.1:0");
  args.push_back("--max_concurrent_streams=17");  // 64 threads: at most 16
  EXPECT_EQ(testing::ServerProcess::RunCommand(dir_, "serve", args), 1);
  std::ifstream in(dir_ + "/commands.log");
  std::stringstream log;
  log << in.rdbuf();
  EXPECT_THAT(log.str(),
              HasSubstr("--max_concurrent_streams=17: must be 1 to a quarter "
                        "of --max_threads (16)"));
}

// gRPC would share a port between processes (SO_REUSEPORT) and let calls
// alternate between two servers with different databases: a second server
// on a taken address refuses to start, naming it, and the first serves on.
TEST_P(LimitsE2eTest, ASecondServerOnATakenAddressRefusesToStart) {
  const std::string other = testing::MakeTempDir("aduan-second");
  EXPECT_EQ(testing::ServerProcess::RunCommand(
                other, "serve", {"--listen=" + server_->address()}),
            1);
  std::ifstream in(other + "/commands.log");
  std::stringstream log;
  log << in.rdbuf();
  EXPECT_THAT(log.str(), HasSubstr("cannot listen on " + server_->address()));
  std::filesystem::remove_all(other);
  EXPECT_EQ(Total(), 0);  // the first still answers
}

TEST_P(LimitsE2eTest, PlaintextOffLoopbackRefusesToStart) {
  std::vector<std::string> args = args_;
  args.push_back("--listen=0.0.0.0:0");
  EXPECT_EQ(testing::ServerProcess::RunCommand(dir_, "serve", args), 1);
  std::ifstream in(dir_ + "/commands.log");
  std::stringstream log;
  log << in.rdbuf();
  EXPECT_THAT(log.str(), HasSubstr("plaintext is allowed on loopback only"));
}

TEST_P(LimitsE2eTest, ThreadCapAnswersResourceExhaustedInsteadOfQueuing) {
  Restart({"--max_threads=4", "--max_concurrent_streams=1"});
  // Each open reflection stream holds a server thread; one a connection.
  std::vector<
      std::unique_ptr<grpc::reflection::v1alpha::ServerReflection::Stub>>
      stubs;
  std::vector<std::unique_ptr<grpc::ClientContext>> contexts;
  std::vector<std::unique_ptr<grpc::ClientReaderWriter<
      grpc::reflection::v1alpha::ServerReflectionRequest,
      grpc::reflection::v1alpha::ServerReflectionResponse>>>
      streams;
  bool exhausted = false;
  for (int i = 0; i < 8 && !exhausted; ++i) {
    contexts.push_back(std::make_unique<grpc::ClientContext>());
    contexts.back()->set_deadline(std::chrono::system_clock::now() +
                                  std::chrono::seconds(5));
    grpc::ChannelArguments own;
    own.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    stubs.push_back(grpc::reflection::v1alpha::ServerReflection::NewStub(
        grpc::CreateCustomChannel(server_->address(),
                                  grpc::InsecureChannelCredentials(), own)));
    streams.push_back(
        stubs.back()->ServerReflectionInfo(contexts.back().get()));
    grpc::reflection::v1alpha::ServerReflectionRequest list;
    list.set_list_services("");
    grpc::reflection::v1alpha::ServerReflectionResponse answer;
    if (!streams.back()->Write(list) || !streams.back()->Read(&answer)) {
      grpc::Status s = streams.back()->Finish();
      EXPECT_EQ(s.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
          << s.error_message();
      exhausted = true;
    }
  }
  EXPECT_TRUE(exhausted);
  for (size_t i = 0; i + (exhausted ? 1 : 0) < streams.size(); ++i) {
    streams[i]->WritesDone();
    streams[i]->Finish();
  }
}

// Repeated filters are deduplicated and capped: 12,000 office codes (about
// 100 KB) are refused at once naming the field, instead of a query that
// held a database connection for seconds; 8,000 copies of one state are one
// state.
TEST_P(LimitsE2eTest, HugeFilterListsAreRefusedNamingTheField) {
  v1::ListComplaintsRequest many;
  for (int i = 0; i < 12000; ++i) {
    many.add_office_codes(absl::StrCat("K", i));
  }
  grpc::ClientContext ctx;
  testing::Authorize(ctx, officer_token_);
  v1::ListComplaintsResponse resp;
  const absl::Time start = absl::Now();
  grpc::Status s = complaints_->ListComplaints(&ctx, many, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(),
            "office_codes: at most 100 distinct values (12000 given)");
  EXPECT_LT(absl::Now() - start, absl::Seconds(2));

  v1::ListComplaintsRequest units;
  for (int i = 0; i < 101; ++i) units.add_unit_codes(absl::StrCat("U", i));
  units.add_unit_codes("U0");  // a repeat does not count
  grpc::ClientContext uctx;
  testing::Authorize(uctx, officer_token_);
  s = complaints_->ListComplaints(&uctx, units, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(),
            "unit_codes: at most 100 distinct values (101 given)");

  v1::ListComplaintsRequest same;
  for (int i = 0; i < 8000; ++i) same.add_states(v1::Complaint::SUBMITTED);
  for (int i = 0; i < 100; ++i) same.add_office_codes("KNG");
  grpc::ClientContext sctx;
  testing::Authorize(sctx, officer_token_);
  s = complaints_->ListComplaints(&sctx, same, &resp);
  EXPECT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(resp.total_size(), 0);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, LimitsE2eTest, ::testing::Values("sqlite"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace aduan
