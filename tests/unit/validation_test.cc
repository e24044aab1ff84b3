// Unit tests of server/domain/validation.h: NIK, KK number, phone, e-mail,
// free text and coordinates. Every failure is checked for its exact code and
// exact message.
#include "server/domain/validation.h"

#include <gtest/gtest.h>

#include <limits>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace aduan::domain {
namespace {

constexpr absl::string_view kNikField = "complaint.complainant.nik";
constexpr absl::string_view kKkField = "complaint.complainant.kk_number";
constexpr absl::string_view kPhoneField = "complaint.complainant.phone";
constexpr absl::string_view kEmailField = "complaint.complainant.email";
constexpr absl::string_view kTextField = "complaint.title";
constexpr absl::string_view kLatField = "complaint.location.latitude";
constexpr absl::string_view kLngField = "complaint.location.longitude";

// An input and the rule expected in the message "<field>: <rule>".
struct Rejection {
  std::string input;
  std::string rule;
};

// Asserts that `status` is INVALID_ARGUMENT with exactly "<field>: <rule>".
void ExpectInvalid(const absl::Status& status, absl::string_view field,
                   absl::string_view rule) {
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << status;
  EXPECT_EQ(status.message(), absl::StrCat(field, ": ", rule));
}

// Printable form of a test input for SCOPED_TRACE (inputs may hold raw
// bytes).
std::string Show(absl::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
      out.push_back(static_cast<char>(c));
    } else {
      absl::StrAppendFormat(&out, "\\x%02X", c);
    }
  }
  return out + "\"";
}

// ---------------------------------------------------------------------------
// NIK

constexpr char kDigitsRule[] = "must be exactly 16 ASCII digits";
constexpr char kProvinceRule[] = "must have a valid province code (digits 1-2)";
constexpr char kRegencyRule[] =
    "must have a non-zero regency code (digits 3-4)";
constexpr char kDistrictRule[] =
    "must have a non-zero district code (digits 5-6)";
constexpr char kBirthDateRule[] =
    "must contain a valid date of birth (digits 7-12)";
constexpr char kSerialRule[] =
    "must have a non-zero serial number (digits 13-16)";

// Every NIK rejection used below; also used to check that no message echoes
// the value.
std::vector<Rejection> NikRejections() {
  return {
      // Shape.
      {"", kDigitsRule},
      {"350701150885000", kDigitsRule},    // 15 digits.
      {"35070115088500011", kDigitsRule},  // 17 digits.
      {"3507011508850O01", kDigitsRule},   // Letter O.
      {"3507 0115 0885 0001", kDigitsRule},
      {"3507-01-150885-0001", kDigitsRule},
      {" 3507011508850001", kDigitsRule},
      {"350701150885000\xD9\xA1", kDigitsRule},  // Arabic-Indic one.
      {"\xEF\xBC\x93\xEF\xBC\x95\xEF\xBC\x90\xEF\xBC\x97\xEF\xBC\x90\xEF\xBC"
       "\x91",
       kDigitsRule},  // Full-width "350701", 18 bytes.
      {std::string("350701150885000\0", 16), kDigitsRule},
      // Province.
      {"0007011508850001", kProvinceRule},
      {"1007011508850001", kProvinceRule},
      {"2007011508850001", kProvinceRule},
      {"2207011508850001", kProvinceRule},
      {"3007011508850001", kProvinceRule},
      {"3707011508850001", kProvinceRule},
      {"5407011508850001", kProvinceRule},
      {"6607011508850001", kProvinceRule},
      {"7707011508850001", kProvinceRule},
      {"8307011508850001", kProvinceRule},
      {"9707011508850001", kProvinceRule},
      {"9907011508850001", kProvinceRule},
      // Regency and district.
      {"3500011508850001", kRegencyRule},
      {"3507001508850001", kDistrictRule},
      // Date of birth.
      {"3507010008850001", kBirthDateRule},  // Day 00.
      {"3507013208850001", kBirthDateRule},  // Day 32.
      {"3507014008850001", kBirthDateRule},  // Day 40 (= female day 00).
      {"3507017208850001", kBirthDateRule},  // Day 72 (= female day 32).
      {"3507019908850001", kBirthDateRule},  // Day 99.
      {"3507011500850001", kBirthDateRule},  // Month 00.
      {"3507011513850001", kBirthDateRule},  // Month 13.
      {"3507013104850001", kBirthDateRule},  // 31 April.
      {"3507017104850001", kBirthDateRule},  // Female 31 April.
      {"3507013002960001", kBirthDateRule},  // 30 February.
      {"3507012902010001", kBirthDateRule},  // 29 Feb 1901 / 2001.
      {"3507012902230001", kBirthDateRule},  // 29 Feb 1923 / 2023.
      {"3507016902030001", kBirthDateRule},  // Female 29 Feb 1903 / 2003.
      // Serial.
      {"3507011508850000", kSerialRule},
  };
}

