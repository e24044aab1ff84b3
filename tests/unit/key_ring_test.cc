#include "common/key_ring.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "tests/test_util.h"

namespace aduan {
namespace {

using ::aduan::testing::StatusIs;

TEST(KeyRingTest, CreatesKeyFileWithMode0600AndReloadsSameKeys) {
  const std::string dir = aduan::testing::MakeTempDir("aduan-key");
  const std::string path = dir + "/sub/aduan.key";
  auto first = KeyRing::Load(path, true);
  ASSERT_TRUE(first.ok()) << first.status();
  struct stat st;
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto again = KeyRing::Load(path, false);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(first->pin_key(), again->pin_key());
  EXPECT_EQ(first->pin_key().size(), 32u);
  EXPECT_NE(first->pin_key(), first->archive_key());
  std::filesystem::remove_all(dir);
}

TEST(KeyRingTest, MissingFileIsNotFoundWhenNotCreating) {
  EXPECT_THAT(KeyRing::Load("/nonexistent/aduan.key", false),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST(KeyRingTest, RejectsWorldReadableAndMalformedFiles) {
  const std::string dir = aduan::testing::MakeTempDir("aduan-key");
  const std::string path = dir + "/aduan.key";
  std::ofstream(path) << std::string(64, 'a') << "\n";
  chmod(path.c_str(), 0644);
  EXPECT_THAT(KeyRing::Load(path, false),
              StatusIs(absl::StatusCode::kInvalidArgument, "chmod 600"));
  chmod(path.c_str(), 0600);
  EXPECT_TRUE(KeyRing::Load(path, false).ok());
  std::ofstream(path) << "not hex";
  EXPECT_THAT(KeyRing::Load(path, false),
              StatusIs(absl::StatusCode::kInvalidArgument, "64 hex"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace aduan
