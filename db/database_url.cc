#include "db/database_url.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace aduan::db {
namespace {

absl::StatusOr<std::string> PercentDecode(absl::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out.push_back(s[i]);
      continue;
    }
    if (i + 2 >= s.size() || !absl::ascii_isxdigit(s[i + 1]) ||
        !absl::ascii_isxdigit(s[i + 2])) {
      return absl::InvalidArgumentError("db: bad percent-encoding");
    }
    auto hex = [](char c) {
      return absl::ascii_isdigit(c) ? c - '0'
                                    : absl::ascii_tolower(c) - 'a' + 10;
    };
    out.push_back(static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])));
    i += 2;
  }
  return out;
}

// SOCI's MySQL backend reads single-quoted values (without escapes).
std::string Quote(absl::string_view v) { return absl::StrCat("'", v, "'"); }

}  // namespace

absl::StatusOr<DatabaseUrl> DatabaseUrl::Parse(absl::string_view url) {
  DatabaseUrl out;
  if (absl::ConsumePrefix(&url, "sqlite://")) {
    out.dialect = Dialect::kSqlite;
    if (url.empty()) {
      return absl::InvalidArgumentError(
          "db: sqlite URL needs a path, e.g. sqlite:///var/lib/aduan.db");
    }
    out.sqlite_path = std::string(url);
    return out;
  }
  if (!absl::ConsumePrefix(&url, "mysql://")) {
    return absl::InvalidArgumentError(
        "db: URL must start with sqlite:// or mysql://");
  }
  out.dialect = Dialect::kMysql;
  absl::string_view query;
  if (size_t q = url.find('?'); q != absl::string_view::npos) {
    query = url.substr(q + 1);
    url = url.substr(0, q);
  }
  const size_t at = url.rfind('@');
  if (at == absl::string_view::npos) {
    return absl::InvalidArgumentError(
        "db: mysql URL needs user@host, e.g. "
        "mysql://aduan:pw@127.0.0.1:3306/aduan");
  }
  absl::string_view userinfo = url.substr(0, at);
  absl::string_view rest = url.substr(at + 1);
  const size_t colon = userinfo.find(':');
  auto user = PercentDecode(userinfo.substr(0, colon));
  if (!user.ok()) return user.status();
  out.user = *user;
  if (colon != absl::string_view::npos) {
    auto pw = PercentDecode(userinfo.substr(colon + 1));
    if (!pw.ok()) return pw.status();
    out.password = *pw;
  }
  const size_t slash = rest.find('/');
  if (slash == absl::string_view::npos || slash + 1 >= rest.size()) {
    return absl::InvalidArgumentError("db: mysql URL needs a database name");
  }
  out.database = std::string(rest.substr(slash + 1));
  absl::string_view hostport = rest.substr(0, slash);
  const size_t pcolon = hostport.rfind(':');
  if (pcolon != absl::string_view::npos) {
    if (!absl::SimpleAtoi(hostport.substr(pcolon + 1), &out.port) ||
        out.port <= 0 || out.port > 65535) {
      return absl::InvalidArgumentError("db: port must be 1..65535");
    }
    hostport = hostport.substr(0, pcolon);
  }
  out.host = std::string(hostport);
  for (absl::string_view kv : absl::StrSplit(query, '&', absl::SkipEmpty())) {
    std::pair<absl::string_view, absl::string_view> p =
        absl::StrSplit(kv, absl::MaxSplits('=', 1));
    if (p.first == "socket") {
      auto s = PercentDecode(p.second);
      if (!s.ok()) return s.status();
      out.socket = *s;
    } else if (p.first == "connect_timeout" || p.first == "read_timeout" ||
               p.first == "write_timeout") {
      int seconds = 0;
      if (!absl::SimpleAtoi(p.second, &seconds) || seconds < 1 ||
          seconds > 3600) {
        return absl::InvalidArgumentError(absl::StrCat(
            "db: ", p.first, " must be a number of seconds, 1..3600"));
      }
      (p.first == "connect_timeout" ? out.connect_timeout
       : p.first == "read_timeout"  ? out.read_timeout
                                    : out.write_timeout) = seconds;
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("db: unknown URL parameter '", p.first,
                       "' (supported: socket, connect_timeout, read_timeout, "
                       "write_timeout)"));
    }
  }
  for (const std::string* v :
       {&out.user, &out.password, &out.database, &out.socket, &out.host}) {
    if (v->find_first_of("'\"") != std::string::npos) {
      return absl::InvalidArgumentError(
          "db: quotes are not supported in mysql URL parts");
    }
  }
  if (out.host.empty() && out.socket.empty()) {
    return absl::InvalidArgumentError("db: mysql URL needs a host or ?socket=");
  }
  return out;
}

std::string DatabaseUrl::SociConnectString() const {
  if (dialect == Dialect::kSqlite) {
    // SOCI's SQLite backend reads double-quoted values (without escapes).
    return absl::StrCat("db=\"", sqlite_path, "\" timeout=5");
  }
  std::string s = absl::StrCat("db=", Quote(database), " user=", Quote(user),
                               " charset=utf8mb4");
  if (!password.empty()) absl::StrAppend(&s, " password=", Quote(password));
  if (!socket.empty()) {
    absl::StrAppend(&s, " unix_socket=", Quote(socket));
  } else {
    absl::StrAppend(&s, " host=", Quote(host), " port=", port);
  }
  absl::StrAppend(&s, " connect_timeout=", connect_timeout,
                  " read_timeout=", read_timeout,
                  " write_timeout=", write_timeout);
  return s;
}

std::string DatabaseUrl::Redacted() const {
  if (dialect == Dialect::kSqlite)
    return absl::StrCat("sqlite://", sqlite_path);
  return absl::StrCat("mysql://", user, password.empty() ? "" : ":***", "@",
                      host, ":", port, "/", database,
                      socket.empty() ? "" : absl::StrCat("?socket=", socket));
}

}  // namespace aduan::db
