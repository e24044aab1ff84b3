// aduand: the Aduan gRPC server. Flags, wiring and the ServerBuilder;
// nothing else.
//
//   aduand [serve]   migrate, (SQLite: seed a fresh database), serve
//   aduand migrate   apply schema migrations and exit
//   aduand seed      add Kecamatan Kanigaran unless present, and exit
//   aduand keygen    create the key file (mode 0600) and exit
//   aduand bootstrap-admin --name=N --office=KNG
//                    create (or reuse) principal N with role ADMIN in the
//                    office and print a new bearer token, once
#include <grpc/support/log.h>
#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <signal.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "aduan/v1/admin_service.grpc.pb.h"
#include "aduan/v1/archive_service.grpc.pb.h"
#include "aduan/v1/attachment_service.grpc.pb.h"
#include "aduan/v1/disposition_service.grpc.pb.h"
#include "aduan/v1/verification_service.grpc.pb.h"
#include "db/database.h"
#include "db/file_blob_store.h"
#include "db/migrator.h"
#include "db/seeder.h"
#include "db/soci_access_repository.h"
#include "db/soci_complaint_repository.h"
#include "db/soci_office_repository.h"
#include "grpc/health/v1/health.pb.h"
#include "server/api/admin_service.h"
#include "server/api/archive_service.h"
#include "server/api/attachment_service.h"
#include "server/auth/call_context.h"
#include "server/api/complaint_service.h"
#include "server/api/disposition_service.h"
#include "server/api/intake_service.h"
#include "server/api/verification_service.h"
#include "server/auth/authorizer.h"
#include "server/common/blob_cipher.h"
#include "server/common/clock.h"
#include "server/common/key_ring.h"
#include "server/common/logging.h"
#include "server/common/pii_cipher.h"
#include "server/common/status_macros.h"
#include "server/common/test_clock.h"
#include "server/domain/access_admin.h"
#include "server/domain/complaint_intake.h"
#include "server/domain/complaint_reader.h"
#include "server/domain/complaint_workflow.h"
#include "server/domain/office_admin.h"
#include "server/domain/office_directory.h"
#include "server/domain/pin_issuer.h"
#include "server/domain/rate_limiter.h"

namespace {

std::string EnvOr(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : fallback;
}
// A malformed number in the environment stops the program at once, before
// any flag is read: a typo must not quietly become the default.
int EnvOrInt(const char* name, int fallback) {
  int v = 0;
  const char* s = std::getenv(name);
  if (s == nullptr || *s == '\0') return fallback;
  if (!absl::SimpleAtoi(s, &v)) {
    std::fprintf(stderr, "aduand: %s='%s' is not a whole number\n", name, s);
    std::exit(2);
  }
  return v;
}

// gRPC's own messages (handshake failures, transport errors) go through
// spdlog like ours: one format, one level, one stream.
void GrpcLogToSpdlog(gpr_log_func_args* args) {
  switch (args->severity) {
    case GPR_LOG_SEVERITY_DEBUG:
      spdlog::debug("grpc: {}", args->message);
      break;
    case GPR_LOG_SEVERITY_INFO:
      spdlog::info("grpc: {}", args->message);
      break;
    default:
      spdlog::error("grpc: {}", args->message);
      break;
  }
}

}  // namespace

ABSL_FLAG(std::string, listen, EnvOr("ADUAN_LISTEN", "127.0.0.1:50051"),
          "Address to serve on (env ADUAN_LISTEN). Plaintext is allowed on "
          "loopback only.");
ABSL_FLAG(std::string, db, EnvOr("ADUAN_DB", "sqlite://var/aduan.db"),
          "Database URL (env ADUAN_DB): sqlite:///abs/path.db, "
          "sqlite://relative/path.db or mysql://user:pass@host:3306/db"
          "[?socket=/path].");
ABSL_FLAG(int, db_pool_size, EnvOrInt("ADUAN_DB_POOL_SIZE", 8),
          "Database connections (env ADUAN_DB_POOL_SIZE).");
ABSL_FLAG(std::string, key_file, EnvOr("ADUAN_KEY_FILE", "var/aduan.key"),
          "Secret key file, mode 0600 (env ADUAN_KEY_FILE). Created on first "
          "start for SQLite; for MySQL create it once with `aduand keygen` "
          "and give every replica the same file.");
