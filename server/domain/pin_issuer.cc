#include "server/domain/pin_issuer.h"

#include <cstdio>

#include "absl/strings/str_cat.h"
#include "common/crypto.h"

namespace aduan::domain {

bool IsPinShaped(absl::string_view pin) {
  return pin.size() == 8 &&
         pin.find_first_not_of("0123456789") == absl::string_view::npos;
}

std::string PinIssuer::Pin(absl::string_view tracking_code,
                           int generation) const {
  const std::string mac =
      HmacSha256(key_, absl::StrCat(tracking_code, "\n", generation));
  unsigned long long v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(mac[i]);
  char out[9];
  std::snprintf(out, sizeof(out), "%08llu", v % 100000000ULL);
  return out;
}

bool PinIssuer::Matches(absl::string_view tracking_code, int generation,
                        absl::string_view pin) const {
  return ConstantTimeEquals(Pin(tracking_code, generation), pin);
}

}  // namespace aduan::domain
