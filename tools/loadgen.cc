// aduan_loadgen: drives SubmitComplaint at N concurrent clients for T
// seconds and prints throughput, p50 and p99. With --mode=direct it performs
// the same work (validation + the same database transaction) in process
// through the domain and SOCI, without gRPC: the baseline.
//
//   aduan_loadgen --mode=grpc --target=127.0.0.1:50051 --clients=16 --seconds=10
//   aduan_loadgen --mode=direct --db=mysql://… --key_file=… --clients=16
#include <grpcpp/grpcpp.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "aduan/v1/intake_service.grpc.pb.h"
#include "db/database.h"
#include "db/migrator.h"
#include "db/seeder.h"
#include "db/soci_complaint_repository.h"
#include "db/soci_office_repository.h"
#include "server/common/clock.h"
#include "server/common/crypto.h"
#include "server/common/key_ring.h"
#include "server/common/pii_cipher.h"
#include "server/domain/complaint_intake.h"
#include "server/domain/office_directory.h"
#include "server/domain/pin_issuer.h"

ABSL_FLAG(std::string, mode, "grpc", "grpc or direct");
ABSL_FLAG(std::string, target, "127.0.0.1:50051", "server address (grpc)");
ABSL_FLAG(std::string, db, "", "database URL (direct)");
ABSL_FLAG(std::string, key_file, "var/bench.key", "key file (direct)");
ABSL_FLAG(int, clients, 16, "concurrent clients");
ABSL_FLAG(int, seconds, 10, "duration");
ABSL_FLAG(std::string, label, "", "label printed with the result");

namespace {

aduan::db::ComplaintRecord Draft() {
  aduan::db::ComplaintRecord d;
  d.office_code = "KNG";
  d.channel = "ONLINE";
  d.complainant_name = "Siti Aminah";
  d.complainant_nik = "3574045108900003";
  d.complainant_phone = "0812-3456-7890";
  d.title = "Lampu jalan mati";
  d.description = "Lampu jalan di depan SDN Kanigaran 1 mati sejak Senin.";
  d.category_code = "INFRA";
  d.location_kelurahan = "Kanigaran";
  return d;
}

aduan::v1::Complaint DraftProto() {
  aduan::v1::Complaint c;
  c.set_office_code("KNG");
  c.set_channel(aduan::v1::Complaint::ONLINE);
  c.mutable_complainant()->set_name("Siti Aminah");
  c.mutable_complainant()->set_nik("3574045108900003");
  c.mutable_complainant()->set_phone("0812-3456-7890");
  c.set_title("Lampu jalan mati");
  c.set_description("Lampu jalan di depan SDN Kanigaran 1 mati sejak Senin.");
  c.set_category("INFRA");
  c.mutable_location()->set_kelurahan("Kanigaran");
  return c;
}

struct Result {
  std::vector<double> latencies_ms;
  long errors = 0;
};

// Runs `call` from N threads until the time is up.
template <typename Call>
void Drive(int clients, absl::Duration duration, Call call) {
  std::vector<Result> results(clients);
  const std::string run = absl::BytesToHexString(aduan::RandomBytes(4).value());
  const absl::Time start = absl::Now();
  const absl::Time end = start + duration;
  std::vector<std::thread> threads;
  for (int t = 0; t < clients; ++t) {
    threads.emplace_back([&, t] {
      for (long i = 0; absl::Now() < end; ++i) {
        const std::string id = absl::StrCat(run, "-", t, "-", i);
        const absl::Time s = absl::Now();
        const bool ok = call(t, id);
        const double ms = absl::ToDoubleMilliseconds(absl::Now() - s);
        if (ok) {
          results[t].latencies_ms.push_back(ms);
        } else {
          ++results[t].errors;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  const double secs = absl::ToDoubleSeconds(absl::Now() - start);
  std::vector<double> all;
  long errors = 0;
  for (auto& r : results) {
    all.insert(all.end(), r.latencies_ms.begin(), r.latencies_ms.end());
    errors += r.errors;
  }
  std::sort(all.begin(), all.end());
  auto pct = [&](double p) {
    return all.empty() ? 0.0 : all[std::min(all.size() - 1, size_t(p * all.size()))];
  };
  std::printf(
      "%s mode=%s clients=%d seconds=%.1f ok=%zu errors=%ld throughput=%.1f/s "
      "p50=%.2fms p99=%.2fms\n",
      absl::GetFlag(FLAGS_label).c_str(), absl::GetFlag(FLAGS_mode).c_str(),
      clients, secs, all.size(), errors, all.size() / secs, pct(0.50),
      pct(0.99));
}

int RunGrpc(int clients, absl::Duration duration) {
  std::vector<std::unique_ptr<aduan::v1::IntakeService::Stub>> stubs;
  for (int i = 0; i < clients; ++i) {
    // One channel per client, as separate staff tools or gateways would.
    grpc::ChannelArguments args;
    args.SetInt("grpc.channel_id", i);
    stubs.push_back(aduan::v1::IntakeService::NewStub(grpc::CreateCustomChannel(
        absl::GetFlag(FLAGS_target), grpc::InsecureChannelCredentials(), args)));
  }
  const aduan::v1::Complaint draft = DraftProto();
  Drive(clients, duration, [&](int t, const std::string& id) {
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    aduan::v1::SubmitComplaintRequest req;
    req.set_request_id(id);
    *req.mutable_complaint() = draft;
    aduan::v1::SubmitComplaintResponse resp;
    grpc::Status s = stubs[t]->SubmitComplaint(&ctx, req, &resp);
    if (!s.ok()) std::fprintf(stderr, "error: %s\n", s.error_message().c_str());
    return s.ok();
  });
  return 0;
}

int RunDirect(int clients, absl::Duration duration) {
  aduan::db::DatabaseOptions options;
  options.url = absl::GetFlag(FLAGS_db);
  options.pool_size = clients;
  auto db = aduan::db::Database::Open(options);
  if (!db.ok()) {
    std::fprintf(stderr, "%s\n", db.status().ToString().c_str());
    return 1;
  }
  if (!aduan::db::Migrator(**db).Migrate().ok()) return 1;
  aduan::db::SociOfficeRepository offices(**db);
  auto keys = aduan::KeyRing::Load(absl::GetFlag(FLAGS_key_file), true);
  if (!keys.ok()) return 1;
  auto cipher = aduan::PiiCipher::Create(keys->pii_key(), keys->index_key());
  if (!cipher.ok()) return 1;
  aduan::db::SociComplaintRepository complaints(**db, *cipher);
  if (!aduan::db::SeedKanigaran(offices, absl::Now()).ok()) return 1;
  aduan::domain::OfficeDirectory directory(offices, aduan::Clock::Real());
  aduan::domain::PinIssuer pins(keys->pin_key());
  aduan::domain::ComplaintIntake intake(complaints, directory, pins,
                                        aduan::Clock::Real());
  const aduan::domain::Principal who;
  Drive(clients, duration, [&](int, const std::string& id) {
    aduan::domain::SubmitInput in{id, aduan::Sha256Hex(id), Draft()};
    auto r = intake.Submit(absl::Now() + absl::Seconds(10), who, std::move(in));
    if (!r.ok()) std::fprintf(stderr, "error: %s\n", r.status().ToString().c_str());
    return r.ok();
  });
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  spdlog::set_level(spdlog::level::warn);
  const int clients = absl::GetFlag(FLAGS_clients);
  const absl::Duration duration = absl::Seconds(absl::GetFlag(FLAGS_seconds));
  if (absl::GetFlag(FLAGS_mode) == "direct") return RunDirect(clients, duration);
  return RunGrpc(clients, duration);
}
