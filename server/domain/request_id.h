// Rules for the request_id of mutating calls (AIP-155).
#ifndef ADUAN_SERVER_DOMAIN_REQUEST_ID_H_
#define ADUAN_SERVER_DOMAIN_REQUEST_ID_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace aduan::domain {

// A request_id is required: 1–64 characters of [A-Za-z0-9._:-] (a UUID
// fits). Errors: kInvalidArgument naming `field` and the rule.
absl::Status ValidateRequestId(absl::string_view field, absl::string_view id);

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_REQUEST_ID_H_
