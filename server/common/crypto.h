// Cryptographic primitives from OpenSSL 3: digests, HMAC, AES-free helpers
// and randomness. All functions are thread-safe.
#ifndef ADUAN_SERVER_COMMON_CRYPTO_H_
#define ADUAN_SERVER_COMMON_CRYPTO_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace aduan {

// SHA-256 of `data`, 32 raw bytes.
std::string Sha256(absl::string_view data);
// SHA-256 of `data` as 64 lower-case hex characters.
std::string Sha256Hex(absl::string_view data);
// HMAC-SHA-256 of `data` under `key`, 32 raw bytes.
std::string HmacSha256(absl::string_view key, absl::string_view data);
// `n` bytes from OpenSSL's CSPRNG. Errors: kInternal when the generator
// fails (never falls back to a weaker source).
absl::StatusOr<std::string> RandomBytes(size_t n);
// Constant-time comparison of two equally long strings (false otherwise).
bool ConstantTimeEquals(absl::string_view a, absl::string_view b);

}  // namespace aduan

#endif  // ADUAN_SERVER_COMMON_CRYPTO_H_
