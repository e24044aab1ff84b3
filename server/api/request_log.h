// The request log: one line per call, refused calls included — the method,
// the status code, the time taken, the calling principal's id and the peer.
// Never a request's or an answer's content, a token or personal data. (Not
// to be confused with the access log of full reads of personal data, which
// is data in the database: AdminService.ListAccessLog.)
#ifndef ADUAN_SERVER_API_REQUEST_LOG_H_
#define ADUAN_SERVER_API_REQUEST_LOG_H_

#include <grpcpp/grpcpp.h>

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace aduan::api {

// Writes the line, at level info:
//   request <method> <CODE> <milliseconds>ms principal=<id|-> peer=<peer>
void LogRequest(const grpc::ServerContext& ctx, absl::string_view method,
                const grpc::Status& status, absl::Duration took,
                absl::string_view principal_id);

}  // namespace aduan::api

#endif  // ADUAN_SERVER_API_REQUEST_LOG_H_