TEST(ValidateNikTest, AcceptsWellFormedNiks) {
  for (const char* nik : {
           "3507011508850001",  // Malang, 15 Aug 1985.
           "3171020101000001",  // Jakarta, 1 Jan 2000.
           "1101013112999999",  // Aceh, 31 Dec 1999, largest serial.
           "9471010307100123",  // Papua, 3 Jul 2010.
           "3507013101850001",  // 31 January.
           "3507013004850001",  // 30 April.
           "3507012802230001",  // 28 Feb in a non-leap year.
       }) {
    SCOPED_TRACE(nik);
    EXPECT_TRUE(ValidateNik(kNikField, nik).ok());
  }
}

TEST(ValidateNikTest, AcceptsFemaleDayPlusForty) {
  for (const char* nik : {
           "3507015508850001",  // 15 Aug 1985, female.
           "3507014101850001",  // 1 Jan, female (smallest day 41).
           "3507017101850001",  // 31 Jan, female (largest day 71).
           "3507017004850001",  // 30 Apr, female.
       }) {
    SCOPED_TRACE(nik);
    EXPECT_TRUE(ValidateNik(kNikField, nik).ok());
  }
}

TEST(ValidateNikTest, Accepts29FebruaryWhenYearIsLeapInEitherCentury) {
  for (const char* nik : {
           "3507012902960001",  // 1996 (and 2096).
           "3507012902040001",  // 2004 (and 1904).
           "3507012902000001",  // 1900 is not leap, but 2000 is.
           "3507016902000001",  // Same, female.
           "3507016902880001",  // 1988, female.
       }) {
    SCOPED_TRACE(nik);
    EXPECT_TRUE(ValidateNik(kNikField, nik).ok());
  }
}

TEST(ValidateNikTest, AcceptsEveryListedProvinceCodeAndNoOther) {
  std::set<int> listed;
  for (auto [lo, hi] : std::vector<std::pair<int, int>>{{11, 19},
                                                        {21, 21},
                                                        {31, 36},
                                                        {51, 53},
                                                        {61, 65},
                                                        {71, 76},
                                                        {81, 82},
                                                        {91, 96}}) {
    for (int code = lo; code <= hi; ++code) listed.insert(code);
  }
  ASSERT_EQ(listed.size(), 38u);  // Indonesia's 38 provinces.
  for (int code = 0; code <= 99; ++code) {
    const std::string nik = absl::StrFormat("%02d07011508850001", code);
    SCOPED_TRACE(nik);
    const absl::Status status = ValidateNik(kNikField, nik);
    if (listed.count(code) > 0) {
      EXPECT_TRUE(status.ok()) << status;
    } else {
      ExpectInvalid(status, kNikField, kProvinceRule);
    }
  }
}

TEST(ValidateNikTest, RejectsUnknownProvinceCode) {
  ExpectInvalid(ValidateNik(kNikField, "2007011508850001"), kNikField,
                kProvinceRule);
}

TEST(ValidateNikTest, RejectsDayZeroAndMonthThirteen) {
  ExpectInvalid(ValidateNik(kNikField, "3507010008850001"), kNikField,
                kBirthDateRule);
  ExpectInvalid(ValidateNik(kNikField, "3507011513850001"), kNikField,
                kBirthDateRule);
}

TEST(ValidateNikTest, RejectsEachBrokenRuleWithItsMessage) {
  for (const Rejection& r : NikRejections()) {
    SCOPED_TRACE(Show(r.input));
    ExpectInvalid(ValidateNik(kNikField, r.input), kNikField, r.rule);
  }
}

TEST(ValidateNikTest, ReportsFirstBrokenRuleInDocumentedOrder) {
  // Province 20, regency 00, district 00, day 00, serial 0000.
  ExpectInvalid(ValidateNik(kNikField, "2000000000000000"), kNikField,
                kProvinceRule);
  // Regency 00, district 00, day 00, serial 0000.
  ExpectInvalid(ValidateNik(kNikField, "3500000000000000"), kNikField,
                kRegencyRule);
  // District 00, day 00, serial 0000.
  ExpectInvalid(ValidateNik(kNikField, "3507000000000000"), kNikField,
                kDistrictRule);
  // Day 00, serial 0000.
  ExpectInvalid(ValidateNik(kNikField, "3507010000000000"), kNikField,
                kBirthDateRule);
}

TEST(ValidateNikTest, UsesTheGivenFieldPath) {
  ExpectInvalid(ValidateNik("report.reporter.nik", "123"),
                "report.reporter.nik", kDigitsRule);
}

