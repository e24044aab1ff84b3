#include "db/sql_splitter.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace aduan::db {
namespace {

bool IsWordChar(char c) { return absl::ascii_isalnum(c) || c == '_'; }

// True when only whitespace and comments were seen in `stmt` so far.
bool IsBlank(absl::string_view stmt) {
  return absl::StripAsciiWhitespace(stmt).empty();
}

}  // namespace

absl::StatusOr<std::vector<std::string>> SplitSqlStatements(
    absl::string_view script) {
  std::vector<std::string> out;
  std::string current;    // statement text without comments
  int depth = 0;          // open BEGIN/CASE blocks
  bool any_word = false;  // a keyword was seen in this statement
  size_t i = 0;
  const size_t n = script.size();
  auto flush = [&]() {
    std::string s(absl::StripAsciiWhitespace(current));
    if (!s.empty()) out.push_back(std::move(s));
    current.clear();
    depth = 0;
    any_word = false;
  };
  while (i < n) {
    const char c = script[i];
    if (c == '\'' || c == '"' || c == '`') {
      const size_t start = i++;
      bool closed = false;
      while (i < n) {
        if (script[i] == '\\' && c != '`' && i + 1 < n) {
          i += 2;
          continue;
        }
        if (script[i] == c) {
          if (i + 1 < n && script[i + 1] == c) {  // doubled quote
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        ++i;
      }
      if (!closed) {
        return absl::InvalidArgumentError(
            absl::StrCat("unterminated literal at offset ", start));
      }
      current.append(script.data() + start, i - start);
      continue;
    }
    if ((c == '-' && i + 1 < n && script[i + 1] == '-') || c == '#') {
      while (i < n && script[i] != '\n') ++i;
      current.push_back('\n');
      continue;
    }
    if (c == '/' && i + 1 < n && script[i + 1] == '*') {
      const size_t end = script.find("*/", i + 2);
      if (end == absl::string_view::npos) {
        return absl::InvalidArgumentError(
            absl::StrCat("unterminated comment at offset ", i));
      }
      i = end + 2;
      current.push_back(' ');
      continue;
    }
    if (IsWordChar(c)) {
      const size_t start = i;
      while (i < n && IsWordChar(script[i])) ++i;
      absl::string_view word = script.substr(start, i - start);
      const bool first_word = !any_word;
      any_word = true;
      if (absl::EqualsIgnoreCase(word, "BEGIN")) {
        // A transaction statement starts with BEGIN; a block is inside one.
        if (!first_word) ++depth;
      } else if (absl::EqualsIgnoreCase(word, "CASE")) {
        ++depth;
      } else if (absl::EqualsIgnoreCase(word, "END")) {
        if (depth > 0) --depth;
      }
      current.append(word.data(), word.size());
      continue;
    }
    if (c == ';' && depth == 0) {
      ++i;
      flush();
      continue;
    }
    current.push_back(c);
    ++i;
  }
  if (depth > 0) {
    return absl::InvalidArgumentError("unterminated BEGIN … END block");
  }
  if (!IsBlank(current)) flush();
  return out;
}

}  // namespace aduan::db
