#include "server/domain/tracking_code.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/crypto.h"
#include "common/status_macros.h"

namespace aduan::domain {
namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr int kRandomChars = 8;

}  // namespace

absl::StatusOr<std::string> NewTrackingCode(absl::string_view office_code) {
  ASSIGN_OR_RETURN(std::string bytes, RandomBytes(5));
  unsigned long long bits = 0;
  for (unsigned char b : bytes) bits = (bits << 8) | b;
  std::string code = absl::StrCat(office_code, "-");
  for (int i = kRandomChars - 1; i >= 0; --i) {
    code.push_back(kAlphabet[(bits >> (5 * i)) & 31]);
  }
  return code;
}

absl::StatusOr<std::string> NormalizeTrackingCode(absl::string_view field,
                                                  absl::string_view code) {
  const auto bad = [&] {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": must look like KNG-7K3M9QXP"));
  };
  std::string s = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(code));
  const size_t dash = s.find('-');
  if (dash == std::string::npos || dash < 2 || dash > 8 ||
      s.size() != dash + 1 + kRandomChars) {
    return bad();
  }
  for (size_t i = 0; i < dash; ++i) {
    if (!absl::ascii_isupper(s[i])) return bad();
  }
  for (size_t i = dash + 1; i < s.size(); ++i) {
    char& c = s[i];
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    if (std::string_view(kAlphabet).find(c) == std::string_view::npos) {
      return bad();
    }
  }
  return s;
}

}  // namespace aduan::domain