TEST(ValidateNikTest, NeverEchoesTheValueInTheMessage) {
  for (const Rejection& r : NikRejections()) {
    if (r.input.size() < 4) continue;  // Too short to be meaningful.
    SCOPED_TRACE(Show(r.input));
    const absl::Status status = ValidateNik(kNikField, r.input);
    EXPECT_EQ(status.message().find(r.input), absl::string_view::npos);
  }
}

// ---------------------------------------------------------------------------
// KK number

constexpr char kIssueDateRule[] =
    "must contain a valid issue date (digits 7-12)";
constexpr char kFutureRule[] = "must not have an issue date after today";

const absl::CivilDay kToday(2024, 6, 15);

TEST(ValidateKkNumberTest, AcceptsWellFormedKkNumbers) {
  for (const char* kk : {
           "3507011506240001",  // Issued today.
           "3507011406240001",  // Yesterday.
           "3507010101000001",  // 1 Jan 2000.
           "3507013112990001",  // 31 Dec 1999.
           "3507011506250001",  // YY 25 > 24, so 1925, in the past.
           "3507012902240001",  // 29 Feb 2024 (leap).
           "3507012902000001",  // 29 Feb 2000 (leap).
           "3507012902280001",  // 29 Feb 1928 (leap).
           "9471013101109999",  // Papua, 31 Jan 2010.
       }) {
    SCOPED_TRACE(kk);
    EXPECT_TRUE(ValidateKkNumber(kKkField, kk, kToday).ok());
  }
}

TEST(ValidateKkNumberTest, RejectsIssueDateAfterToday) {
  for (const char* kk : {
           "3507011606240001",  // Tomorrow.
           "3507010107240001",  // Next month.
           "3507013112240001",  // End of this year.
       }) {
    SCOPED_TRACE(kk);
    ExpectInvalid(ValidateKkNumber(kKkField, kk, kToday), kKkField,
                  kFutureRule);
  }
}

TEST(ValidateKkNumberTest, JudgesTheFutureAgainstTheGivenToday) {
  EXPECT_TRUE(ValidateKkNumber(kKkField, "3507011606240001",
                               absl::CivilDay(2024, 6, 16))
                  .ok());
  ExpectInvalid(ValidateKkNumber(kKkField, "3507011506240001",
                                 absl::CivilDay(2024, 6, 14)),
                kKkField, kFutureRule);
  // With today in 2030, YY 25 means 2025 and 29 Feb 2025 does not exist.
  ExpectInvalid(ValidateKkNumber(kKkField, "3507012902250001",
                                 absl::CivilDay(2030, 1, 1)),
                kKkField, kIssueDateRule);
}

TEST(ValidateKkNumberTest, RejectsEachBrokenRuleWithItsMessage) {
  const std::vector<Rejection> rejections = {
      {"", kDigitsRule},
      {"350701150624000", kDigitsRule},
      {"35070115062400011", kDigitsRule},
      {"3507011506240a01", kDigitsRule},
      {"2007011506240001", kProvinceRule},
      {"9907011506240001", kProvinceRule},
      {"3500011506240001", kRegencyRule},
      {"3507001506240001", kDistrictRule},
      {"3507010006240001", kIssueDateRule},  // Day 00.
      {"3507013206240001", kIssueDateRule},  // Day 32.
      {"3507015506200001", kIssueDateRule},  // No +40 for KK.
      {"3507011513200001", kIssueDateRule},  // Month 13.
      {"3507011500200001", kIssueDateRule},  // Month 00.
      {"3507013111200001", kIssueDateRule},  // 31 November.
      {"3507012902230001", kIssueDateRule},  // 29 Feb 2023.
      {"3507012902250001", kIssueDateRule},  // 29 Feb 1925.
      {"3507011506200000", kSerialRule},
  };
  for (const Rejection& r : rejections) {
    SCOPED_TRACE(Show(r.input));
    const absl::Status status = ValidateKkNumber(kKkField, r.input, kToday);
    ExpectInvalid(status, kKkField, r.rule);
    if (!r.input.empty()) {
      EXPECT_EQ(status.message().find(r.input), absl::string_view::npos);
    }
  }
}

TEST(ValidateKkNumberTest, ReportsDateRulesInDocumentedOrder) {
  // 31 June 2024 does not exist; it would also be after today.
  ExpectInvalid(ValidateKkNumber(kKkField, "3507013106240001", kToday),
                kKkField, kIssueDateRule);
  // Future date and zero serial: the date is reported.
  ExpectInvalid(ValidateKkNumber(kKkField, "3507011606240000", kToday),
                kKkField, kFutureRule);
}

// ---------------------------------------------------------------------------
// Phone

