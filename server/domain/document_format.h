// Recognises the documents the office accepts — JPEG, PNG and PDF — by their
// content, never by a declared name or media type: the magic bytes, then a
// structural walk that a renamed or truncated file fails.
//
//  - JPEG: SOI, well-formed marker segments up to a frame header (SOFn) and
//    the start of scan, and an EOI marker after the scan data.
//  - PNG: the signature, an IHDR chunk first (13 bytes, non-zero size, a
//    valid bit depth and colour type), every chunk's length in bounds and
//    its CRC-32 right, at least one IDAT, and IEND last.
//  - PDF: a `%PDF-1.x`/`%PDF-2.x` header, `startxref` with an offset inside
//    the file that points at a cross-reference table or stream, and `%%EOF`
//    in the last kilobyte; and no active content (scripts, launch actions,
//    embedded files: pdf_active_content.h).
#ifndef ADUAN_SERVER_DOMAIN_DOCUMENT_FORMAT_H_
#define ADUAN_SERVER_DOMAIN_DOCUMENT_FORMAT_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace aduan::domain {

inline constexpr char kMediaJpeg[] = "image/jpeg";
inline constexpr char kMediaPng[] = "image/png";
inline constexpr char kMediaPdf[] = "application/pdf";

// The media type of `bytes` (one of the three above). `length`, when
// given, gets the length of the document proper, the bytes to keep: a JPEG
// ends at its end-of-image marker, and whatever follows (a phone's
// motion-photo video, or an appended HTML page or PDF that would make the
// file a polyglot) is not part of it; PNG and PDF are whole. Errors:
// kInvalidArgument naming `field` and what is wrong ("content: not a JPEG,
// PNG or PDF document", "content: truncated PNG: …").
absl::StatusOr<std::string> RecognizeDocument(absl::string_view field,
                                              absl::string_view bytes,
                                              size_t* length = nullptr);

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_DOCUMENT_FORMAT_H_
