#include "server/domain/pdf_lexer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace aduan::domain {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

// Every token of `data` up to kEnd, as (kind, raw).
std::vector<std::pair<PdfTokenKind, std::string>> Lex(absl::string_view data) {
  std::vector<std::pair<PdfTokenKind, std::string>> tokens;
  PdfLexer lexer(data);
  for (PdfToken t = lexer.Next(); t.kind != PdfTokenKind::kEnd;
       t = lexer.Next()) {
    tokens.emplace_back(t.kind, std::string(t.raw));
  }
  return tokens;
}

// The decoded name of the one token of `data`.
std::string NameOf(absl::string_view data) {
  PdfLexer lexer(data);
  const PdfToken t = lexer.Next();
  EXPECT_EQ(t.kind, PdfTokenKind::kName);
  return t.name;
}

TEST(PdfLexerTest, SplitsAnObject) {
  EXPECT_THAT(
      Lex("12 0 obj\n<< /Type /Page /Kids [3 0 R] >>\nendobj"),
      ElementsAre(
          Pair(PdfTokenKind::kWord, "12"), Pair(PdfTokenKind::kWord, "0"),
          Pair(PdfTokenKind::kWord, "obj"), Pair(PdfTokenKind::kDictOpen, "<<"),
          Pair(PdfTokenKind::kName, "/Type"),
          Pair(PdfTokenKind::kName, "/Page"),
          Pair(PdfTokenKind::kName, "/Kids"),
          Pair(PdfTokenKind::kArrayOpen, "["), Pair(PdfTokenKind::kWord, "3"),
          Pair(PdfTokenKind::kWord, "0"), Pair(PdfTokenKind::kWord, "R"),
          Pair(PdfTokenKind::kArrayClose, "]"),
          Pair(PdfTokenKind::kDictClose, ">>"),
          Pair(PdfTokenKind::kWord, "endobj")));
}

TEST(PdfLexerTest, PositionsAndEnd) {
  const std::string data = std::string(" \t\r\n\f\0", 6) + "/A  true";
  PdfLexer lexer(data);
  const PdfToken a = lexer.Next();
  EXPECT_EQ(a.kind, PdfTokenKind::kName);
  EXPECT_EQ(a.begin, 6u);
  EXPECT_EQ(a.end, 8u);
  EXPECT_EQ(lexer.pos(), 8u);
  const PdfToken word = lexer.Next();
  EXPECT_EQ(word.raw, "true");
  EXPECT_EQ(word.begin, 10u);
  for (int i = 0; i < 2; ++i) {
    const PdfToken end = lexer.Next();
    EXPECT_EQ(end.kind, PdfTokenKind::kEnd);
    EXPECT_EQ(end.begin, data.size());
    EXPECT_EQ(end.end, data.size());
    EXPECT_TRUE(end.raw.empty());
  }
  lexer.set_pos(1000);
  EXPECT_EQ(lexer.pos(), data.size());
  lexer.set_pos(6);
  EXPECT_EQ(lexer.Next().raw, "/A");
  PdfLexer from(data, 8);
  EXPECT_EQ(from.Next().raw, "true");
}

TEST(PdfLexerTest, Strings) {
  EXPECT_THAT(Lex("(a (b) c) x"),
              ElementsAre(Pair(PdfTokenKind::kString, "(a (b) c)"),
                          Pair(PdfTokenKind::kWord, "x")));
  EXPECT_THAT(Lex("(a \\) /JS) x"),
              ElementsAre(Pair(PdfTokenKind::kString, "(a \\) /JS)"),
                          Pair(PdfTokenKind::kWord, "x")));
  EXPECT_THAT(Lex("(a \\\\) /JS"),
              ElementsAre(Pair(PdfTokenKind::kString, "(a \\\\)"),
                          Pair(PdfTokenKind::kName, "/JS")));
  // Unclosed, or a backslash at the very end: to the end of the data.
  EXPECT_THAT(Lex("(a (b) /JS"),
              ElementsAre(Pair(PdfTokenKind::kString, "(a (b) /JS")));
  EXPECT_THAT(Lex("(a\\"), ElementsAre(Pair(PdfTokenKind::kString, "(a\\")));
}

TEST(PdfLexerTest, DeepStringIsOneToken) {
  const std::string deep =
      std::string(100000, '(') + "/JS" + std::string(100000, ')');
  EXPECT_THAT(Lex(deep + " x"), ElementsAre(Pair(PdfTokenKind::kString, deep),
                                            Pair(PdfTokenKind::kWord, "x")));
}

TEST(PdfLexerTest, HexStringsCommentsAndStrays) {
  EXPECT_THAT(Lex("<4a53> <4a"),
              ElementsAre(Pair(PdfTokenKind::kHexString, "<4a53>"),
                          Pair(PdfTokenKind::kHexString, "<4a")));
  EXPECT_THAT(Lex("% /JS (\r/A %x\n"),
              ElementsAre(Pair(PdfTokenKind::kComment, "% /JS ("),
                          Pair(PdfTokenKind::kName, "/A"),
                          Pair(PdfTokenKind::kComment, "%x")));
  EXPECT_THAT(Lex(") > { }"), ElementsAre(Pair(PdfTokenKind::kStray, ")"),
                                          Pair(PdfTokenKind::kStray, ">"),
                                          Pair(PdfTokenKind::kStray, "{"),
                                          Pair(PdfTokenKind::kStray, "}")));
  EXPECT_THAT(Lex("<<>>"), ElementsAre(Pair(PdfTokenKind::kDictOpen, "<<"),
                                       Pair(PdfTokenKind::kDictClose, ">>")));
}