ABSL_FLAG(std::string, blob_dir, EnvOr("ADUAN_BLOB_DIR", "var/blobs"),
          "Folder of the attached documents' bytes (content-addressed; may be "
          "shared by several aduand processes).");
ABSL_FLAG(int, max_uploads, EnvOrInt("ADUAN_MAX_UPLOADS", 16),
          "Document uploads at once by staff and gateways (a token); more get "
          "RESOURCE_EXHAUSTED (env ADUAN_MAX_UPLOADS). Keep well below "
          "--max_threads.");
ABSL_FLAG(int, max_public_uploads, EnvOrInt("ADUAN_MAX_PUBLIC_UPLOADS", 4),
          "Document uploads at once by complainants (tracking code and PIN), "
          "a budget of their own (env ADUAN_MAX_PUBLIC_UPLOADS).");
ABSL_FLAG(int, upload_header_timeout_seconds,
          EnvOrInt("ADUAN_UPLOAD_HEADER_TIMEOUT_SECONDS", 10),
          "An upload whose header has not come this long after it opened is "
          "cancelled; until then it holds no upload slot (env "
          "ADUAN_UPLOAD_HEADER_TIMEOUT_SECONDS).");
ABSL_FLAG(int, upload_timeout_seconds,
          EnvOrInt("ADUAN_UPLOAD_TIMEOUT_SECONDS", 120),
          "An upload still open after this long is cancelled (env "
          "ADUAN_UPLOAD_TIMEOUT_SECONDS).");
ABSL_FLAG(std::string, log_level, EnvOr("ADUAN_LOG_LEVEL", "info"),
          "trace, debug, info, warn, error or off (env ADUAN_LOG_LEVEL).");
ABSL_FLAG(int, max_threads, EnvOrInt("ADUAN_MAX_THREADS", 64),
          "Cap on gRPC server threads (env ADUAN_MAX_THREADS); keep it well "
          "above db_pool_size.");
ABSL_FLAG(int, shutdown_grace_seconds,
          EnvOrInt("ADUAN_SHUTDOWN_GRACE_SECONDS", 10),
          "On SIGTERM/SIGINT, how long in-flight calls may take to finish "
          "(env ADUAN_SHUTDOWN_GRACE_SECONDS).");
ABSL_FLAG(std::string, tls_cert, EnvOr("ADUAN_TLS_CERT", ""),
          "Server certificate chain, PEM (env ADUAN_TLS_CERT). With "
          "--tls_key, serves TLS; required on a non-loopback --listen.");
ABSL_FLAG(std::string, tls_key, EnvOr("ADUAN_TLS_KEY", ""),
          "Server private key, PEM (env ADUAN_TLS_KEY).");
ABSL_FLAG(std::string, tls_client_ca, EnvOr("ADUAN_TLS_CLIENT_CA", ""),
          "CA bundle for client certificates (env ADUAN_TLS_CLIENT_CA): "
          "machine clients may present one; it is verified, and its common "
          "name maps to the principal with that tls_identity.");
ABSL_FLAG(int, max_message_bytes,
          EnvOrInt("ADUAN_MAX_MESSAGE_BYTES", 1024 * 1024 + 64 * 1024),
          "Largest request message (env ADUAN_MAX_MESSAGE_BYTES); room for a "
          "1 MiB attachment chunk plus framing.");
ABSL_FLAG(int, max_metadata_bytes, EnvOrInt("ADUAN_MAX_METADATA_BYTES", 16384),
          "Largest request metadata (env ADUAN_MAX_METADATA_BYTES).");
ABSL_FLAG(
    int, max_concurrent_streams, EnvOrInt("ADUAN_MAX_CONCURRENT_STREAMS", 16),
    "Concurrent calls per connection, at most a quarter of --max_threads so "
    "that one connection cannot take every handler thread (more wait at the "
    "client) (env ADUAN_MAX_CONCURRENT_STREAMS).");
ABSL_FLAG(int, default_deadline_seconds,
          EnvOrInt("ADUAN_DEFAULT_DEADLINE_SECONDS", 30),
          "Deadline of a call whose client sets none, and cap on longer ones "
          "(env ADUAN_DEFAULT_DEADLINE_SECONDS).");
