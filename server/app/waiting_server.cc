#include "server/app/waiting_server.h"

#include <grpcpp/health_check_service_interface.h>

#include <chrono>

#include "server/app/listen_alone.h"

namespace aduan::app {

grpc::ServerGenericBidiReactor* WaitingServer::Unavailable::CreateReactor(
    grpc::GenericCallbackServerContext* /*ctx*/) {
  class Reactor : public grpc::ServerGenericBidiReactor {
   public:
    Reactor() {
      Finish(grpc::Status(grpc::StatusCode::UNAVAILABLE,
                          "aduand is starting: its database is not reachable "
                          "yet; retry"));
    }
    void OnDone() override { delete this; }
  };
  return new Reactor;
}

absl::StatusOr<std::unique_ptr<WaitingServer>> WaitingServer::Start(
    const std::string& listen,
    std::shared_ptr<grpc::ServerCredentials> credentials, int* port) {
  std::unique_ptr<WaitingServer> waiting(new WaitingServer());
  // The health service answers (NOT_SERVING) rather than the generic one.
  grpc::EnableDefaultHealthCheckService(true);
  grpc::ServerBuilder builder;
  ListenAlone(builder, listen, std::move(credentials), port);
  builder.RegisterCallbackGenericService(&waiting->unavailable_);
  waiting->server_ = builder.BuildAndStart();
  if (waiting->server_ == nullptr || *port == 0) return CannotListen(listen);
  if (grpc::HealthCheckServiceInterface* health =
          waiting->server_->GetHealthCheckService()) {
    health->SetServingStatus(false);
  }
  return waiting;
}

WaitingServer::~WaitingServer() {
  if (server_ == nullptr) return;
  server_->Shutdown(std::chrono::system_clock::now());
  server_->Wait();
}

}  // namespace aduan::app
