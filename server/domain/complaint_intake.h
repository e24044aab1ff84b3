// ComplaintIntake is step 1 of the service standard (receiving complaints)
// and the complainant's own view by tracking code and PIN.
#ifndef ADUAN_SERVER_DOMAIN_COMPLAINT_INTAKE_H_
#define ADUAN_SERVER_DOMAIN_COMPLAINT_INTAKE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/clock.h"
#include "server/domain/complaint_answers.h"
#include "server/domain/complaint_state.h"
#include "server/domain/complaint_view.h"
#include "server/domain/model/complaint_repository.h"
#include "server/domain/office_directory.h"
#include "server/domain/pin_guard.h"
#include "server/domain/pin_issuer.h"
#include "server/domain/principal.h"
#include "server/domain/rate_limiter.h"

namespace aduan::domain {

struct SubmitInput {
  std::string request_id;
  // Digest of the whole request, so that a reused request_id with another
  // request is told apart from a retry.
  std::string fingerprint;
  // The caller-settable fields (office_code, channel, external_reference,
  // complainant_*, anonymous, confidential, title, description,
  // category_code, location_*); everything else is ignored and set here.
  model::ComplaintRecord draft;
};

// The answer of a submission, first and every retry (complaint_answers.h):
// the complaint in the caller's BASIC view and the PIN while it is the one
// the submission issued.
struct SubmitResult {
  ComplaintView complaint;
  std::string pin;
  bool pin_withheld = false;  // a ReissuePin replaced the PIN since
  bool replayed = false;      // true when this was a retry of an earlier call
};

struct TimelineEntry {
  State state = State::kSubmitted;
  absl::Time time;
  std::string label;
};

// The public view: no personal data, no internal notes.
struct TrackResult {
  std::string tracking_code;
  std::string office_code;
  State state = State::kSubmitted;
  std::vector<TimelineEntry> timeline;
  std::optional<absl::Time> service_due;
};

// Validates the caller-settable fields of `d` by the rules of docs/design.md §3
// for `office` (`today` in the office's time zone, for KK issue dates);
// normalises the phone number and the kelurahan spelling in place.
// Errors: kInvalidArgument naming the field and the rule.
absl::Status ValidateComplaintFields(const OfficeConfig& office,
                                     absl::CivilDay today,
                                     model::ComplaintRecord& d);

// Thread-safe; every reference must outlive it.
class ComplaintIntake {
 public:
  // `limiter` (optional) bounds submissions per principal.
  ComplaintIntake(model::ComplaintRepository& complaints,
                  OfficeDirectory& offices, const PinIssuer& pins,
                  const Clock& clock, RateLimiter* limiter = nullptr)
      : complaints_(complaints),
        offices_(offices),
        pins_(pins),
        clock_(clock),
        limiter_(limiter),
        pin_guard_(complaints, offices, pins, clock),
        answers_(complaints, offices, pins, clock) {}

  // Validates the draft by the rules of docs/design.md §3, then stores it as
  // SUBMITTED with its SUBMITTED event and idempotency record in one
  // transaction, the service clock started from the office's (or the
  // category's) target. Phone numbers are stored normalised (+62…).
  // Errors: kResourceExhausted (the caller's rate limit), kInvalidArgument
  // (names the field and rule; unknown office,
  // category or kelurahan included), kAlreadyExists (request_id reused with a
  // different request; external reference already submitted by this
  // source), database errors (kUnavailable: retry with the same request_id).
  absl::StatusOr<SubmitResult> Submit(absl::Time deadline, const Principal& who,
                                      SubmitInput input);

  // The public view of a complaint for its tracking code and PIN.
  // Errors: kInvalidArgument (malformed code or PIN), kNotFound (unknown code
  // or wrong PIN: the same message for both), kResourceExhausted (too many
  // wrong PINs for this code; try later).
  absl::StatusOr<TrackResult> Track(absl::Time deadline,
                                    const std::string& tracking_code,
                                    const std::string& pin);

 private:
  // The answer to `request` with the complaint `c` (a retry: as stored now).
  absl::StatusOr<SubmitResult> Answer(
      absl::Time deadline, const Principal& who,
      const model::RequestRecord& request, model::ComplaintRecord c,
      const std::vector<model::AttachmentRecord>* attachments) const;
  absl::StatusOr<SubmitResult> Replay(absl::Time deadline, const Principal& who,
                                      const model::RequestRecord& request,
                                      const std::string& fingerprint);

  model::ComplaintRepository& complaints_;
  OfficeDirectory& offices_;
  const PinIssuer& pins_;
  const Clock& clock_;
  RateLimiter* limiter_;
  PinGuard pin_guard_;
  const ComplaintAnswers answers_;
};

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_COMPLAINT_INTAKE_H_