ABSL_FLAG(int, intake_rate_per_minute,
          EnvOrInt("ADUAN_INTAKE_RATE_PER_MINUTE", 120),
          "Submissions a minute per principal, per process (env "
          "ADUAN_INTAKE_RATE_PER_MINUTE); 0 disables.");
ABSL_FLAG(int, sweep_seconds, EnvOrInt("ADUAN_SWEEP_SECONDS", 60),
          "How often complaints left in NEEDS_INFO past the office's limit "
          "are closed (env ADUAN_SWEEP_SECONDS).");
ABSL_FLAG(std::string, name, "admin", "bootstrap-admin: the principal's name.");
ABSL_FLAG(std::string, office, "KNG", "bootstrap-admin: the office.");
ABSL_FLAG(std::string, testing_clock, "",
          "Tests only, loopback only: pins the server's time at a moment, "
          "frozen@<RFC 3339 time> (stands still) or running@<RFC 3339 time> "
          "(runs on from there), e.g. running@2026-12-07T10:00:00+07:00.");
ABSL_FLAG(std::string, testing_clock_offset_file, "",
          "Tests only, loopback only: the server's time is the real (or "
          "pinned) time plus the seconds written in this file (to test SLA "
          "clocks and the NEEDS_INFO sweep end to end).");
ABSL_FLAG(std::string, port_file, "",
          "If set, the chosen port is written there once serving (useful "
          "with --listen=127.0.0.1:0).");

