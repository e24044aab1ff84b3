// KeyRing holds the server's secret keys, derived from one key file kept
// outside the database: PINs, archive HMACs, personal-data encryption and its
// blind index (also the request fingerprints' key), and document encryption
// each get their own key.
#ifndef ADUAN_COMMON_KEY_RING_H_
#define ADUAN_COMMON_KEY_RING_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace aduan {

// Immutable and thread-safe once loaded.
class KeyRing {
 public:
  // Reads the key file: 64 hex characters (a 256-bit master key) and an
  // optional newline. When the file is missing and `create_if_missing`,
  // writes a new random key with mode 0600 (creating its folder).
  // Errors: kNotFound (missing, not creating), kInvalidArgument (malformed
  // or readable by others: the mode must not grant group/other access),
  // kInternal (I/O).
  static absl::StatusOr<KeyRing> Load(const std::string& path,
                                      bool create_if_missing);
  // From raw master key bytes (tests).
  static KeyRing FromMasterKey(absl::string_view master);

  // 32-byte purpose keys, HMAC-SHA-256(master, purpose).
  const std::string& pin_key() const { return pin_key_; }
  const std::string& archive_key() const { return archive_key_; }
  // AES-256-GCM key for NIK and KK numbers at rest.
  const std::string& pii_key() const { return pii_key_; }
  // HMAC key of the NIK blind index.
  const std::string& index_key() const { return index_key_; }
  // AES-256-GCM key for stored documents (common/blob_cipher.h).
  const std::string& blob_key() const { return blob_key_; }
  // 16 hex characters naming the master key (an HMAC of a fixed label under
  // it, which tells nothing of the key): what the database records of the
  // keys that wrote to it.
  const std::string& key_id() const { return key_id_; }

 private:
  std::string pin_key_;
  std::string archive_key_;
  std::string pii_key_;
  std::string index_key_;
  std::string blob_key_;
  std::string key_id_;
};

}  // namespace aduan

#endif  // ADUAN_COMMON_KEY_RING_H_
