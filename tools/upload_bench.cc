// aduan_upload_bench: document upload throughput, N concurrent clients for T
// seconds, each sending distinct 2 MiB JPEG photos.
//   --mode=direct  writes the same bytes straight to files in --dir (write,
//                  fsync, close, rename, fsync the folder): the baseline,
//                  what the blob store's disk work costs without gRPC,
//                  recognition, hashing or the database
//   --mode=grpc    UploadAttachment to aduand in 256 KiB chunks as an
//                  officer created through the Admin API with --admin_token;
//                  a new complaint every 20 documents (the limit)
// Prints MiB/s, uploads/s and p50/p99 latency per upload.
//
//   aduan_upload_bench --mode=grpc --target=127.0.0.1:50051 --admin_token=…
#include <fcntl.h>
#include <grpcpp/grpcpp.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "aduan/v1/admin_service.grpc.pb.h"
#include "aduan/v1/attachment_service.grpc.pb.h"
#include "aduan/v1/intake_service.grpc.pb.h"
#include "tests/test_documents.h"

ABSL_FLAG(std::string, mode, "grpc", "grpc or direct");
ABSL_FLAG(std::string, target, "127.0.0.1:50051", "server address (grpc)");
ABSL_FLAG(std::string, admin_token, "", "ADMIN token (grpc)");
ABSL_FLAG(std::string, dir, "var/bench-direct", "folder (direct)");
ABSL_FLAG(int, clients, 4, "concurrent clients");
ABSL_FLAG(int, seconds, 10, "duration");
ABSL_FLAG(int, photo_bytes, 2 * 1024 * 1024, "size of each photo");
ABSL_FLAG(std::string, label, "", "label printed with the result");

namespace aduan {
namespace {

constexpr int kSeedBase = 10000000;  // 8 digits, patched per upload

// Distinct photos of one size: the comment "seed NNNNNNNN" is rewritten.
class PhotoMaker {
 public:
  explicit PhotoMaker(size_t bytes)
      : base_(testing::MakeJpeg(bytes, kSeedBase)),
        at_(base_.find(absl::StrCat("seed ", kSeedBase)) + 5) {}
  std::string Next(int client, long n) const {
    std::string out = base_;
    const std::string digits =
        absl::StrFormat("%08d", (client * 1000000 + n) % 100000000);
    out.replace(at_, 8, digits);
    return out;
  }

 private:
  const std::string base_;
  const size_t at_;
};

struct Tally {
  std::atomic<long> ok{0};
  std::atomic<long> errors{0};
  std::atomic<long long> bytes{0};
  std::mutex mu;
  std::vector<double> ms;
  void Add(double latency_ms, size_t n) {
    ok++;
    bytes += static_cast<long long>(n);
    std::lock_guard<std::mutex> lock(mu);
    ms.push_back(latency_ms);
  }
};

void Report(Tally& t, absl::Duration elapsed) {
  std::sort(t.ms.begin(), t.ms.end());
  auto pct = [&](double p) {
    return t.ms.empty() ? 0.0
                        : t.ms[std::min(t.ms.size() - 1,
                                        static_cast<size_t>(p * t.ms.size()))];
  };
  const double secs = absl::ToDoubleSeconds(elapsed);
  std::printf(
      "%s mode=%s clients=%d seconds=%.1f uploads=%ld errors=%ld "
      "throughput=%.1f MiB/s (%.1f uploads/s) p50=%.1fms p99=%.1fms\n",
      absl::GetFlag(FLAGS_label).c_str(), absl::GetFlag(FLAGS_mode).c_str(),
      absl::GetFlag(FLAGS_clients), secs, t.ok.load(), t.errors.load(),
      static_cast<double>(t.bytes.load()) / (1024.0 * 1024.0) / secs,
      static_cast<double>(t.ok.load()) / secs, pct(0.5), pct(0.99));
}

bool WriteDurably(const std::string& dir, const std::string& name,
                  const std::string& bytes) {
  const std::string tmp = dir + "/" + name + ".part";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0640);
  if (fd < 0) return false;
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  const bool ok = done == bytes.size() && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok || ::rename(tmp.c_str(), (dir + "/" + name).c_str()) != 0) {
    return false;
  }
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd < 0) return false;
  const bool synced = ::fsync(dfd) == 0;
  ::close(dfd);
  return synced;
}