constexpr char kPhoneCharsRule[] =
    "may contain only digits, spaces, hyphens, dots, parentheses and a "
    "leading '+'";
constexpr char kPhoneParensRule[] =
    "may use one pair of parentheses only around the area code";
constexpr char kPhonePrefixRule[] = "must start with +62, 62 or 0";
constexpr char kPhoneNationalRule[] =
    "must have a national number starting with a digit from 2 to 9";
constexpr char kPhoneMobileRule[] =
    "must have 9 to 12 digits after the prefix for a mobile number";
constexpr char kPhoneFixedRule[] =
    "must have 8 to 11 digits after the prefix for a fixed-line number";

TEST(NormalizePhoneTest, NormalizesAcceptedFormsToE164) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"081234567890", "+6281234567890"},
      {"0812-3456-7890", "+6281234567890"},
      {"0812 3456 7890", "+6281234567890"},
      {"0812.3456.7890", "+6281234567890"},
      {" 0812 3456 7890 ", "+6281234567890"},
      {"+6281234567890", "+6281234567890"},
      {"+62 812-3456-7890", "+6281234567890"},
      {"6281234567890", "+6281234567890"},
      {"62 812 3456 7890", "+6281234567890"},
      {"(0812) 3456 7890", "+6281234567890"},
      {"(0335) 427550", "+62335427550"},
      {"(0335)427550", "+62335427550"},
      {"+62 (335) 427550", "+62335427550"},
      {"62 (21) 555-1234", "+62215551234"},
      {"021 5551234", "+62215551234"},
      {"(021) 555.1234", "+62215551234"},
      {"0967 531234", "+62967531234"},       // Jayapura, area code 9xx.
      {"0812345678", "+62812345678"},        // Mobile, 9 digits.
      {"0812345678901", "+62812345678901"},  // Mobile, 12 digits.
      {"021555123", "+6221555123"},          // Fixed, 8 digits.
      {"021555123456", "+6221555123456"},    // Fixed, 11 digits.
      {"+62-21-555-12345", "+622155512345"},
  };
  for (const auto& [input, want] : cases) {
    SCOPED_TRACE(Show(input));
    const absl::StatusOr<std::string> got = NormalizePhone(kPhoneField, input);
    ASSERT_TRUE(got.ok()) << got.status();
    EXPECT_EQ(*got, want);
  }
}

TEST(NormalizePhoneTest, RejectsEachBrokenRuleWithItsMessage) {
  const std::vector<Rejection> rejections = {
      {"", "is required"},
      {"   ", "is required"},
      // Characters.
      {"0812/3456/7890", kPhoneCharsRule},
      {"0812 3456 789a", kPhoneCharsRule},
      {"0812+34567890", kPhoneCharsRule},  // '+' after digits.
      {"++6281234567890", kPhoneCharsRule},
      {"tel:081234567890", kPhoneCharsRule},
      {"0812_3456_7890", kPhoneCharsRule},
      {"0812\t3456\t7890", kPhoneCharsRule},
      {"\xEF\xBC\x90\xEF\xBC\x98\xEF\xBC\x91\xEF\xBC\x92",
       kPhoneCharsRule},  // Full-width "0812".
      {"0812345678 ext 12", kPhoneCharsRule},
      // Parentheses.
      {"(0335 427550", kPhoneParensRule},      // Not closed.
      {"0335) 427550", kPhoneParensRule},      // Not opened.
      {"(0335)(427)550", kPhoneParensRule},    // Two pairs.
      {"0335 (427550)", kPhoneParensRule},     // Not around area code.
      {"0335 (427) 550", kPhoneParensRule},    // Not around area code.
      {"(0335427550)", kPhoneParensRule},      // Nothing after.
      {"( 0335) 427550", kPhoneParensRule},    // Separator inside.
      {"(62) 81234567890", kPhoneParensRule},  // Country code, not area code.
      {"(+62) 81234567890", kPhoneCharsRule},  // '+' after '('.
      {"+(62) 81234567890", kPhoneParensRule},
      {"(0) 81234567890", kPhoneParensRule},  // Trunk prefix only.
      {"()081234567890", kPhoneParensRule},
      // Prefix.
      {"81234567890", kPhonePrefixRule},
      {"+081234567890", kPhonePrefixRule},
      {"+6581234567", kPhonePrefixRule},  // Singapore.
      {"1500123", kPhonePrefixRule},
      {"-", kPhonePrefixRule},
      {"+", kPhonePrefixRule},
      // National number.
      {"0", kPhoneNationalRule},
      {"+62", kPhoneNationalRule},
      {"00", kPhoneNationalRule},
      {"006281234567890", kPhoneNationalRule},  // International "00" prefix.
      {"0112345678", kPhoneNationalRule},
      {"+62081234567890", kPhoneNationalRule},
      {"+62 (0) 812 3456 7890", kPhoneNationalRule},
      // Lengths.
      {"081234567", kPhoneMobileRule},       // 8 digits.
      {"08123456789012", kPhoneMobileRule},  // 13 digits.
      {"+62812345678901234", kPhoneMobileRule},
      {"02155512", kPhoneFixedRule},       // 7 digits.
      {"0215551234567", kPhoneFixedRule},  // 12 digits.
      {"(0335) 4275", kPhoneFixedRule},
  };
  for (const Rejection& r : rejections) {
    SCOPED_TRACE(Show(r.input));
    const absl::StatusOr<std::string> got =
        NormalizePhone(kPhoneField, r.input);
    ExpectInvalid(got.status(), kPhoneField, r.rule);
  }
}

