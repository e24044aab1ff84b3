#include "server/domain/needs_info_sweep.h"

#include <spdlog/spdlog.h>

#include <vector>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"

namespace aduan::domain {

absl::StatusOr<int> NeedsInfoSweep::Run(absl::Time deadline) const {
  constexpr int kBatch = 100;
  const Principal system = Principal::System("system");
  int closed = 0;
  int failed = 0;
  absl::Status first_error;
  // Batch after batch until one comes back short: a backlog (a server that
  // was down for a week) is cleared in one sweep. A complaint that fails
  // stays due and is tried again by the next sweep; it does not hold up the
  // others.
  for (;;) {
    ASSIGN_OR_RETURN(
        std::vector<model::ComplaintRecord> due,
        complaints_.ListExpiredNeedsInfo(deadline, clock_.Now(), kBatch));
    int progressed = 0;
    for (const model::ComplaintRecord& c : due) {
      StepInput in;
      in.tracking_code = c.tracking_code;
      in.request_id = absl::StrCat("expire-", c.tracking_code, "-v", c.version);
      in.fingerprint = in.request_id;
      in.etag = absl::StrCat("v", c.version);
      auto r = runner_.Run(
          deadline, system, Action::kExpire, Role::kSystem, in,
          [](absl::Time, const model::ComplaintRecord&) {
            return absl::OkStatus();
          },
          absl::OkStatus(),
          [](const OfficeConfig& office, model::ComplaintRecord& rec,
             model::EventRecord& e, absl::Time) {
            rec.state = State::kRejected;
            e.type = EventType::kExpired;
            e.note = absl::StrCat("Ditutup: kelengkapan tidak diterima dalam ",
                                  office.record.needs_info_limit_days,
                                  " hari kerja");
            return absl::OkStatus();
          });
      if (r.ok()) {
        // A replay is another sweeper's close (same request id), not ours.
        if (!r->replayed) ++closed;
        ++progressed;
      } else if (absl::IsAborted(r.status()) ||
                 absl::IsFailedPrecondition(r.status())) {
        ++progressed;  // another process or a person got there first
      } else {
        ++failed;
        if (first_error.ok()) first_error = r.status();
        spdlog::warn("NEEDS_INFO sweep: {} stays due: {}", c.tracking_code,
                     r.status().ToString());
      }
    }
    // A short batch is the last; a batch where nothing moved would only
    // return the same rows again.
    if (static_cast<int>(due.size()) < kBatch || progressed == 0) break;
  }
  if (closed == 0 && failed > 0) return first_error;
  return closed;
}

}  // namespace aduan::domain