int RunDirect(int clients, absl::Duration duration, const PhotoMaker& photos) {
  const std::string dir = absl::GetFlag(FLAGS_dir);
  std::filesystem::create_directories(dir);
  Tally t;
  const absl::Time start = absl::Now();
  const absl::Time end = start + duration;
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      for (long n = 0; absl::Now() < end; ++n) {
        const std::string bytes = photos.Next(c, n);
        const absl::Time t0 = absl::Now();
        if (WriteDurably(dir, absl::StrCat("photo-", c, "-", n), bytes)) {
          t.Add(absl::ToDoubleMilliseconds(absl::Now() - t0), bytes.size());
        } else {
          t.errors++;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  Report(t, absl::Now() - start);
  std::filesystem::remove_all(dir);
  return 0;
}

void Authorize(grpc::ClientContext& ctx, const std::string& token) {
  ctx.AddMetadata("authorization", "Bearer " + token);
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
}

// An officer of KNG with a fresh token.
std::string Officer(const std::shared_ptr<grpc::Channel>& channel) {
  auto admin = v1::AdminService::NewStub(channel);
  grpc::ClientContext ctx;
  Authorize(ctx, absl::GetFlag(FLAGS_admin_token));
  v1::CreatePrincipalRequest req;
  req.mutable_principal()->set_name(
      absl::StrCat("bench.upload.", absl::ToUnixMicros(absl::Now())));
  v1::RoleBinding* b = req.mutable_principal()->add_role_bindings();
  b->set_role(v1::RoleBinding::OFFICER);
  b->set_office_code("KNG");
  v1::Principal p;
  if (!admin->CreatePrincipal(&ctx, req, &p).ok()) return "";
  grpc::ClientContext tctx;
  Authorize(tctx, absl::GetFlag(FLAGS_admin_token));
  v1::IssueTokenRequest treq;
  treq.set_principal_id(p.principal_id());
  v1::IssueTokenResponse tresp;
  if (!admin->IssueToken(&tctx, treq, &tresp).ok()) return "";
  return tresp.secret();
}

std::string NewComplaint(v1::IntakeService::Stub& intake,
                         const std::string& token, const std::string& rid) {
  grpc::ClientContext ctx;
  Authorize(ctx, token);
  v1::SubmitComplaintRequest req;
  req.set_request_id(rid);
  v1::Complaint* c = req.mutable_complaint();
  c->set_office_code("KNG");
  c->set_channel(v1::Complaint::OFFICE);
  c->set_anonymous(true);
  c->set_title("Jalan berlubang");
  c->set_description("Foto lokasi terlampir.");
  v1::SubmitComplaintResponse resp;
  if (!intake.SubmitComplaint(&ctx, req, &resp).ok()) return "";
  return resp.complaint().tracking_code();
}

int RunGrpc(int clients, absl::Duration duration, const PhotoMaker& photos) {
  grpc::ChannelArguments args;
  args.SetMaxSendMessageSize(4 * 1024 * 1024);
  auto channel = grpc::CreateCustomChannel(
      absl::GetFlag(FLAGS_target),
      grpc::experimental::LocalCredentials(LOCAL_TCP), args);
  const std::string token = Officer(channel);
  if (token.empty()) {
    std::fprintf(stderr, "cannot create the officer (--admin_token?)\n");
    return 1;
  }
  Tally t;
  const absl::Time start = absl::Now();
  const absl::Time end = start + duration;
  const std::string run = absl::StrCat(absl::ToUnixMicros(start));
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      auto intake = v1::IntakeService::NewStub(channel);
      auto attachments = v1::AttachmentService::NewStub(channel);
      std::string code;
      for (long n = 0; absl::Now() < end; ++n) {
        if (n % 20 == 0) {
          code =
              NewComplaint(*intake, token, absl::StrCat(run, "-", c, "-", n));
        }
        const std::string bytes = photos.Next(c, n);
        const absl::Time t0 = absl::Now();
        grpc::ClientContext ctx;
        Authorize(ctx, token);
        v1::UploadAttachmentResponse resp;
        auto stream = attachments->UploadAttachment(&ctx, &resp);
        v1::UploadAttachmentRequest msg;
        v1::UploadAttachmentHeader* h = msg.mutable_header();
        h->set_request_id(absl::StrCat("up-", run, "-", c, "-", n));
        h->set_tracking_code(code);
        h->set_type(v1::Attachment::LOCATION_PHOTO);
        h->set_media_type("image/jpeg");
        h->set_file_name("lokasi.jpg");
        bool ok = stream->Write(msg);
        for (size_t at = 0; ok && at < bytes.size(); at += 256 * 1024) {
          msg.set_chunk(bytes.substr(at, 256 * 1024));
          ok = stream->Write(msg);
        }
        stream->WritesDone();
        if (stream->Finish().ok() &&
            resp.size_bytes() == static_cast<int64_t>(bytes.size())) {
          t.Add(absl::ToDoubleMilliseconds(absl::Now() - t0), bytes.size());
        } else {
          t.errors++;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  Report(t, absl::Now() - start);
  return 0;
}

}  // namespace
}  // namespace aduan

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const aduan::PhotoMaker photos(
      static_cast<size_t>(absl::GetFlag(FLAGS_photo_bytes)));
  const int clients = absl::GetFlag(FLAGS_clients);
  const absl::Duration duration = absl::Seconds(absl::GetFlag(FLAGS_seconds));
  if (absl::GetFlag(FLAGS_mode) == "direct") {
    return aduan::RunDirect(clients, duration, photos);
  }
  return aduan::RunGrpc(clients, duration, photos);
}