// ---------------------------------------------------------------------------
// E-mail

constexpr char kEmailAtRule[] = "must contain exactly one '@'";
constexpr char kEmailLocalLengthRule[] =
    "must have 1 to 64 characters before '@'";
constexpr char kEmailLocalCharsRule[] =
    "must contain only printable ASCII characters without spaces before '@'";
constexpr char kEmailLocalDotsRule[] =
    "must not start or end with a dot or contain two dots in a row before "
    "'@'";
constexpr char kEmailTwoLabelsRule[] =
    "must have a domain with at least two labels";
constexpr char kEmailLabelRule[] =
    "must have domain labels of 1 to 63 letters, digits or hyphens";
constexpr char kEmailHyphenRule[] =
    "must not have a domain label starting or ending with a hyphen";
constexpr char kEmailTldRule[] =
    "must end with a top-level domain of at least 2 letters";

// An address of exactly 254 characters: 64 + '@' + 63 '.' 63 '.' 61.
std::string LongestEmail() {
  return std::string(64, 'a') + "@" + std::string(63, 'b') + "." +
         std::string(63, 'c') + "." + std::string(61, 'd');
}

TEST(ValidateEmailTest, AcceptsPlausibleAddresses) {
  ASSERT_EQ(LongestEmail().size(), 254u);
  for (const std::string& email : std::vector<std::string>{
           "warga@example.com",
           "nama.lengkap+aduan@kecamatan.go.id",
           "a@b.co",
           "x_y-z@sub-domain.example.id",
           "Budi.Santoso@Example.CO.ID",
           "o'neil!#$%&*/=?^`{|}~@example.org",
           "123@456.id",
           std::string(64, 'a') + "@example.com",
           "a@" + std::string(63, 'b') + ".com",
           LongestEmail(),
       }) {
    SCOPED_TRACE(Show(email));
    EXPECT_TRUE(ValidateEmail(kEmailField, email).ok());
  }
}

TEST(ValidateEmailTest, RejectsEachBrokenRuleWithItsMessage) {
  std::string too_long = LongestEmail();
  too_long.insert(too_long.size() - 1, "d");  // 255 characters.
  const std::vector<Rejection> rejections = {
      {"", "is required"},
      {too_long, "must be at most 254 characters"},
      {"plainaddress", kEmailAtRule},
      {"a@@example.com", kEmailAtRule},
      {"a@b@example.com", kEmailAtRule},
      {"@example.com", kEmailLocalLengthRule},
      {std::string(65, 'a') + "@example.com", kEmailLocalLengthRule},
      {"budi santoso@example.com", kEmailLocalCharsRule},
      {"budi\x01@example.com", kEmailLocalCharsRule},
      {"budi\x7F@example.com", kEmailLocalCharsRule},
      {"b\xC3\xBC"
       "di@example.com",
       kEmailLocalCharsRule},  // Non-ASCII.
      {".budi@example.com", kEmailLocalDotsRule},
      {"budi.@example.com", kEmailLocalDotsRule},
      {"budi..santoso@example.com", kEmailLocalDotsRule},
      {"budi@localhost", kEmailTwoLabelsRule},
      {"budi@", kEmailTwoLabelsRule},
      {"budi@.example.com", kEmailLabelRule},
      {"budi@example..com", kEmailLabelRule},
      {"budi@example.com.", kEmailLabelRule},
      {"budi@exa_mple.com", kEmailLabelRule},
      {"budi@exa mple.com", kEmailLabelRule},
      {"budi@[192.168.0.1]", kEmailLabelRule},
      {"budi@" + std::string(64, 'b') + ".com", kEmailLabelRule},
      {"budi@ex\xC3\xA4mple.com", kEmailLabelRule},
      {"budi@-example.com", kEmailHyphenRule},
      {"budi@example-.com", kEmailHyphenRule},
      {"budi@example.-com", kEmailHyphenRule},
      {"budi@example.c", kEmailTldRule},
      {"budi@example.c0m", kEmailTldRule},
      {"budi@192.168.0.1", kEmailTldRule},
  };
  for (const Rejection& r : rejections) {
    SCOPED_TRACE(Show(r.input));
    ExpectInvalid(ValidateEmail(kEmailField, r.input), kEmailField, r.rule);
  }
}

