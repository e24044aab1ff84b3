// The base of every aduan.v1 service, which does for each call what every
// method needs before its handler runs, in this order:
//  1. the request is parsed by ParseRequest (server/api/request_parser.h),
//     not by gRPC's generated code, so that a string field that is not
//     UTF-8 is answered INVALID_ARGUMENT naming the field (gRPC's own parse
//     answers INTERNAL with no message and never reaches the handler);
//  2. the caller is authorised for the method, named by its descriptor
//     ("aduan.v1.IntakeService.SubmitComplaint", the name the access
//     policy uses: server/auth/access_policy.h), under the call's deadline
//     (UNAUTHENTICATED, PERMISSION_DENIED, UNAVAILABLE);
//  3. the handler gets the principal: it converts, calls the domain once
//     and converts back.
//
// How: each method is re-registered with one of gRPC's streamed handlers
// (the ones the generated WithStreamedUnaryMethod_ and
// WithSplitStreamingMethod_ use) reading the request as bytes. The server
// still runs it on its synchronous thread pool, with the same limits; on the
// wire nothing changes. Raw callback methods would also receive bytes but
// run on gRPC's callback threads, which must not block on a database.
//
// A service lists every method once in its constructor (Parse…), then calls
// RequireEveryMethodParsed(), which stops the process at start if one is
// missing, so that a new method cannot fall back to gRPC's parse.
#ifndef ADUAN_SERVER_API_PARSED_SERVICE_H_
#define ADUAN_SERVER_API_PARSED_SERVICE_H_

#include <google/protobuf/descriptor.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/support/method_handler.h>

#include <cstdlib>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "server/api/grpc_status.h"
#include "server/api/request_log.h"
#include "server/api/request_parser.h"
#include "server/auth/authorizer.h"
#include "spdlog/spdlog.h"

namespace aduan::api {

// The messages of a client stream, each parsed by ParseRequest.
template <class Request>
class RequestReader {
 public:
  explicit RequestReader(grpc::internal::ReaderInterface<grpc::ByteBuffer>* in)
      : in_(in) {}

  // True with the next message in `msg`. False at the client's half-close,
  // when the call broke, or when a message is not a valid `Request`; then
  // error() says why (OK for the first two).
  bool Read(Request* msg) {
    grpc::ByteBuffer bytes;
    if (!in_->Read(&bytes)) return false;
    error_ = Parse(bytes, msg);
    return error_.ok();
  }
  const absl::Status& error() const { return error_; }

  // `bytes` parsed into `msg` by ParseRequest.
  static absl::Status Parse(const grpc::ByteBuffer& bytes,
                            google::protobuf::Message* msg) {
    grpc::Slice slice;
    if (!bytes.DumpToSingleSlice(&slice).ok()) {
      return absl::InvalidArgumentError("request: cannot be read");
    }
    return ParseRequest(
        absl::string_view(reinterpret_cast<const char*>(slice.begin()),
                          slice.size()),
        msg);
  }

 private:
  grpc::internal::ReaderInterface<grpc::ByteBuffer>* in_;
  absl::Status error_;
};

// `Grpc` is the generated outer class (v1::IntakeService); the service
// derives from ParsedService<v1::IntakeService>.
template <class Grpc>
class ParsedService : public Grpc::Service {
 protected:
  // `auth` must outlive the service.
  explicit ParsedService(auth::Authorizer& auth) : auth_(auth) {}

  template <class Response>
  using Writer = grpc::internal::WriterInterface<Response>;

  // A unary method.
  template <class Self, class Request, class Response>
  void ParseUnary(grpc::Status (Self::*method)(grpc::ServerContext*,
                                               const domain::Principal&,
                                               const Request*, Response*)) {
    const int index =
        IndexOf(Request::descriptor(), Response::descriptor(), false, false);
    const std::string name = Descriptor()->method(index)->full_name();
    auto* self = static_cast<Self*>(this);
    this->MarkMethodStreamed(
        index,
        new grpc::internal::StreamedUnaryHandler<grpc::ByteBuffer, Response>(
            [self, method, name](
                grpc::ServerContext* ctx,
                grpc::ServerUnaryStreamer<grpc::ByteBuffer, Response>* s) {
              return Logged(ctx, name, [&](std::string* principal) {
                Request request;
                auto who = self->Admit(ctx, name, s, &request);
                if (!who.ok()) return ToGrpcStatus(who.status());
                *principal = who->id;
                Response response;
                return Answer((self->*method)(ctx, *who, &request, &response),
                              response, s);
              });
            }));
  }

  // A server-streaming method: one request, any number of answers.
  template <class Self, class Request, class Response>
  void ParseServerStream(grpc::Status (Self::*method)(grpc::ServerContext*,
                                                      const domain::Principal&,
                                                      const Request*,
                                                      Writer<Response>*)) {
    const int index =
        IndexOf(Request::descriptor(), Response::descriptor(), false, true);
    const std::string name = Descriptor()->method(index)->full_name();
    auto* self = static_cast<Self*>(this);
    this->MarkMethodStreamed(
        index,
        new grpc::internal::SplitServerStreamingHandler<grpc::ByteBuffer,
                                                        Response>(
            [self, method, name](
                grpc::ServerContext* ctx,
                grpc::ServerSplitStreamer<grpc::ByteBuffer, Response>* s) {
              return Logged(ctx, name, [&](std::string* principal) {
                Request request;
                auto who = self->Admit(ctx, name, s, &request);
                if (!who.ok()) return ToGrpcStatus(who.status());
                *principal = who->id;
                return (self->*method)(ctx, *who, &request, s);
              });
            }));
  }

