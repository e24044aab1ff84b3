#include "db/sql_splitter.h"

#include "db/embedded_migrations.h"
#include "tests/test_util.h"

namespace aduan::db {
namespace {

using ::aduan::testing::StatusIs;
using ::testing::ElementsAre;

TEST(SqlSplitterTest, SplitsOnSemicolonsAndTrims) {
  auto s = SplitSqlStatements(
      "CREATE TABLE a (x INT);\n  INSERT INTO a VALUES (1) ;\n");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_THAT(
      *s, ElementsAre("CREATE TABLE a (x INT)", "INSERT INTO a VALUES (1)"));
}

TEST(SqlSplitterTest, KeepsSemicolonsInsideLiterals) {
  auto s = SplitSqlStatements(
      "INSERT INTO t VALUES ('a;b', \"c;d\", `e;f`, 'it''s;', 'x\\';y');");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_THAT(*s, ElementsAre("INSERT INTO t VALUES ('a;b', \"c;d\", `e;f`, "
                              "'it''s;', 'x\\';y')"));
}

TEST(SqlSplitterTest, DropsCommentsAndCommentOnlyPieces) {
  auto s = SplitSqlStatements(
      "-- header; with semicolon\n# hash comment;\n/* block; */ SELECT 1; -- "
      "tail;\n");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_THAT(*s, ElementsAre("SELECT 1"));
}

TEST(SqlSplitterTest, KeepsTriggerBodiesWhole) {
  const char* script =
      "CREATE TRIGGER t1 BEFORE UPDATE ON e\nBEGIN\n  SELECT RAISE(ABORT, "
      "'no');\n  SELECT CASE WHEN 1 THEN 2 ELSE 3 END;\nEND;\nSELECT 2;";
  auto s = SplitSqlStatements(script);
  ASSERT_TRUE(s.ok()) << s.status();
  ASSERT_EQ(s->size(), 2u);
  EXPECT_EQ(
      (*s)[0],
      "CREATE TRIGGER t1 BEFORE UPDATE ON e\nBEGIN\n  SELECT RAISE(ABORT, "
      "'no');\n  SELECT CASE WHEN 1 THEN 2 ELSE 3 END;\nEND");
  EXPECT_EQ((*s)[1], "SELECT 2");
}

TEST(SqlSplitterTest, TransactionBeginIsNotABlock) {
  auto s = SplitSqlStatements("BEGIN; SELECT 1; COMMIT;");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_THAT(*s, ElementsAre("BEGIN", "SELECT 1", "COMMIT"));
}

TEST(SqlSplitterTest, WordsContainingKeywordsDoNotOpenBlocks) {
  auto s = SplitSqlStatements("SELECT begin_time, ending FROM x; SELECT 3;");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_THAT(*s, ElementsAre("SELECT begin_time, ending FROM x", "SELECT 3"));
}

TEST(SqlSplitterTest, RejectsUnterminatedLiteral) {
  EXPECT_THAT(
      SplitSqlStatements("SELECT 'abc;"),
      StatusIs(absl::StatusCode::kInvalidArgument, "unterminated literal"));
}

TEST(SqlSplitterTest, RejectsUnterminatedComment) {
  EXPECT_THAT(
      SplitSqlStatements("SELECT 1; /* open"),
      StatusIs(absl::StatusCode::kInvalidArgument, "unterminated comment"));
}

TEST(SqlSplitterTest, RejectsUnterminatedBlock) {
  EXPECT_THAT(
      SplitSqlStatements("CREATE TRIGGER x BEFORE DELETE ON y BEGIN SELECT 1;"),
      StatusIs(absl::StatusCode::kInvalidArgument, "BEGIN"));
}

TEST(SqlSplitterTest, EveryEmbeddedMigrationSplits) {
  for (const auto* set : {&mysql_migrations(), &sqlite_migrations()}) {
    ASSERT_FALSE(set->empty());
    for (const Migration& m : *set) {
      auto s = SplitSqlStatements(m.sql);
      ASSERT_TRUE(s.ok()) << m.name << ": " << s.status();
      EXPECT_GT(s->size(), 1u) << m.name;
    }
  }
}

}  // namespace
}  // namespace aduan::db