// ---------------------------------------------------------------------------
// Free text

constexpr char kUtf8Rule[] = "must be valid UTF-8";
constexpr char kControlRule[] = "must not contain control characters";

TEST(ValidateTextTest, AcceptsValidTextWithinLimits) {
  const std::vector<std::string> texts = {
      "Jalan rusak di depan kantor desa",
      "Caf\xC3\xA9",         // U+00E9.
      "\xC2\xA0nbsp",        // U+00A0 is not a control character.
      "Harga \xE2\x82\xAC",  // U+20AC.
      "\xF0\x9F\x98\x80",    // U+1F600 emoji.
      "\xED\x9F\xBF",        // U+D7FF, just below the surrogates.
      "\xEE\x80\x80",        // U+E000, just above the surrogates.
      "\xEF\xBB\xBFtext",    // U+FEFF.
      "\xF4\x8F\xBF\xBF",    // U+10FFFF, the largest code point.
      "~",
  };
  for (const std::string& text : texts) {
    SCOPED_TRACE(Show(text));
    EXPECT_TRUE(ValidateText(kTextField, text, 1, kMaxTitleChars, false).ok());
  }
}

TEST(ValidateTextTest, RejectsMalformedUtf8) {
  const std::vector<std::string> texts = {
      "\xC0\xAF",                  // Overlong '/'.
      "\xC1\xBF",                  // Overlong U+007F.
      "\xE0\x80\xAF",              // Overlong '/' in three bytes.
      "\xE0\x9F\xBF",              // Overlong U+07FF.
      "\xF0\x80\x80\xAF",          // Overlong '/' in four bytes.
      "\xF0\x8F\xBF\xBF",          // Overlong U+FFFF.
      "\xED\xA0\x80",              // U+D800, high surrogate.
      "\xED\xBF\xBF",              // U+DFFF, low surrogate.
      "\xED\xA0\xBD\xED\xB8\x80",  // CESU-8 surrogate pair.
      "\xF4\x90\x80\x80",          // U+110000.
      "\xF5\x80\x80\x80",          // Lead byte F5.
      "\xFF",                      // Never valid.
      "\xFE",                      // Never valid.
      "\x80",                      // Stray continuation byte.
      "abc\xBF",                   // Stray continuation byte at the end.
      "\xC3",                      // Truncated two-byte sequence.
      "\xE2\x82",                  // Truncated three-byte sequence.
      "\xF0\x9F\x98",              // Truncated four-byte sequence.
      "\xE2\x28\xA1",              // Bad second byte.
      "\xF0\x9F\x28\x80",          // Bad third byte.
      "Caf\xE9",                   // Latin-1, not UTF-8.
  };
  for (const std::string& text : texts) {
    SCOPED_TRACE(Show(text));
    ExpectInvalid(ValidateText(kTextField, text, 0, kMaxTitleChars, true),
                  kTextField, kUtf8Rule);
  }
}

TEST(ValidateTextTest, RejectsControlCharacters) {
  const std::vector<std::string> texts = {
      std::string("a\0b", 3),  // NUL.
      "a\x01z",
      "bell\x07",
      "a\rb",  // CR is rejected even when newlines are allowed.
      "line\r\nnext",
      "esc\x1B[0m",
      "a\x1F",
      "del\x7F",
      "\xC2\x80",     // U+0080, first C1.
      "nel\xC2\x85",  // U+0085 NEXT LINE.
      "\xC2\x9F",     // U+009F, last C1.
  };
  for (const std::string& text : texts) {
    SCOPED_TRACE(Show(text));
    ExpectInvalid(ValidateText(kTextField, text, 0, kMaxDescriptionChars, true),
                  kTextField, kControlRule);
    ExpectInvalid(
        ValidateText(kTextField, text, 0, kMaxDescriptionChars, false),
        kTextField, kControlRule);
  }
}

TEST(ValidateTextTest, AllowsNewlineAndTabOnlyWhenAllowed) {
  for (const char* text : {"line one\nline two", "col\tcol", "\n", "\t"}) {
    SCOPED_TRACE(Show(text));
    EXPECT_TRUE(
        ValidateText(kTextField, text, 1, kMaxDescriptionChars, true).ok());
    ExpectInvalid(ValidateText(kTextField, text, 1, kMaxTitleChars, false),
                  kTextField, kControlRule);
  }
}

