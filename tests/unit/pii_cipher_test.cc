#include "common/pii_cipher.h"

#include <string>
#include <thread>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "tests/test_util.h"

namespace aduan {
namespace {

using ::aduan::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr absl::string_view kNik = "3574041234560001";
constexpr absl::string_view kNikContext = "complaints.nik";

// Bytes first, first+1, ..., first+31.
std::string SequentialKey(int first) {
  std::string key;
  for (int i = 0; i < 32; ++i) key.push_back(static_cast<char>(first + i));
  return key;
}

PiiCipher MakeCipher(int enc_first = 0, int index_first = 32) {
  auto cipher =
      PiiCipher::Create(SequentialKey(enc_first), SequentialKey(index_first));
  EXPECT_TRUE(cipher.ok()) << cipher.status();
  return *std::move(cipher);
}

// Decodes Encrypt output to nonce || ciphertext || tag.
std::string DecodeBlob(const std::string& stored) {
  std::string blob;
  EXPECT_TRUE(absl::StartsWith(stored, "v1:"));
  EXPECT_TRUE(absl::Base64Unescape(stored.substr(3), &blob));
  return blob;
}

std::string EncodeBlob(const std::string& blob) {
  return "v1:" + absl::Base64Escape(blob);
}

TEST(PiiCipherTest, RoundTripsValue) {
  const PiiCipher cipher = MakeCipher();
  auto stored = cipher.Encrypt(kNik, kNikContext);
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_THAT(*stored, Not(HasSubstr(std::string(kNik))));
  auto plain = cipher.Decrypt(*stored, kNikContext);
  ASSERT_TRUE(plain.ok()) << plain.status();
  EXPECT_EQ(*plain, kNik);
}

TEST(PiiCipherTest, RoundTripsBinaryAndLongValues) {
  const PiiCipher cipher = MakeCipher();
  const std::string binary("\0\x01\xff\n\x80", 5);
  const std::string longer(10000, 'x');
  for (const std::string& value : {binary, longer}) {
    auto stored = cipher.Encrypt(value, "kk");
    ASSERT_TRUE(stored.ok()) << stored.status();
    auto plain = cipher.Decrypt(*stored, "kk");
    ASSERT_TRUE(plain.ok()) << plain.status();
    EXPECT_EQ(*plain, value);
  }
}

TEST(PiiCipherTest, OutputIsPrefixedBase64OfNonceCiphertextAndTag) {
  const PiiCipher cipher = MakeCipher();
  auto stored = cipher.Encrypt(kNik, kNikContext);
  ASSERT_TRUE(stored.ok());
  EXPECT_TRUE(absl::StartsWith(*stored, "v1:"));
  EXPECT_THAT(*stored, Not(HasSubstr("\n")));
  EXPECT_EQ(DecodeBlob(*stored).size(), 12u + kNik.size() + 16u);
  EXPECT_EQ(EncodeBlob(DecodeBlob(*stored)), *stored);
}

TEST(PiiCipherTest, DecryptsKnownAnswerVector) {
  // Computed independently with Python's `cryptography` AESGCM: key bytes
  // 0..31, nonce bytes 100..111, AAD "complaints.nik".
  const PiiCipher cipher = MakeCipher();
  auto plain = cipher.Decrypt(
      "v1:ZGVmZ2hpamtsbW5vey7pUkndZ6wNVmre6lVazC2LNtGXNaaEkj1k4MifgAo=",
      kNikContext);
  ASSERT_TRUE(plain.ok()) << plain.status();
  EXPECT_EQ(*plain, kNik);
}

TEST(PiiCipherTest, DecryptsNistGcmTestCase16) {
  // McGrew & Viega GCM spec, test case 16 (AES-256, 60-byte plaintext, AAD).
  const std::string key = absl::HexStringToBytes(
      "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
  auto cipher = PiiCipher::Create(key, SequentialKey(32));
  ASSERT_TRUE(cipher.ok());
  const std::string blob = absl::HexStringToBytes(
      "cafebabefacedbaddecaf888"
      "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
      "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
      "76fc6ece0f4e1768cddf8853bb2d551b");
  auto plain = cipher->Decrypt(
      EncodeBlob(blob),
      absl::HexStringToBytes("feedfacedeadbeeffeedfacedeadbeefabaddad2"));
  ASSERT_TRUE(plain.ok()) << plain.status();
  EXPECT_EQ(absl::BytesToHexString(*plain),
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
}

TEST(PiiCipherTest, EmptyStaysEmptyBothWays) {
  const PiiCipher cipher = MakeCipher();
  auto stored = cipher.Encrypt("", kNikContext);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(*stored, "");
  auto plain = cipher.Decrypt("", kNikContext);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(*plain, "");
}

TEST(PiiCipherTest, SameValueEncryptsDifferentlyButDecryptsEqual) {
  const PiiCipher cipher = MakeCipher();
  auto first = cipher.Encrypt(kNik, kNikContext);
  auto second = cipher.Encrypt(kNik, kNikContext);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(second.ok());
  EXPECT_NE(*first, *second);
  EXPECT_NE(DecodeBlob(*first).substr(0, 12),
            DecodeBlob(*second).substr(0, 12));
  EXPECT_EQ(*cipher.Decrypt(*first, kNikContext), kNik);
  EXPECT_EQ(*cipher.Decrypt(*second, kNikContext), kNik);
}

TEST(PiiCipherTest, WrongContextIsDataLoss) {
  const PiiCipher cipher = MakeCipher();
  auto stored = cipher.Encrypt(kNik, "complaints.nik");
  ASSERT_TRUE(stored.ok());
  EXPECT_THAT(cipher.Decrypt(*stored, "complaints.kk"),
              StatusIs(absl::StatusCode::kDataLoss, "authentication failed"));
  EXPECT_THAT(cipher.Decrypt(*stored, ""),
              StatusIs(absl::StatusCode::kDataLoss));
}

TEST(PiiCipherTest, TamperedByteInNonceCiphertextOrTagIsDataLoss) {
  const PiiCipher cipher = MakeCipher();
  auto stored = cipher.Encrypt(kNik, kNikContext);
  ASSERT_TRUE(stored.ok());
  const std::string blob = DecodeBlob(*stored);
  // First nonce byte, first ciphertext byte, last tag byte.
  for (size_t pos : {size_t{0}, size_t{12}, blob.size() - 1}) {
    std::string tampered = blob;
    tampered[pos] ^= 0x01;
    auto result = cipher.Decrypt(EncodeBlob(tampered), kNikContext);
    EXPECT_THAT(result,
                StatusIs(absl::StatusCode::kDataLoss, "authentication failed"))
        << "byte " << pos;
    EXPECT_THAT(std::string(result.status().message()),
                Not(HasSubstr(std::string(kNik))));
  }
}

TEST(PiiCipherTest, TruncatedTextIsDataLoss) {
  const PiiCipher cipher = MakeCipher();
  auto stored = cipher.Encrypt(kNik, kNikContext);
  ASSERT_TRUE(stored.ok());
  const std::string blob = DecodeBlob(*stored);
  // Dropping one byte (the tag no longer matches).
  EXPECT_THAT(
      cipher.Decrypt(EncodeBlob(blob.substr(0, blob.size() - 1)), kNikContext),
      StatusIs(absl::StatusCode::kDataLoss, "authentication failed"));
  // Shorter than nonce + tag.
  EXPECT_THAT(cipher.Decrypt(EncodeBlob(blob.substr(0, 27)), kNikContext),
              StatusIs(absl::StatusCode::kDataLoss, "too short"));
  EXPECT_THAT(cipher.Decrypt("v1:", kNikContext),
              StatusIs(absl::StatusCode::kDataLoss, "too short"));
  // Cut in the middle of the base64 text.
  EXPECT_THAT(
      cipher.Decrypt(stored->substr(0, stored->size() - 3), kNikContext),
      StatusIs(absl::StatusCode::kDataLoss));
}

TEST(PiiCipherTest, MissingOrUnknownPrefixIsDataLoss) {
  const PiiCipher cipher = MakeCipher();
  auto stored = cipher.Encrypt(kNik, kNikContext);
  ASSERT_TRUE(stored.ok());
  EXPECT_THAT(cipher.Decrypt(stored->substr(3), kNikContext),
              StatusIs(absl::StatusCode::kDataLoss, "not in encrypted format"));
  EXPECT_THAT(cipher.Decrypt("v2:" + stored->substr(3), kNikContext),
              StatusIs(absl::StatusCode::kDataLoss, "not in encrypted format"));
  // Legacy plaintext row: the error must not echo the value.
  auto legacy = cipher.Decrypt(kNik, kNikContext);
  EXPECT_THAT(legacy,
              StatusIs(absl::StatusCode::kDataLoss, "not in encrypted format"));
  EXPECT_THAT(std::string(legacy.status().message()),
              Not(HasSubstr(std::string(kNik))));
}

TEST(PiiCipherTest, BadBase64IsDataLoss) {
  const PiiCipher cipher = MakeCipher();
  auto stored = cipher.Encrypt(kNik, kNikContext);
  ASSERT_TRUE(stored.ok());
  EXPECT_THAT(cipher.Decrypt("v1:!!!!not*base64", kNikContext),
              StatusIs(absl::StatusCode::kDataLoss, "invalid base64"));
  // Non-canonical encodings of a valid blob are rejected too.
  const std::string padded = *stored;  // 44 bytes -> one '=' of padding.
  ASSERT_TRUE(absl::EndsWith(padded, "="));
  EXPECT_THAT(cipher.Decrypt(padded.substr(0, padded.size() - 1), kNikContext),
              StatusIs(absl::StatusCode::kDataLoss, "invalid base64"));
  EXPECT_THAT(cipher.Decrypt("v1: " + stored->substr(3), kNikContext),
              StatusIs(absl::StatusCode::kDataLoss, "invalid base64"));
  EXPECT_THAT(cipher.Decrypt(*stored + "\n", kNikContext),
              StatusIs(absl::StatusCode::kDataLoss, "invalid base64"));
}

TEST(PiiCipherTest, DecryptWithAnotherKeyIsDataLoss) {
  const PiiCipher cipher = MakeCipher(0, 32);
  const PiiCipher other = MakeCipher(64, 32);
  auto stored = cipher.Encrypt(kNik, kNikContext);
  ASSERT_TRUE(stored.ok());
  EXPECT_THAT(other.Decrypt(*stored, kNikContext),
              StatusIs(absl::StatusCode::kDataLoss, "authentication failed"));
}

TEST(PiiCipherTest, CopiesAndMovesKeepWorking) {
  PiiCipher original = MakeCipher();
  auto stored = original.Encrypt(kNik, kNikContext);
  ASSERT_TRUE(stored.ok());
  const PiiCipher copy = original;
  const PiiCipher moved = std::move(original);
  EXPECT_EQ(*copy.Decrypt(*stored, kNikContext), kNik);
  EXPECT_EQ(*moved.Decrypt(*stored, kNikContext), kNik);
}

TEST(PiiCipherTest, ConcurrentUseFromManyThreads) {
  const PiiCipher cipher = MakeCipher();
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cipher, &failures, t] {
      for (int i = 0; i < 200; ++i) {
        const std::string value = std::to_string(t * 1000 + i);
        auto stored = cipher.Encrypt(value, kNikContext);
        if (!stored.ok()) {
          ++failures[t];
          continue;
        }
        auto plain = cipher.Decrypt(*stored, kNikContext);
        if (!plain.ok() || *plain != value) ++failures[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures, std::vector<int>(4, 0));
}

TEST(PiiCipherTest, IsEncryptedChecksPrefix) {
  const PiiCipher cipher = MakeCipher();
  auto stored = cipher.Encrypt(kNik, kNikContext);
  ASSERT_TRUE(stored.ok());
  EXPECT_TRUE(PiiCipher::IsEncrypted(*stored));
  EXPECT_TRUE(PiiCipher::IsEncrypted("v1:"));
  EXPECT_FALSE(PiiCipher::IsEncrypted(kNik));
  EXPECT_FALSE(PiiCipher::IsEncrypted(""));
  EXPECT_FALSE(PiiCipher::IsEncrypted("v1"));
  EXPECT_FALSE(PiiCipher::IsEncrypted("V1:abc"));
  EXPECT_FALSE(PiiCipher::IsEncrypted("v2:abc"));
}

TEST(PiiCipherTest, BlindIndexIsDeterministicHmacHex) {
  const PiiCipher cipher = MakeCipher();
  const std::string index = cipher.BlindIndex(kNik, kNikContext);
  // HMAC-SHA-256(key bytes 32..63, "complaints.nik\n3574041234560001"),
  // computed independently with Python's hmac module.
  EXPECT_EQ(index,
            "6263072a37f78ddf1f16bd3a3d5774c780202c00917a71416051bdfea8232a54");
  EXPECT_EQ(index.size(), 64u);
  EXPECT_EQ(index.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(cipher.BlindIndex(kNik, kNikContext), index);
  EXPECT_EQ(MakeCipher().BlindIndex(kNik, kNikContext), index);
}

TEST(PiiCipherTest, BlindIndexDiffersPerKeyContextAndValue) {
  const PiiCipher cipher = MakeCipher(0, 32);
  const std::string index = cipher.BlindIndex(kNik, kNikContext);
  // Different index key (same encryption key).
  EXPECT_NE(MakeCipher(0, 64).BlindIndex(kNik, kNikContext), index);
  // The encryption key does not take part.
  EXPECT_EQ(MakeCipher(96, 32).BlindIndex(kNik, kNikContext), index);
  EXPECT_NE(cipher.BlindIndex(kNik, "complaints.kk"), index);
  EXPECT_NE(cipher.BlindIndex("3574041234560002", kNikContext), index);
}

TEST(PiiCipherTest, BlindIndexOfEmptyValueIsEmpty) {
  const PiiCipher cipher = MakeCipher();
  EXPECT_EQ(cipher.BlindIndex("", kNikContext), "");
}

TEST(PiiCipherTest, CreateRejectsKeysThatAreNot32Bytes) {
  const std::string good = SequentialKey(0);
  const std::string short_key = good.substr(0, 31);
  EXPECT_THAT(PiiCipher::Create(short_key, good),
              StatusIs(absl::StatusCode::kInvalidArgument, "encryption key"));
  EXPECT_THAT(PiiCipher::Create(good, short_key),
              StatusIs(absl::StatusCode::kInvalidArgument, "index key"));
  EXPECT_THAT(PiiCipher::Create(good + "x", good),
              StatusIs(absl::StatusCode::kInvalidArgument, "32 bytes"));
  EXPECT_THAT(PiiCipher::Create("", ""),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_TRUE(PiiCipher::Create(good, SequentialKey(32)).ok());
}

TEST(MaskIdentityNumberTest, KeepsFirstFourAndLastTwo) {
  EXPECT_EQ(MaskIdentityNumber("3574041234560001"), "3574**********01");
  EXPECT_EQ(MaskIdentityNumber("1234567"), "1234*67");
}

TEST(MaskIdentityNumberTest, FullyMasksSixOrFewerCharacters) {
  EXPECT_EQ(MaskIdentityNumber("123456"), "******");
  EXPECT_EQ(MaskIdentityNumber("1"), "*");
  EXPECT_EQ(MaskIdentityNumber(""), "");
}

}  // namespace
}  // namespace aduan
