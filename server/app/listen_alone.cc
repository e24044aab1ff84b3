#include "server/app/listen_alone.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace aduan::app {

void ListenAlone(grpc::ServerBuilder& builder, const std::string& listen,
                 std::shared_ptr<grpc::ServerCredentials> credentials,
                 int* port) {
  builder.AddListeningPort(listen, std::move(credentials), port);
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
}

absl::Status CannotListen(const std::string& listen) {
  return absl::UnavailableError(
      absl::StrCat("cannot listen on ", listen,
                   " (is another server there? one server per address)"));
}

std::string WithPort(const std::string& listen, int port) {
  const size_t colon = listen.rfind(':');
  return absl::StrCat(
      colon == std::string::npos ? listen : listen.substr(0, colon), ":", port);
}

}  // namespace aduan::app
