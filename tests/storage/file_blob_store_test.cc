#include "db/file_blob_store.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "server/common/crypto.h"
#include "tests/test_util.h"

namespace aduan::db {
namespace {

namespace fs = std::filesystem;
using ::aduan::testing::StatusIs;

class FileBlobStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = aduan::testing::MakeTempDir("aduan-blobs") + "/store";
    store_ = FileBlobStore::Open(root_).value();
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
  ASSERT_TRUE(FileBlobStore::Open(root_).ok());
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_TRUE(fs::exists(fresh));  // may be another process's upload
}

}  // namespace
}  // namespace aduan::db
