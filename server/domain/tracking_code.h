// Public tracking codes: `<OFFICE>-<8 characters>`, e.g. `KNG-7K3M9QXP`.
// The 8 characters are 40 random bits from OpenSSL in Crockford's base-32
// alphabet (no I, L, O, U), so codes are not guessable and read well aloud.
#ifndef ADUAN_SERVER_DOMAIN_TRACKING_CODE_H_
#define ADUAN_SERVER_DOMAIN_TRACKING_CODE_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace aduan::domain {

// A new random code for `office_code`. Errors: kInternal (no randomness).
absl::StatusOr<std::string> NewTrackingCode(absl::string_view office_code);

// The canonical form of a code typed by a person: surrounding spaces
// removed, upper-cased, and in the random part O read as 0 and I/L as 1.
// Errors: kInvalidArgument "<field>: must look like KNG-7K3M9QXP".
absl::StatusOr<std::string> NormalizeTrackingCode(absl::string_view field,
                                                  absl::string_view code);

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_TRACKING_CODE_H_
