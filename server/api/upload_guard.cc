#include "server/api/upload_guard.h"

#include <spdlog/spdlog.h>

#include "absl/strings/str_cat.h"

namespace aduan::api {

UploadGuard::UploadGuard(Limits limits)
    : limits_(limits), watchdog_([this] { Watch(); }) {}

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

UploadGuard::Ticket UploadGuard::Await(grpc::ServerContext* ctx) {
  std::lock_guard<std::mutex> lock(mu_);
  const long id = ++next_id_;
  running_[id] =
      Running{ctx, Phase::kHeader, absl::Now() + limits_.header_timeout};
  return Ticket(this, id);
}

int UploadGuard::CountLocked(Phase phase) const {
  int n = 0;
  for (const auto& [id, r] : running_) n += r.phase == phase;
  return n;
}

absl::Status UploadGuard::Admit(const Ticket& ticket, bool authenticated) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = running_.find(ticket.id_);
  if (it == running_.end()) return absl::InternalError("upload not awaited");
  const Phase phase = authenticated ? Phase::kStaff : Phase::kPublic;
  const int max =
      authenticated ? limits_.max_uploads : limits_.max_public_uploads;
  if (CountLocked(phase) >= max) {
    return absl::ResourceExhaustedError(
        absl::StrCat("uploads: ", max, authenticated ? "" : " public",
                     " are in progress, the most at once; retry shortly"));
  }
  it->second.phase = phase;
  if (it->second.ctx != nullptr) {
    it->second.cancel_at = absl::Now() + limits_.max_duration;
  }
  return absl::OkStatus();
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
        if (r.phase == Phase::kHeader) {
          spdlog::warn("upload sent no header within {}s: cancelled",
                       absl::ToInt64Seconds(limits_.header_timeout));
        } else {
          spdlog::warn("upload open longer than {}s: cancelled",
                       absl::ToInt64Seconds(limits_.max_duration));
        }
        r.ctx->TryCancel();
        r.ctx = nullptr;  // once
      }
    }
  }
}

}  // namespace aduan::api