TEST(ValidateTextTest, EmptyIsRequiredOnlyWhenMinimumIsPositive) {
  EXPECT_TRUE(ValidateText(kTextField, "", 0, kMaxNoteChars, true).ok());
  ExpectInvalid(ValidateText(kTextField, "", 1, kMaxTitleChars, false),
                kTextField, "is required");
  ExpectInvalid(ValidateText(kTextField, "", 5, kMaxTitleChars, false),
                kTextField, "is required");
}

TEST(ValidateTextTest, CountsCodePointsNotBytesAgainstMaximum) {
  // "é" is 2 bytes, "€" 3 bytes, the emoji 4 bytes: 3 code points, 9 bytes.
  const std::string three = "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
  EXPECT_TRUE(ValidateText(kTextField, three, 1, 3, false).ok());
  ExpectInvalid(ValidateText(kTextField, three + "a", 1, 3, false), kTextField,
                "must be at most 3 characters");
  ExpectInvalid(ValidateText(kTextField, three, 1, 2, false), kTextField,
                "must be at most 2 characters");

  const std::string hundred_e_acute = [] {
    std::string s;
    for (int i = 0; i < 100; ++i) s += "\xC3\xA9";
    return s;
  }();
  EXPECT_TRUE(
      ValidateText(kTextField, hundred_e_acute, 1, kMaxNameChars, false).ok());
  ExpectInvalid(ValidateText(kTextField, hundred_e_acute + "\xC3\xA9", 1,
                             kMaxNameChars, false),
                kTextField, "must be at most 100 characters");

  const std::string emojis = [] {
    std::string s;
    for (int i = 0; i < 200; ++i) s += "\xF0\x9F\x98\x80";
    return s;
  }();
  EXPECT_TRUE(ValidateText(kTextField, emojis, 1, kMaxTitleChars, false).ok());
  ExpectInvalid(
      ValidateText(kTextField, emojis + "!", 1, kMaxTitleChars, false),
      kTextField, "must be at most 200 characters");
}

TEST(ValidateTextTest, CountsCodePointsAgainstMinimum) {
  // "e" + U+0301 COMBINING ACUTE ACCENT is two code points.
  EXPECT_TRUE(ValidateText(kTextField, "e\xCC\x81", 2, 10, false).ok());
  ExpectInvalid(ValidateText(kTextField, "\xC3\xA9", 2, 10, false), kTextField,
                "must be at least 2 characters");
  ExpectInvalid(ValidateText(kTextField, "ab", 3, 10, false), kTextField,
                "must be at least 3 characters");
  // Not trimmed: spaces count.
  EXPECT_TRUE(ValidateText(kTextField, "   ", 3, 10, false).ok());
}

TEST(ValidateTextTest, ReportsRulesInDocumentedOrder) {
  // Malformed UTF-8 after a control character: UTF-8 wins.
  ExpectInvalid(ValidateText(kTextField, "\x01\xC0\xAF", 0, 10, true),
                kTextField, kUtf8Rule);
  // Malformed and too long: UTF-8 wins.
  ExpectInvalid(ValidateText(kTextField, "abcdef\xFF", 0, 3, true), kTextField,
                kUtf8Rule);
  // Control character and too long: control wins.
  ExpectInvalid(ValidateText(kTextField, "abcdef\x01", 0, 3, true), kTextField,
                kControlRule);
  // Control character and too short.
  ExpectInvalid(ValidateText(kTextField, "\x01", 5, 10, true), kTextField,
                kControlRule);
}

TEST(CountCodePointsTest, CountsCodePointsOfValidUtf8) {
  EXPECT_EQ(CountCodePoints(""), 0u);
  EXPECT_EQ(CountCodePoints("abc"), 3u);
  EXPECT_EQ(CountCodePoints("\xC3\xA9"), 1u);          // é
  EXPECT_EQ(CountCodePoints("e\xCC\x81"), 2u);         // e + U+0301
  EXPECT_EQ(CountCodePoints("\xE2\x82\xAC"), 1u);      // €
  EXPECT_EQ(CountCodePoints("\xF0\x9F\x98\x80"), 1u);  // emoji
  EXPECT_EQ(CountCodePoints("Kec. Kalibaru \xF0\x9F\x8F\xA0"), 15u);
  EXPECT_EQ(CountCodePoints(std::string("a\0b", 3)), 3u);
}

TEST(CountCodePointsTest, CountsEachBadByteOfInvalidUtf8AsOne) {
  EXPECT_EQ(CountCodePoints("\xFF"), 1u);
  EXPECT_EQ(CountCodePoints("\xC0\xAF"), 2u);
  EXPECT_EQ(CountCodePoints("\xED\xA0\x80"), 3u);
  EXPECT_EQ(CountCodePoints("a\xE2\x82"), 3u);
}

// ---------------------------------------------------------------------------
// Coordinates

