// aduan_loadgen: drives aduand at N concurrent clients for T seconds.
//   --mode=grpc       SubmitComplaint; throughput, p50, p99
//   --mode=direct     the same work (validation + the same transaction) in
//                     process through the domain and SOCI, no gRPC: the
//                     baseline of --mode=grpc
//   --mode=lifecycle  complete life cycles (submit, verify, report, dispose,
//                     start follow-up, resolve, inform, archive), each step
//                     with its role's token; life cycles/s and p99 per step
// grpc and lifecycle modes create their staff through the Admin API with
// --admin_token (from `aduand bootstrap-admin`).
//
//   aduan_loadgen --mode=grpc --target=127.0.0.1:50051 --admin_token=adn_…
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
#include "aduan/v1/admin_service.grpc.pb.h"
#include "aduan/v1/archive_service.grpc.pb.h"
#include "aduan/v1/disposition_service.grpc.pb.h"
#include "aduan/v1/intake_service.grpc.pb.h"
#include "aduan/v1/verification_service.grpc.pb.h"
#include "common/clock.h"
#include "common/crypto.h"
#include "common/key_ring.h"
#include "common/pii_cipher.h"
#include "db/database.h"
#include "db/migrator.h"
#include "db/seeder.h"
#include "db/soci_complaint_repository.h"
#include "db/soci_office_repository.h"
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
ABSL_FLAG(std::string, admin_token, "", "ADMIN token (grpc, lifecycle)");

namespace {

aduan::model::ComplaintRecord Draft() {
  aduan::model::ComplaintRecord d;
  d.office_code = "KNG";
  d.channel = aduan::model::Channel::kOnline;
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
    return all.empty() ? 0.0
                       : all[std::min(all.size() - 1, size_t(p * all.size()))];
  };
  std::printf(
      "%s mode=%s clients=%d seconds=%.1f ok=%zu errors=%ld throughput=%.1f/s "
      "p50=%.2fms p99=%.2fms\n",
      absl::GetFlag(FLAGS_label).c_str(), absl::GetFlag(FLAGS_mode).c_str(),
      clients, secs, all.size(), errors, all.size() / secs, pct(0.50),
      pct(0.99));
}

std::shared_ptr<grpc::Channel> NewChannel(int i) {
  grpc::ChannelArguments args;
  args.SetInt("grpc.channel_id", i);  // one connection per client
  return grpc::CreateCustomChannel(absl::GetFlag(FLAGS_target),
                                   grpc::InsecureChannelCredentials(), args);
}

void Auth(grpc::ClientContext& ctx, const std::string& token) {
  ctx.AddMetadata("authorization", "Bearer " + token);
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
}

// A new principal with one binding in KNG; returns its token ("" on error).
std::string Staff(aduan::v1::AdminService::Stub& admin, const std::string& run,
                  const std::string& name, aduan::v1::RoleBinding::Role role,
                  const std::string& unit = "") {
  grpc::ClientContext ctx;
  Auth(ctx, absl::GetFlag(FLAGS_admin_token));
  aduan::v1::CreatePrincipalRequest req;
  req.mutable_principal()->set_name(absl::StrCat("bench.", run, ".", name));
  auto* b = req.mutable_principal()->add_role_bindings();
  b->set_role(role);
  b->set_office_code("KNG");
  b->set_unit_code(unit);
  aduan::v1::Principal p;
  grpc::Status s = admin.CreatePrincipal(&ctx, req, &p);
  if (!s.ok()) {
    std::fprintf(stderr, "CreatePrincipal: %s\n", s.error_message().c_str());
    return "";
  }
  grpc::ClientContext tctx;
  Auth(tctx, absl::GetFlag(FLAGS_admin_token));
  aduan::v1::IssueTokenRequest treq;
  treq.set_principal_id(p.principal_id());
  aduan::v1::IssueTokenResponse tresp;
  s = admin.IssueToken(&tctx, treq, &tresp);
  if (!s.ok()) {
    std::fprintf(stderr, "IssueToken: %s\n", s.error_message().c_str());
    return "";
  }
  return tresp.secret();
}

