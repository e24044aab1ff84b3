// absl::Status -> grpc::Status: the code, cast, and the message.
#ifndef ADUAN_SERVER_API_GRPC_STATUS_H_
#define ADUAN_SERVER_API_GRPC_STATUS_H_

#include <grpcpp/grpcpp.h>

#include "absl/status/status.h"

namespace aduan::api {

grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace aduan::api

#endif  // ADUAN_SERVER_API_GRPC_STATUS_H_
