#include "server/domain/document_format.h"

#include "tests/test_documents.h"
#include "tests/test_util.h"

namespace aduan::domain {
namespace {

using ::aduan::testing::MakeJpeg;
using ::aduan::testing::MakePdf;
using ::aduan::testing::MakePng;
using ::aduan::testing::StatusIs;

TEST(DocumentFormatTest, RecognisesRealDocumentsByContent) {
  EXPECT_EQ(RecognizeDocument("content", MakeJpeg()).value(), "image/jpeg");
  EXPECT_EQ(RecognizeDocument("content", MakeJpeg(300000, 2)).value(),
            "image/jpeg");
  EXPECT_EQ(RecognizeDocument("content", MakePng()).value(), "image/png");
  EXPECT_EQ(RecognizeDocument("content", MakePng(200000, 1)).value(),
            "image/png");
  EXPECT_EQ(RecognizeDocument("content", MakePdf()).value(), "application/pdf");
  const std::string padded = MakePdf("x", 5000);
  EXPECT_EQ(padded.size(), 5000u);
  EXPECT_EQ(RecognizeDocument("content", padded).value(), "application/pdf");
}

// A JPEG is kept only up to its end-of-image marker: HTML or a whole PDF
// appended after it (a polyglot) is not part of the document, and a phone's
// motion photo (an MP4 after the JPEG) is still a photo, kept as the photo.
TEST(DocumentFormatTest, AJpegEndsAtItsEndMarker) {
  const std::string jpeg = MakeJpeg(20000, 3);
  size_t length = 0;
  ASSERT_EQ(RecognizeDocument("content", jpeg, &length).value(), "image/jpeg");
  EXPECT_EQ(length, jpeg.size());
  const std::string mp4 = std::string(
                              "\x00\x00\x00\x18"
                              "ftypmp42",
                              12) +
                          std::string(4000, '\x11') + "\xFF\xD9 more";
  for (const std::string& tail :
       {std::string("<html><script>alert(1)</script></html>"), MakePdf(),
        mp4}) {
    length = 0;
    EXPECT_EQ(RecognizeDocument("content", jpeg + tail, &length).value(),
              "image/jpeg");
    EXPECT_EQ(length, jpeg.size());
  }
  // PNG and PDF are whole (a PNG with trailing bytes is refused).
  const std::string pdf = MakePdf();
  ASSERT_TRUE(RecognizeDocument("content", pdf, &length).ok());
  EXPECT_EQ(length, pdf.size());
}

TEST(DocumentFormatTest, RefusesOtherContentWhateverItsName) {
  EXPECT_THAT(RecognizeDocument("content", "Ini surat biasa, bukan foto.\n"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "content: not a JPEG, PNG or PDF document"));
  EXPECT_THAT(RecognizeDocument("content", ""),
              StatusIs(absl::StatusCode::kInvalidArgument, "content: not a"));
  EXPECT_THAT(RecognizeDocument("content", "GIF89a......"),
              StatusIs(absl::StatusCode::kInvalidArgument, "content: not a"));
}

TEST(DocumentFormatTest, RefusesTruncatedDocuments) {
  const std::string png = MakePng(5000);
  for (size_t cut : {png.size() - 1, png.size() - 12, png.size() / 2,
                     size_t{40}, size_t{9}}) {
    EXPECT_THAT(
        RecognizeDocument("content", png.substr(0, cut)),
        StatusIs(absl::StatusCode::kInvalidArgument, "content: truncated PNG"))
        << cut;
  }
  const std::string jpeg = MakeJpeg(3000);
  for (size_t cut : {jpeg.size() - 1, jpeg.size() - 2, jpeg.size() / 2}) {
    EXPECT_THAT(
        RecognizeDocument("content", jpeg.substr(0, cut)),
        StatusIs(absl::StatusCode::kInvalidArgument, "content: truncated JPEG"))
        << cut;
  }
  const std::string pdf = MakePdf();
  EXPECT_THAT(
      RecognizeDocument("content", pdf.substr(0, pdf.size() - 7)),
      StatusIs(absl::StatusCode::kInvalidArgument, "content: truncated PDF"));
}

TEST(DocumentFormatTest, RefusesDamagedStructure) {
  std::string png = MakePng(1000);
  png[60] ^= 0x01;  // inside IDAT's data: its CRC no longer matches
  EXPECT_THAT(RecognizeDocument("content", png),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "content: damaged PNG: CRC of chunk IDAT"));
  EXPECT_THAT(RecognizeDocument("content", MakePng() + "extra"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "content: damaged PNG: bytes after IEND"));
  // A PDF whose startxref points elsewhere.
  std::string pdf = MakePdf();
  const size_t at = pdf.rfind("startxref\n") + 10;
  pdf.replace(at, pdf.find('\n', at) - at, "12");
  EXPECT_THAT(RecognizeDocument("content", pdf),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "content: damaged PDF: startxref"));
  // A JPEG without a frame header before its scan.
  std::string jpeg = MakeJpeg();
  const size_t sof = jpeg.find("\xFF\xC0");
  jpeg[sof + 1] = static_cast<char>(0xE1);  // now an APP1 segment
  EXPECT_THAT(RecognizeDocument("content", jpeg),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "content: damaged JPEG: no frame header"));
}

TEST(DocumentFormatTest, HostileLengthsAndOffsetsAreRefusedSafely) {
  EXPECT_THAT(RecognizeDocument("content", "\xFF\xD8\xFF"),
              StatusIs(absl::StatusCode::kInvalidArgument, "truncated JPEG"));
  EXPECT_THAT(RecognizeDocument("content", "%PDF-"),
              StatusIs(absl::StatusCode::kInvalidArgument, "damaged PDF"));
  // A JPEG segment whose length runs past the end.
  EXPECT_THAT(
      RecognizeDocument("content", std::string("\xFF\xD8\xFF\xE0\xFF\xF0xx")),
      StatusIs(absl::StatusCode::kInvalidArgument,
               "truncated JPEG: a segment runs past the end"));
  // PNG chunk lengths near the 32-bit limits.
  for (const char* length :
       {"\xFF\xFF\xFF\xFF", "\x80\x00\x00\x00", "\x7F\xFF\xFF\xFF"}) {
    std::string png = MakePng();
    png.replace(8, 4, std::string(length, 4));
    EXPECT_THAT(RecognizeDocument("content", png),
                StatusIs(absl::StatusCode::kInvalidArgument,
                         "truncated PNG: a chunk runs past the end"));
  }
  // A startxref far beyond any size.
  std::string pdf = MakePdf();
  const size_t at = pdf.rfind("startxref\n") + 10;
  pdf.replace(at, pdf.find('\n', at) - at, "99999999999999999999999");
  EXPECT_THAT(RecognizeDocument("content", pdf),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "damaged PDF: startxref offset"));
}

TEST(DocumentFormatTest, NamesTheGivenField) {
  EXPECT_THAT(RecognizeDocument("attachment", "plain"),
              StatusIs(absl::StatusCode::kInvalidArgument, "attachment: "));
}

}  // namespace
}  // namespace aduan::domain
