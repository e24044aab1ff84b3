#include "server/domain/tracking_code.h"

#include <regex>
#include <set>

#include "tests/test_util.h"

namespace aduan::domain {
namespace {

using ::aduan::testing::StatusIs;

TEST(TrackingCodeTest, NewCodesHaveOfficePrefixAndCrockfordBody) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    auto code = NewTrackingCode("KNG");
    ASSERT_TRUE(code.ok());
    EXPECT_TRUE(
        std::regex_match(*code, std::regex("KNG-[0-9A-HJKMNP-TV-Z]{8}")))
        << *code;
    seen.insert(*code);
  }
  EXPECT_EQ(seen.size(), 1000u);  // 40 random bits: no repeats in 1000
}

TEST(TrackingCodeTest, NormalizeUppercasesTrimsAndReadsAliases) {
  EXPECT_EQ(*NormalizeTrackingCode("t", " kng-7k3m9qxp "), "KNG-7K3M9QXP");
  EXPECT_EQ(*NormalizeTrackingCode("t", "KNG-O1IL0000"), "KNG-01110000");
}

TEST(TrackingCodeTest, NormalizeRejectsMalformedCodesNamingTheField) {
  for (const char* bad :
       {"", "KNG", "KNG-", "KNG-1234567", "KNG-123456789", "K-12345678",
        "KNG_12345678", "KNG-1234567U", "KNG1-12345678", "ABCDEFGHI-12345678",
        "KNG-1234 678"}) {
    EXPECT_THAT(NormalizeTrackingCode("tracking_code", bad),
                StatusIs(absl::StatusCode::kInvalidArgument,
                         "tracking_code: must look like KNG-7K3M9QXP"))
        << bad;
  }
}

}  // namespace
}  // namespace aduan::domain
