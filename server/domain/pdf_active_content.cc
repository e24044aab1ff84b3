#include "server/domain/pdf_active_content.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "server/domain/pdf_lexer.h"

namespace aduan::domain {
namespace {

// The names refused wherever they stand (see the header).
constexpr const char* kRefusedNames[] = {
    "JavaScript",    "JS",        "Launch", "EmbeddedFile",
    "EmbeddedFiles", "RichMedia", "XFA"};

constexpr size_t kMaxObjectsPerStream = size_t{1} << 20;

// True when `s` holds what a reader sent to an offset inside it would take
// for an indirect object ("12 0 obj", also "12 0obj") or a trailer
// ("trailer <<"). Linear: each backward walk stops at the previous "obj".
bool LooksLikeObjectHeader(absl::string_view s) {
  for (size_t p = s.find("obj"); p != absl::string_view::npos;
       p = s.find("obj", p + 1)) {
    size_t i = p;
    while (i > 0 && IsPdfWhitespace(s[i - 1])) --i;
    size_t d = i;
    while (d > 0 && absl::ascii_isdigit(s[d - 1])) --d;
    if (d == i) continue;
    size_t w = d;
    while (w > 0 && IsPdfWhitespace(s[w - 1])) --w;
    if (w < d && w > 0 && absl::ascii_isdigit(s[w - 1])) return true;
  }
  for (size_t p = s.find("trailer"); p != absl::string_view::npos;
       p = s.find("trailer", p + 1)) {
    size_t i = p + 7;
    while (i < s.size() && IsPdfWhitespace(s[i])) ++i;
    if (s.substr(i, 2) == "<<") return true;
  }
  return false;
}

// What the dictionary in front of a `stream` keyword says about it.
struct StreamInfo {
  std::string type;           // /Type as a direct name; empty when absent
  bool type_unknown = false;  // /Type present but not a direct name
  bool has_first = false;     // a /First entry (object streams only)
  int64_t first = -1;         // /First when a direct non-negative integer
  int64_t length = -1;        // /Length when a direct non-negative integer
  bool has_filter = false;
  std::vector<std::string> filters;
  bool filter_unreadable = false;  // indirect, not names, or conflicting
  bool predictor = false;  // /DecodeParms with a predictor, or unreadable

  bool IsObjectStream() const {
    return type == "ObjStm" || type_unknown || has_first;
  }
};

// Collects the entries of an object's outermost dictionary that matter for
// a stream, token by token, without recursion.
class DictCapture {
 public:
  void Begin() { *this = DictCapture(); }
  void End() { FinishEntry(); }
  const StreamInfo& info() const { return info_; }

  // A token directly inside the dictionary.
  void Direct(const PdfToken& t) {
    if (t.kind == PdfTokenKind::kName &&
        (!have_key_ || !value_.empty() || composite_)) {
      FinishEntry();
      have_key_ = true;
      key_ = t.name;
      return;
    }
    if (!have_key_) return;
    if (composite_ || value_.size() == 3) {
      odd_ = true;
      return;
    }
    value_.push_back(t);
  }

  // '[' or '<<' directly inside the dictionary: an array or dictionary value.
  void OpenValue(bool array) {
    if (!have_key_) return;
    if (composite_ || !value_.empty()) odd_ = true;
    composite_ = true;
    array_ = array;
  }

  // A token inside an array or dictionary value, at `level` (2 directly in
  // the value).
  void Nested(const PdfToken& t, size_t level) {
    if (!have_key_) return;
    if (key_ == "Filter" || key_ == "F") {
      if (level == 2 && t.kind == PdfTokenKind::kName && names_.size() < 8) {
        names_.push_back(t.name);
      } else {
        odd_ = true;
      }
    } else if (key_ == "DecodeParms" || key_ == "DP") {
      if (after_predictor_) {
        after_predictor_ = false;
        int64_t v = 0;
        if (t.kind != PdfTokenKind::kWord || !ParsePdfCount(t.raw, &v) ||
            v > 1) {
          entry_predictor_ = true;
        }
      }
      if (t.kind == PdfTokenKind::kName && t.name == "Predictor") {
        after_predictor_ = true;
      }
      // Parameters behind a reference cannot be read here.
      if (t.kind == PdfTokenKind::kWord && t.raw == "R")
        entry_predictor_ = true;
    }
  }

