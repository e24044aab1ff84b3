// UploadGuard bounds what uploads may hold: a client-streaming handler of
// the synchronous API keeps a server thread for as long as its stream stays
// open, and UploadAttachment is open to callers without a token (the
// complainant with a PIN). So:
//  - until its header has been read and authorised (token or PIN), a stream
//    holds no upload slot, and the watchdog cancels it when the header has
//    not come within `limits.header_timeout`;
//  - then it takes a slot of its caller's budget: `limits.max_uploads` for
//    staff and gateways (a token), the smaller `limits.max_public_uploads`
//    for complainants (a PIN); a full budget is RESOURCE_EXHAUSTED, before
//    any content is read, and never blocks the other budget;
//  - the watchdog cancels any upload still open `limits.max_duration` after
//    it started, so a stalled or trickling client cannot keep threads.
#ifndef ADUAN_SERVER_API_UPLOAD_GUARD_H_
#define ADUAN_SERVER_API_UPLOAD_GUARD_H_

#include <grpcpp/grpcpp.h>

#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace aduan::api {

// Thread-safe.
class UploadGuard {
 public:
  struct Limits {
    int max_uploads = 16;
    int max_public_uploads = 4;
    absl::Duration header_timeout = absl::Seconds(10);
    absl::Duration max_duration = absl::Seconds(120);
  };

  explicit UploadGuard(Limits limits);
  // Stops the watchdog. Destroy after the server has shut down.
  ~UploadGuard();
  UploadGuard(const UploadGuard&) = delete;
  UploadGuard& operator=(const UploadGuard&) = delete;

  // One stream, watched from Await until the ticket is destroyed.
  class Ticket {
   public:
    Ticket(Ticket&& other) noexcept : guard_(other.guard_), id_(other.id_) {
      other.guard_ = nullptr;
    }
    Ticket& operator=(Ticket&&) = delete;
    ~Ticket();

   private:
    friend class UploadGuard;
    Ticket(UploadGuard* guard, long id) : guard_(guard), id_(id) {}
    UploadGuard* guard_;
    long id_;
  };

  // Watches a stream whose header is yet to come: cancelled unless Admit
  // follows within the header timeout. Takes no slot.
  Ticket Await(grpc::ServerContext* ctx);
  // Gives the stream a slot of the budget of a caller with a token
  // (`authenticated`) or of a complainant, from now until the ticket is
  // destroyed, cancelled at max_duration from now. kResourceExhausted when
  // that budget is full.
  absl::Status Admit(const Ticket& ticket, bool authenticated);

 private:
  enum class Phase { kHeader, kStaff, kPublic };
  struct Running {
    grpc::ServerContext* ctx;
    Phase phase;
    absl::Time cancel_at;
  };
  int CountLocked(Phase phase) const;
  void Release(long id);
  void Watch();

  const Limits limits_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  long next_id_ = 0;
  std::map<long, Running> running_;
  std::thread watchdog_;
};

}  // namespace aduan::api

#endif  // ADUAN_SERVER_API_UPLOAD_GUARD_H_
