// Channels to aduand built from ClientOptions (TLS, mTLS or local
// credentials on loopback).
#ifndef ADUAN_CLIENT_CHANNEL_FACTORY_H_
#define ADUAN_CLIENT_CHANNEL_FACTORY_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "aduan/client/client_options.h"

namespace aduan::client {

// True for `127.x.x.x:port`, `[::1]:port` and `localhost:port` (with or
// without an `ipv4:`/`ipv6:`/`dns:` scheme).
bool IsLoopbackAddress(const std::string& address);

// The channel credentials the options ask for (see ClientOptions).
// Errors: INVALID_ARGUMENT (empty address, plaintext off loopback, only one
// of client certificate and key), NOT_FOUND (a PEM file cannot be read).
absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>>
MakeChannelCredentials(const ClientOptions& options);

// A channel to options.address with those credentials. Connects lazily: an
// unreachable server shows as UNAVAILABLE on the first call. Errors as
// MakeChannelCredentials.
absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeChannel(
    const ClientOptions& options);

}  // namespace aduan::client

#endif  // ADUAN_CLIENT_CHANNEL_FACTORY_H_
