// Everything aduand is told at start, from its flags and their ADUAN_*
// environment variables, in one value: the flags are defined in options.cc
// and read only by ServerOptions::FromFlags, so the rest of the program
// takes options, never flags.
#ifndef ADUAN_SERVER_APP_OPTIONS_H_
#define ADUAN_SERVER_APP_OPTIONS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace aduan::app {

struct ServerOptions {
  // Serving.
  std::string listen;  // host:port; plaintext only on loopback
  std::string port_file;
  std::string tls_cert, tls_key, tls_client_ca;  // PEM files
  int max_threads = 64;
  int max_concurrent_streams = 16;  // per connection, ≤ max_threads / 4
  int max_message_bytes = 0;
  int max_metadata_bytes = 0;
  absl::Duration default_deadline;
  absl::Duration shutdown_grace;
  int intake_rate_per_minute = 0;  // per principal and process; 0: off
  // Uploads.
  int max_uploads = 16;
  int max_public_uploads = 4;
  absl::Duration upload_header_timeout;
  absl::Duration upload_timeout;
  // Storage.
  std::string db_url;
  int db_pool_size = 8;
  absl::Duration db_wait;  // serve: zero waits for the database for ever
  std::string key_file;
  std::string blob_dir;
  // Background work (server/app/periodic_tasks.h).
  absl::Duration health_interval;      // the database ping behind health
  absl::Duration sweep_interval;       // NEEDS_INFO past its limit
  absl::Duration blob_sweep_interval;  // documents no row names
  // Tests only (loopback only): the server's clock.
  std::string testing_clock;
  std::string testing_clock_offset_file;
  // bootstrap-admin.
  std::string admin_name;
  std::string admin_office;
  bool admin_new_token = false;  // may reuse an existing principal
  std::string log_level;

  // From the flags (after absl::ParseCommandLine). Errors:
  // kInvalidArgument naming the flag whose value is out of its range.
  static absl::StatusOr<ServerOptions> FromFlags();
};

// Whether `address` is on loopback (127.*, [::1], localhost).
bool IsLoopback(const std::string& address);

// The file whose flags `aduand --help` lists.
inline constexpr char kFlagsFile[] = "server/app/options.cc";

}  // namespace aduan::app

#endif  // ADUAN_SERVER_APP_OPTIONS_H_
