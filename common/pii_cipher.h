// Protection of personal data (NIK and KK numbers) at rest: authenticated
// encryption with AES-256-GCM, a keyed blind index so staff can still search
// by exact value, and masking for display.
//
// Stored format of an encrypted field:
//   "v1:" + base64(nonce[12] || ciphertext || tag[16])
// using the standard base64 alphabet with padding and no line breaks. The
// field's `context` (e.g. "complaints.nik") is bound as additional
// authenticated data, so a value copied into another column does not decrypt.
#ifndef ADUAN_COMMON_PII_CIPHER_H_
#define ADUAN_COMMON_PII_CIPHER_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace aduan {

// PiiCipher encrypts personal-data fields for storage. Immutable and
// thread-safe: every method is const and may be called concurrently from any
// number of threads. Copyable and movable; the key bytes are wiped from
// memory when an instance is destroyed. Error messages never contain
// plaintext, ciphertext or key material.
class PiiCipher {
 public:
  // Size in bytes of each key, and the AES-GCM nonce and tag lengths.
  static constexpr size_t kKeySize = 32;
  static constexpr size_t kNonceSize = 12;
  static constexpr size_t kTagSize = 16;
  // Prefix marking Encrypt output.
  static constexpr absl::string_view kPrefix = "v1:";

  // Builds a cipher from a 32-byte AES-256 `encryption_key` and a 32-byte
  // HMAC `index_key`; the two should be independent keys. Errors:
  // kInvalidArgument when either key is not exactly 32 bytes.
  static absl::StatusOr<PiiCipher> Create(std::string encryption_key,
                                          std::string index_key);

  PiiCipher(const PiiCipher&) = default;
  PiiCipher& operator=(const PiiCipher&) = default;
  PiiCipher(PiiCipher&&) = default;
  PiiCipher& operator=(PiiCipher&&) = default;
  ~PiiCipher();

  // Encrypts `plaintext` with AES-256-GCM under a fresh random 12-byte nonce
  // from OpenSSL's CSPRNG, authenticating `context` as additional data, and
  // returns the stored format described above. An empty `plaintext` yields an
  // empty string (so "no value" stays recognisable and is not encrypted).
  // Two encryptions of the same value differ. Errors: kInternal when the
  // random generator or OpenSSL fails, or the plaintext is longer than
  // INT_MAX - 16 bytes.
  absl::StatusOr<std::string> Encrypt(absl::string_view plaintext,
                                      absl::string_view context) const;

  // Reverses Encrypt with the same `context`. An empty `stored` yields an
  // empty string. Errors: kDataLoss when `stored` is not in the stored format
  // (missing "v1:" prefix, invalid or non-canonical base64, too short), or
  // authentication fails (tampered data, different context or key);
  // kInternal when OpenSSL cannot allocate a context. No unauthenticated
  // plaintext is ever returned.
  absl::StatusOr<std::string> Decrypt(absl::string_view stored,
                                      absl::string_view context) const;

  // True when `stored` looks like Encrypt output (starts with "v1:"); used to
  // find rows still holding plaintext. Does not validate the rest.
  static bool IsEncrypted(absl::string_view stored);

  // Keyed blind index for equality search: lower-case hex of
  // HMAC-SHA-256(index_key, context + "\n" + value), 64 characters.
  // Deterministic for a given key, context and value; an empty `value` yields
  // an empty string. `value` is used byte for byte (callers normalise it,
  // e.g. strip spaces, before indexing and before searching). `context` is a
  // fixed column name and must not contain '\n'.
  std::string BlindIndex(absl::string_view value,
                         absl::string_view context) const;

 private:
  PiiCipher(std::string encryption_key, std::string index_key);

  std::string encryption_key_;
  std::string index_key_;
};

// Masks an identity number for display: keeps the first 4 and last 2
// characters and replaces the rest with '*', e.g. "3574041234560001" ->
// "3574**********01". Values of 6 characters or fewer are fully masked with
// the same number of '*'; an empty value stays empty. Works on bytes (identity
// numbers are ASCII digits). Thread-safe.
std::string MaskIdentityNumber(absl::string_view value);

}  // namespace aduan

#endif  // ADUAN_COMMON_PII_CIPHER_H_
