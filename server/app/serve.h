// `aduand serve`: the gRPC server on its storage until SIGTERM or SIGINT
// (which the caller has blocked in every thread), then a graceful stop:
// health NOT_SERVING at once, new calls refused, calls in flight given
// `shutdown_grace`, then the background tasks stopped.
#ifndef ADUAN_SERVER_APP_SERVE_H_
#define ADUAN_SERVER_APP_SERVE_H_

#include "absl/status/status.h"
#include "server/app/options.h"

namespace aduan::app {

// Returns after the stop. Errors (before serving): the options, the TLS
// files, the storage (server/app/storage.h), the listening address.
absl::Status Serve(const ServerOptions& options);

}  // namespace aduan::app

#endif  // ADUAN_SERVER_APP_SERVE_H_
