#include "server/app/serve.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <signal.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "common/blob_cipher.h"
#include "common/clock.h"
#include "common/status_macros.h"
#include "common/test_clock.h"
#include "db/file_blob_store.h"
#include "grpc/health/v1/health.pb.h"
#include "server/api/admin_service.h"
#include "server/api/archive_service.h"
#include "server/api/attachment_service.h"
#include "server/api/complaint_service.h"
#include "server/api/disposition_service.h"
#include "server/api/intake_service.h"
#include "server/api/upload_guard.h"
#include "server/api/verification_service.h"
#include "server/app/listen_alone.h"
#include "server/app/periodic_tasks.h"
#include "server/app/storage.h"
#include "server/app/waiting_server.h"
#include "server/auth/authorizer.h"
#include "server/auth/call_context.h"
#include "server/domain/access_admin.h"
#include "server/domain/complaint_archive.h"
#include "server/domain/complaint_documents.h"
#include "server/domain/complaint_intake.h"
#include "server/domain/complaint_reader.h"
#include "server/domain/complaint_workflow.h"
#include "server/domain/office_admin.h"
#include "server/domain/office_directory.h"
#include "server/domain/pin_issuer.h"
#include "server/domain/rate_limiter.h"

namespace aduan::app {
namespace {

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
    const ServerOptions& o) {
  if (o.tls_cert.empty() != o.tls_key.empty()) {
    return absl::InvalidArgumentError("--tls_cert and --tls_key go together");
  }
  if (o.tls_cert.empty()) {
    if (!IsLoopback(o.listen)) {
      return absl::FailedPreconditionError(absl::StrCat(
          "--listen=", o.listen,
          ": plaintext is allowed on loopback only; give --tls_cert and "
          "--tls_key"));
    }
    // Enforces loopback peers and lets clients send call credentials.
    return grpc::experimental::LocalServerCredentials(LOCAL_TCP);
  }
  ASSIGN_OR_RETURN(std::string cert_pem, ReadFile("tls_cert", o.tls_cert));
  ASSIGN_OR_RETURN(std::string key_pem, ReadFile("tls_key", o.tls_key));
  grpc::SslServerCredentialsOptions options(
      o.tls_client_ca.empty() ? GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE
                              : GRPC_SSL_REQUEST_CLIENT_CERTIFICATE_AND_VERIFY);
  if (!o.tls_client_ca.empty()) {
    ASSIGN_OR_RETURN(options.pem_root_certs,
                     ReadFile("tls_client_ca", o.tls_client_ca));
  }
  options.pem_key_cert_pairs.push_back({key_pem, cert_pem});
  return grpc::SslServerCredentials(options);
}

// Tests pin or move the server's time; never in a deployment.
absl::StatusOr<std::unique_ptr<TestClock>> TestingClock(
    const ServerOptions& o) {
  if (o.testing_clock.empty() && o.testing_clock_offset_file.empty()) {
    return nullptr;
  }
  if (!IsLoopback(o.listen)) {
    return absl::FailedPreconditionError(
        "--testing_clock and --testing_clock_offset_file: for tests on "
        "loopback only");
  }
  ASSIGN_OR_RETURN(
      std::unique_ptr<TestClock> clock,
      TestClock::Create(o.testing_clock, o.testing_clock_offset_file));
  spdlog::warn("testing clock: {}", clock->Describe());
  return clock;
}

// The documents' store, with what older versions left in clear sealed.
absl::StatusOr<std::unique_ptr<db::FileBlobStore>> OpenBlobs(
    const ServerOptions& o, const KeyRing& keys) {
  ASSIGN_OR_RETURN(BlobCipher cipher,
                   BlobCipher::Create(keys.blob_key(), keys.key_id()));
  ASSIGN_OR_RETURN(std::unique_ptr<db::FileBlobStore> blobs,
                   db::FileBlobStore::Open(o.blob_dir, std::move(cipher)));
  ASSIGN_OR_RETURN(db::FileBlobStore::SealReport sealed,
                   blobs->SealClearBlobs());
  if (sealed.sealed > 0) {
    spdlog::info("encrypted {} stored documents", sealed.sealed);
  }
  if (sealed.unreadable > 0) {
    spdlog::warn("{} stored documents could not be read; left as they are",
                 sealed.unreadable);
  }
  if (sealed.damaged > 0) {
    spdlog::warn(
        "{} stored documents in clear do not match their digest; left as "
        "they are (VerifyArchive reports them)",
        sealed.damaged);
  }
  return blobs;
}

// Written whole or not at all: a reader never sees a partial port.
absl::Status WritePortFile(const std::string& path, int port) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp);
    out << port << "\n";
    out.flush();
    if (!out) {
      return absl::UnavailableError(
          absl::StrCat("--port_file=", path, ": cannot write ", tmp));
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return absl::UnavailableError(
        absl::StrCat("--port_file=", path, ": cannot rename ", tmp));
  }
  return absl::OkStatus();
}

