#include "aduan/client/channel_factory.h"

#include <grpcpp/security/credentials.h>

#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace aduan::client {
namespace {

absl::StatusOr<std::string> ReadPem(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The host part of `host:port`, `[v6]:port`, without a scheme.
absl::string_view HostOf(absl::string_view address) {
  for (absl::string_view scheme : {"ipv4:", "ipv6:", "dns:///", "dns:"}) {
    if (absl::StartsWith(address, scheme)) {
      address.remove_prefix(scheme.size());
      break;
    }
  }
  if (absl::StartsWith(address, "[")) {
    const size_t end = address.find(']');
    return end == absl::string_view::npos ? address
                                          : address.substr(1, end - 1);
  }
  const size_t colon = address.rfind(':');
  return colon == absl::string_view::npos ? address : address.substr(0, colon);
}

}  // namespace

bool IsLoopbackAddress(const std::string& address) {
  const absl::string_view host = HostOf(address);
  return host == "localhost" || host == "::1" || absl::StartsWith(host, "127.");
}

absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>>
MakeChannelCredentials(const ClientOptions& options) {
  if (options.address.empty()) {
    return absl::InvalidArgumentError("address: must not be empty");
  }
  const bool tls = options.use_tls || !options.tls_root_ca_file.empty() ||
                   !options.tls_client_cert_file.empty() ||
                   !options.tls_client_key_file.empty();
  if (!tls) {
    if (!IsLoopbackAddress(options.address)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "address ", options.address,
          ": plaintext is allowed on loopback only; give a CA file (TLS)"));
    }
    return grpc::experimental::LocalCredentials(LOCAL_TCP);
  }
  if (options.tls_client_cert_file.empty() !=
      options.tls_client_key_file.empty()) {
    return absl::InvalidArgumentError(
        "tls_client_cert_file and tls_client_key_file: give both or neither");
  }
  grpc::SslCredentialsOptions ssl;
  if (!options.tls_root_ca_file.empty()) {
    absl::StatusOr<std::string> roots = ReadPem(options.tls_root_ca_file);
    if (!roots.ok()) return roots.status();
    ssl.pem_root_certs = *std::move(roots);
  }
  if (!options.tls_client_cert_file.empty()) {
    absl::StatusOr<std::string> cert = ReadPem(options.tls_client_cert_file);
    if (!cert.ok()) return cert.status();
    absl::StatusOr<std::string> key = ReadPem(options.tls_client_key_file);
    if (!key.ok()) return key.status();
    ssl.pem_cert_chain = *std::move(cert);
    ssl.pem_private_key = *std::move(key);
  }
  return grpc::SslCredentials(ssl);
}

absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeChannel(
    const ClientOptions& options) {
  absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> credentials =
      MakeChannelCredentials(options);
  if (!credentials.ok()) return credentials.status();
  grpc::ChannelArguments args;
  if (!options.tls_server_name.empty()) {
    args.SetSslTargetNameOverride(options.tls_server_name);
  }
  // Messages of up to 1 MiB + headroom both ways (attachment chunks).
  args.SetMaxReceiveMessageSize(4 * 1024 * 1024);
  return grpc::CreateCustomChannel(options.address, *credentials, args);
}

}  // namespace aduan::client
