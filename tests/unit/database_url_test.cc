#include "db/database_url.h"

#include "tests/test_util.h"

namespace aduan::db {
namespace {

using ::aduan::testing::StatusIs;

TEST(DatabaseUrlTest, ParsesSqlitePaths) {
  auto abs = DatabaseUrl::Parse("sqlite:///var/lib/aduan/aduan.db");
  ASSERT_TRUE(abs.ok());
  EXPECT_EQ(abs->dialect, Dialect::kSqlite);
  EXPECT_EQ(abs->sqlite_path, "/var/lib/aduan/aduan.db");
  auto rel = DatabaseUrl::Parse("sqlite://var/aduan.db");
  ASSERT_TRUE(rel.ok());
  EXPECT_EQ(rel->sqlite_path, "var/aduan.db");
}

TEST(DatabaseUrlTest, ParsesMysqlWithPortSocketAndEncodedPassword) {
  auto u = DatabaseUrl::Parse("mysql://aduan:p%40ss@127.0.0.1:3307/aduan");
  ASSERT_TRUE(u.ok()) << u.status();
  EXPECT_EQ(u->dialect, Dialect::kMysql);
  EXPECT_EQ(u->user, "aduan");
  EXPECT_EQ(u->password, "p@ss");
  EXPECT_EQ(u->host, "127.0.0.1");
  EXPECT_EQ(u->port, 3307);
  EXPECT_EQ(u->database, "aduan");
  EXPECT_EQ(u->Redacted(), "mysql://aduan:***@127.0.0.1:3307/aduan");
  auto s = DatabaseUrl::Parse("mysql://root@/aduan?socket=/run/mysqld.sock");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->socket, "/run/mysqld.sock");
  EXPECT_NE(s->SociConnectString().find("unix_socket='/run/mysqld.sock'"),
            std::string::npos);
}

TEST(DatabaseUrlTest, MysqlConnectionsHaveTimeouts) {
  auto d = DatabaseUrl::Parse("mysql://u@h/db");
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_THAT(d->SociConnectString(),
              ::testing::EndsWith(
                  " connect_timeout=5 read_timeout=30 write_timeout=30"));
  auto t = DatabaseUrl::Parse(
      "mysql://u@h/db?read_timeout=600&connect_timeout=2&write_timeout=45");
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->read_timeout, 600);
  EXPECT_THAT(t->SociConnectString(),
              ::testing::EndsWith(
                  " connect_timeout=2 read_timeout=600 write_timeout=45"));
  EXPECT_THAT(DatabaseUrl::Parse("mysql://u@h/db?read_timeout=0"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "db: read_timeout must be a number of seconds"));
  EXPECT_THAT(DatabaseUrl::Parse("mysql://u@h/db?connect_timeout=x"),
              StatusIs(absl::StatusCode::kInvalidArgument, "connect_timeout"));
}

TEST(DatabaseUrlTest, RejectsBadUrlsWithoutEchoingThePassword) {
  EXPECT_THAT(
      DatabaseUrl::Parse("postgres://x@y/z"),
      StatusIs(absl::StatusCode::kInvalidArgument, "sqlite:// or mysql://"));
  EXPECT_THAT(DatabaseUrl::Parse("mysql://u:secret@host:99999/db"),
              StatusIs(absl::StatusCode::kInvalidArgument, "port"));
  EXPECT_THAT(DatabaseUrl::Parse("mysql://u:secret@host:3306"),
              StatusIs(absl::StatusCode::kInvalidArgument, "database name"));
  EXPECT_THAT(
      DatabaseUrl::Parse("mysql://u:secret@host/db?ssl=1"),
      StatusIs(absl::StatusCode::kInvalidArgument, "unknown URL parameter"));
  auto bad = DatabaseUrl::Parse("mysql://u:secret@host:99999/db");
  EXPECT_EQ(std::string(bad.status().message()).find("secret"),
            std::string::npos);
}

}  // namespace
}  // namespace aduan::db