 private:
  void FinishEntry() {
    if (!have_key_) return;
    const PdfToken* one =
        !composite_ && !odd_ && value_.size() == 1 ? &value_[0] : nullptr;
    const bool one_name = one != nullptr && one->kind == PdfTokenKind::kName;
    int64_t number = 0;
    if (key_ == "Type") {
      if (one_name) {
        info_.type = one->name;
      } else {
        info_.type_unknown = true;
      }
    } else if (key_ == "Length") {
      if (one != nullptr && one->kind == PdfTokenKind::kWord &&
          ParsePdfCount(one->raw, &number)) {
        info_.length = number;
      }
    } else if (key_ == "First") {
      info_.has_first = true;
      if (one != nullptr && one->kind == PdfTokenKind::kWord &&
          ParsePdfCount(one->raw, &number)) {
        info_.first = number;
      }
    } else if (key_ == "Filter" || key_ == "F") {
      // /F is a file specification (a string or dictionary) in a stream,
      // but some readers take it for /Filter, so names there count too.
      const bool file_spec =
          key_ == "F" &&
          ((composite_ && !array_) ||
           (one != nullptr && (one->kind == PdfTokenKind::kString ||
                               one->kind == PdfTokenKind::kHexString)));
      if (!file_spec) {
        const bool null_value = one != nullptr &&
                                one->kind == PdfTokenKind::kWord &&
                                one->raw == "null";
        std::vector<std::string> names;  // none for null
        bool readable = true;
        if (composite_ && array_ && !odd_) {
          names = names_;
        } else if (one_name) {
          names.push_back(one->name);
        } else if (!null_value) {
          readable = false;
        }
        if (!readable || (info_.has_filter && names != info_.filters)) {
          info_.filter_unreadable = true;
        }
        info_.has_filter = true;
        info_.filters = std::move(names);
      }
    } else if (key_ == "DecodeParms" || key_ == "DP") {
      const bool null_value = one != nullptr &&
                              one->kind == PdfTokenKind::kWord &&
                              one->raw == "null";
      if (composite_) {
        info_.predictor |= entry_predictor_ || after_predictor_ || odd_;
      } else if (!null_value) {
        info_.predictor = true;
      }
    }
    have_key_ = false;
    key_.clear();
    value_.clear();
    composite_ = false;
    array_ = false;
    odd_ = false;
    names_.clear();
    after_predictor_ = false;
    entry_predictor_ = false;
  }

  StreamInfo info_;
  bool have_key_ = false;
  std::string key_;
  std::vector<PdfToken> value_;  // a direct value: one token, or `n g R`
  bool composite_ = false;
  bool array_ = false;
  bool odd_ = false;
  std::vector<std::string> names_;  // names directly in an array value
  bool after_predictor_ = false;
  bool entry_predictor_ = false;
};

enum class InflateResult { kOk, kTooBig, kDamaged };

// Inflates zlib data into `out`, at most `budget` bytes. A stream cut short
// gives what it holds (as readers do); a wrong Adler-32 at the very end is
// let pass, all the data being out by then.
InflateResult Inflate(absl::string_view in, size_t budget, std::string* out) {
  z_stream zs;
  std::memset(&zs, 0, sizeof(zs));
  if (inflateInit(&zs) != Z_OK) return InflateResult::kDamaged;
  constexpr size_t kChunk = 64 * 1024;
  constexpr size_t kFeed = size_t{1} << 30;
  std::vector<char> buffer(kChunk);
  size_t fed = 0;
  InflateResult result = InflateResult::kOk;
  while (true) {
    if (zs.avail_in == 0 && fed < in.size()) {
      const size_t n = std::min(in.size() - fed, kFeed);
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + fed));
      zs.avail_in = static_cast<uInt>(n);
      fed += n;
    }
    zs.next_out = reinterpret_cast<Bytef*>(buffer.data());
    zs.avail_out = static_cast<uInt>(kChunk);
    const int rc = inflate(&zs, Z_NO_FLUSH);
    const size_t got = kChunk - zs.avail_out;
    if (got > budget - out->size()) {
      result = InflateResult::kTooBig;
      break;
    }
    out->append(buffer.data(), got);
    if (rc == Z_STREAM_END) break;
    if (rc == Z_DATA_ERROR && zs.msg != nullptr &&
        std::strcmp(zs.msg, "incorrect data check") == 0) {
      break;
    }
    if (rc == Z_OK) continue;
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
      if (fed == in.size()) break;  // cut short: keep what came out
      continue;
    }
    result = InflateResult::kDamaged;
    break;
  }
  inflateEnd(&zs);
  return result;
}

