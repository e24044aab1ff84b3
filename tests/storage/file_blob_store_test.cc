#include "db/file_blob_store.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/blob_cipher.h"
#include "common/crypto.h"
#include "tests/test_util.h"

namespace aduan::db {
namespace {

namespace fs = std::filesystem;
using ::aduan::testing::StatusIs;

BlobCipher Cipher(char key_byte) {
  return BlobCipher::Create(std::string(32, key_byte)).value();
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class FileBlobStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = aduan::testing::MakeTempDir("aduan-blobs") + "/store";
    store_ = FileBlobStore::Open(root_, Cipher('b')).value();
  }
  void TearDown() override { fs::remove_all(fs::path(root_).parent_path()); }

  // Every regular file under the root, temporary files included.
  std::vector<std::string> Files() {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root_)) {
      if (e.is_regular_file()) out.push_back(e.path().string());
    }
    return out;
  }

  std::string root_;
  std::unique_ptr<FileBlobStore> store_;
};

TEST_F(FileBlobStoreTest, StoresUnderTheDigestAndReadsBack) {
  const std::string bytes = "isi dokumen\n";
  const std::string sha = Sha256Hex(bytes);
  ASSERT_TRUE(store_->Put(sha, bytes).ok());
  EXPECT_EQ(store_->Get(sha).value(), bytes);
  EXPECT_EQ(store_->PathOf(sha), root_ + "/" + sha.substr(0, 2) + "/" + sha);
  EXPECT_EQ(Files(), std::vector<std::string>{store_->PathOf(sha)});
}

TEST_F(FileBlobStoreTest, IdenticalBytesAreStoredOnce) {
  const std::string bytes(100000, 'k');
  const std::string sha = Sha256Hex(bytes);
  ASSERT_TRUE(store_->Put(sha, bytes).ok());
  struct stat first;
  ASSERT_EQ(::stat(store_->PathOf(sha).c_str(), &first), 0);
  ASSERT_TRUE(store_->Put(sha, bytes).ok());
  struct stat second;
  ASSERT_EQ(::stat(store_->PathOf(sha).c_str(), &second), 0);
  EXPECT_EQ(first.st_ino, second.st_ino);  // not rewritten
  EXPECT_EQ(Files().size(), 1u);
}

TEST_F(FileBlobStoreTest, ConcurrentPutsOfTheSameBytesLeaveOneWholeFile) {
  const std::string bytes(300000, 'z');
  const std::string sha = Sha256Hex(bytes);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] { EXPECT_TRUE(store_->Put(sha, bytes).ok()); });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(store_->Get(sha).value(), bytes);
  EXPECT_EQ(Files().size(), 1u);  // no temporary file left
}

TEST_F(FileBlobStoreTest, ADamagedCopyIsReplacedByTheNextPut) {
  const std::string bytes = "foto lokasi";
  const std::string sha = Sha256Hex(bytes);
  ASSERT_TRUE(store_->Put(sha, bytes).ok());
  std::ofstream(store_->PathOf(sha), std::ios::trunc) << "diubah";
  EXPECT_EQ(store_->Get(sha).value(), "diubah");  // Get returns what is there
  ASSERT_TRUE(store_->Put(sha, bytes).ok());
  EXPECT_EQ(store_->Get(sha).value(), bytes);
}

