#include "server/domain/validation.h"

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "common/status_macros.h"

namespace aduan::domain {
namespace {

// Every error of this module goes through here so that the message format
// "<field>: <rule>" stays uniform. `rule` never contains the input value.
absl::Status Invalid(absl::string_view field, absl::string_view rule) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", rule));
}

// ---------------------------------------------------------------------------
// Dates

bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int DaysInMonth(int year, int month) {
  switch (month) {
    case 2:
      return IsLeapYear(year) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}

bool IsRealDate(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

// ---------------------------------------------------------------------------
// NIK / KK

// Value of the two ASCII digits at s[pos], s[pos + 1]. The caller has
// checked that they are digits.
int TwoDigits(absl::string_view s, size_t pos) {
  return (s[pos] - '0') * 10 + (s[pos + 1] - '0');
}

bool IsProvinceCode(int code) {
  return (code >= 11 && code <= 19) || code == 21 ||
         (code >= 31 && code <= 36) || (code >= 51 && code <= 53) ||
         (code >= 61 && code <= 65) || (code >= 71 && code <= 76) ||
         (code >= 81 && code <= 82) || (code >= 91 && code <= 96);
}

constexpr size_t kIdentityNumberDigits = 16;

// Checks what NIK and KK numbers share: 16 ASCII digits and the region part
// (province, regency, district).
absl::Status ValidateDigitsAndRegion(absl::string_view field,
                                     absl::string_view number) {
  bool all_digits = number.size() == kIdentityNumberDigits;
  for (char c : number) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      all_digits = false;
      break;
    }
  }
  if (!all_digits) return Invalid(field, "must be exactly 16 ASCII digits");
  if (!IsProvinceCode(TwoDigits(number, 0))) {
    return Invalid(field, "must have a valid province code (digits 1-2)");
  }
  if (TwoDigits(number, 2) == 0) {
    return Invalid(field, "must have a non-zero regency code (digits 3-4)");
  }
  if (TwoDigits(number, 4) == 0) {
    return Invalid(field, "must have a non-zero district code (digits 5-6)");
  }
  return absl::OkStatus();
}

absl::Status ValidateSerial(absl::string_view field, absl::string_view number) {
  if (number.substr(12, 4) == "0000") {
    return Invalid(field, "must have a non-zero serial number (digits 13-16)");
  }
  return absl::OkStatus();
}

// ---------------------------------------------------------------------------
// UTF-8

bool IsContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Decodes the well-formed UTF-8 sequence starting at s[pos] (pos < s.size()),
// following the table of Unicode 15, section 3.9 (D92). Returns its length in
// bytes and stores the code point in *cp, or returns 0 when the bytes at pos
// do not start a well-formed sequence (overlong form, surrogate, value above
// U+10FFFF, stray continuation byte, truncated sequence).
size_t DecodeUtf8(absl::string_view s, size_t pos, uint32_t* cp) {
  const auto byte = [&](size_t i) {
    return static_cast<unsigned char>(s[pos + i]);
  };
  const unsigned char b0 = byte(0);
  const size_t left = s.size() - pos;
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  size_t len;
  // Allowed range of the second byte; later bytes are always 80..BF.
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;  // Overlong below U+0800.
    if (b0 == 0xED) hi = 0x9F;  // Surrogates U+D800..U+DFFF.
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;  // Overlong below U+10000.
    if (b0 == 0xF4) hi = 0x8F;  // Above U+10FFFF.
  } else {
    return 0;  // 80..C1 (continuation or overlong lead) or F5..FF.
  }
  if (left < len) return 0;
  if (byte(1) < lo || byte(1) > hi) return 0;
  for (size_t i = 2; i < len; ++i) {
    if (!IsContinuation(byte(i))) return 0;
  }
  uint32_t value = b0 & (0xFF >> (len + 1));
  for (size_t i = 1; i < len; ++i) value = (value << 6) | (byte(i) & 0x3F);
  *cp = value;
  return len;
}

bool IsControl(uint32_t cp, bool allow_newlines) {
  if (cp == '\n' || cp == '\t') return !allow_newlines;
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

// ---------------------------------------------------------------------------
// E-mail

bool IsLabelChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-';
}

