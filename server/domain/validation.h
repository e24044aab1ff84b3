// Validation of citizen-supplied input: Indonesian identity numbers (NIK, KK),
// phone numbers, e-mail addresses, free text and coordinates.
//
// All functions are pure and thread-safe. Every failure is an
// absl::InvalidArgumentError whose message is "<field>: <rule>", where
// `field` is the proto field path given by the caller (for example
// "complaint.complainant.nik") and <rule> is a plain-English description of
// the rule that was broken. Messages never contain the offending value,
// because it may be personal data; they are safe to log and to return to
// clients.
#ifndef ADUAN_SERVER_DOMAIN_VALIDATION_H_
#define ADUAN_SERVER_DOMAIN_VALIDATION_H_

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace aduan::domain {

// Limits of the design, in Unicode code points (see ValidateText), except
// kMaxEmailChars, which is in bytes (an accepted address is pure ASCII).
inline constexpr size_t kMaxNameChars = 100;
inline constexpr size_t kMaxTitleChars = 200;
inline constexpr size_t kMaxDescriptionChars = 5000;
inline constexpr size_t kMaxNoteChars = 2000;
inline constexpr size_t kMaxAddressChars = 300;
inline constexpr size_t kMaxEmailChars = 254;

// Validates a NIK (Nomor Induk Kependudukan). The checks run in this order and
// the first failure is returned:
//   1. exactly 16 ASCII digits           "must be exactly 16 ASCII digits"
//   2. province code (digits 1-2) in {11-19, 21, 31-36, 51-53, 61-65, 71-76,
//      81-82, 91-96}          "must have a valid province code (digits 1-2)"
//   3. regency code (digits 3-4) not "00"
//                         "must have a non-zero regency code (digits 3-4)"
//   4. district code (digits 5-6) not "00"
//                         "must have a non-zero district code (digits 5-6)"
//   5. DDMMYY (digits 7-12) is a real date of birth, where DD is 01..31 or,
//      for women, 41..71 (day + 40); the date is accepted when it exists in
//      19YY or in 20YY (so 29 Feb is valid exactly when YY is divisible by 4,
//      "00" included because 2000 is a leap year)
//                         "must contain a valid date of birth (digits 7-12)"
//   6. serial (digits 13-16) not "0000"
//                         "must have a non-zero serial number (digits 13-16)"
// NIKs carry no check digit, so a NIK that passes may still not exist.
absl::Status ValidateNik(absl::string_view field, absl::string_view nik);

// Validates a KK number (Nomor Kartu Keluarga). Checks, first failure wins:
//   1-4. as ValidateNik (16 ASCII digits, province, regency, district), with
//        the same messages;
//   5. DDMMYY (digits 7-12) is a real issue date; DD is 01..31 (no +40). The
//      year is 20YY if YY <= today's YY, else 19YY (more generally: the
//      latest year ending in YY that is not after today's year)
//                         "must contain a valid issue date (digits 7-12)"
//   6. the issue date is not after `today`
//                         "must not have an issue date after today"
//   7. serial (digits 13-16) not "0000"
//                         "must have a non-zero serial number (digits 13-16)"
absl::Status ValidateKkNumber(absl::string_view field, absl::string_view kk,
                              absl::CivilDay today);

// Validates an Indonesian phone number and returns it in E.164 form
// ("+62" followed by the national number N, digits only).
//
// Accepted input: a country prefix "+62" or "62", or the trunk prefix "0",
// followed by the national number. Spaces, hyphens and dots may appear
// anywhere; '+' only before the first digit; one pair of parentheses may
// enclose the area code, digits only, either at the start in trunk form
// ("(0335) 427550") or right after the country prefix ("+62 (335) 427550"),
// and must be followed by more digits. Examples: "0812-3456-7890",
// "+62 812 3456 7890", "6281234567890", "(021) 555.1234".
//
// N must start with '8' (mobile, 9..12 digits) or with 2..7 or 9 (fixed line,
// area code included, 8..11 digits). Messages, first failure wins:
//   "is required"                     (empty or spaces only)
//   "may contain only digits, spaces, hyphens, dots, parentheses and a
//    leading '+'"
//   "may use one pair of parentheses only around the area code"
//   "must start with +62, 62 or 0"
//   "must have a national number starting with a digit from 2 to 9"
//   "must have 9 to 12 digits after the prefix for a mobile number"
//   "must have 8 to 11 digits after the prefix for a fixed-line number"
absl::StatusOr<std::string> NormalizePhone(absl::string_view field,
                                           absl::string_view phone);

// Validates that `email` is a plausible e-mail address (no DNS lookup, no
// quoted local parts, no IP-literal domains). Messages, first failure wins:
//   "is required"                         (empty; callers decide optionality)
//   "must be at most 254 characters"      (bytes)
//   "must contain exactly one '@'"
//   "must have 1 to 64 characters before '@'"
//   "must contain only printable ASCII characters without spaces before '@'"
//   "must not start or end with a dot or contain two dots in a row before '@'"
//   "must have a domain with at least two labels"
//   "must have domain labels of 1 to 63 letters, digits or hyphens"
//   "must not have a domain label starting or ending with a hyphen"
//   "must end with a top-level domain of at least 2 letters"
// The address is not lower-cased or otherwise changed.
absl::Status ValidateEmail(absl::string_view field, absl::string_view email);

// Validates free text (names, titles, descriptions, notes, addresses).
// Checks, first failure wins:
//   1. well-formed UTF-8: no overlong encodings, no surrogates
//      (U+D800..U+DFFF), nothing above U+10FFFF, no truncated or stray
//      bytes                                         "must be valid UTF-8"
//   2. no control characters: C0 (U+0000..U+001F), DEL (U+007F) and C1
//      (U+0080..U+009F); when `allow_newlines` is true, '\n' and '\t' are
//      allowed ('\r' never is: callers normalise "\r\n" first)
//                                         "must not contain control characters"
//   3. if `min_chars` > 0, not empty                         "is required"
//   4. at most `max_chars` code points         "must be at most N characters"
//   5. at least `min_chars` code points       "must be at least N characters"
// Length is counted in Unicode code points (so "é" as U+00E9 is one, an emoji
// is one, and "e" + combining accent is two). `min_chars` == 0 makes the field
// optional. The text is not trimmed: "  " counts as two characters.
absl::Status ValidateText(absl::string_view field, absl::string_view text,
                          size_t min_chars, size_t max_chars,
                          bool allow_newlines);

// Validates an attachment's file name as ValidateText(field, name, 0, 255,
// false) does, and then refuses what could mislead a reader or a program that
// saves the file under that name:
//   bidirectional controls (U+061C, U+200E, U+200F, U+202A..U+202E,
//   U+2066..U+2069)        "must not contain bidirectional control characters"
//   / \ < > : " | ? *, or the names "." and ".."
//                 "must be a plain file name, without / \ < > : " | ? *"
// An empty name is allowed (no name given).
absl::Status ValidateFileName(absl::string_view field, absl::string_view name);

// Returns the number of Unicode code points in `utf8`. Intended for valid
// UTF-8; on invalid input every byte that does not begin a well-formed
// sequence counts as one (as if each were replaced by U+FFFD).
size_t CountCodePoints(absl::string_view utf8);

// Validates a WGS 84 latitude: finite and within [-90, 90].
// Messages: "must be a finite number", "must be between -90 and 90".
absl::Status ValidateLatitude(absl::string_view field, double v);

// Validates a WGS 84 longitude: finite and within [-180, 180].
// Messages: "must be a finite number", "must be between -180 and 180".
absl::Status ValidateLongitude(absl::string_view field, double v);

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_VALIDATION_H_
