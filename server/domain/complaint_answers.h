// The answer of a mutating call on a complaint — the first one and every
// retry of its request_id — built by one function, so that a retry shows
// only what its caller may see now and, when nothing changed in between,
// equals the first answer:
//  - authentication and role are checked again by the API on every call;
//  - scope: a complaint the caller can no longer see is NOT_FOUND, the same
//    answer as for one that does not exist. Only a step that hands the
//    complaint to someone else (ReturnDisposition: unit → head) answers its
//    caller with the public view, as long as nothing changed since;
//  - personal data as GetComplaint's BASIC view shows it to that caller
//    (never the FULL view: nothing here is access-logged);
//  - a PIN only while it is still the one the request issued (the same PIN
//    generation); after a ReissuePin the answer withholds it.
// The complainant's own calls (tracking code and PIN) get the public view.
#ifndef ADUAN_SERVER_DOMAIN_COMPLAINT_ANSWERS_H_
#define ADUAN_SERVER_DOMAIN_COMPLAINT_ANSWERS_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "common/clock.h"
#include "server/domain/complaint_view.h"
#include "server/domain/model/complaint_repository.h"
#include "server/domain/model/records.h"
#include "server/domain/office_directory.h"
#include "server/domain/pin_issuer.h"
#include "server/domain/principal.h"

namespace aduan::domain {

// What a mutating call on a complaint answers.
struct ComplaintAnswer {
  ComplaintView complaint;
  // True for the complainant (PIN) and a caller the step handed the
  // complaint away from: show the public view only.
  bool public_view = false;
  // The PIN the request issued, while it is still the complaint's.
  std::string pin;
  // True when the request issued a PIN that a later ReissuePin replaced.
  bool pin_withheld = false;
};

// GetComplaint's BASIC view of `c` for `who`: the attachments `who` may open
// and the complainant masked for `who` (complaint_access.h). `attachments`,
// when given, are all of `c`'s (e.g. none for a new complaint); otherwise
// they are read. REQUIRES: `who` may see `c`.
absl::StatusOr<ComplaintView> BasicView(
    model::ComplaintRepository& complaints, OfficeDirectory& offices,
    absl::Time now, absl::Time deadline, const Principal& who,
    model::ComplaintRecord c,
    const std::vector<model::AttachmentRecord>* attachments = nullptr);

// Whom a request is recorded for (the idempotency key is this and the
// request_id): a principal's name, or `citizen:<tracking code>` for the
// complainant, whose requests belong to their complaint.
std::string RequestCaller(const Principal& who,
                          const std::string& tracking_code);

// The record a new request leaves, with what its answer depends on:
// `result` is the complaint as the request leaves it (its version, and when
// the request `issues_pin`, its PIN generation). `fingerprint` is the
// request's digest as the API computed it.
model::RequestRecord NewRequestRecord(const std::string& caller,
                                      const std::string& request_id,
                                      const std::string& method,
                                      const std::string& fingerprint,
                                      const model::ComplaintRecord& result,
                                      long long now_us, bool issues_pin);

// Builds answers; thread-safe, every reference must outlive it.
class ComplaintAnswers {
 public:
  ComplaintAnswers(model::ComplaintRepository& complaints,
                   OfficeDirectory& offices, const PinIssuer& pins,
                   const Clock& clock)
      : complaints_(complaints),
        offices_(offices),
        pins_(pins),
        clock_(clock) {}

  // OK when `stored` was made by the same request: its method, and its
  // stored fingerprint that of `digest` (the request's SHA-256, keyed by the
  // repository); else ALREADY_EXISTS naming request_id, with `advice`
  // appended.
  absl::Status SameRequest(const model::RequestRecord& stored,
                           absl::string_view method, absl::string_view digest,
                           absl::string_view advice = "") const;

  // True when `who` (authenticated) may be answered about `current` for
  // `request`: it can see the complaint, or `hands_over` and nothing
  // changed since the request.
  bool MayAnswer(const Principal& who, const model::RequestRecord& request,
                 const model::ComplaintRecord& current, bool hands_over) const;

  // The answer to `request` with the complaint as it is now (`current`; for
  // a first answer, the row just written). An authenticated caller that
  // MayAnswer denies gets ComplaintNotFound(). REQUIRES for the
  // complainant (unauthenticated): the caller checked the PIN. See
  // BasicView for `attachments`.
  absl::StatusOr<ComplaintAnswer> Answer(
      absl::Time deadline, const Principal& who,
      const model::RequestRecord& request, model::ComplaintRecord current,
      bool hands_over = false,
      const std::vector<model::AttachmentRecord>* attachments = nullptr) const;

  // The PIN part of Answer alone: the PIN `request` issued while it is
  // still `current`'s ({pin, false}), {"", true} once replaced, {"", false}
  // for a request that issued none. For callers whose answer is the PIN
  // only (ReissuePin), so that no complaint view is built.
  std::pair<std::string, bool> PinOf(
      const model::RequestRecord& request,
      const model::ComplaintRecord& current) const;

 private:
  model::ComplaintRepository& complaints_;
  OfficeDirectory& offices_;
  const PinIssuer& pins_;
  const Clock& clock_;
};

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_COMPLAINT_ANSWERS_H_
