#include "server/domain/pin_issuer.h"

#include <regex>

#include "tests/test_util.h"

namespace aduan::domain {
namespace {

TEST(PinIssuerTest, PinIsEightDigitsAndStableForSameInputs) {
  PinIssuer pins(std::string(32, 'k'));
  const std::string pin = pins.Pin("KNG-7K3M9QXP", 1);
  EXPECT_TRUE(std::regex_match(pin, std::regex("[0-9]{8}")));
  EXPECT_EQ(pins.Pin("KNG-7K3M9QXP", 1), pin);
  EXPECT_TRUE(pins.Matches("KNG-7K3M9QXP", 1, pin));
}

TEST(PinIssuerTest, NewGenerationInvalidatesOldPin) {
  PinIssuer pins(std::string(32, 'k'));
  const std::string old_pin = pins.Pin("KNG-7K3M9QXP", 1);
  const std::string new_pin = pins.Pin("KNG-7K3M9QXP", 2);
  EXPECT_NE(old_pin, new_pin);
  EXPECT_FALSE(pins.Matches("KNG-7K3M9QXP", 2, old_pin));
  EXPECT_TRUE(pins.Matches("KNG-7K3M9QXP", 2, new_pin));
}

TEST(PinIssuerTest, PinDependsOnKeyAndCode) {
  PinIssuer a(std::string(32, 'a'));
  PinIssuer b(std::string(32, 'b'));
  EXPECT_NE(a.Pin("KNG-7K3M9QXP", 1), b.Pin("KNG-7K3M9QXP", 1));
  EXPECT_NE(a.Pin("KNG-7K3M9QXP", 1), a.Pin("KNG-7K3M9QXQ", 1));
  EXPECT_FALSE(a.Matches("KNG-7K3M9QXP", 1, ""));
  EXPECT_FALSE(a.Matches("KNG-7K3M9QXP", 1, "123"));
}

}  // namespace
}  // namespace aduan::domain
