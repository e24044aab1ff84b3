// aduand: the Aduan gRPC server. The commands and their wiring; the
// configuration file (server/app/config_file.h), the environment and the
// flags are read once into ServerOptions (server/app/options.h).
//
//   aduand [serve]   migrate, (SQLite: seed a fresh database), serve
//                    (server/app/serve.h); creates a SQLite database only
//                    for a new installation (no key file either)
//   aduand migrate   apply schema migrations (creating a missing SQLite
//                    database) and exit
//   aduand seed      add Kecamatan Kanigaran unless present, and exit
//   aduand keygen    create the key file (mode 0600) and exit
//   aduand bootstrap-admin --name=N --office=KNG [--new_token]
//                    create principal N with role ADMIN in the office and
//                    print a bearer token, once; an existing N only with
//                    --new_token (a lost token)
#include <grpc/support/log.h>
#include <signal.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <cstdio>
#include <string>
#include <vector>

#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/clock.h"
#include "common/key_ring.h"
#include "common/logging.h"
#include "common/status_macros.h"
#include "db/migrator.h"
#include "db/seeder.h"
#include "db/soci_office_repository.h"
#include "server/app/config_file.h"
#include "server/app/options.h"
#include "server/app/serve.h"
#include "server/app/storage.h"
#include "server/domain/access_admin.h"
#include "server/domain/office_directory.h"

namespace aduan {
namespace {

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

absl::Status Migrate(const app::ServerOptions& o) {
  ASSIGN_OR_RETURN(auto database, app::OpenDatabase(o, app::Creation::kAlways));
  ASSIGN_OR_RETURN(int version, db::Migrator(*database).Migrate());
  spdlog::info("schema at version {}", version);
  return absl::OkStatus();
}

absl::Status Seed(const app::ServerOptions& o) {
  ASSIGN_OR_RETURN(auto database, app::OpenDatabase(o, app::Creation::kNever));
  RETURN_IF_ERROR(db::Migrator(*database).Migrate().status());
  db::SociOfficeRepository offices(*database);
  ASSIGN_OR_RETURN(bool seeded, db::SeedKanigaran(offices, absl::Now()));
  spdlog::info(seeded ? "seeded Kecamatan Kanigaran (KNG)"
                      : "Kecamatan Kanigaran (KNG) already present");
  return absl::OkStatus();
}

absl::Status BootstrapAdmin(const app::ServerOptions& o) {
  ASSIGN_OR_RETURN(auto storage, app::Storage::Open(o, app::Creation::kNever));
  domain::OfficeDirectory directory(storage->offices(), Clock::Real());
  domain::AccessAdmin admin(storage->access(), storage->complaints(), directory,
                            storage->cipher(), Clock::Real());
  ASSIGN_OR_RETURN(
      domain::AccessAdmin::Bootstrapped made,
      admin.BootstrapAdmin(absl::Now() + absl::Seconds(30), o.admin_name,
                           o.admin_office, o.admin_new_token));
  // The only place a token is printed: stdout, once, for the operator.
  std::printf("principal_id: %s\ntoken: %s\n", made.principal_id.c_str(),
              made.token.secret.c_str());
  return absl::OkStatus();
}

// Makes a new key file; never overwrites one (a database written under a
// key needs that key).
absl::Status KeyGen(const app::ServerOptions& o) {
  if (absl::StatusOr<KeyRing> existing = KeyRing::Load(o.key_file, false);
      !absl::IsNotFound(existing.status())) {
    if (!existing.ok()) return existing.status();
    return absl::AlreadyExistsError(absl::StrCat(
        "key_file: ", o.key_file, " exists (key ", existing->key_id(),
        "); keygen never overwrites a key file"));
  }
  ASSIGN_OR_RETURN(KeyRing keys, KeyRing::Load(o.key_file, true));
  spdlog::info("key file {} made (key {})", o.key_file, keys.key_id());
  return absl::OkStatus();
}

bool IsCommand(const std::string& command) {
  return command == "serve" || command == "migrate" || command == "seed" ||
         command == "keygen" || command == "bootstrap-admin";
}

absl::Status Run(const std::string& command, const app::ServerOptions& o) {
  if (command == "serve") return app::Serve(o);
  if (command == "migrate") return Migrate(o);
  if (command == "seed") return Seed(o);
  if (command == "keygen") return KeyGen(o);
  return BootstrapAdmin(o);
}

}  // namespace
}  // namespace aduan

int main(int argc, char** argv) {
  // Everything aduand creates is its own: the database and its -wal and -shm
  // files hold names and phone numbers, the blobs identity documents, the
  // key file the keys. Files 0600, folders 0700 (existing ones keep their
  // mode; the README says what each needs).
  umask(077);
  // Signals are taken by sigtimedwait in Serve; block them before any thread
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
      "in its help, and a `name = value` line of the configuration file "
      "(--config); the command line wins over the environment, which wins "
      "over the file. --helpfull adds gRPC's and abseil's own flags.");
  // --help lists the flags of this file (abseil would look for a file named
  // after the program and find none).
  absl::FlagsUsageConfig usage;
  usage.contains_help_flags = [](absl::string_view file) {
    return absl::EndsWith(file, aduan::app::kFlagsFile);
  };
  usage.contains_helpshort_flags = usage.contains_help_flags;
  absl::SetFlagsUsageConfig(usage);
  // The configuration file sets flags first; the environment and then the
  // command line win over it.
  if (absl::Status s =
          aduan::app::ApplyConfigFile(aduan::app::ChooseConfigFile(argc, argv));
      !s.ok()) {
    std::fprintf(stderr, "aduand: %s\n", std::string(s.message()).c_str());
    return 1;
  }
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  absl::StatusOr<aduan::app::ServerOptions> options =
      aduan::app::ServerOptions::FromFlags();
  if (!options.ok()) {
    std::fprintf(stderr, "aduand: %s\n",
                 std::string(options.status().message()).c_str());
    return 1;
  }
  if (absl::Status s = aduan::InitLogging(options->log_level); !s.ok()) {
    std::fprintf(stderr, "%s\n", std::string(s.message()).c_str());
    return 2;
  }
  gpr_set_log_function(aduan::GrpcLogToSpdlog);
  const std::string command = args.size() > 1 ? args[1] : "serve";
  if (args.size() > 2) {
    spdlog::critical("unexpected argument {}", args[2]);
    return 2;
  }
  if (!aduan::IsCommand(command)) {
    spdlog::critical(
        "unknown command {} (serve, migrate, seed, keygen, bootstrap-admin)",
        command);
    return 2;
  }
  if (absl::Status s = aduan::Run(command, *options); !s.ok()) {
    spdlog::critical("{}", std::string(s.message()));
    return 1;
  }
  return 0;
}