// A name as it may appear in a message: printable ASCII, anything else (and
// '#') written as a PDF name escape (#xx), so that an upload's bytes never
// reach a status message unescaped.
std::string Printable(absl::string_view name) {
  std::string out;
  for (char c : name) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u > 0x20 && u < 0x7F && c != '#') {
      out.push_back(c);
    } else {
      absl::StrAppend(&out, "#", absl::Hex(u, absl::kZeroPad2));
    }
  }
  return out;
}

absl::Status Bad(absl::string_view field, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", what));
}

class Scanner {
 public:
  explicit Scanner(absl::string_view field) : field_(field) {}

  absl::Status ScanFile(absl::string_view pdf);

 private:
  absl::Status CheckName(const PdfToken& t);
  absl::Status Hidden() const {
    return Bad(field_,
               "PDF with an object hidden in stream data, a string or a "
               "comment");
  }
  absl::Status Unsupported(absl::string_view detail) const {
    return Bad(field_, absl::StrCat("PDF object stream with an unsupported "
                                    "filter",
                                    detail));
  }
  absl::Status ScanStream(const StreamInfo& info, PdfLexer* lexer);
  absl::Status ScanObjectStream(absl::string_view body, const StreamInfo& info);
  absl::Status ScanNames(absl::string_view data);
  absl::Status ScanEachObject(absl::string_view data, size_t first);
  absl::Status ScanOneObject(absl::string_view data, size_t begin, size_t end);

  absl::string_view field_;
  size_t inflated_ = 0;
  bool encrypted_ = false;
  bool object_streams_ = false;
  bool undecodable_ = false;
};

absl::Status Scanner::CheckName(const PdfToken& t) {
  if (t.name == "Encrypt") encrypted_ = true;
  for (const char* refused : kRefusedNames) {
    if (t.name == refused) {
      return Bad(field_, absl::StrCat("PDF with active content is not "
                                      "accepted (/",
                                      refused, ")"));
    }
  }
  return absl::OkStatus();
}