// Waits up to `pause` for SIGTERM or SIGINT; returns which, or 0.
int StopSignalWithin(absl::Duration pause) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  const timespec timeout = absl::ToTimespec(pause);
  const int sig = sigtimedwait(&signals, nullptr, &timeout);
  return sig > 0 ? sig : 0;
}

// The storage, once the database answers. A database that does not answer
// yet (kUnavailable) is waited for with growing pauses (1 s up to 30 s), at
// most --db_wait_seconds (zero: as long as it takes); meanwhile `*waiting`
// holds the address (and the port file names it), and SIGTERM or SIGINT
// ends the wait (kCancelled). Every other error ends it at once.
absl::StatusOr<std::unique_ptr<Storage>> OpenStorageWhenReachable(
    const ServerOptions& o,
    const std::shared_ptr<grpc::ServerCredentials>& credentials,
    std::unique_ptr<WaitingServer>* waiting, std::string* listen) {
  const absl::Time give_up = o.db_wait > absl::ZeroDuration()
                                 ? absl::Now() + o.db_wait
                                 : absl::InfiniteFuture();
  absl::Duration pause = absl::Seconds(1);
  for (;;) {
    absl::StatusOr<std::unique_ptr<Storage>> storage =
        Storage::Open(o, Creation::kWithItsKey);
    if (storage.ok() || !absl::IsUnavailable(storage.status())) {
      return storage;
    }
    if (absl::Now() + pause > give_up) {
      return absl::UnavailableError(absl::StrCat(
          storage.status().message(),
          " within --db_wait_seconds=", absl::ToInt64Seconds(o.db_wait)));
    }
    if (*waiting == nullptr) {
      int port = 0;
      ASSIGN_OR_RETURN(*waiting,
                       WaitingServer::Start(o.listen, credentials, &port));
      *listen = WithPort(o.listen, port);
      if (!o.port_file.empty()) {
        RETURN_IF_ERROR(WritePortFile(o.port_file, port));
      }
      spdlog::warn("{}; waiting for it, NOT_SERVING on port {} meanwhile",
                   std::string(storage.status().message()), port);
    }
    if (const int sig = StopSignalWithin(pause); sig != 0) {
      return absl::CancelledError(
          absl::StrCat("received ", sig == SIGTERM ? "SIGTERM" : "SIGINT",
                       " while waiting for the database"));
    }
    pause = std::min(pause * 2, absl::Seconds(30));
  }
}

// Blocks until SIGTERM or SIGINT; returns which.
int AwaitStopSignal() {
  for (;;) {
    if (const int sig = StopSignalWithin(absl::Hours(1)); sig != 0) return sig;
  }
}

}  // namespace

