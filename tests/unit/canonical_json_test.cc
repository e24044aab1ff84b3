#include "server/domain/canonical_json.h"

#include "tests/test_util.h"

namespace aduan::domain {
namespace {

using J = CanonicalJson;

TEST(CanonicalJsonTest, KeysSortByBytesWithoutWhitespace) {
  J o = J::Object()
            .Set("b", J::Int(2))
            .Set("a", J::Int(-1))
            .Set("B", J::Bool(true))
            .Set("é", J::Null())
            .Set("aa", J::Array().Add(J::Int(0)).Add(J::String("x")));
  EXPECT_EQ(o.Serialize(),
            "{\"B\":true,\"a\":-1,\"aa\":[0,\"x\"],\"b\":2,\"\xC3\xA9\":null}");
}

TEST(CanonicalJsonTest, StringsEscapeOnlyQuoteBackslashAndControlBytes) {
  EXPECT_EQ(J::String("a\"b\\c\n\t\x01/é😀").Serialize(),
            "\"a\\\"b\\\\c\\u000a\\u0009\\u0001/é😀\"");
}

TEST(CanonicalJsonTest, SameContentSameBytesWhateverTheInsertionOrder) {
  J a = J::Object().Set("x", J::Int(1)).Set("y", J::Int(2));
  J b = J::Object().Set("y", J::Int(2)).Set("x", J::Int(1));
  EXPECT_EQ(a.Serialize(), b.Serialize());
  EXPECT_EQ(J::Object().Serialize(), "{}");
  EXPECT_EQ(J::Array().Serialize(), "[]");
  EXPECT_EQ(J::Int(0).Serialize(), "0");
}

}  // namespace
}  // namespace aduan::domain