absl::Status Scanner::ScanFile(absl::string_view pdf) {
  PdfLexer lexer(pdf);
  DictCapture dict;
  size_t depth = 0;         // open arrays and dictionaries
  bool dict_top = false;    // the outermost one is a dictionary
  bool dict_ready = false;  // a dictionary just closed at depth 0
  while (true) {
    const PdfToken t = lexer.Next();
    if (t.kind == PdfTokenKind::kEnd) break;
    if (t.kind == PdfTokenKind::kComment) {
      if (LooksLikeObjectHeader(t.raw)) return Hidden();
      continue;
    }
    if ((t.kind == PdfTokenKind::kString ||
         t.kind == PdfTokenKind::kHexString) &&
        LooksLikeObjectHeader(t.raw)) {
      return Hidden();
    }
    if (t.kind == PdfTokenKind::kName) {
      if (absl::Status s = CheckName(t); !s.ok()) return s;
    }
    if (t.kind == PdfTokenKind::kWord) {
      if (t.raw == "stream") {
        if (!dict_ready) {
          return Bad(field_, "damaged PDF: a stream without a dictionary");
        }
        dict_ready = false;
        if (absl::Status s = ScanStream(dict.info(), &lexer); !s.ok()) {
          return s;
        }
        continue;
      }
      // A reader starts afresh at each object, whatever came before.
      if (t.raw == "obj" || t.raw == "endobj") {
        depth = 0;
        dict_ready = false;
        continue;
      }
    }
    dict_ready = false;
    switch (t.kind) {
      case PdfTokenKind::kDictOpen:
      case PdfTokenKind::kArrayOpen: {
        const bool array = t.kind == PdfTokenKind::kArrayOpen;
        if (depth == 0) {
          dict_top = !array;
          if (dict_top) dict.Begin();
        } else if (dict_top && depth == 1) {
          dict.OpenValue(array);
        } else if (dict_top) {
          dict.Nested(t, depth);
        }
        ++depth;
        break;
      }
      case PdfTokenKind::kDictClose:
      case PdfTokenKind::kArrayClose:
        if (depth == 0) break;  // stray
        --depth;
        if (depth == 0) {
          if (dict_top && t.kind == PdfTokenKind::kDictClose) {
            dict.End();
            dict_ready = true;
          }
        } else if (dict_top && depth >= 2) {
          dict.Nested(t, depth);
        }
        break;
      default:
        if (dict_top && depth == 1) {
          dict.Direct(t);
        } else if (dict_top && depth >= 2) {
          dict.Nested(t, depth);
        }
        break;
    }
  }
  if (object_streams_ && encrypted_) {
    return Bad(field_,
               "encrypted PDF with object streams cannot be checked for "
               "active content");
  }
  if (undecodable_) {
    return Bad(field_, "damaged PDF: an object stream does not inflate");
  }
  return absl::OkStatus();
}

// The data of the stream whose `stream` keyword `lexer` just gave; the
// lexer is left after its endstream.
absl::Status Scanner::ScanStream(const StreamInfo& info, PdfLexer* lexer) {
  const std::optional<absl::string_view> body =
      lexer->NextStreamBody(info.length);
  if (!body.has_value()) {
    return Bad(field_, "damaged PDF: a stream without endstream");
  }
  if (LooksLikeObjectHeader(*body)) return Hidden();
  if (info.IsObjectStream()) return ScanObjectStream(*body, info);
  return absl::OkStatus();
}

absl::Status Scanner::ScanObjectStream(absl::string_view body,
                                       const StreamInfo& info) {
  object_streams_ = true;
  if (info.filter_unreadable) return Unsupported("");
  if (info.filters.size() > 1) {
    std::vector<std::string> names;
    for (const std::string& f : info.filters) names.push_back(Printable(f));
    return Unsupported(absl::StrCat(" (/", absl::StrJoin(names, " /"), ")"));
  }
  const bool flate =
      info.filters.size() == 1 &&
      (info.filters[0] == "FlateDecode" || info.filters[0] == "Fl");
  if (info.filters.size() == 1 && !flate) {
    return Unsupported(absl::StrCat(" (/", Printable(info.filters[0]), ")"));
  }
  if (info.predictor) return Unsupported(" (a /DecodeParms predictor)");
  std::string inflated;
  absl::string_view data = body;
  if (flate) {
    switch (Inflate(body, kPdfMaxInflatedBytes - inflated_, &inflated)) {
      case InflateResult::kOk:
        break;
      case InflateResult::kTooBig:
        return Bad(field_, absl::StrCat("PDF object streams inflate to more "
                                        "than ",
                                        kPdfMaxInflatedBytes >> 20, " MiB"));
      case InflateResult::kDamaged:
        undecodable_ = true;  // refused at the end, or as encrypted
        return absl::OkStatus();
    }
    inflated_ += inflated.size();
    data = inflated;
  }
  if (absl::Status s = ScanNames(data); !s.ok()) return s;
  if (info.has_first) {
    if (info.first < 0) {
      return Bad(field_,
                 "damaged PDF: an object stream's /First is not a "
                 "number");
    }
    return ScanEachObject(data, static_cast<size_t>(info.first));
  }
  return absl::OkStatus();
}

