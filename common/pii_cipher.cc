#include "common/pii_cipher.h"

#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/crypto.h"
#include "common/status_macros.h"

namespace aduan {
namespace {

absl::Status EncryptError() {
  return absl::InternalError("personal-data encryption failed");
}

absl::Status DecryptError(absl::string_view why, absl::string_view context) {
  return absl::DataLossError(
      absl::StrCat("cannot decrypt personal data for ", context, ": ", why));
}

}  // namespace

PiiCipher::PiiCipher(std::string encryption_key, std::string index_key)
    : encryption_key_(std::move(encryption_key)),
      index_key_(std::move(index_key)) {}

PiiCipher::~PiiCipher() {
  Wipe(encryption_key_);
  Wipe(index_key_);
}

absl::StatusOr<PiiCipher> PiiCipher::Create(std::string encryption_key,
                                            std::string index_key) {
  if (encryption_key.size() != kKeySize || index_key.size() != kKeySize) {
    const bool enc_ok = encryption_key.size() == kKeySize;
    Wipe(encryption_key);
    Wipe(index_key);
    return absl::InvalidArgumentError(absl::StrCat(
        enc_ok ? "index" : "encryption", " key must be ", kKeySize, " bytes"));
  }
  return PiiCipher(std::move(encryption_key), std::move(index_key));
}

absl::StatusOr<std::string> PiiCipher::Encrypt(
    absl::string_view plaintext, absl::string_view context) const {
  if (plaintext.empty()) return std::string();
  absl::StatusOr<std::string> sealed =
      AesGcmSeal(encryption_key_, plaintext, context);
  if (!sealed.ok()) return EncryptError();
  return absl::StrCat(kPrefix, absl::Base64Escape(*sealed));
}

absl::StatusOr<std::string> PiiCipher::Decrypt(
    absl::string_view stored, absl::string_view context) const {
  if (stored.empty()) return std::string();
  if (!IsEncrypted(stored)) {
    return DecryptError("not in encrypted format", context);
  }
  const absl::string_view encoded = stored.substr(kPrefix.size());
  std::string blob;
  // Require the canonical encoding Encrypt produces, so that exactly one
  // text maps to each blob (absl accepts e.g. missing padding).
  if (!absl::Base64Unescape(encoded, &blob) ||
      absl::Base64Escape(blob) != encoded) {
    return DecryptError("invalid base64", context);
  }
  absl::StatusOr<std::string> plaintext =
      AesGcmOpen(encryption_key_, blob, context);
  if (absl::IsInternal(plaintext.status())) {
    return absl::InternalError("personal-data decryption failed");
  }
  if (!plaintext.ok()) {
    return DecryptError(plaintext.status().message(), context);
  }
  return plaintext;
}

bool PiiCipher::IsEncrypted(absl::string_view stored) {
  return absl::StartsWith(stored, kPrefix);
}

std::string PiiCipher::BlindIndex(absl::string_view value,
                                  absl::string_view context) const {
  if (value.empty()) return std::string();
  std::string message = absl::StrCat(context, "\n", value);
  std::string index = absl::BytesToHexString(HmacSha256(index_key_, message));
  Wipe(message);
  return index;
}

std::string MaskIdentityNumber(absl::string_view value) {
  constexpr size_t kKeepFront = 4;
  constexpr size_t kKeepBack = 2;
  if (value.size() <= kKeepFront + kKeepBack) {
    return std::string(value.size(), '*');
  }
  std::string masked(value);
  for (size_t i = kKeepFront; i < masked.size() - kKeepBack; ++i) {
    masked[i] = '*';
  }
  return masked;
}

}  // namespace aduan
