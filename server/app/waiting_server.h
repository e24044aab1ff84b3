// What answers on the serving address while aduand waits for its database
// at start (docs/design.md §6): the health service says NOT_SERVING and
// every other call is UNAVAILABLE ("retry"), so that clients and load
// balancers meet a server that is coming, not a refused connection. The
// real server takes the address over once the database answers.
#ifndef ADUAN_SERVER_APP_WAITING_SERVER_H_
#define ADUAN_SERVER_APP_WAITING_SERVER_H_

#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"

namespace aduan::app {

class WaitingServer {
 public:
  // Listens on `listen` with `credentials`; `*port` is the port it got.
  // Errors: kUnavailable when the address cannot be taken.
  static absl::StatusOr<std::unique_ptr<WaitingServer>> Start(
      const std::string& listen,
      std::shared_ptr<grpc::ServerCredentials> credentials, int* port);

  // Ends every call and frees the address.
  ~WaitingServer();

 private:
  // Every method: UNAVAILABLE.
  class Unavailable : public grpc::CallbackGenericService {
    grpc::ServerGenericBidiReactor* CreateReactor(
        grpc::GenericCallbackServerContext* ctx) override;
  };

  WaitingServer() = default;

  Unavailable unavailable_;
  std::unique_ptr<grpc::Server> server_;
};

}  // namespace aduan::app

#endif  // ADUAN_SERVER_APP_WAITING_SERVER_H_
