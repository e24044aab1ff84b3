#include "tests/test_util.h"

#include <soci/mysql/soci-mysql.h>
#include <soci/soci.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <regex>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "common/crypto.h"
#include "db/database_url.h"

namespace aduan::testing {

std::string MakeTempDir(const std::string& prefix) {
  const char* tmp = std::getenv("TMPDIR");
  std::string templ = absl::StrCat(tmp ? tmp : "/tmp", "/", prefix, "-XXXXXX");
  char* made = mkdtemp(templ.data());
  EXPECT_NE(made, nullptr);
  return templ;
}

bool HasSixteenDigitNumber(const std::string& text) {
  static const std::regex kPattern("(^|[^0-9A-Za-z_])[0-9]{16}($|[^0-9])");
  return std::regex_search(text, kPattern);
}

bool MysqlRequired() {
  const char* req = std::getenv("ADUAN_TEST_REQUIRE_MYSQL");
  return req != nullptr && std::string(req) == "1";
}

std::string FreshMysqlDatabaseUrl() {
  const char* url = std::getenv("ADUAN_TEST_MYSQL_URL");
  if (url == nullptr || *url == '\0') {
    if (MysqlRequired()) {
      ADD_FAILURE() << "ADUAN_TEST_REQUIRE_MYSQL=1 but ADUAN_TEST_MYSQL_URL "
                       "is not set";
    }
    return "";
  }
  absl::StatusOr<db::DatabaseUrl> parsed = db::DatabaseUrl::Parse(url);
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  if (!parsed.ok()) return "";
  const std::string name =
      absl::StrCat("aduan_t_", absl::BytesToHexString(RandomBytes(6).value()));
  try {
    soci::session sql(*soci::factory_mysql(), parsed->SociConnectString());
    sql << absl::StrCat("CREATE DATABASE ", name,
                        " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
  } catch (const std::exception& e) {
    ADD_FAILURE() << "cannot create test database: " << e.what();
    return "";
  }
  std::string base(url);
  const size_t q = base.find('?');
  const std::string query = q == std::string::npos ? "" : base.substr(q);
  if (q != std::string::npos) base = base.substr(0, q);
  base = base.substr(0, base.rfind('/'));
  return absl::StrCat(base, "/", name, query);
}

}  // namespace aduan::testing
