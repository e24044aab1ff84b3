#include "server/app/options.h"

#include <cstdio>
#include <cstdlib>

#include "absl/flags/flag.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

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

}  // namespace

ABSL_FLAG(std::string, listen, EnvOr("ADUAN_LISTEN", "127.0.0.1:50051"),
          "Address to serve on (env ADUAN_LISTEN). Plaintext is allowed on "
          "loopback only.");
ABSL_FLAG(std::string, db, EnvOr("ADUAN_DB", "sqlite://var/aduan.db"),
          "Database URL (env ADUAN_DB): sqlite:///abs/path.db, "
          "sqlite://relative/path.db or mysql://user:pass@host:3306/db"
          "[?socket=/path].");
ABSL_FLAG(int, db_wait_seconds, EnvOrInt("ADUAN_DB_WAIT_SECONDS", 0),
          "serve: how long to wait at start for a database that does not "
          "answer (health NOT_SERVING, calls UNAVAILABLE meanwhile) before "
          "giving up; 0 waits as long as it takes (env "
          "ADUAN_DB_WAIT_SECONDS).");
ABSL_FLAG(int, db_pool_size, EnvOrInt("ADUAN_DB_POOL_SIZE", 8),
          "Database connections (env ADUAN_DB_POOL_SIZE).");
ABSL_FLAG(std::string, key_file, EnvOr("ADUAN_KEY_FILE", "var/aduan.key"),
          "Secret key file, mode 0600 (env ADUAN_KEY_FILE). Created on first "
          "start for SQLite; for MySQL create it once with `aduand keygen` "
          "and give every replica the same file.");
ABSL_FLAG(std::string, blob_dir, EnvOr("ADUAN_BLOB_DIR", "var/blobs"),
          "Folder of the attached documents' bytes (content-addressed; may be "
          "shared by several aduand processes) (env ADUAN_BLOB_DIR).");
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
ABSL_FLAG(int, health_seconds, EnvOrInt("ADUAN_HEALTH_SECONDS", 2),
          "How often the database is pinged for the health service "
          "(env ADUAN_HEALTH_SECONDS).");
ABSL_FLAG(int, blob_sweep_seconds, EnvOrInt("ADUAN_BLOB_SWEEP_SECONDS", 3600),
          "How often stored documents that no attachment names (and older "
          "than an hour) are removed (env ADUAN_BLOB_SWEEP_SECONDS).");
ABSL_FLAG(std::string, config, "",
          "Configuration file: `name = value` lines of these settings "
          "(env ADUAN_CONFIG; default /etc/aduan/aduand.conf when it "
          "exists). The command line, then ADUAN_* variables, win over it.");
ABSL_FLAG(std::string, name, "admin", "bootstrap-admin: the principal's name.");
ABSL_FLAG(bool, new_token, false,
          "bootstrap-admin: issue another token to an existing principal "
          "(a lost token); without it an existing name is refused.");
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

namespace aduan::app {
namespace {

absl::Status AtLeast(const char* flag, int value, int least) {
  if (value >= least) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("--", flag, "=", value, ": must be at least ", least));
}

}  // namespace

bool IsLoopback(const std::string& address) {
  return absl::StartsWith(address, "127.") ||
         absl::StartsWith(address, "[::1]") ||
         absl::StartsWith(address, "localhost:");
}

absl::StatusOr<ServerOptions> ServerOptions::FromFlags() {
  ServerOptions o;
  o.listen = absl::GetFlag(FLAGS_listen);
  o.port_file = absl::GetFlag(FLAGS_port_file);
  o.tls_cert = absl::GetFlag(FLAGS_tls_cert);
  o.tls_key = absl::GetFlag(FLAGS_tls_key);
  o.tls_client_ca = absl::GetFlag(FLAGS_tls_client_ca);
  o.max_threads = absl::GetFlag(FLAGS_max_threads);
  o.max_concurrent_streams = absl::GetFlag(FLAGS_max_concurrent_streams);
  o.max_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
  o.max_metadata_bytes = absl::GetFlag(FLAGS_max_metadata_bytes);
  o.default_deadline =
      absl::Seconds(absl::GetFlag(FLAGS_default_deadline_seconds));
  o.shutdown_grace = absl::Seconds(absl::GetFlag(FLAGS_shutdown_grace_seconds));
  o.intake_rate_per_minute = absl::GetFlag(FLAGS_intake_rate_per_minute);
  o.max_uploads = absl::GetFlag(FLAGS_max_uploads);
  o.max_public_uploads = absl::GetFlag(FLAGS_max_public_uploads);
  o.upload_header_timeout =
      absl::Seconds(absl::GetFlag(FLAGS_upload_header_timeout_seconds));
  o.upload_timeout = absl::Seconds(absl::GetFlag(FLAGS_upload_timeout_seconds));
  o.db_url = absl::GetFlag(FLAGS_db);
  o.db_pool_size = absl::GetFlag(FLAGS_db_pool_size);
  o.db_wait = absl::Seconds(absl::GetFlag(FLAGS_db_wait_seconds));
  o.key_file = absl::GetFlag(FLAGS_key_file);
  o.blob_dir = absl::GetFlag(FLAGS_blob_dir);
  o.health_interval = absl::Seconds(absl::GetFlag(FLAGS_health_seconds));
  o.sweep_interval = absl::Seconds(absl::GetFlag(FLAGS_sweep_seconds));
  o.blob_sweep_interval =
      absl::Seconds(absl::GetFlag(FLAGS_blob_sweep_seconds));
  o.testing_clock = absl::GetFlag(FLAGS_testing_clock);
  o.testing_clock_offset_file = absl::GetFlag(FLAGS_testing_clock_offset_file);
  o.admin_name = absl::GetFlag(FLAGS_name);
  o.admin_office = absl::GetFlag(FLAGS_office);
  o.admin_new_token = absl::GetFlag(FLAGS_new_token);
  o.log_level = absl::GetFlag(FLAGS_log_level);
  if (o.max_concurrent_streams < 1 ||
      o.max_concurrent_streams > o.max_threads / 4) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--max_concurrent_streams=", o.max_concurrent_streams,
        ": must be 1 to a quarter of --max_threads (", o.max_threads / 4,
        "), so that one connection cannot take every handler thread"));
  }
  for (const absl::Status& s :
       {AtLeast("health_seconds", absl::GetFlag(FLAGS_health_seconds), 1),
        AtLeast("sweep_seconds", absl::GetFlag(FLAGS_sweep_seconds), 1),
        AtLeast("blob_sweep_seconds", absl::GetFlag(FLAGS_blob_sweep_seconds),
                1),
        AtLeast("db_wait_seconds", absl::GetFlag(FLAGS_db_wait_seconds), 0)}) {
    if (!s.ok()) return s;
  }
  return o;
}

}  // namespace aduan::app