namespace aduan {
namespace {

bool IsLoopback(const std::string& addr) {
  return absl::StartsWith(addr, "127.") || absl::StartsWith(addr, "[::1]") ||
         absl::StartsWith(addr, "localhost:");
}

absl::StatusOr<std::string> ReadFile(const std::string& flag,
                                     const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", flag, "=", path, ": cannot read the file"));
  }
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// TLS from the certificate files, else local credentials on loopback.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ServerCredentials(
    const std::string& listen) {
  const std::string cert = absl::GetFlag(FLAGS_tls_cert);
  const std::string key = absl::GetFlag(FLAGS_tls_key);
  const std::string client_ca = absl::GetFlag(FLAGS_tls_client_ca);
  if (cert.empty() != key.empty()) {
    return absl::InvalidArgumentError("--tls_cert and --tls_key go together");
  }
  if (cert.empty()) {
    if (!IsLoopback(listen)) {
      return absl::FailedPreconditionError(absl::StrCat(
          "--listen=", listen,
          ": plaintext is allowed on loopback only; give --tls_cert and "
          "--tls_key"));
    }
    // Enforces loopback peers and lets clients send call credentials.
    return grpc::experimental::LocalServerCredentials(LOCAL_TCP);
  }
  ASSIGN_OR_RETURN(std::string cert_pem, ReadFile("tls_cert", cert));
  ASSIGN_OR_RETURN(std::string key_pem, ReadFile("tls_key", key));
  grpc::SslServerCredentialsOptions options(
      client_ca.empty() ? GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE
                        : GRPC_SSL_REQUEST_CLIENT_CERTIFICATE_AND_VERIFY);
  if (!client_ca.empty()) {
    ASSIGN_OR_RETURN(options.pem_root_certs,
                     ReadFile("tls_client_ca", client_ca));
  }
  options.pem_key_cert_pairs.push_back({key_pem, cert_pem});
  return grpc::SslServerCredentials(options);
}

int Fail(const absl::Status& s) {
  spdlog::critical("{}", std::string(s.message()));
  return 1;
}

absl::StatusOr<std::unique_ptr<db::Database>> OpenDatabase() {
  db::DatabaseOptions options;
  options.url = absl::GetFlag(FLAGS_db);
  options.pool_size = absl::GetFlag(FLAGS_db_pool_size);
  return db::Database::Open(options);
}

int Serve() {
  const std::string listen = absl::GetFlag(FLAGS_listen);
  if (const int streams = absl::GetFlag(FLAGS_max_concurrent_streams),
      threads = absl::GetFlag(FLAGS_max_threads);
      streams < 1 || streams > threads / 4) {
    return Fail(absl::InvalidArgumentError(
        absl::StrCat("--max_concurrent_streams=", streams,
                     ": must be 1 to a quarter of "
                     "--max_threads (",
                     threads / 4,
                     "), so that one connection cannot "
                     "take every handler thread")));
  }
  auto credentials = ServerCredentials(listen);
  if (!credentials.ok()) return Fail(credentials.status());
  auto database = OpenDatabase();
  if (!database.ok()) return Fail(database.status());
  db::Database& db = **database;
  const bool embedded = db.dialect() == db::Dialect::kSqlite;
  auto keys = KeyRing::Load(absl::GetFlag(FLAGS_key_file), embedded);
  if (!keys.ok()) return Fail(keys.status());
  auto version = db::Migrator(db).Migrate();
  if (!version.ok()) return Fail(version.status());
  auto cipher = PiiCipher::Create(keys->pii_key(), keys->index_key());
  if (!cipher.ok()) return Fail(cipher.status());
  db::SociOfficeRepository offices(db);
  db::SociComplaintRepository complaints(db, *cipher);
  db::SociAccessRepository access(db);
  // Rows written before encryption at rest get encrypted now.
  auto encrypted =
      complaints.EncryptPlaintextRows(absl::Now() + absl::Minutes(10));
  if (!encrypted.ok()) return Fail(encrypted.status());
  if (*encrypted > 0) {
    spdlog::info("encrypted personal data of {} stored complaints", *encrypted);
  }
  // Request fingerprints written before they were keyed get keyed now.
  auto keyed = complaints.KeyPlainFingerprints(absl::Now() + absl::Minutes(10));
  if (!keyed.ok()) return Fail(keyed.status());
  if (*keyed > 0) spdlog::info("keyed {} stored request fingerprints", *keyed);
  if (embedded) {
    auto codes = offices.ListCodes(absl::Now() + absl::Seconds(30));
    if (!codes.ok()) return Fail(codes.status());
    if (codes->empty()) {
      auto seeded = db::SeedKanigaran(offices, absl::Now());
      if (!seeded.ok()) return Fail(seeded.status());
      spdlog::info("fresh database: seeded Kecamatan Kanigaran (KNG)");
    }
  }

  // Tests pin or move the server's time; never in a deployment.
  std::unique_ptr<TestClock> test_clock;
  if (const std::string pin = absl::GetFlag(FLAGS_testing_clock),
      offset_file = absl::GetFlag(FLAGS_testing_clock_offset_file);
      !pin.empty() || !offset_file.empty()) {
    if (!IsLoopback(absl::GetFlag(FLAGS_listen))) {
      return Fail(absl::FailedPreconditionError(
          "--testing_clock and --testing_clock_offset_file: for tests on "
          "loopback only"));
    }
    auto created = TestClock::Create(pin, offset_file);
    if (!created.ok()) return Fail(created.status());
    test_clock = *std::move(created);
    spdlog::warn("testing clock: {}", test_clock->Describe());
  }
  Clock& clock = test_clock ? *test_clock : Clock::Real();
  domain::OfficeDirectory directory(offices, clock);
  domain::PinIssuer pins(keys->pin_key());
  domain::RateLimiter intake_limiter(
      absl::GetFlag(FLAGS_intake_rate_per_minute), clock);
  domain::ComplaintIntake intake(complaints, directory, pins, clock,
                                 &intake_limiter);
  domain::ComplaintReader reader(complaints, directory, clock);
  domain::AccessAdmin access_admin(access, complaints, directory, *cipher,
                                   clock);
  auth::Authorizer authorizer(access, clock);
  auto blob_cipher = BlobCipher::Create(keys->blob_key());
  if (!blob_cipher.ok()) return Fail(blob_cipher.status());
  auto blobs = db::FileBlobStore::Open(absl::GetFlag(FLAGS_blob_dir),
                                       *std::move(blob_cipher));
  if (!blobs.ok()) return Fail(blobs.status());
  // Documents stored in clear by an older version get sealed now.
  auto sealed = (*blobs)->SealClearBlobs();
  if (!sealed.ok()) return Fail(sealed.status());
  if (sealed->sealed > 0) {
    spdlog::info("encrypted {} stored documents", sealed->sealed);
  }
  if (sealed->damaged > 0) {
    spdlog::warn(
        "{} stored documents in clear do not match their digest; "
        "left as they are (VerifyArchive reports them)",
        sealed->damaged);
  }
  domain::ComplaintArchive archive(complaints, **blobs, *cipher,
                                   keys->archive_key());
  domain::ComplaintWorkflow workflow(complaints, directory, pins, clock,
                                     &archive);
  api::IntakeService intake_service(authorizer, intake, workflow);
  api::VerificationService verification_service(authorizer, workflow);
  api::DispositionService disposition_service(authorizer, workflow);
  api::ArchiveService archive_service(authorizer, workflow, archive);
  api::ComplaintService complaint_service(authorizer, reader);
  domain::OfficeAdmin office_admin(offices, access, directory, clock);
  api::AdminService admin_service(authorizer, access_admin, office_admin,
                                  directory, offices);
  domain::ComplaintDocuments documents(complaints, **blobs, workflow, clock);
  api::UploadGuard::Limits upload_limits;
  upload_limits.max_uploads = absl::GetFlag(FLAGS_max_uploads);
  upload_limits.max_public_uploads = absl::GetFlag(FLAGS_max_public_uploads);
  upload_limits.header_timeout =
      absl::Seconds(absl::GetFlag(FLAGS_upload_header_timeout_seconds));
  upload_limits.max_duration =
      absl::Seconds(absl::GetFlag(FLAGS_upload_timeout_seconds));
  api::UploadGuard upload_guard(upload_limits);
  api::AttachmentService attachment_service(authorizer, documents,
                                            upload_guard);

  auth::SetDefaultCallDeadline(
      absl::Seconds(absl::GetFlag(FLAGS_default_deadline_seconds)));
  grpc::EnableDefaultHealthCheckService(true);
  // Links the health protocol's descriptor in, so that reflection (and with
  // it grpcurl) can describe and call grpc.health.v1.Health.
  (void)grpc::health::v1::HealthCheckRequest::descriptor();
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(listen, *credentials, &port);
  grpc::ResourceQuota quota("aduand");
  quota.SetMaxThreads(absl::GetFlag(FLAGS_max_threads));
  builder.SetResourceQuota(quota);
  builder.SetMaxReceiveMessageSize(absl::GetFlag(FLAGS_max_message_bytes));
  builder.AddChannelArgument(GRPC_ARG_MAX_METADATA_SIZE,
                             absl::GetFlag(FLAGS_max_metadata_bytes));
  builder.AddChannelArgument(GRPC_ARG_MAX_CONCURRENT_STREAMS,
                             absl::GetFlag(FLAGS_max_concurrent_streams));
  builder.RegisterService(&intake_service);
  builder.RegisterService(&complaint_service);
  builder.RegisterService(&verification_service);
  builder.RegisterService(&disposition_service);
  builder.RegisterService(&archive_service);
  builder.RegisterService(&attachment_service);
  builder.RegisterService(&admin_service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    return Fail(
        absl::UnavailableError(absl::StrCat("cannot listen on ", listen)));
  }
  spdlog::info("aduand serving on port {} (schema v{}, db {})", port, *version,
               db.url().Redacted());
  if (const std::string pf = absl::GetFlag(FLAGS_port_file); !pf.empty()) {
    std::ofstream(pf + ".tmp") << port << "\n";
    std::rename((pf + ".tmp").c_str(), pf.c_str());
  }

  // Health follows the database: NOT_SERVING while it does not answer.
  std::mutex mu;
  std::condition_variable cv;
  bool stopping = false;
  std::thread health([&] {
    grpc::HealthCheckServiceInterface* hc = server->GetHealthCheckService();
    bool last = true;
    absl::Time next_sweep = absl::Now();
    absl::Time next_blob_sweep = absl::Now() + absl::Minutes(5);
    std::unique_lock<std::mutex> lock(mu);
    while (!stopping) {
      lock.unlock();
      const bool ok = db.Ping(absl::Now() + absl::Seconds(2)).ok();
      // Complaints left in NEEDS_INFO past their office's limit are closed;
      // every replica sweeps, the version guard lets one win each.
      if (ok && absl::Now() >= next_sweep) {
        next_sweep =
            absl::Now() + absl::Seconds(absl::GetFlag(FLAGS_sweep_seconds));
        auto closed = workflow.ExpireNeedsInfo(absl::Now() + absl::Seconds(30));
        if (!closed.ok()) {
          spdlog::warn("NEEDS_INFO sweep failed: {}",
                       closed.status().ToString());
        } else if (*closed > 0) {
          spdlog::info("closed {} complaints left in NEEDS_INFO", *closed);
        }
      }
      // Hourly: document bytes that no attachment row names (an upload whose
      // record failed after its blob was written) are not kept.
      if (ok && absl::Now() >= next_blob_sweep) {
        next_blob_sweep = absl::Now() + absl::Hours(1);
        auto removed = documents.SweepUnreferenced(
            absl::Now() + absl::Seconds(60), absl::Hours(1));
        if (!removed.ok()) {
          spdlog::warn("blob sweep failed: {}", removed.status().ToString());
        }
      }
      if (ok != last) {
        spdlog::warn("database is {}", ok ? "reachable again" : "unreachable");
        last = ok;
      }
      lock.lock();
      if (stopping) break;  // the shutdown has said NOT_SERVING
      hc->SetServingStatus(ok);
      cv.wait_for(lock, std::chrono::seconds(2), [&] { return stopping; });
    }
  });

  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  int sig = 0;
  sigwait(&signals, &sig);
  spdlog::info("received {}; finishing in-flight calls",
               sig == SIGTERM ? "SIGTERM" : "SIGINT");
  // Load balancers see NOT_SERVING at once and new calls are refused while
  // in-flight ones finish within the grace period; only then is the
  // background thread (which may be inside a sweep) waited for.
  {
    std::lock_guard<std::mutex> lock(mu);
    stopping = true;
    server->GetHealthCheckService()->SetServingStatus(false);
  }
  cv.notify_all();
  server->Shutdown(
      std::chrono::system_clock::now() +
      std::chrono::seconds(absl::GetFlag(FLAGS_shutdown_grace_seconds)));
  spdlog::debug("server shut down");
  server->Wait();
  health.join();
  spdlog::debug("background thread stopped");
  spdlog::info("stopped");
  return 0;
}

int Migrate() {
  auto database = OpenDatabase();
  if (!database.ok()) return Fail(database.status());
  auto version = db::Migrator(**database).Migrate();
  if (!version.ok()) return Fail(version.status());
  spdlog::info("schema at version {}", *version);
  return 0;
}

int Seed() {
  auto database = OpenDatabase();
  if (!database.ok()) return Fail(database.status());
  auto version = db::Migrator(**database).Migrate();
  if (!version.ok()) return Fail(version.status());
  db::SociOfficeRepository offices(**database);
  auto seeded = db::SeedKanigaran(offices, absl::Now());
  if (!seeded.ok()) return Fail(seeded.status());
  spdlog::info(*seeded ? "seeded Kecamatan Kanigaran (KNG)"
                       : "Kecamatan Kanigaran (KNG) already present");
  return 0;
}

int BootstrapAdmin() {
  auto database = OpenDatabase();
  if (!database.ok()) return Fail(database.status());
  db::Database& db = **database;
  auto keys = KeyRing::Load(absl::GetFlag(FLAGS_key_file),
                            db.dialect() == db::Dialect::kSqlite);
  if (!keys.ok()) return Fail(keys.status());
  auto version = db::Migrator(db).Migrate();
  if (!version.ok()) return Fail(version.status());
  auto cipher = PiiCipher::Create(keys->pii_key(), keys->index_key());
  if (!cipher.ok()) return Fail(cipher.status());
  db::SociOfficeRepository offices(db);
  db::SociComplaintRepository complaints(db, *cipher);
  db::SociAccessRepository access(db);
  if (db.dialect() == db::Dialect::kSqlite) {
    auto seeded = db::SeedKanigaran(offices, absl::Now());
    if (!seeded.ok()) return Fail(seeded.status());
  }
  domain::OfficeDirectory directory(offices, Clock::Real());
  domain::AccessAdmin admin(access, complaints, directory, *cipher,
                            Clock::Real());
  const absl::Time deadline = absl::Now() + absl::Seconds(30);
  const std::string name = absl::GetFlag(FLAGS_name);
  const db::RoleBindingRecord binding{domain::kAdmin,
                                      absl::GetFlag(FLAGS_office), "", ""};
  // Reuse the principal when it exists (a lost admin token).
  std::string id;
  auto list = admin.ListPrincipals(deadline, nullptr, "", "", 100000);
  if (!list.ok()) return Fail(list.status());
  for (const auto& p : *list) {
    if (p.name == name) id = p.id;
  }
  if (id.empty()) {
    db::PrincipalRecord p;
    p.name = name;
    p.display_name = "Administrator";
    p.bindings = {binding};
    auto created = admin.CreatePrincipal(deadline, nullptr, p);
    if (!created.ok()) return Fail(created.status());
    id = created->id;
  } else {
    auto p = admin.GetPrincipal(deadline, nullptr, id);
    if (!p.ok()) return Fail(p.status());
    if (p->disabled) {  // a lost admin is also a working admin again
      db::PrincipalRecord enable;
      enable.id = id;
      auto enabled =
          admin.UpdatePrincipal(deadline, nullptr, enable, {"disabled"});
      if (!enabled.ok()) return Fail(enabled.status());
    }
    bool has = false;
    for (const auto& b : p->bindings) has |= b == binding;
    if (!has) {
      if (absl::Status s = access.AddBinding(deadline, id, binding,
                                             ToUnixMicrosLL(absl::Now()));
          !s.ok()) {
        return Fail(s);
      }
    }
  }
  auto token = admin.IssueToken(deadline, nullptr, id, "bootstrap",
                                absl::ZeroDuration());
  if (!token.ok()) return Fail(token.status());
  // The only place a token is printed: stdout, once, for the operator.
  std::printf("principal_id: %s\ntoken: %s\n", id.c_str(),
              token->secret.c_str());
  return 0;
}

int KeyGen() {
  auto keys = KeyRing::Load(absl::GetFlag(FLAGS_key_file), true);
  if (!keys.ok()) return Fail(keys.status());
  spdlog::info("key file {} is ready", absl::GetFlag(FLAGS_key_file));
  return 0;
}

}  // namespace
}  // namespace aduan

