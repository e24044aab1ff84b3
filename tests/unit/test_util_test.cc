#include "tests/test_util.h"

#include <gtest/gtest.h>

namespace aduan::testing {
namespace {

TEST(HasSixteenDigitNumberTest, FindsFreeStandingNumbers) {
  EXPECT_TRUE(HasSixteenDigitNumber("3574041203850001"));
  EXPECT_TRUE(HasSixteenDigitNumber("nik=3574041203850001 ok"));
  EXPECT_TRUE(HasSixteenDigitNumber("line\n3574041203850001\n"));
}

TEST(HasSixteenDigitNumberTest, IgnoresOtherLengthsAndIdentifiers) {
  EXPECT_FALSE(HasSixteenDigitNumber("357404120385000"));
  EXPECT_FALSE(HasSixteenDigitNumber("35740412038500012"));
  EXPECT_FALSE(HasSixteenDigitNumber("principal p_8835626422908632"));
  EXPECT_FALSE(HasSixteenDigitNumber("tok_8835626422908632 issued"));
}

}  // namespace
}  // namespace aduan::testing
