#include "server/common/pii_cipher.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <climits>
#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "server/common/crypto.h"
#include "server/common/status_macros.h"

namespace aduan {
namespace {

struct CipherCtxDeleter {
  void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

const unsigned char* Bytes(absl::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

unsigned char* MutableBytes(std::string& s) {
  return reinterpret_cast<unsigned char*>(s.data());
}

// Overwrites `s` with zeros and empties it.
void Wipe(std::string& s) {
  if (!s.empty()) OPENSSL_cleanse(s.data(), s.size());
  s.clear();
}

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
  if (plaintext.size() > static_cast<size_t>(INT_MAX) - kTagSize ||
      context.size() > static_cast<size_t>(INT_MAX)) {
    return absl::InternalError("personal-data value too large to encrypt");
  }
  ASSIGN_OR_RETURN(std::string nonce, RandomBytes(kNonceSize));

  CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
  if (ctx == nullptr) return EncryptError();
  // AES-GCM's default IV length is 12 bytes, matching kNonceSize.
  if (EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr,
                         Bytes(encryption_key_), Bytes(nonce)) != 1) {
    return EncryptError();
  }
  int len = 0;
  if (!context.empty() &&
      EVP_EncryptUpdate(ctx.get(), nullptr, &len, Bytes(context),
                        static_cast<int>(context.size())) != 1) {
    return EncryptError();
  }

  // Layout: nonce || ciphertext || tag. GCM is a stream mode, so the
  // ciphertext is exactly as long as the plaintext.
  std::string blob(kNonceSize + plaintext.size() + kTagSize, '\0');
  blob.replace(0, kNonceSize, nonce);
  unsigned char* out = MutableBytes(blob) + kNonceSize;
  int written = 0;
  if (EVP_EncryptUpdate(ctx.get(), out, &len, Bytes(plaintext),
                        static_cast<int>(plaintext.size())) != 1) {
    return EncryptError();
  }
  written = len;
  if (EVP_EncryptFinal_ex(ctx.get(), out + written, &len) != 1) {
    return EncryptError();
  }
  written += len;
  if (static_cast<size_t>(written) != plaintext.size()) return EncryptError();
  if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG,
                          static_cast<int>(kTagSize), out + written) != 1) {
    return EncryptError();
  }
  return absl::StrCat(kPrefix, absl::Base64Escape(blob));
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
  if (blob.size() < kNonceSize + kTagSize) {
    return DecryptError("too short", context);
  }
  const size_t ciphertext_size = blob.size() - kNonceSize - kTagSize;
  if (ciphertext_size > static_cast<size_t>(INT_MAX) ||
      context.size() > static_cast<size_t>(INT_MAX)) {
    return DecryptError("too long", context);
  }
  const absl::string_view view(blob);
  const absl::string_view nonce = view.substr(0, kNonceSize);
  const absl::string_view ciphertext = view.substr(kNonceSize, ciphertext_size);
  // EVP_CTRL_GCM_SET_TAG takes a non-const pointer.
  std::string tag(view.substr(kNonceSize + ciphertext_size));

  CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
  if (ctx == nullptr) {
    return absl::InternalError("personal-data decryption failed");
  }
  int len = 0;
  if (EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr,
                         Bytes(encryption_key_), Bytes(nonce)) != 1) {
    return DecryptError("cipher setup failed", context);
  }
  if (!context.empty() &&
      EVP_DecryptUpdate(ctx.get(), nullptr, &len, Bytes(context),
                        static_cast<int>(context.size())) != 1) {
    return DecryptError("cipher setup failed", context);
  }
  std::string plaintext(ciphertext_size, '\0');
  int written = 0;
  if (!ciphertext.empty()) {
    if (EVP_DecryptUpdate(ctx.get(), MutableBytes(plaintext), &len,
                          Bytes(ciphertext),
                          static_cast<int>(ciphertext.size())) != 1) {
      Wipe(plaintext);
      return DecryptError("decryption failed", context);
    }
    written = len;
  }
  if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG,
                          static_cast<int>(kTagSize), tag.data()) != 1) {
    Wipe(plaintext);
    return DecryptError("decryption failed", context);
  }
  // Unsigned char scratch space for the (empty) final block.
  unsigned char final_block[16];
  if (EVP_DecryptFinal_ex(ctx.get(), final_block, &len) != 1) {
    // The tag did not verify: discard the unauthenticated plaintext.
    Wipe(plaintext);
    return DecryptError("authentication failed", context);
  }
  written += len;
  if (static_cast<size_t>(written) != ciphertext_size) {
    Wipe(plaintext);
    return DecryptError("decryption failed", context);
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
