// Refuses PDFs that carry active content: scripts, launch actions and
// embedded files. The check reads the PDF's syntax, not its bytes: a small
// lexer walks the file object by object, skipping comments, string literals
// (nested parentheses, backslash escapes), hex strings and the data of
// streams, and decodes every name (`/Java#53cript` is `/JavaScript`). Only
// names count, so a letter that mentions "(/JavaScript)" in its text, or an
// image whose compressed bytes happen to spell "/JS", passes.
//
// Refused names (exact, after #xx decoding), anywhere a name can stand —
// a dictionary key, an action's /S, a /Type:
//   /JavaScript, /JS            scripts (actions, the /Names tree, /AA)
//   /Launch                     runs a program or opens a file
//   /EmbeddedFile, /EmbeddedFiles  attached files (the stream type and the
//                               /Names tree)
//   /RichMedia                  Flash/video annotations, with their scripts
//   /XFA                        XML forms, whose scripts live in XML streams
//                               this check cannot read
// Everything else passes, in particular `/OpenAction [page /Fit]` (what
// LibreOffice and scanner apps write), /GoTo and /URI links, outlines, forms
// without scripts.
//
// Object streams (a stream with /Type /ObjStm, or an indirect /Type, or a
// /First entry) hold objects; their data is read the same way: uncompressed,
// or inflated when the filter is /FlateDecode (`/FlateDecode`,
// `[/FlateDecode]`, or the /Fl abbreviation, under /Filter or the /F key some
// readers also take). Any other filter, a chain of filters, or /DecodeParms
// with a predictor is refused rather than let through. Each object is also
// read from the offset the stream's header gives for it, as a reader does,
// and objects that overlap there are refused. Other streams (page contents,
// images, fonts, cross-reference streams) are skipped: their data is not
// objects.
//
// A reader may jump to any offset the cross-reference table names, so text
// that looks like an object header ("12 0 obj") or a trailer ("trailer <<")
// inside stream data, a string or a comment — where this check would not read
// it as objects — is refused.
//
// Encrypted PDFs keep their object streams encrypted, which this check cannot
// read: an encrypted PDF (an /Encrypt entry) with object streams is refused;
// one without object streams is checked like any other.
//
// Limits: linear time, no recursion (a dictionary nested 100,000 deep is just
// a counter; nesting on its own is not refused), object streams inflate to at
// most 64 MiB in total per file (beyond that the PDF is refused), at most
// 1,048,576 objects per object stream. Memory: the inflated data of one
// object stream at a time.
#ifndef ADUAN_SERVER_DOMAIN_PDF_ACTIVE_CONTENT_H_
#define ADUAN_SERVER_DOMAIN_PDF_ACTIVE_CONTENT_H_

#include <cstddef>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace aduan::domain {

// The most that the object streams of one PDF may inflate to.
inline constexpr size_t kPdfMaxInflatedBytes = size_t{64} << 20;

// OkStatus when `pdf` has none of the active content above. Errors:
// kInvalidArgument naming `field` and what was found:
//   "content: PDF with active content is not accepted (/JavaScript)"
//   "content: PDF object stream with an unsupported filter (/LZWDecode)"
//   "content: PDF object streams inflate to more than 64 MiB"
//   "content: PDF with an object hidden in stream data, a string or a comment"
//   "content: encrypted PDF with object streams cannot be checked for active
//    content"
//   "content: damaged PDF: …" (an object stream that does not inflate,
//    overlapping objects in an object stream, a stream without a dictionary
//    or without endstream, too many objects in an object stream).
// Call it on a document RecognizeDocument took for a PDF; it does not
// itself check that the bytes are one.
absl::Status CheckPdfActiveContent(absl::string_view field,
                                   absl::string_view pdf);

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_PDF_ACTIVE_CONTENT_H_
