#include "aduan/client/client_options.h"

#include <cstdlib>

namespace aduan::client {
namespace {

std::string Env(const char* name, const std::string& fallback = "") {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::string(value) : fallback;
}

}  // namespace

ClientOptions ClientOptions::FromEnvironment() {
  ClientOptions options;
  options.address = Env("ADUAN_ADDR", "127.0.0.1:50051");
  options.token = Env("ADUAN_TOKEN");
  options.tls_root_ca_file = Env("ADUAN_CA_FILE");
  options.tls_client_cert_file = Env("ADUAN_CLIENT_CERT");
  options.tls_client_key_file = Env("ADUAN_CLIENT_KEY");
  return options;
}

}  // namespace aduan::client
