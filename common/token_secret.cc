#include "common/token_secret.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "common/crypto.h"
#include "common/status_macros.h"

namespace aduan {

absl::StatusOr<std::string> NewTokenSecret() {
  ASSIGN_OR_RETURN(std::string bytes, RandomBytes(32));
  return absl::StrCat(kTokenPrefix, absl::WebSafeBase64Escape(bytes));
}

std::string HashTokenSecret(absl::string_view secret) {
  return Sha256Hex(secret);
}

}  // namespace aduan