  // A client-streaming method: requests until the half-close, one answer.
  // The caller is authorised before the first message is read (a
  // complainant's PIN, in that message, is the handler's to check).
  template <class Self, class Request, class Response>
  void ParseClientStream(grpc::Status (Self::*method)(grpc::ServerContext*,
                                                      const domain::Principal&,
                                                      RequestReader<Request>*,
                                                      Response*)) {
    const int index =
        IndexOf(Request::descriptor(), Response::descriptor(), true, false);
    const std::string name = Descriptor()->method(index)->full_name();
    this->MarkMethodStreamed(
        index,
        new grpc::internal::BidiStreamingHandler<Self, grpc::ByteBuffer,
                                                 Response>(
            [method, name](
                Self* self, grpc::ServerContext* ctx,
                grpc::ServerReaderWriter<Response, grpc::ByteBuffer>* s) {
              return Logged(ctx, name, [&](std::string* principal) {
                auto who = self->auth_.Authorize(*ctx, name);
                if (!who.ok()) return ToGrpcStatus(who.status());
                *principal = who->id;
                RequestReader<Request> reader(s);
                Response response;
                return Answer((self->*method)(ctx, *who, &reader, &response),
                              response, s);
              });
            },
            static_cast<Self*>(this)));
  }

  // Stops the process unless every method of the service went through one
  // of the above (a programming error, found by any test that starts it).
  void RequireEveryMethodParsed() {
    const auto* service = Descriptor();
    for (int i = 0; i < service->method_count(); ++i) {
      if (!Parsed(i)) {
        spdlog::critical("{}: its requests are not parsed by ParseRequest",
                         service->method(i)->full_name());
        std::abort();
      }
    }
  }

 private:
  // Runs one call's `body` (which names the principal once it is known) and
  // writes the call's request-log line (request_log.h), whatever answered.
  template <class Body>
  static grpc::Status Logged(grpc::ServerContext* ctx,
                             const std::string& method, Body body) {
    const absl::Time start = absl::Now();
    std::string principal;
    const grpc::Status status = body(&principal);
    LogRequest(*ctx, method, status, absl::Now() - start, principal);
    return status;
  }

  static const google::protobuf::ServiceDescriptor* Descriptor() {
    return google::protobuf::DescriptorPool::generated_pool()
        ->FindServiceByName(Grpc::service_full_name());
  }

  // Steps 1 and 2 of a call that carries one request: the request read and
  // parsed, then the caller authorised for `method`.
  template <class Stream, class Request>
  absl::StatusOr<domain::Principal> Admit(grpc::ServerContext* ctx,
                                          const std::string& method, Stream* s,
                                          Request* request) {
    grpc::ByteBuffer bytes;
    if (!s->Read(&bytes)) {
      return absl::CancelledError("the call ended before its request");
    }
    if (absl::Status parsed = RequestReader<Request>::Parse(bytes, request);
        !parsed.ok()) {
      return parsed;
    }
    return auth_.Authorize(*ctx, method);
  }

  // The handler's `status`, after writing its one `response` when OK.
  template <class Response, class Stream>
  static grpc::Status Answer(grpc::Status status, const Response& response,
                             Stream* s) {
    if (status.ok() && !s->Write(response)) {
      return grpc::Status(grpc::StatusCode::CANCELLED,
                          "the call ended before the answer");
    }
    return status;
  }

  // The index of the method with these messages and kind; stops the
  // process when none or two match.
  int IndexOf(const google::protobuf::Descriptor* in,
              const google::protobuf::Descriptor* out, bool client_streaming,
              bool server_streaming) {
    const auto* service = Descriptor();
    int found = -1;
    for (int i = 0; i < service->method_count(); ++i) {
      const auto* m = service->method(i);
      if (m->input_type() == in && m->output_type() == out &&
          m->client_streaming() == client_streaming &&
          m->server_streaming() == server_streaming) {
        if (found >= 0) {
          spdlog::critical("{}: two methods take {} and answer {}",
                           service->full_name(), in->full_name(),
                           out->full_name());
          std::abort();
        }
        found = i;
      }
    }
    if (found < 0 || Parsed(found)) {
      spdlog::critical("{}: no method (or one given twice) takes {}",
                       service->full_name(), in->full_name());
      std::abort();
    }
    parsed_.resize(service->method_count());
    parsed_[found] = true;
    return found;
  }

  bool Parsed(int index) const {
    return index < static_cast<int>(parsed_.size()) && parsed_[index];
  }

  auth::Authorizer& auth_;
  std::vector<bool> parsed_;
};

}  // namespace aduan::api

#endif  // ADUAN_SERVER_API_PARSED_SERVICE_H_
