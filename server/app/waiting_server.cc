#include "server/app/waiting_server.h"

#include <grpcpp/health_check_service_interface.h>
#include <spdlog/spdlog.h>

#include <chrono>

#include "absl/strings/str_cat.h"

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
  builder.AddListeningPort(listen, std::move(credentials), port);
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder.RegisterCallbackGenericService(&waiting->unavailable_);
  waiting->server_ = builder.BuildAndStart();
  if (waiting->server_ == nullptr || *port == 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", listen,
                     " (is another server there? one server per address)"));
  }
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

std::string WithPort(const std::string& listen, int port) {
  const size_t colon = listen.rfind(':');
  return absl::StrCat(
      colon == std::string::npos ? listen : listen.substr(0, colon), ":", port);
}

}  // namespace aduan::app
