// Cryptographic primitives from OpenSSL 3: digests, HMAC, AES-256-GCM and
// randomness. All functions are thread-safe.
#ifndef ADUAN_COMMON_CRYPTO_H_
#define ADUAN_COMMON_CRYPTO_H_

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

// AES-256-GCM with a 32-byte `key`, the one authenticated encryption of the
// project (personal data, documents). Output: nonce[12] || ciphertext ||
// tag[16], under a fresh random nonce, with `aad` authenticated as
// additional data. Errors: kInvalidArgument (key not 32 bytes), kInternal
// (the random generator or OpenSSL failed, or more than 2 GiB).
inline constexpr size_t kAesGcmNonceSize = 12;
inline constexpr size_t kAesGcmTagSize = 16;
absl::StatusOr<std::string> AesGcmSeal(absl::string_view key,
                                       absl::string_view plaintext,
                                       absl::string_view aad);
// As AesGcmSeal, appending to `out` (one allocation for a large document
// and what precedes it).
absl::Status AesGcmSealAppend(absl::string_view key,
                              absl::string_view plaintext,
                              absl::string_view aad, std::string* out);
// Reverses AesGcmSeal with the same key and `aad`. Errors: kDataLoss with a
// short reason ("too short", "authentication failed": tampered bytes, or
// another key or aad), kInvalidArgument (key not 32 bytes), kInternal. No
// unauthenticated plaintext is ever returned.
absl::StatusOr<std::string> AesGcmOpen(absl::string_view key,
                                       absl::string_view sealed,
                                       absl::string_view aad);
// Overwrites `s` with zeros and empties it.
void Wipe(std::string& s);

}  // namespace aduan

#endif  // ADUAN_COMMON_CRYPTO_H_
