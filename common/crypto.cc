#include "common/crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <climits>
#include <memory>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"

namespace aduan {

std::string Sha256(absl::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr);
  return std::string(reinterpret_cast<const char*>(md), len);
}

std::string Sha256Hex(absl::string_view data) {
  return absl::BytesToHexString(Sha256(data));
}

std::string HmacSha256(absl::string_view key, absl::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  size_t len = 0;
  EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, key.data(), key.size(),
            reinterpret_cast<const unsigned char*>(data.data()), data.size(),
            out, sizeof(out), &len);
  return std::string(reinterpret_cast<const char*>(out), len);
}

absl::StatusOr<std::string> RandomBytes(size_t n) {
  std::string out(n, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()),
                 static_cast<int>(n)) != 1) {
    return absl::InternalError("random generator failed");
  }
  return out;
}

bool ConstantTimeEquals(absl::string_view a, absl::string_view b) {
  return a.size() == b.size() &&
         CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

namespace {

struct CipherCtxDeleter {
  void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

const unsigned char* Bytes(absl::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

absl::Status CheckKey(absl::string_view key) {
  if (key.size() != 32) {
    return absl::InvalidArgumentError("AES-256-GCM key must be 32 bytes");
  }
  return absl::OkStatus();
}

}  // namespace

void Wipe(std::string& s) {
  if (!s.empty()) OPENSSL_cleanse(s.data(), s.size());
  s.clear();
}

absl::StatusOr<std::string> AesGcmSeal(absl::string_view key,
                                       absl::string_view plaintext,
                                       absl::string_view aad) {
  std::string out;
  if (absl::Status s = AesGcmSealAppend(key, plaintext, aad, &out); !s.ok()) {
    return s;
  }
  return out;
}

absl::Status AesGcmSealAppend(absl::string_view key,
                              absl::string_view plaintext,
                              absl::string_view aad, std::string* out) {
  if (absl::Status s = CheckKey(key); !s.ok()) return s;
  const absl::Status failed = absl::InternalError("encryption failed");
  if (plaintext.size() > static_cast<size_t>(INT_MAX) - kAesGcmTagSize ||
      aad.size() > static_cast<size_t>(INT_MAX)) {
    return absl::InternalError("too large to encrypt");
  }
  absl::StatusOr<std::string> nonce = RandomBytes(kAesGcmNonceSize);
  if (!nonce.ok()) return nonce.status();
  CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
  if (ctx == nullptr) return failed;
  // AES-GCM's default IV length is 12 bytes, matching kAesGcmNonceSize.
  if (EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, Bytes(key),
                         Bytes(*nonce)) != 1) {
    return failed;
  }
  int len = 0;
  if (!aad.empty() && EVP_EncryptUpdate(ctx.get(), nullptr, &len, Bytes(aad),
                                        static_cast<int>(aad.size())) != 1) {
    return failed;
  }
  // GCM is a stream mode: the ciphertext is exactly as long as the
  // plaintext.
  const size_t start = out->size();
  out->resize(start + kAesGcmNonceSize + plaintext.size() + kAesGcmTagSize);
  out->replace(start, kAesGcmNonceSize, *nonce);
  auto* body =
      reinterpret_cast<unsigned char*>(out->data()) + start + kAesGcmNonceSize;
  int written = 0;
  if (EVP_EncryptUpdate(ctx.get(), body, &len, Bytes(plaintext),
                        static_cast<int>(plaintext.size())) != 1) {
    out->resize(start);
    return failed;
  }
  written = len;
  if (EVP_EncryptFinal_ex(ctx.get(), body + written, &len) != 1 ||
      static_cast<size_t>(written + len) != plaintext.size() ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG,
                          static_cast<int>(kAesGcmTagSize),
                          body + written + len) != 1) {
    out->resize(start);
    return failed;
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> AesGcmOpen(absl::string_view key,
                                       absl::string_view sealed,
                                       absl::string_view aad) {
  if (absl::Status s = CheckKey(key); !s.ok()) return s;
  if (sealed.size() < kAesGcmNonceSize + kAesGcmTagSize) {
    return absl::DataLossError("too short");
  }
  const size_t size = sealed.size() - kAesGcmNonceSize - kAesGcmTagSize;
  if (size > static_cast<size_t>(INT_MAX) ||
      aad.size() > static_cast<size_t>(INT_MAX)) {
    return absl::DataLossError("too long");
  }
  const absl::string_view nonce = sealed.substr(0, kAesGcmNonceSize);
  const absl::string_view ciphertext = sealed.substr(kAesGcmNonceSize, size);
  // EVP_CTRL_GCM_SET_TAG takes a non-const pointer.
  std::string tag(sealed.substr(kAesGcmNonceSize + size));
  CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
  if (ctx == nullptr) return absl::InternalError("decryption failed");
  int len = 0;
  if (EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, Bytes(key),
                         Bytes(nonce)) != 1 ||
      (!aad.empty() && EVP_DecryptUpdate(ctx.get(), nullptr, &len, Bytes(aad),
                                         static_cast<int>(aad.size())) != 1)) {
    return absl::DataLossError("cipher setup failed");
  }
  std::string plaintext(size, '\0');
  int written = 0;
  if (!ciphertext.empty()) {
    if (EVP_DecryptUpdate(
            ctx.get(), reinterpret_cast<unsigned char*>(plaintext.data()), &len,
            Bytes(ciphertext), static_cast<int>(ciphertext.size())) != 1) {
      Wipe(plaintext);
      return absl::DataLossError("decryption failed");
    }
    written = len;
  }
  unsigned char final_block[16];
  if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG,
                          static_cast<int>(kAesGcmTagSize), tag.data()) != 1 ||
      EVP_DecryptFinal_ex(ctx.get(), final_block, &len) != 1) {
    // The tag did not verify: discard the unauthenticated plaintext.
    Wipe(plaintext);
    return absl::DataLossError("authentication failed");
  }
  written += len;
  if (static_cast<size_t>(written) != size) {
    Wipe(plaintext);
    return absl::DataLossError("decryption failed");
  }
  return plaintext;
}

}  // namespace aduan
