#include "tests/test_documents.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace aduan::testing {
namespace {

void Be16(std::string& out, uint32_t v) {
  out.push_back(static_cast<char>((v >> 8) & 0xFF));
  out.push_back(static_cast<char>(v & 0xFF));
}
void Be32(std::string& out, uint32_t v) {
  Be16(out, v >> 16);
  Be16(out, v & 0xFFFF);
}

// CRC-32 as PNG defines it, bit by bit (independent of the server's table).
uint32_t Crc(const std::string& data) {
  uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : data) {
    c ^= b;
    for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
  }
  return ~c;
}

void PngChunk(std::string& out, const std::string& type,
              const std::string& body) {
  Be32(out, static_cast<uint32_t>(body.size()));
  const std::string typed = type + body;
  out += typed;
  Be32(out, Crc(typed));
}

void JpegSegment(std::string& out, uint8_t marker, const std::string& body) {
  out.push_back(static_cast<char>(0xFF));
  out.push_back(static_cast<char>(marker));
  Be16(out, static_cast<uint32_t>(body.size() + 2));
  out += body;
}

}  // namespace

std::string MakeJpeg(size_t min_bytes, int seed) {
  std::string out = "\xFF\xD8";
  JpegSegment(out, 0xE0, std::string("JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 14));
  // Comment segments pad the file to the wanted size.
  int n = 0;
  while (out.size() + 200 < min_bytes) {
    const size_t want = std::min<size_t>(60000, min_bytes - out.size() - 100);
    std::string body(want, 'a');
    for (size_t i = 0; i < body.size(); ++i) {
      body[i] = static_cast<char>('a' + (i * 7 + seed * 13 + n) % 26);
    }
    ++n;
    JpegSegment(out, 0xFE, body);
  }
  JpegSegment(out, 0xFE, "seed " + std::to_string(seed));
  // Quantisation table 0: all ones.
  JpegSegment(out, 0xDB, std::string(1, '\0') + std::string(64, '\x01'));
  // Frame: 8 bits, 8×8, one component (id 1, 1×1 sampling, table 0).
  JpegSegment(out, 0xC0, std::string("\x08\0\x08\0\x08\x01\x01\x11\0", 9));
  // Huffman tables with one 1-bit code each: DC category 0, AC end-of-block.
  std::string dc(1, '\x00');
  dc += std::string("\x01", 1) + std::string(15, '\0') + std::string(1, '\0');
  JpegSegment(out, 0xC4, dc);
  std::string ac(1, '\x10');
  ac += std::string("\x01", 1) + std::string(15, '\0') + std::string(1, '\0');
  JpegSegment(out, 0xC4, ac);
  // Scan: one component, tables 0/0, spectral 0..63.
  JpegSegment(out, 0xDA, std::string("\x01\x01\x00\x00\x3F\x00", 6));
  // One block: DC code '0' (difference 0), AC code '0' (end of block),
  // padded with ones.
  out.push_back('\x3F');
  out += "\xFF\xD9";
  return out;
}

std::string MakePng(size_t min_bytes, int seed) {
  const uint32_t width = 256;
  const uint32_t height =
      std::max<uint32_t>(1, static_cast<uint32_t>(min_bytes / (width + 1)) + 1);
  std::string raw;
  raw.reserve(static_cast<size_t>(height) * (width + 1));
  for (uint32_t y = 0; y < height; ++y) {
    raw.push_back('\0');  // filter: none
    for (uint32_t x = 0; x < width; ++x) {
      raw.push_back(static_cast<char>((x + y * 3 + seed * 31) & 0xFF));
    }
  }
  // zlib stream of stored (uncompressed) deflate blocks.
  std::string z = "\x78\x01";
  for (size_t at = 0; at < raw.size(); at += 65535) {
    const size_t n = std::min<size_t>(65535, raw.size() - at);
    z.push_back(at + n == raw.size() ? '\x01' : '\x00');
    z.push_back(static_cast<char>(n & 0xFF));
    z.push_back(static_cast<char>(n >> 8));
    z.push_back(static_cast<char>(~n & 0xFF));
    z.push_back(static_cast<char>((~n >> 8) & 0xFF));
    z.append(raw, at, n);
  }
  uint32_t a = 1, b = 0;
  for (unsigned char c : raw) {
    a = (a + c) % 65521;
    b = (b + a) % 65521;
  }
  Be32(z, (b << 16) | a);
  std::string ihdr;
  Be32(ihdr, width);
  Be32(ihdr, height);
  ihdr += std::string("\x08\x00\x00\x00\x00", 5);  // 8-bit grey
  std::string out = "\x89PNG\r\n\x1A\n";
  PngChunk(out, "IHDR", ihdr);
  PngChunk(out, "IDAT", z);
  PngChunk(out, "IEND", "");
  return out;
}

namespace {

// The PDF with a comment line of `pad` bytes after the header (0: none).
std::string PdfWithPadding(const std::string& text, size_t pad,
                           const std::string& catalog_extra) {
  const std::string padding =
      pad >= 3 ? "% " + std::string(pad - 3, 'x') + "\n" : "";
  const std::string content = "BT /F1 12 Tf 20 100 Td (" + text + ") Tj ET";
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R " + catalog_extra + " >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" +
          content + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string out = "%PDF-1.4\n" + padding;
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) +
         "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

}  // namespace

std::string MakePdf(const std::string& text, size_t min_bytes,
                    const std::string& catalog_extra) {
  const std::string plain = PdfWithPadding(text, 0, catalog_extra);
  // Offsets grow by whole padding bytes, but their digits may lengthen the
  // table; pad, then top up the difference (at most a few bytes).
  if (min_bytes <= plain.size() + 3) return plain;
  size_t pad = min_bytes - plain.size();
  std::string out = PdfWithPadding(text, pad, catalog_extra);
  while (out.size() < min_bytes) {
    out = PdfWithPadding(text, ++pad, catalog_extra);
  }
  while (out.size() > min_bytes && pad > 3) {
    std::string less = PdfWithPadding(text, pad - 1, catalog_extra);
    if (less.size() < min_bytes) break;
    out = std::move(less);
    --pad;
  }
  return out;
}

}  // namespace aduan::testing
