#include "server/domain/pdf_lexer.h"

#include <algorithm>
#include <iterator>

#include "absl/strings/ascii.h"

namespace aduan::domain {
namespace {

bool IsDelimiter(char c) {
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' ||
         c == '{' || c == '}' || c == '/' || c == '%';
}

bool IsRegular(char c) { return !IsPdfWhitespace(c) && !IsDelimiter(c); }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool IsPdfWhitespace(char c) {
  return c == '\0' || c == '\t' || c == '\n' || c == '\f' || c == '\r' ||
         c == ' ';
}

bool ParsePdfCount(absl::string_view s, int64_t* out) {
  if (s.empty() || s.size() > 18) return false;
  int64_t v = 0;
  for (char c : s) {
    if (!absl::ascii_isdigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

void PdfLexer::set_pos(size_t pos) { pos_ = std::min(pos, data_.size()); }

PdfToken PdfLexer::Next() {
  const size_t n = data_.size();
  while (pos_ < n && IsPdfWhitespace(data_[pos_])) ++pos_;
  PdfToken t;
  t.begin = pos_;
  if (pos_ >= n) {
    t.end = n;
    return t;
  }
  size_t i = pos_;
  switch (data_[i]) {
    case '%':
      t.kind = PdfTokenKind::kComment;
      while (i < n && data_[i] != '\r' && data_[i] != '\n') ++i;
      break;
    case '(': {
      t.kind = PdfTokenKind::kString;
      size_t depth = 0;
      while (i < n) {
        const char c = data_[i];
        if (c == '\\') {
          i += 2;
          continue;
        }
        ++i;
        if (c == '(') {
          ++depth;
        } else if (c == ')' && --depth == 0) {
          break;
        }
      }
      break;
    }
    case '<':
      if (i + 1 < n && data_[i + 1] == '<') {
        t.kind = PdfTokenKind::kDictOpen;
        i += 2;
      } else {
        t.kind = PdfTokenKind::kHexString;
        const size_t close = data_.find('>', i + 1);
        i = close == absl::string_view::npos ? n : close + 1;
      }
      break;
    case '>':
      if (i + 1 < n && data_[i + 1] == '>') {
        t.kind = PdfTokenKind::kDictClose;
        i += 2;
      } else {
        t.kind = PdfTokenKind::kStray;
        ++i;
      }
      break;
    case '[':
      t.kind = PdfTokenKind::kArrayOpen;
      ++i;
      break;
    case ']':
      t.kind = PdfTokenKind::kArrayClose;
      ++i;
      break;
    case ')':
    case '{':
    case '}':
      t.kind = PdfTokenKind::kStray;
      ++i;
      break;
    case '/':
      t.kind = PdfTokenKind::kName;
      ++i;
      while (i < n && IsRegular(data_[i])) {
        char c = data_[i];
        int hi, lo;
        // #xx (PDF 1.2): two hex digits; a '#' without them is itself.
        if (c == '#' && i + 2 < n && (hi = HexValue(data_[i + 1])) >= 0 &&
            (lo = HexValue(data_[i + 2])) >= 0) {
          c = static_cast<char>(hi * 16 + lo);
          i += 3;
        } else {
          ++i;
        }
        if (t.name.size() <= kNameKeep) t.name.push_back(c);
      }
      break;
    default:
      t.kind = PdfTokenKind::kWord;
      while (i < n && IsRegular(data_[i])) ++i;
      break;
  }
  pos_ = std::min(i, n);
  t.end = pos_;
  t.raw = data_.substr(t.begin, t.end - t.begin);
  return t;
}

size_t PdfLexer::SkipWhiteSpace(size_t from) {
  const size_t n = data_.size();
  auto next = white_runs_.upper_bound(from);
  if (next != white_runs_.begin() && from < std::prev(next)->second) {
    return std::prev(next)->second;  // inside a run walked before
  }
  size_t k = from;
  while (k < n && IsPdfWhitespace(data_[k])) {
    if (next != white_runs_.end() && k == next->first) {
      k = next->second;  // the rest was walked before
      white_runs_.erase(next);
      break;
    }
    ++k;
  }
  if (k > from) white_runs_[from] = k;
  return k;
}

std::optional<absl::string_view> PdfLexer::NextStreamBody(int64_t length) {
  const size_t n = data_.size();
  size_t start = pos_;
  while (start < n && (data_[start] == ' ' || data_[start] == '\t')) ++start;
  if (start < n && data_[start] == '\r') ++start;
  if (start < n && data_[start] == '\n') ++start;
  // /Length when it is known, in bounds and followed by endstream.
  if (length >= 0 && static_cast<uint64_t>(length) <= n - start) {
    const size_t end = start + static_cast<size_t>(length);
    const size_t k = SkipWhiteSpace(end);
    if (data_.substr(k, 9) == "endstream") {
      pos_ = k + 9;
      return data_.substr(start, end - start);
    }
  }
  const size_t k = data_.find("endstream", start);
  if (k == absl::string_view::npos) return std::nullopt;
  pos_ = k + 9;
  return data_.substr(start, k - start);
}

}  // namespace aduan::domain