TEST_F(FileBlobStoreTest, MissingAndMalformedNamesAreNotFoundOrRefused) {
  EXPECT_THAT(store_->Get(std::string(64, 'a')),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(store_->Get("../../etc/passwd"),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(store_->Put("../x", "b"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(store_->Put(std::string(64, 'A'), "b"),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_F(FileBlobStoreTest, AgesAreListedRefreshedByPutAndGuardRemoval) {
  const std::string old_bytes = "lama", new_bytes = "baru";
  const std::string old_sha = Sha256Hex(old_bytes);
  const std::string new_sha = Sha256Hex(new_bytes);
  ASSERT_TRUE(store_->Put(old_sha, old_bytes).ok());
  ASSERT_TRUE(store_->Put(new_sha, new_bytes).ok());
  fs::last_write_time(store_->PathOf(old_sha),
                      fs::file_time_type::clock::now() - std::chrono::hours(3));
  const absl::Time hour_ago = absl::Now() - absl::Hours(1);
  EXPECT_EQ(store_->ListOlderThan(hour_ago).value(),
            std::vector<std::string>{old_sha});
  EXPECT_FALSE(store_->RemoveIfOlderThan(new_sha, hour_ago).value());
  // Put of bytes already there makes them young again.
  ASSERT_TRUE(store_->Put(old_sha, old_bytes).ok());
  EXPECT_TRUE(store_->ListOlderThan(hour_ago).value().empty());
  EXPECT_FALSE(store_->RemoveIfOlderThan(old_sha, hour_ago).value());
  fs::last_write_time(store_->PathOf(old_sha),
                      fs::file_time_type::clock::now() - std::chrono::hours(3));
  EXPECT_TRUE(store_->RemoveIfOlderThan(old_sha, hour_ago).value());
  EXPECT_THAT(store_->Get(old_sha), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(store_->Get(new_sha).value(), new_bytes);
}

TEST_F(FileBlobStoreTest, OpenClearsStaleTemporaryFilesOnly) {
  const std::string stale = root_ + "/tmp/old.part";
  const std::string fresh = root_ + "/tmp/new.part";
  std::ofstream(stale) << "x";
  std::ofstream(fresh) << "y";
  fs::last_write_time(stale,
                      fs::file_time_type::clock::now() - std::chrono::hours(2));
  ASSERT_TRUE(FileBlobStore::Open(root_, Cipher('b')).ok());
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_TRUE(fs::exists(fresh));  // may be another process's upload
}

// A KTP-el copy shows the NIK in full: the file holds no byte of it in
// clear, starts with the sealed header and its key id, and reads back whole.
TEST_F(FileBlobStoreTest, FilesAreSealedAndOpenOnlyAsTheirDocument) {
  const std::string ktp = "KTP-el NIK 3574014501900001 Siti Aminah";
  const std::string sha = Sha256Hex(ktp);
  ASSERT_TRUE(store_->Put(sha, ktp).ok());
  const std::string stored = ReadAll(store_->PathOf(sha));
  const std::string key_id = Cipher('b').key_id();
  EXPECT_EQ(
      stored.substr(0, 6 + key_id.size()),
      absl::StrCat("ADNB\x01", std::string(1, char(key_id.size())), key_id));
  EXPECT_EQ(stored.find("3574014501900001"), std::string::npos);
  EXPECT_EQ(stored.size(), 6 + key_id.size() + 12 + ktp.size() + 16);
  EXPECT_EQ(store_->Get(sha).value(), ktp);

  // Renamed to another document's digest: does not open.
  const std::string other = Sha256Hex("lain");
  fs::create_directories(fs::path(store_->PathOf(other)).parent_path());
  fs::copy_file(store_->PathOf(sha), store_->PathOf(other));
  EXPECT_THAT(store_->Get(other), StatusIs(absl::StatusCode::kDataLoss));
  // One byte changed: does not open.
  std::string tampered = stored;
  tampered[tampered.size() - 20] ^= 1;
  std::ofstream(store_->PathOf(sha), std::ios::trunc | std::ios::binary)
      << tampered;
  EXPECT_THAT(store_->Get(sha), StatusIs(absl::StatusCode::kDataLoss));
}

TEST_F(FileBlobStoreTest, AnotherKeyIsNamedNotMistakenForDamage) {
  const std::string bytes = "surat keterangan";
  const std::string sha = Sha256Hex(bytes);
  ASSERT_TRUE(store_->Put(sha, bytes).ok());
  auto other = FileBlobStore::Open(root_, Cipher('c')).value();
  const absl::StatusOr<std::string> got = other->Get(sha);
  EXPECT_THAT(got, StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_EQ(
      got.status().message(),
      absl::StrCat("blob ", sha, ": sealed under key ", Cipher('b').key_id(),
                   ", this server holds key ", Cipher('c').key_id()));
}

// Files written in clear by an older version: sealed at start, keeping their
// time (the sweep reads it); a clear file that does not match its name is
// left alone and counted; a second pass finds nothing to do.
TEST_F(FileBlobStoreTest, ClearFilesAreSealedOnceKeepingTheirTime) {
  const std::string kk = "Kartu Keluarga 3574010101010001";
  const std::string sha = Sha256Hex(kk);
  const std::string bad = Sha256Hex("asli");
  for (const auto& [name, bytes] :
       {std::pair(sha, kk), std::pair(bad, std::string("diubah"))}) {
    fs::create_directories(fs::path(store_->PathOf(name)).parent_path());
    std::ofstream(store_->PathOf(name), std::ios::binary) << bytes;
  }
  const auto old = fs::file_time_type::clock::now() - std::chrono::hours(5);
  fs::last_write_time(store_->PathOf(sha), old);
  EXPECT_EQ(store_->Get(sha).value(), kk);  // read in clear meanwhile

  const FileBlobStore::SealReport report = store_->SealClearBlobs().value();
  EXPECT_EQ(report.sealed, 1);
  EXPECT_EQ(report.damaged, 1);
  const std::string stored = ReadAll(store_->PathOf(sha));
  EXPECT_TRUE(BlobCipher::IsSealed(stored));
  EXPECT_EQ(stored.find("3574010101010001"), std::string::npos);
  EXPECT_EQ(store_->Get(sha).value(), kk);
  EXPECT_EQ(fs::last_write_time(store_->PathOf(sha)), old);
  EXPECT_EQ(ReadAll(store_->PathOf(bad)), "diubah");
  EXPECT_EQ(Files().size(), 2u);  // no temporary file left

  const FileBlobStore::SealReport again = store_->SealClearBlobs().value();
  EXPECT_EQ(again.sealed, 0);
  EXPECT_EQ(again.damaged, 1);
}

TEST_F(FileBlobStoreTest, PutOfADocumentStoredInClearSealsIt) {
  const std::string bytes = "foto KTP";
  const std::string sha = Sha256Hex(bytes);
  fs::create_directories(fs::path(store_->PathOf(sha)).parent_path());
  std::ofstream(store_->PathOf(sha), std::ios::binary) << bytes;
  EXPECT_TRUE(store_->Put(sha, bytes).value());  // written again, sealed
  EXPECT_TRUE(BlobCipher::IsSealed(ReadAll(store_->PathOf(sha))));
  EXPECT_FALSE(store_->Put(sha, bytes).value());
}

}  // namespace
}  // namespace aduan::db
