// ClientOptions: where the server is, how to reach it, who calls, and how
// long and how often calls are tried.
#ifndef ADUAN_CLIENT_CLIENT_OPTIONS_H_
#define ADUAN_CLIENT_CLIENT_OPTIONS_H_

#include <string>

#include "absl/time/time.h"
#include "aduan/client/retry_policy.h"

namespace aduan::client {

// The transport is chosen from the fields:
// - TLS when `use_tls` is set or any of the tls_* files is given: the server
//   certificate is checked against `tls_root_ca_file` (the system roots when
//   empty); with `tls_client_cert_file` and `tls_client_key_file` the client
//   also presents a certificate (mTLS; the server maps its common name to a
//   principal).
// - Otherwise the address must be a loopback address (`127.x.x.x:port`,
//   `[::1]:port`, `localhost:port`) and the channel uses gRPC's local
//   credentials (LOCAL_TCP), which aduand accepts on loopback. Any other
//   address without TLS is refused by Client::Create (INVALID_ARGUMENT).
struct ClientOptions {
  // `host:port` of aduand, e.g. `127.0.0.1:50051`. Required.
  std::string address;
  // Bearer token (`adn_…`), sent as `authorization: Bearer <token>` metadata
  // on every call; empty sends none (the citizen's calls with a PIN).
  std::string token;

  // Use TLS even when no file below is given (system root certificates).
  bool use_tls = false;
  // PEM file of the certificate authorities trusted for the server.
  std::string tls_root_ca_file;
  // PEM files of the client certificate and its key (mTLS), both or none.
  std::string tls_client_cert_file;
  std::string tls_client_key_file;
  // Host name expected in the server certificate when it differs from the
  // address (tests, access by IP); empty: the address's host.
  std::string tls_server_name;

  // Deadline of each attempt of a call (a streaming call as a whole).
  absl::Duration default_deadline = absl::Seconds(30);
  // Which failures are retried and how.
  RetryPolicy retry;

  // Options from the environment: ADUAN_ADDR (default `127.0.0.1:50051`),
  // ADUAN_TOKEN, ADUAN_CA_FILE, ADUAN_CLIENT_CERT, ADUAN_CLIENT_KEY.
  static ClientOptions FromEnvironment();
};

}  // namespace aduan::client

#endif  // ADUAN_CLIENT_CLIENT_OPTIONS_H_
