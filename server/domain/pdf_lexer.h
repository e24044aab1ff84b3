// A tokenizer for PDF syntax (ISO 32000-1, 7.2 and 7.3), for checks that
// read a PDF object by object rather than as bytes.
//
// PdfLexer yields one token at a time from a position in the data:
//   kName        `/Name`, decoded: each #xx (two hex digits) is that byte, a
//                '#' without them is itself; `name` holds it without the '/',
//                cut after kNameKeep + 1 bytes (so a longer name equals no
//                name of kNameKeep bytes or fewer)
//   kString      `( ... )`, nested parentheses balanced, a backslash escaping
//                the byte after it; to the end of the data when unclosed
//   kHexString   `< ... >`, up to the first '>' (or the end of the data)
//   kComment     '%' up to, not including, the next CR or LF
//   kDictOpen    `<<`          kDictClose   `>>`
//   kArrayOpen   `[`           kArrayClose  `]`
//   kWord        a run of regular bytes: numbers and keywords (12, -3.5, R,
//                obj, stream, true, null)
//   kStray       a lone ')', '>', '{' or '}'
//   kEnd         the end of the data (and every call after it)
// White space (NUL, TAB, LF, FF, CR, SPACE) between tokens is skipped. The
// lexer checks nothing: what a token means, whether brackets balance and
// whether a string closes are the caller's concern; bytes that are not PDF
// give tokens all the same. It does not skip stream data on its own (that
// takes the stream's /Length, which the caller reads): after a `stream`
// keyword, NextStreamBody steps over the data.
//
// Limits: linear time overall: Next() is linear in the token and the white
// space before it, and NextStreamBody in the bytes up to the `endstream` it
// settles on; the white space it walks after `length` bytes is remembered,
// so no call walks it twice. No recursion (nesting is a counter inside one
// string token and nothing elsewhere). Memory: a token's `name`, and one
// entry per run of white space NextStreamBody walked. The lexer holds a
// view: the data must outlive it and its tokens.
#ifndef ADUAN_SERVER_DOMAIN_PDF_LEXER_H_
#define ADUAN_SERVER_DOMAIN_PDF_LEXER_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace aduan::domain {

enum class PdfTokenKind {
  kEnd,
  kName,
  kString,
  kHexString,
  kComment,
  kDictOpen,
  kDictClose,
  kArrayOpen,
  kArrayClose,
  kWord,
  kStray,
};

struct PdfToken {
  PdfTokenKind kind = PdfTokenKind::kEnd;
  size_t begin = 0;       // offset of the first byte in the data
  size_t end = 0;         // offset just past the last byte
  absl::string_view raw;  // the bytes [begin, end), as written
  std::string name;       // kName only: decoded, without '/', cut (above)
};

// True for the six PDF white-space bytes.
bool IsPdfWhitespace(char c);

// A non-negative integer written with ASCII digits only, at most 18 of them
// (what /Length, /First and object numbers and offsets are). False, and
// `*out` untouched, for anything else: a sign, a point, an empty string.
bool ParsePdfCount(absl::string_view s, int64_t* out);

class PdfLexer {
 public:
  // Decoded names are kept up to this length; longer ones match nothing a
  // caller looks for.
  static constexpr size_t kNameKeep = 32;

  explicit PdfLexer(absl::string_view data, size_t pos = 0)
      : data_(data), pos_(pos) {}

  PdfLexer(const PdfLexer&) = delete;
  PdfLexer& operator=(const PdfLexer&) = delete;

  // Where the next token is looked for.
  size_t pos() const { return pos_; }
  // Moves there; past the end is the end.
  void set_pos(size_t pos);

  // The token at pos(), skipping white space before it; pos() moves past it.
  PdfToken Next();

  // Call right after Next() gave a `stream` keyword. The stream's data
  // starts after the keyword, any spaces or tabs, and one CR, LF or CRLF.
  // It ends after `length` bytes (the stream's /Length; -1 when unknown)
  // when that is within the data and followed, after white space, by
  // `endstream`; otherwise at the first `endstream` from its start. Returns
  // the data and moves pos() past `endstream`; nullopt (pos() unchanged)
  // when there is no `endstream`.
  std::optional<absl::string_view> NextStreamBody(int64_t length);

 private:
  // The first byte at or after `from` that is not white space.
  size_t SkipWhiteSpace(size_t from);

  absl::string_view data_;
  size_t pos_;
  // Runs of white space SkipWhiteSpace walked: begin -> the first byte after
  // them that is not white space (or the end of the data). Disjoint.
  std::map<size_t, size_t> white_runs_;
};

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_PDF_LEXER_H_