int RunGrpc(int clients, absl::Duration duration) {
  auto admin = aduan::v1::AdminService::NewStub(NewChannel(-1));
  const std::string run = absl::BytesToHexString(aduan::RandomBytes(3).value());
  const std::string officer =
      Staff(*admin, run, "officer", aduan::v1::RoleBinding::OFFICER);
  if (officer.empty()) return 1;
  std::vector<std::unique_ptr<aduan::v1::IntakeService::Stub>> stubs;
  for (int i = 0; i < clients; ++i) {
    // One channel per client, as separate staff tools or gateways would.
    stubs.push_back(aduan::v1::IntakeService::NewStub(NewChannel(i)));
  }
  const aduan::v1::Complaint draft = DraftProto();
  Drive(clients, duration, [&](int t, const std::string& id) {
    grpc::ClientContext ctx;
    Auth(ctx, officer);
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

// Complete life cycles; prints life cycles/s and p99 per step.
int RunLifecycle(int clients, absl::Duration duration) {
  using namespace aduan::v1;
  auto admin = AdminService::NewStub(NewChannel(-1));
  const std::string run = absl::BytesToHexString(aduan::RandomBytes(3).value());
  const std::string officer =
      Staff(*admin, run, "officer", RoleBinding::OFFICER);
  const std::string secretary =
      Staff(*admin, run, "sekcam", RoleBinding::SECRETARY);
  const std::string head = Staff(*admin, run, "camat", RoleBinding::HEAD);
  const std::string unit =
      Staff(*admin, run, "trantib", RoleBinding::UNIT, "TRANTIB");
  if (officer.empty() || secretary.empty() || head.empty() || unit.empty())
    return 1;
  const char* kSteps[] = {"submit", "verify",  "report", "dispose",
                          "start",  "resolve", "inform", "archive"};
  constexpr int kStepCount = 8;
  struct PerClient {
    std::vector<double> ms[kStepCount];
    long cycles = 0;
    long errors = 0;
  };
  std::vector<PerClient> results(clients);
  const absl::Time start = absl::Now();
  const absl::Time end = start + duration;
  std::vector<std::thread> threads;
  for (int t = 0; t < clients; ++t) {
    threads.emplace_back([&, t] {
      auto channel = NewChannel(t);
      auto intake = IntakeService::NewStub(channel);
      auto verification = VerificationService::NewStub(channel);
      auto disposition = DispositionService::NewStub(channel);
      auto archive = ArchiveService::NewStub(channel);
      PerClient& me = results[t];
      for (long i = 0; absl::Now() < end; ++i) {
        const std::string id = absl::StrCat(run, "-", t, "-", i, "-");
        std::string code;
        int step = 0;
        auto timed = [&](auto&& call) {
          const absl::Time s = absl::Now();
          grpc::Status st = call();
          me.ms[step].push_back(absl::ToDoubleMilliseconds(absl::Now() - s));
          ++step;
          if (!st.ok()) {
            ++me.errors;
            std::fprintf(stderr, "%s: %s\n", kSteps[step - 1],
                         st.error_message().c_str());
          }
          return st.ok();
        };
        Complaint out;
        bool ok = timed([&] {
          grpc::ClientContext ctx;
          Auth(ctx, officer);
          SubmitComplaintRequest req;
          req.set_request_id(id + "s");
          *req.mutable_complaint() = DraftProto();
          SubmitComplaintResponse resp;
          grpc::Status s = intake->SubmitComplaint(&ctx, req, &resp);
          code = resp.complaint().tracking_code();
          return s;
        });
        ok = ok && timed([&] {
               grpc::ClientContext ctx;
               Auth(ctx, officer);
               VerifyComplaintRequest req;
               req.set_request_id(id + "v");
               req.set_tracking_code(code);
               req.set_outcome(VerifyComplaintRequest::VERIFIED);
               return verification->VerifyComplaint(&ctx, req, &out);
             });
        ok = ok && timed([&] {
               grpc::ClientContext ctx;
               Auth(ctx, secretary);
               ReportToHeadRequest req;
               req.set_request_id(id + "r");
               req.set_tracking_code(code);
               return verification->ReportToHead(&ctx, req, &out);
             });
        ok = ok && timed([&] {
               grpc::ClientContext ctx;
               Auth(ctx, head);
               DisposeComplaintRequest req;
               req.set_request_id(id + "d");
               req.set_tracking_code(code);
               req.set_unit_code("TRANTIB");
               req.set_instruction("Tindak lanjuti");
               return disposition->DisposeComplaint(&ctx, req, &out);
             });
        ok = ok && timed([&] {
               grpc::ClientContext ctx;
               Auth(ctx, unit);
               StartFollowUpRequest req;
               req.set_request_id(id + "f");
               req.set_tracking_code(code);
               return disposition->StartFollowUp(&ctx, req, &out);
             });
        ok = ok && timed([&] {
               grpc::ClientContext ctx;
               Auth(ctx, unit);
               ResolveComplaintRequest req;
               req.set_request_id(id + "x");
               req.set_tracking_code(code);
               req.set_result("Selesai");
               return disposition->ResolveComplaint(&ctx, req, &out);
             });
        ok = ok && timed([&] {
               grpc::ClientContext ctx;
               Auth(ctx, officer);
               InformComplainantRequest req;
               req.set_request_id(id + "i");
               req.set_tracking_code(code);
               req.set_method(InformComplainantRequest::PHONE);
               req.set_message("Sudah selesai");
               return archive->InformComplainant(&ctx, req, &out);
             });
        ok = ok && timed([&] {
               grpc::ClientContext ctx;
               Auth(ctx, officer);
               ArchiveComplaintRequest req;
               req.set_request_id(id + "a");
               req.set_tracking_code(code);
               return archive->ArchiveComplaint(&ctx, req, &out);
             });
        if (ok) ++me.cycles;
      }
    });
  }
  for (auto& th : threads) th.join();
  const double secs = absl::ToDoubleSeconds(absl::Now() - start);
  long cycles = 0, errors = 0;
  for (const auto& r : results) {
    cycles += r.cycles;
    errors += r.errors;
  }
  std::printf(
      "%s mode=lifecycle clients=%d seconds=%.1f cycles=%ld errors=%ld "
      "lifecycles=%.1f/s\n",
      absl::GetFlag(FLAGS_label).c_str(), clients, secs, cycles, errors,
      cycles / secs);
  for (int s = 0; s < kStepCount; ++s) {
    std::vector<double> all;
    for (const auto& r : results) {
      all.insert(all.end(), r.ms[s].begin(), r.ms[s].end());
    }
    std::sort(all.begin(), all.end());
    auto pct = [&](double p) {
      return all.empty()
                 ? 0.0
                 : all[std::min(all.size() - 1, size_t(p * all.size()))];
    };
    std::printf("  %-8s n=%zu p50=%.2fms p99=%.2fms\n", kSteps[s], all.size(),
                pct(0.5), pct(0.99));
  }
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
  aduan::domain::Principal who;
  who.id = "p_bench";
  who.name = "bench.officer";
  who.authenticated = true;
  who.bindings = {{aduan::domain::kOfficer, "KNG", "", ""}};
  Drive(clients, duration, [&](int, const std::string& id) {
    aduan::domain::SubmitInput in{id, aduan::Sha256Hex(id), Draft()};
    auto r = intake.Submit(absl::Now() + absl::Seconds(10), who, std::move(in));
    if (!r.ok())
      std::fprintf(stderr, "error: %s\n", r.status().ToString().c_str());
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
  if (absl::GetFlag(FLAGS_mode) == "direct")
    return RunDirect(clients, duration);
  if (absl::GetFlag(FLAGS_mode) == "lifecycle") {
    return RunLifecycle(clients, duration);
  }
  return RunGrpc(clients, duration);
}
