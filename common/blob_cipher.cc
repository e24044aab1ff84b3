#include "common/blob_cipher.h"

#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/crypto.h"

namespace aduan {
namespace {

std::string Header(absl::string_view key_id) {
  return absl::StrCat(BlobCipher::kMagic, std::string(1, BlobCipher::kVersion),
                      std::string(1, static_cast<char>(key_id.size())), key_id);
}

std::string Aad(absl::string_view header, absl::string_view sha256) {
  return absl::StrCat(header, "\n", sha256);
}

}  // namespace

absl::StatusOr<BlobCipher> BlobCipher::Create(std::string key,
                                              std::string key_id) {
  if (key.size() != 32 || key_id.size() > 64) {
    Wipe(key);
    return absl::InvalidArgumentError(
        "blob key must be 32 bytes, its id at most 64 characters");
  }
  if (key_id.empty()) {
    key_id =
        absl::BytesToHexString(HmacSha256(key, "aduan key id").substr(0, 8));
  }
  return BlobCipher(std::move(key), std::move(key_id));
}

BlobCipher::~BlobCipher() { Wipe(key_); }

absl::StatusOr<std::string> BlobCipher::Seal(absl::string_view document,
                                             absl::string_view sha256) const {
  std::string sealed = Header(key_id_);
  const std::string aad = Aad(sealed, sha256);
  sealed.reserve(sealed.size() + kAesGcmNonceSize + document.size() +
                 kAesGcmTagSize);
  if (!AesGcmSealAppend(key_, document, aad, &sealed).ok()) {
    return absl::InternalError(
        absl::StrCat("blob ", sha256, ": cannot encrypt"));
  }
  return sealed;
}

absl::StatusOr<std::string> BlobCipher::Open(absl::string_view stored,
                                             absl::string_view sha256) const {
  auto lost = [&](absl::string_view why) {
    return absl::DataLossError(absl::StrCat("blob ", sha256, ": ", why));
  };
  if (!IsSealed(stored) || stored.size() < kMagic.size() + 2) {
    return lost("not in the sealed format");
  }
  if (stored[kMagic.size()] != kVersion) return lost("unknown format version");
  const size_t id_size = static_cast<unsigned char>(stored[kMagic.size() + 1]);
  const size_t body = kMagic.size() + 2 + id_size;
  if (stored.size() < body) return lost("truncated header");
  const absl::string_view id = stored.substr(kMagic.size() + 2, id_size);
  if (id != key_id_) {
    return absl::FailedPreconditionError(
        absl::StrCat("blob ", sha256, ": sealed under key ", id,
                     ", this server holds key ", key_id_));
  }
  absl::StatusOr<std::string> document = AesGcmOpen(
      key_, stored.substr(body), Aad(stored.substr(0, body), sha256));
  if (!document.ok()) return lost(document.status().message());
  return document;
}

bool BlobCipher::IsSealed(absl::string_view stored) {
  return absl::StartsWith(stored, kMagic);
}

}  // namespace aduan
