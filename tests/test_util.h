// Helpers shared by the tests: status matchers, scratch folders and
// per-test MariaDB databases.
#ifndef ADUAN_TESTS_TEST_UTIL_H_
#define ADUAN_TESTS_TEST_UTIL_H_

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace aduan::testing {

inline const absl::Status& GetStatus(const absl::Status& s) { return s; }
template <typename T>
const absl::Status& GetStatus(const absl::StatusOr<T>& s) {
  return s.status();
}

// Matches an absl::Status or absl::StatusOr<T> with the given code.
MATCHER_P(StatusIs, code,
          std::string("has status code ") +
              std::string(absl::StatusCodeToString(code))) {
  const absl::Status& s = GetStatus(arg);
  *result_listener << "status is " << s;
  return s.code() == code;
}

// Matches code and a substring of the message.
MATCHER_P2(StatusIs, code, substring, "") {
  const absl::Status& s = GetStatus(arg);
  *result_listener << "status is " << s;
  return s.code() == code &&
         s.message().find(std::string(substring)) != absl::string_view::npos;
}

// A fresh empty folder under $TMPDIR, removed by the caller when wanted.
std::string MakeTempDir(const std::string& prefix);

// When ADUAN_TEST_MYSQL_URL is set (mysql://user:pw@host:port/db of a user
// that may create databases), creates a fresh database and returns its URL.
// Returns an empty string when the variable is unset, or fails the test if
// ADUAN_TEST_REQUIRE_MYSQL=1 (the README's test command sets both).
std::string FreshMysqlDatabaseUrl();

// True when `text` holds a free-standing run of exactly 16 digits, the shape
// of a NIK or KK number. Digits inside an identifier (`p_8835626422908632`, a
// random hex id that happens to be all digits) do not count.
bool HasSixteenDigitNumber(const std::string& text);

// True when MariaDB tests must run (ADUAN_TEST_REQUIRE_MYSQL=1).
bool MysqlRequired();

}  // namespace aduan::testing

#endif  // ADUAN_TESTS_TEST_UTIL_H_