TEST(ValidateLatitudeTest, AcceptsRangeInclusive) {
  for (double v : {-90.0, -7.5498, 0.0, 5.9, 90.0}) {
    SCOPED_TRACE(v);
    EXPECT_TRUE(ValidateLatitude(kLatField, v).ok());
  }
}

TEST(ValidateLatitudeTest, RejectsOutOfRangeAndNonFinite) {
  for (double v : {-90.000001, 90.000001, 180.0, -1e300}) {
    SCOPED_TRACE(v);
    ExpectInvalid(ValidateLatitude(kLatField, v), kLatField,
                  "must be between -90 and 90");
  }
  for (double v : {std::numeric_limits<double>::quiet_NaN(),
                   std::numeric_limits<double>::infinity(),
                   -std::numeric_limits<double>::infinity()}) {
    SCOPED_TRACE(v);
    ExpectInvalid(ValidateLatitude(kLatField, v), kLatField,
                  "must be a finite number");
  }
}

TEST(ValidateLongitudeTest, AcceptsRangeInclusive) {
  for (double v : {-180.0, 95.0, 114.3691, 141.0, 180.0}) {
    SCOPED_TRACE(v);
    EXPECT_TRUE(ValidateLongitude(kLngField, v).ok());
  }
}

TEST(ValidateLongitudeTest, RejectsOutOfRangeAndNonFinite) {
  for (double v : {-180.000001, 180.000001, 360.0, 1e300}) {
    SCOPED_TRACE(v);
    ExpectInvalid(ValidateLongitude(kLngField, v), kLngField,
                  "must be between -180 and 180");
  }
  for (double v : {std::numeric_limits<double>::quiet_NaN(),
                   std::numeric_limits<double>::infinity(),
                   -std::numeric_limits<double>::infinity()}) {
    SCOPED_TRACE(v);
    ExpectInvalid(ValidateLongitude(kLngField, v), kLngField,
                  "must be a finite number");
  }
}

// ---------------------------------------------------------------------------
// Constants

TEST(LimitsTest, MatchTheDesign) {
  EXPECT_EQ(kMaxNameChars, 100u);
  EXPECT_EQ(kMaxTitleChars, 200u);
  EXPECT_EQ(kMaxDescriptionChars, 5000u);
  EXPECT_EQ(kMaxNoteChars, 2000u);
  EXPECT_EQ(kMaxAddressChars, 300u);
  EXPECT_EQ(kMaxEmailChars, 254u);
}

TEST(ValidateFileNameTest, AcceptsPlainNamesAndNone) {
  for (const char* name :
       {"", "ktp.jpg", "Foto lokasi (2).jpeg", "laporan.hasil.pdf",
        "KK Wati — salinan.pdf", "émilie.png", ".profile"}) {
    SCOPED_TRACE(name);
    EXPECT_TRUE(ValidateFileName("file_name", name).ok());
  }
}

TEST(ValidateFileNameTest, RefusesBidirectionalControls) {
  // U+202E RIGHT-TO-LEFT OVERRIDE makes "foto\u202Egpj.exe" read as
  // "fotoexe.jpg"; the other embeddings, overrides, isolates and marks too.
  for (const char* name :
       {"foto\u202Egpj.exe", "a\u202Ab", "a\u202Bb", "a\u202Cb", "a\u202Db",
        "a\u2066b", "a\u2069b", "a\u200Eb", "a\u200Fb", "a\u061Cb"}) {
    SCOPED_TRACE(name);
    absl::Status s = ValidateFileName("file_name", name);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(s.message(),
              "file_name: must not contain bidirectional control characters");
  }
}

TEST(ValidateFileNameTest, RefusesPathsMarkupAndReservedCharacters) {
  for (const char* name :
       {"../../etc/passwd", "a/b.jpg", "..\\boot.ini", "C:ktp.jpg",
        "<script>.pdf", "a>b", "tanya?.png", "bintang*.png", "pipa|.pdf",
        "kutip\".pdf", ".", ".."}) {
    SCOPED_TRACE(name);
    absl::Status s = ValidateFileName("file_name", name);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(s.message(),
              "file_name: must be a plain file name, without / \\ < > : \" | ? "
              "*");
  }
}

TEST(ValidateFileNameTest, KeepsTheTextRules) {
  EXPECT_EQ(ValidateFileName("file_name", "a\x01.jpg").message(),
            "file_name: must not contain control characters");
  EXPECT_EQ(ValidateFileName("file_name", std::string(256, 'a')).message(),
            "file_name: must be at most 255 characters");
  EXPECT_EQ(ValidateFileName("file_name", "\xFF.jpg").message(),
            "file_name: must be valid UTF-8");
}

}  // namespace
}  // namespace aduan::domain
