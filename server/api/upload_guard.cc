#include "server/api/upload_guard.h"

#include <spdlog/spdlog.h>

#include "absl/strings/str_cat.h"

namespace aduan::api {

UploadGuard::UploadGuard(int max_uploads, absl::Duration max_duration)
    : max_uploads_(max_uploads),
      max_duration_(max_duration),
      watchdog_([this] { Watch(); }) {}

UploadGuard::~UploadGuard() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  watchdog_.join();
}

UploadGuard::Ticket::~Ticket() {
  if (guard_ != nullptr) guard_->Release(id_);
}

absl::StatusOr<UploadGuard::Ticket> UploadGuard::Admit(
    grpc::ServerContext* ctx) {
  std::lock_guard<std::mutex> lock(mu_);
  if (static_cast<int>(running_.size()) >= max_uploads_) {
    return absl::ResourceExhaustedError(
        absl::StrCat("uploads: ", max_uploads_,
                     " are in progress, the most at once; retry shortly"));
  }
  const long id = ++next_id_;
  running_[id] = Running{ctx, absl::Now() + max_duration_};
  return Ticket(this, id);
}

void UploadGuard::Release(long id) {
  std::lock_guard<std::mutex> lock(mu_);
  running_.erase(id);
}

void UploadGuard::Watch() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    cv_.wait_for(lock, std::chrono::milliseconds(250));
    const absl::Time now = absl::Now();
    for (auto& [id, r] : running_) {
      if (r.ctx != nullptr && r.cancel_at <= now) {
        spdlog::warn("upload open longer than {}s: cancelled",
                     absl::ToInt64Seconds(max_duration_));
        r.ctx->TryCancel();
        r.ctx = nullptr;  // once
      }
    }
  }
}

}  // namespace aduan::api
