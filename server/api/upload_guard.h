// UploadGuard bounds what uploads may hold: a client-streaming handler of
// the synchronous API keeps a server thread for as long as its stream stays
// open, and UploadAttachment is open to callers without a token (the
// complainant with a PIN). So at most `max_uploads` run at once (more are
// refused with RESOURCE_EXHAUSTED before anything is read), and a watchdog
// cancels any upload still open after `max_duration` — a stalled or
// trickling client cannot keep threads for ever.
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
  UploadGuard(int max_uploads, absl::Duration max_duration);
  // Stops the watchdog. Destroy after the server has shut down.
  ~UploadGuard();
  UploadGuard(const UploadGuard&) = delete;
  UploadGuard& operator=(const UploadGuard&) = delete;

  // Admits one upload until the returned ticket is destroyed.
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

  // A ticket, or kResourceExhausted when `max_uploads` are running.
  absl::StatusOr<Ticket> Admit(grpc::ServerContext* ctx);

 private:
  struct Running {
    grpc::ServerContext* ctx;
    absl::Time cancel_at;
  };
  void Release(long id);
  void Watch();

  const int max_uploads_;
  const absl::Duration max_duration_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  long next_id_ = 0;
  std::map<long, Running> running_;
  std::thread watchdog_;
};

}  // namespace aduan::api

#endif  // ADUAN_SERVER_API_UPLOAD_GUARD_H_
