// PinGuard checks a complainant's PIN under the wrong-PIN budget of a
// tracking code: at most kMaxAttempts wrong PINs in kWindow. Every attempt
// is counted in the database before the PIN is compared (and given back
// when it was right), so that concurrent guesses, on one process or many,
// cannot get past the budget.
#ifndef ADUAN_SERVER_DOMAIN_PIN_GUARD_H_
#define ADUAN_SERVER_DOMAIN_PIN_GUARD_H_

#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "common/clock.h"
#include "server/domain/model/complaint_repository.h"
#include "server/domain/office_directory.h"
#include "server/domain/pin_issuer.h"

namespace aduan::domain {

// Thread-safe; the references must outlive it.
class PinGuard {
 public:
  static constexpr int kMaxAttempts = 5;
  static constexpr absl::Duration kWindow = absl::Minutes(15);

  PinGuard(model::ComplaintRepository& complaints, OfficeDirectory& offices,
           const PinIssuer& pins, const Clock& clock)
      : complaints_(complaints),
        offices_(offices),
        pins_(pins),
        clock_(clock) {}

  // OK when `pin` is the current PIN of `c`. Errors: kNotFound "complaint
  // not found" for a wrong PIN (the same answer as for an unknown tracking
  // code; an empty or malformed PIN, which cannot be a guess, spends none of
  // the budget), kResourceExhausted when the budget is spent (in Indonesian,
  // with the time it renews in the office's time zone), database errors as
  // they come. A ReissuePin lifts the lock at once (it resets the count).
  absl::Status Check(absl::Time deadline, const model::ComplaintRecord& c,
                     const std::string& pin) const;
  // The check of a `tracking_code` that names no complaint: kNotFound
  // "complaint not found", after the same work as a wrong PIN (an attempt
  // counted, with the same statements, on one of the pin_decoys rows, and
  // the PIN derived and compared), so that the time of the answer does not
  // tell an unknown code from a known one (database errors as they come).
  absl::Status CheckUnknown(absl::Time deadline,
                            const std::string& tracking_code,
                            const std::string& pin) const;

 private:
  model::ComplaintRepository& complaints_;
  OfficeDirectory& offices_;
  const PinIssuer& pins_;
  const Clock& clock_;
};

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_PIN_GUARD_H_