// The data of an object stream read straight through. No stream bodies to
// skip there: object streams do not hold streams.
absl::Status Scanner::ScanNames(absl::string_view data) {
  PdfLexer lexer(data);
  for (PdfToken t = lexer.Next(); t.kind != PdfTokenKind::kEnd;
       t = lexer.Next()) {
    if (t.kind != PdfTokenKind::kName) continue;
    if (absl::Status s = CheckName(t); !s.ok()) return s;
  }
  return absl::OkStatus();
}

// Each object of an object stream read from the offset its header gives,
// as a reader does: a string or comment that the straight read saw there
// cannot hide it.
absl::Status Scanner::ScanEachObject(absl::string_view data, size_t first) {
  if (first > data.size()) return absl::OkStatus();
  // The header: pairs of object number and offset (from /First). All the
  // pairs there, whatever /N says.
  PdfLexer header(data.substr(0, first));
  std::vector<size_t> starts;
  while (true) {
    const PdfToken number = header.Next();
    const PdfToken offset = header.Next();
    int64_t unused = 0;
    int64_t at = 0;
    if (number.kind != PdfTokenKind::kWord ||
        offset.kind != PdfTokenKind::kWord ||
        !ParsePdfCount(number.raw, &unused) ||
        !ParsePdfCount(offset.raw, &at)) {
      break;
    }
    if (static_cast<uint64_t>(at) < data.size() - first) {
      if (starts.size() == kMaxObjectsPerStream) {
        return Bad(field_, "damaged PDF: too many objects in an object stream");
      }
      starts.push_back(first + static_cast<size_t>(at));
    }
  }
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  for (size_t k = 0; k < starts.size(); ++k) {
    const size_t end = k + 1 < starts.size() ? starts[k + 1] : data.size();
    if (absl::Status s = ScanOneObject(data, starts[k], end); !s.ok()) {
      return s;
    }
  }
  return absl::OkStatus();
}

// One object from `begin`; it must end by `end`, where the next one starts.
absl::Status Scanner::ScanOneObject(absl::string_view data, size_t begin,
                                    size_t end) {
  // White space up to `end` is no object (a reader there finds the next
  // one); stopping at `end` keeps objects that start in one long run of
  // white space from each reading the rest of it.
  size_t first = begin;
  while (first < end && IsPdfWhitespace(data[first])) ++first;
  if (first == end) return absl::OkStatus();
  PdfLexer lexer(data, first);
  size_t depth = 0;
  while (true) {
    const PdfToken t = lexer.Next();
    if (t.kind == PdfTokenKind::kEnd) return absl::OkStatus();
    if (t.begin >= end && depth == 0) return absl::OkStatus();
    if (t.begin >= end || t.end > end) {
      return Bad(field_,
                 "damaged PDF: overlapping objects in an object "
                 "stream");
    }
    if (t.kind == PdfTokenKind::kComment) continue;
    if (t.kind == PdfTokenKind::kName) {
      if (absl::Status s = CheckName(t); !s.ok()) return s;
    }
    if (t.kind == PdfTokenKind::kDictOpen ||
        t.kind == PdfTokenKind::kArrayOpen) {
      ++depth;
    } else if ((t.kind == PdfTokenKind::kDictClose ||
                t.kind == PdfTokenKind::kArrayClose) &&
               depth > 0) {
      --depth;
    }
    if (depth == 0) return absl::OkStatus();  // the object is complete
  }
}

}  // namespace

absl::Status CheckPdfActiveContent(absl::string_view field,
                                   absl::string_view pdf) {
  return Scanner(field).ScanFile(pdf);
}

}  // namespace aduan::domain