int main(int argc, char** argv) {
  // Everything aduand creates is its own: the database and its -wal and -shm
  // files hold names and phone numbers, the blobs identity documents, the
  // key file the keys. Files 0600, folders 0700 (existing ones keep their
  // mode; the README says what each needs).
  umask(077);
  // Signals are taken by sigwait in Serve; block them before any thread
  // starts so that every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  absl::SetProgramUsageMessage(
      "the Aduan complaint server.\n\n"
      "Usage: aduand [COMMAND] [--flag=value ...]\n\n"
      "Commands:\n"
      "  serve            serve the gRPC API (the default)\n"
      "  migrate          bring the database schema up to date, then exit\n"
      "  seed             add Kecamatan Kanigaran (KNG) unless present\n"
      "  keygen           create the key file (--key_file) unless present\n"
      "  bootstrap-admin  create the first administrator (--name, --office)"
      " and print its token once\n\n"
      "Every flag below also reads the ADUAN_* environment variable named "
      "in its help; --helpfull adds gRPC's and abseil's own flags.");
  // --help lists the flags of this file (abseil would look for a file named
  // after the program and find none).
  absl::FlagsUsageConfig usage;
  usage.contains_help_flags = [](absl::string_view file) {
    return absl::EndsWith(file, "server/main.cc");
  };
  usage.contains_helpshort_flags = usage.contains_help_flags;
  absl::SetFlagsUsageConfig(usage);
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  if (absl::Status s = aduan::InitLogging(absl::GetFlag(FLAGS_log_level));
      !s.ok()) {
    std::fprintf(stderr, "%s\n", std::string(s.message()).c_str());
    return 2;
  }
  gpr_set_log_function(GrpcLogToSpdlog);
  const std::string command = args.size() > 1 ? args[1] : "serve";
  if (args.size() > 2) {
    spdlog::critical("unexpected argument {}", args[2]);
    return 2;
  }
  if (command == "serve") return aduan::Serve();
  if (command == "migrate") return aduan::Migrate();
  if (command == "seed") return aduan::Seed();
  if (command == "keygen") return aduan::KeyGen();
  if (command == "bootstrap-admin") return aduan::BootstrapAdmin();
  spdlog::critical(
      "unknown command {} (serve, migrate, seed, keygen, bootstrap-admin)",
      command);
  return 2;
}