bool IsAllLetters(absl::string_view s) {
  for (char c : s) {
    if (!absl::ascii_isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

absl::Status ValidateNik(absl::string_view field, absl::string_view nik) {
  if (absl::Status s = ValidateDigitsAndRegion(field, nik); !s.ok()) return s;
  int day = TwoDigits(nik, 6);
  const int month = TwoDigits(nik, 8);
  const int yy = TwoDigits(nik, 10);
  if (day > 40) day -= 40;  // Women: day of birth + 40.
  // Days 32..40 stay above 31 and are rejected by IsRealDate; the year only
  // matters for 29 February.
  if (!IsRealDate(1900 + yy, month, day) &&
      !IsRealDate(2000 + yy, month, day)) {
    return Invalid(field, "must contain a valid date of birth (digits 7-12)");
  }
  return ValidateSerial(field, nik);
}

absl::Status ValidateKkNumber(absl::string_view field, absl::string_view kk,
                              absl::CivilDay today) {
  if (absl::Status s = ValidateDigitsAndRegion(field, kk); !s.ok()) return s;
  const int day = TwoDigits(kk, 6);
  const int month = TwoDigits(kk, 8);
  const int yy = TwoDigits(kk, 10);
  // The latest year ending in YY that is not after today's year; for today in
  // 2000..2099 this is 20YY when YY <= today's YY and 19YY otherwise.
  const int today_year = static_cast<int>(today.year());
  int year = today_year - today_year % 100 + yy;
  if (year > today_year) year -= 100;
  if (!IsRealDate(year, month, day)) {
    return Invalid(field, "must contain a valid issue date (digits 7-12)");
  }
  if (absl::CivilDay(year, month, day) > today) {
    return Invalid(field, "must not have an issue date after today");
  }
  return ValidateSerial(field, kk);
}

absl::StatusOr<std::string> NormalizePhone(absl::string_view field,
                                           absl::string_view phone) {
  constexpr absl::string_view kBadChars =
      "may contain only digits, spaces, hyphens, dots, parentheses and a "
      "leading '+'";
  constexpr absl::string_view kBadParens =
      "may use one pair of parentheses only around the area code";

  std::string digits;
  bool plus = false;
  bool only_spaces = true;
  bool seen_open = false;
  bool in_group = false;
  size_t open_at = 0;   // Number of digits before '('.
  size_t close_at = 0;  // Number of digits before ')'.
  for (char c : phone) {
    if (c != ' ') only_spaces = false;
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      digits.push_back(c);
    } else if (c == ' ' || c == '-' || c == '.') {
      if (in_group) return Invalid(field, kBadParens);
    } else if (c == '+') {
      if (plus || seen_open || !digits.empty()) {
        return Invalid(field, kBadChars);
      }
      plus = true;
    } else if (c == '(') {
      if (seen_open) return Invalid(field, kBadParens);
      seen_open = true;
      in_group = true;
      open_at = digits.size();
    } else if (c == ')') {
      if (!in_group) return Invalid(field, kBadParens);
      in_group = false;
      close_at = digits.size();
    } else {
      return Invalid(field, kBadChars);
    }
  }
  if (only_spaces) return Invalid(field, "is required");
  if (in_group) return Invalid(field, kBadParens);

  size_t prefix_len;
  if (absl::StartsWith(digits, "62")) {
    prefix_len = 2;
  } else if (!plus && absl::StartsWith(digits, "0")) {
    prefix_len = 1;
  } else {
    return Invalid(field, "must start with +62, 62 or 0");
  }

  if (seen_open) {
    // The group starts right after a country prefix, or at the very start in
    // trunk form (then it includes the '0'); it holds at least one digit of
    // the national number and is followed by more digits.
    const size_t expected_open = prefix_len == 2 ? 2 : 0;
    if (open_at != expected_open || close_at <= prefix_len ||
        close_at >= digits.size()) {
      return Invalid(field, kBadParens);
    }
  }

  const absl::string_view national =
      absl::string_view(digits).substr(prefix_len);
  if (national.empty() || national[0] < '2') {
    return Invalid(field,
                   "must have a national number starting with a digit from 2 "
                   "to 9");
  }
  if (national[0] == '8') {
    if (national.size() < 9 || national.size() > 12) {
      return Invalid(field,
                     "must have 9 to 12 digits after the prefix for a mobile "
                     "number");
    }
  } else if (national.size() < 8 || national.size() > 11) {
    return Invalid(field,
                   "must have 8 to 11 digits after the prefix for a fixed-line "
                   "number");
  }
  return absl::StrCat("+62", national);
}

absl::Status ValidateEmail(absl::string_view field, absl::string_view email) {
  if (email.empty()) return Invalid(field, "is required");
  if (email.size() > kMaxEmailChars) {
    return Invalid(
        field, absl::StrCat("must be at most ", kMaxEmailChars, " characters"));
  }
  const size_t at = email.find('@');
  if (at == absl::string_view::npos ||
      email.find('@', at + 1) != absl::string_view::npos) {
    return Invalid(field, "must contain exactly one '@'");
  }
  const absl::string_view local = email.substr(0, at);
  const absl::string_view domain = email.substr(at + 1);

  if (local.empty() || local.size() > 64) {
    return Invalid(field, "must have 1 to 64 characters before '@'");
  }
  for (char c : local) {
    if (c <= ' ' || c > '~') {  // Printable ASCII without space: 0x21..0x7E.
      return Invalid(field,
                     "must contain only printable ASCII characters without "
                     "spaces before '@'");
    }
  }
  if (local.front() == '.' || local.back() == '.' ||
      absl::StrContains(local, "..")) {
    return Invalid(field,
                   "must not start or end with a dot or contain two dots in a "
                   "row before '@'");
  }

  const std::vector<absl::string_view> labels = absl::StrSplit(domain, '.');
  if (labels.size() < 2) {
    return Invalid(field, "must have a domain with at least two labels");
  }
  for (absl::string_view label : labels) {
    bool ok = !label.empty() && label.size() <= 63;
    for (char c : label) ok = ok && IsLabelChar(c);
    if (!ok) {
      return Invalid(field,
                     "must have domain labels of 1 to 63 letters, digits or "
                     "hyphens");
    }
  }
  for (absl::string_view label : labels) {
    if (label.front() == '-' || label.back() == '-') {
      return Invalid(field,
                     "must not have a domain label starting or ending with a "
                     "hyphen");
    }
  }
  const absl::string_view tld = labels.back();
  if (tld.size() < 2 || !IsAllLetters(tld)) {
    return Invalid(field,
                   "must end with a top-level domain of at least 2 letters");
  }
  return absl::OkStatus();
}

absl::Status ValidateText(absl::string_view field, absl::string_view text,
                          size_t min_chars, size_t max_chars,
                          bool allow_newlines) {
  size_t count = 0;
  bool has_control = false;
  for (size_t pos = 0; pos < text.size(); ++count) {
    uint32_t cp;
    const size_t len = DecodeUtf8(text, pos, &cp);
    if (len == 0) return Invalid(field, "must be valid UTF-8");
    has_control = has_control || IsControl(cp, allow_newlines);
    pos += len;
  }
  // Reported only after the whole text is known to be valid UTF-8, so that
  // the message does not depend on which problem comes first.
  if (has_control) {
    return Invalid(field, "must not contain control characters");
  }
  if (count == 0 && min_chars > 0) return Invalid(field, "is required");
  if (count > max_chars) {
    return Invalid(field,
                   absl::StrCat("must be at most ", max_chars, " characters"));
  }
  if (count < min_chars) {
    return Invalid(field,
                   absl::StrCat("must be at least ", min_chars, " characters"));
  }
  return absl::OkStatus();
}

absl::Status ValidateFileName(absl::string_view field, absl::string_view name) {
  RETURN_IF_ERROR(ValidateText(field, name, 0, 255, false));
  for (size_t pos = 0; pos < name.size();) {
    uint32_t cp;
    pos += DecodeUtf8(name, pos, &cp);  // valid: checked above
    if (cp == 0x061C || cp == 0x200E || cp == 0x200F ||
        (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
      return Invalid(field,
                     "must not contain bidirectional control characters");
    }
  }
  // Path separators, and what Windows refuses in a name (so that a saved
  // copy keeps its name everywhere; '<' and '>' also keep markup out).
  if (name.find_first_of("/\\<>:\"|?*") != absl::string_view::npos ||
      name == "." || name == "..") {
    return Invalid(field,
                   "must be a plain file name, without / \\ < > : \" | ? *");
  }
  return absl::OkStatus();
}

size_t CountCodePoints(absl::string_view utf8) {
  size_t count = 0;
  for (size_t pos = 0; pos < utf8.size(); ++count) {
    uint32_t cp;
    const size_t len = DecodeUtf8(utf8, pos, &cp);
    pos += len == 0 ? 1 : len;
  }
  return count;
}

absl::Status ValidateLatitude(absl::string_view field, double v) {
  if (!std::isfinite(v)) return Invalid(field, "must be a finite number");
  if (v < -90.0 || v > 90.0) {
    return Invalid(field, "must be between -90 and 90");
  }
  return absl::OkStatus();
}

absl::Status ValidateLongitude(absl::string_view field, double v) {
  if (!std::isfinite(v)) return Invalid(field, "must be a finite number");
  if (v < -180.0 || v > 180.0) {
    return Invalid(field, "must be between -180 and 180");
  }
  return absl::OkStatus();
}

}  // namespace aduan::domain
