// PINs that let a complainant track, supplement and withdraw a complaint.
// A PIN is derived, never stored: HMAC-SHA-256 under the server's PIN key of
// the tracking code and the complaint's PIN generation, reduced to 8 decimal
// digits. Bumping the generation (ReissuePin) invalidates the old PIN.
#ifndef ADUAN_SERVER_DOMAIN_PIN_ISSUER_H_
#define ADUAN_SERVER_DOMAIN_PIN_ISSUER_H_

#include <string>

#include "absl/strings/string_view.h"

namespace aduan::domain {

// True when `pin` has the shape of a PIN: 8 decimal digits.
bool IsPinShaped(absl::string_view pin);

// Immutable and thread-safe.
class PinIssuer {
 public:
  explicit PinIssuer(std::string key) : key_(std::move(key)) {}

  // The 8-digit PIN of `tracking_code` (canonical form) at `generation`.
  std::string Pin(absl::string_view tracking_code, int generation) const;
  // True when `pin` is the current PIN; compares in constant time.
  bool Matches(absl::string_view tracking_code, int generation,
               absl::string_view pin) const;

 private:
  std::string key_;
};

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_PIN_ISSUER_H_
