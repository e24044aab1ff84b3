// Bearer token secrets: made here, stored only as a hash.
#ifndef ADUAN_COMMON_TOKEN_SECRET_H_
#define ADUAN_COMMON_TOKEN_SECRET_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace aduan {

// Prefix of every bearer token, so a leaked token is recognisable.
inline constexpr char kTokenPrefix[] = "adn_";

// A new secret: the prefix and 256 random bits from OpenSSL (base64url).
// Errors: kInternal (no randomness).
absl::StatusOr<std::string> NewTokenSecret();
// What is stored of a secret: its SHA-256, lower-case hex.
std::string HashTokenSecret(absl::string_view secret);

}  // namespace aduan

#endif  // ADUAN_COMMON_TOKEN_SECRET_H_
