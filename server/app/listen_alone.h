// One server per address. gRPC sets SO_REUSEPORT by default on Linux, and a
// second aduand (with another database) would then share the port with the
// first, each answering half the calls; every server aduand builds (the
// waiting one and the real one) listens through these instead.
#ifndef ADUAN_SERVER_APP_LISTEN_ALONE_H_
#define ADUAN_SERVER_APP_LISTEN_ALONE_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

#include "absl/status/status.h"

namespace aduan::app {

// Adds `listen` to `builder` without SO_REUSEPORT; `*port` is set when the
// server starts.
void ListenAlone(grpc::ServerBuilder& builder, const std::string& listen,
                 std::shared_ptr<grpc::ServerCredentials> credentials,
                 int* port);

// The error for a server that could not take `listen` (kUnavailable).
absl::Status CannotListen(const std::string& listen);

// `listen` (host:port) with its port replaced by `port`, so that the real
// server listens where the waiting one did (also for port 0).
std::string WithPort(const std::string& listen, int port);

}  // namespace aduan::app

#endif  // ADUAN_SERVER_APP_LISTEN_ALONE_H_
