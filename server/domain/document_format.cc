#include "server/domain/document_format.h"

#include <array>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "server/domain/pdf_active_content.h"

namespace aduan::domain {
namespace {

uint32_t Be32(absl::string_view b, size_t at) {
  return (static_cast<uint32_t>(static_cast<uint8_t>(b[at])) << 24) |
         (static_cast<uint32_t>(static_cast<uint8_t>(b[at + 1])) << 16) |
         (static_cast<uint32_t>(static_cast<uint8_t>(b[at + 2])) << 8) |
         static_cast<uint32_t>(static_cast<uint8_t>(b[at + 3]));
}

uint8_t Byte(absl::string_view b, size_t at) {
  return static_cast<uint8_t>(b[at]);
}

// CRC-32 (ISO 3309, the polynomial PNG uses), table-driven.
uint32_t Crc32(absl::string_view data) {
  static const std::array<uint32_t, 256> kTable = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  uint32_t c = 0xFFFFFFFFu;
  for (char ch : data)
    c = kTable[(c ^ static_cast<uint8_t>(ch)) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

absl::Status Bad(absl::string_view field, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", what));
}

// The length of the JPEG up to and with its end-of-image marker.
absl::StatusOr<size_t> CheckJpeg(absl::string_view field, absl::string_view b) {
  size_t at = 2;  // after SOI
  bool frame = false;
  while (true) {
    if (at + 2 > b.size())
      return Bad(field, "truncated JPEG: no start of scan");
    if (Byte(b, at) != 0xFF) {
      return Bad(field, "damaged JPEG: expected a marker");
    }
    // Fill bytes (0xFF) may precede a marker.
    while (at + 1 < b.size() && Byte(b, at + 1) == 0xFF) ++at;
    if (at + 2 > b.size())
      return Bad(field, "truncated JPEG: no start of scan");
    const uint8_t marker = Byte(b, at + 1);
    at += 2;
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;
    if (marker == 0xD8 || marker == 0xD9 || marker == 0x00) {
      return Bad(field, "damaged JPEG: unexpected marker before the scan");
    }
    if (at + 2 > b.size()) return Bad(field, "truncated JPEG: segment length");
    const size_t length =
        (static_cast<size_t>(Byte(b, at)) << 8) | Byte(b, at + 1);
    if (length < 2) return Bad(field, "damaged JPEG: segment length");
    if (at + length > b.size()) {
      return Bad(field, "truncated JPEG: a segment runs past the end");
    }
    const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 &&
                     marker != 0xC8 && marker != 0xCC;
    if (sof) {
      if (length < 8) return Bad(field, "damaged JPEG: frame header");
      const size_t height =
          (static_cast<size_t>(Byte(b, at + 3)) << 8) | Byte(b, at + 4);
      const size_t width =
          (static_cast<size_t>(Byte(b, at + 5)) << 8) | Byte(b, at + 6);
      if (width == 0) return Bad(field, "damaged JPEG: zero width");
      (void)height;  // 0 is allowed: a DNL segment may define it
      frame = true;
    }
    at += length;
    if (marker == 0xDA) break;  // start of scan: entropy-coded data follows
  }
  if (!frame)
    return Bad(field, "damaged JPEG: no frame header before the scan");
  // The image ends at the first EOI after the scan: entropy-coded data
  // cannot contain FF D9 (an FF there is stuffed or starts RSTn, DHT or
  // another SOS), so what follows it is not the image.
  const size_t eoi = b.find("\xFF\xD9", at);
  if (eoi == absl::string_view::npos) {
    return Bad(field, "truncated JPEG: no end-of-image marker");
  }
  return eoi + 2;
}

absl::Status CheckPng(absl::string_view field, absl::string_view b) {
  size_t at = 8;
  bool first = true;
  bool data = false;
  while (true) {
    if (at + 12 > b.size()) return Bad(field, "truncated PNG: no IEND chunk");
    const uint32_t length = Be32(b, at);
    if (length > 0x7FFFFFFFu || at + 12 + length > b.size()) {
      return Bad(field, "truncated PNG: a chunk runs past the end");
    }
    const absl::string_view type = b.substr(at + 4, 4);
    for (char c : type) {
      if (!absl::ascii_isalpha(c)) return Bad(field, "damaged PNG: chunk type");
    }
    const absl::string_view body = b.substr(at + 8, length);
    if (Crc32(b.substr(at + 4, 4 + length)) != Be32(b, at + 8 + length)) {
      return Bad(field, absl::StrCat("damaged PNG: CRC of chunk ", type));
    }
    if (first) {
      if (type != "IHDR" || length != 13) {
        return Bad(field, "damaged PNG: IHDR must come first");
      }
      const uint8_t depth = Byte(body, 8);
      const uint8_t colour = Byte(body, 9);
      const bool depth_ok =
          depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
      const bool colour_ok = colour == 0 || colour == 2 || colour == 3 ||
                             colour == 4 || colour == 6;
      if (Be32(body, 0) == 0 || Be32(body, 4) == 0 || !depth_ok || !colour_ok) {
        return Bad(field, "damaged PNG: image header");
      }
      first = false;
    }
    data |= type == "IDAT";
    at += 12 + length;
    if (type == "IEND") break;
  }
  if (!data) return Bad(field, "damaged PNG: no image data");
  if (at != b.size()) return Bad(field, "damaged PNG: bytes after IEND");
  return absl::OkStatus();
}

absl::Status CheckPdf(absl::string_view field, absl::string_view b) {
  if (b.size() < 8 || !absl::ascii_isdigit(b[5]) || b[6] != '.' ||
      !absl::ascii_isdigit(b[7]) || (b[5] != '1' && b[5] != '2')) {
    return Bad(field, "damaged PDF: version header");
  }
  const size_t tail = b.size() > 1024 ? b.size() - 1024 : 0;
  const size_t eof = b.rfind("%%EOF");
  if (eof == absl::string_view::npos || eof < tail) {
    return Bad(field, "truncated PDF: no %%EOF at the end");
  }
  const size_t sx = b.rfind("startxref", eof);
  if (sx == absl::string_view::npos) {
    return Bad(field, "damaged PDF: no startxref");
  }
  absl::string_view rest =
      absl::StripAsciiWhitespace(b.substr(sx + 9, eof - (sx + 9)));
  uint64_t offset = 0;
  if (!absl::SimpleAtoi(rest, &offset) || offset >= sx) {
    return Bad(field, "damaged PDF: startxref offset");
  }
  absl::string_view xref = b.substr(offset, 32);
  if (absl::StartsWith(xref, "xref")) return absl::OkStatus();
  // A cross-reference stream: "<number> <number> obj".
  size_t i = 0;
  auto digits = [&] {
    const size_t from = i;
    while (i < xref.size() && absl::ascii_isdigit(xref[i])) ++i;
    return i > from;
  };
  auto spaces = [&] {
    const size_t from = i;
    while (i < xref.size() && absl::ascii_isspace(xref[i])) ++i;
    return i > from;
  };
  if (digits() && spaces() && digits() && spaces() &&
      absl::StartsWith(xref.substr(i), "obj")) {
    return absl::OkStatus();
  }
  return Bad(field,
             "damaged PDF: startxref does not point at a cross-reference");
}

}  // namespace

absl::StatusOr<std::string> RecognizeDocument(absl::string_view field,
                                              absl::string_view b,
                                              size_t* length) {
  if (length != nullptr) *length = b.size();
  if (b.size() >= 3 && Byte(b, 0) == 0xFF && Byte(b, 1) == 0xD8 &&
      Byte(b, 2) == 0xFF) {
    absl::StatusOr<size_t> end = CheckJpeg(field, b);
    if (!end.ok()) return end.status();
    if (length != nullptr) *length = *end;
    return std::string(kMediaJpeg);
  }
  if (absl::StartsWith(b, "\x89PNG\r\n\x1A\n")) {
    if (absl::Status s = CheckPng(field, b); !s.ok()) return s;
    return std::string(kMediaPng);
  }
  if (absl::StartsWith(b, "%PDF-")) {
    if (absl::Status s = CheckPdf(field, b); !s.ok()) return s;
    if (absl::Status s = CheckPdfActiveContent(field, b); !s.ok()) return s;
    return std::string(kMediaPdf);
  }
  return Bad(field, "not a JPEG, PNG or PDF document");
}

}  // namespace aduan::domain
