// Encryption of stored documents at rest (the blob store's files): KK and
// KTP-el copies show a citizen's NIK in full, and every document is sealed
// alike, so that the same bytes uploaded as a photo and as an identity
// document (stored once, by digest) are never left in clear.
//
// Stored format, version 1:
//   "ADNB" | 0x01 | n (1 byte) | key id (n ASCII bytes) |
//   nonce[12] || ciphertext || tag[16]      (AES-256-GCM,
//   common/crypto.h)
// The header (all bytes before the nonce) and the document's SHA-256 (the
// blob's name, lower-case hex) are authenticated as additional data: a
// sealed file renamed to another digest, or with its header changed, does
// not open. The key id names the key that sealed it, so that a key can be
// rotated and old files still found; no JPEG, PNG or PDF starts with "ADNB",
// so clear files written before sealing are recognisable.
#ifndef ADUAN_COMMON_BLOB_CIPHER_H_
#define ADUAN_COMMON_BLOB_CIPHER_H_

#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace aduan {

// Immutable and thread-safe; the key is wiped when destroyed.
class BlobCipher {
 public:
  static constexpr absl::string_view kMagic = "ADNB";
  static constexpr char kVersion = 1;

  // From a 32-byte key (KeyRing::blob_key()) and the id written into each
  // sealed file's header: the key ring's id (KeyRing::key_id(), the one the
  // database records), or, when empty, an id derived from `key`. Errors:
  // kInvalidArgument (key not 32 bytes, id longer than 64 characters).
  static absl::StatusOr<BlobCipher> Create(std::string key,
                                           std::string key_id = "");

  BlobCipher(const BlobCipher&) = default;
  BlobCipher& operator=(const BlobCipher&) = default;
  BlobCipher(BlobCipher&&) = default;
  BlobCipher& operator=(BlobCipher&&) = default;
  ~BlobCipher();

  // The id sealed files carry in their header.
  const std::string& key_id() const { return key_id_; }

  // `document`, whose SHA-256 is `sha256` (hex), in the stored format.
  // Errors: kInternal (randomness or OpenSSL failed).
  absl::StatusOr<std::string> Seal(absl::string_view document,
                                   absl::string_view sha256) const;
  // The document of a sealed file named `sha256`. Errors: kDataLoss "blob
  // <sha256>: …" when the header is malformed or authentication fails
  // (tampered, or not this document); kFailedPrecondition naming the key id
  // when another key sealed it.
  absl::StatusOr<std::string> Open(absl::string_view stored,
                                   absl::string_view sha256) const;

  // Whether `stored` starts like a sealed file (the rest is not checked).
  static bool IsSealed(absl::string_view stored);

 private:
  BlobCipher(std::string key, std::string key_id)
      : key_(std::move(key)), key_id_(std::move(key_id)) {}

  std::string key_;
  std::string key_id_;
};

}  // namespace aduan

#endif  // ADUAN_COMMON_BLOB_CIPHER_H_
