#include "server/domain/request_id.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace aduan::domain {

absl::Status ValidateRequestId(absl::string_view field, absl::string_view id) {
  if (id.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        field,
        ": is required (a unique id per logical request, e.g. a UUID; "
        "send the same id when retrying)"));
  }
  if (id.size() > 64) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": must be at most 64 characters"));
  }
  for (char c : id) {
    if (!absl::ascii_isalnum(c) && c != '.' && c != '_' && c != ':' &&
        c != '-') {
      return absl::InvalidArgumentError(absl::StrCat(
          field, ": may contain only letters, digits and . _ : -"));
    }
  }
  return absl::OkStatus();
}

}  // namespace aduan::domain