absl::Status Serve(const ServerOptions& o) {
  ASSIGN_OR_RETURN(auto credentials, ServerCredentials(o));
  std::unique_ptr<WaitingServer> waiting;
  std::string listen = o.listen;
  absl::StatusOr<std::unique_ptr<Storage>> opened =
      OpenStorageWhenReachable(o, credentials, &waiting, &listen);
  if (absl::IsCancelled(opened.status())) {
    spdlog::info("{}; stopped", std::string(opened.status().message()));
    return absl::OkStatus();
  }
  RETURN_IF_ERROR(opened.status());
  std::unique_ptr<Storage> storage = *std::move(opened);
  ASSIGN_OR_RETURN(std::unique_ptr<TestClock> test_clock, TestingClock(o));
  Clock& clock = test_clock ? *test_clock : Clock::Real();
  ASSIGN_OR_RETURN(std::unique_ptr<db::FileBlobStore> blobs,
                   OpenBlobs(o, storage->keys()));
  db::SociComplaintRepository& complaints = storage->complaints();

  // The domain.
  domain::OfficeDirectory directory(storage->offices(), clock);
  domain::PinIssuer pins(storage->keys().pin_key());
  domain::RateLimiter intake_limiter(o.intake_rate_per_minute, clock);
  domain::ComplaintIntake intake(complaints, directory, pins, clock,
                                 &intake_limiter);
  domain::ComplaintReader reader(complaints, directory, clock);
  domain::AccessAdmin access_admin(storage->access(), complaints, directory,
                                   storage->cipher(), clock);
  domain::ComplaintArchive archive(complaints, *blobs, storage->cipher(),
                                   storage->keys().archive_key());
  domain::ComplaintWorkflow workflow(complaints, directory, pins, clock,
                                     &archive);
  domain::OfficeAdmin office_admin(storage->offices(), storage->access(),
                                   directory, clock);
  domain::ComplaintDocuments documents(complaints, *blobs, workflow, clock);

  // The API.
  auth::Authorizer authorizer(storage->access(), clock);
  api::IntakeService intake_service(authorizer, intake, workflow);
  api::VerificationService verification_service(authorizer, workflow);
  api::DispositionService disposition_service(authorizer, workflow);
  api::ArchiveService archive_service(authorizer, workflow, archive);
  api::ComplaintService complaint_service(authorizer, reader);
  api::AdminService admin_service(authorizer, access_admin, office_admin);
  api::UploadGuard::Limits upload_limits;
  upload_limits.max_uploads = o.max_uploads;
  upload_limits.max_public_uploads = o.max_public_uploads;
  upload_limits.header_timeout = o.upload_header_timeout;
  upload_limits.max_duration = o.upload_timeout;
  api::UploadGuard upload_guard(upload_limits);
  api::AttachmentService attachment_service(authorizer, documents,
                                            upload_guard);

  auth::SetDefaultCallDeadline(o.default_deadline);
  grpc::EnableDefaultHealthCheckService(true);
  // Links the health protocol's descriptor in, so that reflection (and with
  // it grpcurl) can describe and call grpc.health.v1.Health.
  (void)grpc::health::v1::HealthCheckRequest::descriptor();
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  int port = 0;
  ListenAlone(builder, listen, credentials, &port);
  grpc::ResourceQuota quota("aduand");
  quota.SetMaxThreads(o.max_threads);
  builder.SetResourceQuota(quota);
  builder.SetMaxReceiveMessageSize(o.max_message_bytes);
  builder.AddChannelArgument(GRPC_ARG_MAX_METADATA_SIZE, o.max_metadata_bytes);
  builder.AddChannelArgument(GRPC_ARG_MAX_CONCURRENT_STREAMS,
                             o.max_concurrent_streams);
  for (grpc::Service* service : std::initializer_list<grpc::Service*>{
           &intake_service, &complaint_service, &verification_service,
           &disposition_service, &archive_service, &attachment_service,
           &admin_service}) {
    builder.RegisterService(service);
  }
  waiting.reset();  // frees the address for the real server
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) return CannotListen(o.listen);
  spdlog::info("aduand serving on port {} (schema v{}, db {})", port,
               storage->schema_version(), storage->database().url().Redacted());
  if (!o.port_file.empty()) RETURN_IF_ERROR(WritePortFile(o.port_file, port));

  // Background work. Health follows the database: NOT_SERVING while it
  // does not answer, and from the moment the stop begins.
  std::mutex health_mu;
  bool stopping = false;
  bool reachable = true;
  grpc::HealthCheckServiceInterface* health = server->GetHealthCheckService();
  auto database_reachable = [&] {
    std::lock_guard<std::mutex> lock(health_mu);
    return reachable;
  };
  // After everything its tasks use, so that it is destroyed (and stopped)
  // first.
  PeriodicTasks tasks;
  tasks.Add("health", o.health_interval, absl::ZeroDuration(), [&] {
    const bool ok =
        storage->database().Ping(absl::Now() + absl::Seconds(2)).ok();
    std::lock_guard<std::mutex> lock(health_mu);
    if (ok != reachable) {
      spdlog::warn("database is {}", ok ? "reachable again" : "unreachable");
      reachable = ok;
    }
    if (!stopping) health->SetServingStatus(ok);
  });
  // Complaints left in NEEDS_INFO past their office's limit are closed;
  // every replica sweeps, the version guard lets one win each.
  tasks.Add("needs-info sweep", o.sweep_interval, absl::ZeroDuration(), [&] {
    if (!database_reachable()) return;
    auto closed = workflow.ExpireNeedsInfo(absl::Now() + absl::Seconds(30));
    if (!closed.ok()) {
      spdlog::warn("NEEDS_INFO sweep failed: {}", closed.status().ToString());
    } else if (*closed > 0) {
      spdlog::info("closed {} complaints left in NEEDS_INFO", *closed);
    }
  });
  // Document bytes that no attachment row names (an upload whose record
  // failed after its blob was written) are not kept.
  tasks.Add("document sweep", o.blob_sweep_interval, absl::Minutes(5), [&] {
    if (!database_reachable()) return;
    auto removed = documents.SweepUnreferenced(absl::Now() + absl::Seconds(60),
                                               absl::Hours(1));
    if (!removed.ok()) {
      spdlog::warn("blob sweep failed: {}", removed.status().ToString());
    }
  });
  tasks.Start();

  const int sig = AwaitStopSignal();
  spdlog::info("received {}; finishing in-flight calls",
               sig == SIGTERM ? "SIGTERM" : "SIGINT");
  // Load balancers see NOT_SERVING at once and new calls are refused while
  // in-flight ones finish within the grace period; only then are the
  // background tasks (one may be inside a sweep) waited for.
  {
    std::lock_guard<std::mutex> lock(health_mu);
    stopping = true;
    health->SetServingStatus(false);
  }
  server->Shutdown(std::chrono::system_clock::now() +
                   absl::ToChronoSeconds(o.shutdown_grace));
  spdlog::debug("server shut down");
  server->Wait();
  tasks.Stop();
  spdlog::debug("background tasks stopped");
  spdlog::info("stopped");
  return absl::OkStatus();
}

}  // namespace aduan::app