TEST(PdfLexerTest, Names) {
  EXPECT_EQ(NameOf("/Java#53cript"), "JavaScript");
  EXPECT_EQ(NameOf("/J#53"), "JS");
  EXPECT_EQ(NameOf("/A#2"), "A#2");    // '#' without two hex digits
  EXPECT_EQ(NameOf("/A#zz"), "A#zz");  // is itself
  EXPECT_EQ(NameOf("/"), "");
  EXPECT_THAT(
      Lex("/A/B(x)/C[1]"),
      ElementsAre(
          Pair(PdfTokenKind::kName, "/A"), Pair(PdfTokenKind::kName, "/B"),
          Pair(PdfTokenKind::kString, "(x)"), Pair(PdfTokenKind::kName, "/C"),
          Pair(PdfTokenKind::kArrayOpen, "["), Pair(PdfTokenKind::kWord, "1"),
          Pair(PdfTokenKind::kArrayClose, "]")));
  // Kept up to kNameKeep + 1 bytes: a longer name equals no short one.
  const std::string keep(PdfLexer::kNameKeep, 'a');
  EXPECT_EQ(NameOf("/" + keep), keep);
  EXPECT_EQ(NameOf("/" + keep + "bcd"), keep + "b");
  const std::string long_data = "/" + std::string(1000, 'x');
  PdfLexer lexer(long_data);
  const PdfToken long_name = lexer.Next();
  EXPECT_EQ(long_name.raw.size(), 1001u);
  EXPECT_EQ(long_name.name.size(), PdfLexer::kNameKeep + 1);
}

TEST(PdfLexerTest, Counts) {
  int64_t v = -7;
  EXPECT_TRUE(ParsePdfCount("0", &v));
  EXPECT_EQ(v, 0);
  EXPECT_TRUE(ParsePdfCount("123456789012345678", &v));
  EXPECT_EQ(v, 123456789012345678);
  v = -7;
  for (absl::string_view bad :
       {"", "-1", "+1", "1.0", "12a", "1234567890123456789"}) {
    EXPECT_FALSE(ParsePdfCount(bad, &v)) << bad;
    EXPECT_EQ(v, -7) << bad;
  }
  EXPECT_TRUE(IsPdfWhitespace('\0'));
  EXPECT_TRUE(IsPdfWhitespace('\f'));
  EXPECT_FALSE(IsPdfWhitespace('\v'));
  EXPECT_FALSE(IsPdfWhitespace('a'));
}

// The body NextStreamBody gives for `data`, which starts at a `stream`
// keyword, and the token after it.
struct StreamRead {
  std::optional<std::string> body;
  std::string after;
};

StreamRead ReadStream(absl::string_view data, int64_t length) {
  PdfLexer lexer(data);
  EXPECT_EQ(lexer.Next().raw, "stream");
  const size_t before = lexer.pos();
  StreamRead read;
  const std::optional<absl::string_view> body = lexer.NextStreamBody(length);
  if (body.has_value()) {
    read.body = std::string(*body);
  } else {
    EXPECT_EQ(lexer.pos(), before);
  }
  read.after = std::string(lexer.Next().raw);
  return read;
}

TEST(PdfLexerTest, StreamBodyByLength) {
  // /Length reaches past an `endstream` inside the data.
  StreamRead r = ReadStream("stream\r\nab endstream cd\nendstream x", 15);
  EXPECT_EQ(r.body, "ab endstream cd");
  EXPECT_EQ(r.after, "x");
  r = ReadStream("stream  \t\nabc endstream endobj", 3);
  EXPECT_EQ(r.body, "abc");
  EXPECT_EQ(r.after, "endobj");
  r = ReadStream("stream\n\nendstream", 0);
  EXPECT_EQ(r.body, "");
  // Only spaces and tabs, then one EOL, come off the front.
  r = ReadStream("stream\r\r\nab\nendstream", 4);
  EXPECT_EQ(r.body, "\r\nab");
}

TEST(PdfLexerTest, StreamBodyByEndstream) {
  const absl::string_view data = "stream\nab endstream cd\nendstream x";
  for (int64_t length : {int64_t{-1}, int64_t{1}, int64_t{14}, int64_t{99}}) {
    const StreamRead r = ReadStream(data, length);
    EXPECT_EQ(r.body, "ab ") << length;
    EXPECT_EQ(r.after, "cd") << length;
  }
  const StreamRead r = ReadStream("stream\nabc endobj", 3);
  EXPECT_FALSE(r.body.has_value());
  EXPECT_EQ(r.after, "abc");
}

}  // namespace
}  // namespace aduan::domain
