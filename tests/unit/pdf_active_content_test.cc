#include "server/domain/pdf_active_content.h"

#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "server/domain/document_format.h"
#include "tests/test_util.h"

namespace aduan::domain {
namespace {

using ::aduan::testing::StatusIs;

constexpr absl::StatusCode kInvalid = absl::StatusCode::kInvalidArgument;

// A PDF with `objects` numbered from 1 (object 1 is the catalog), a
// cross-reference table with their offsets, and a trailer.
std::string MakeTestPdf(const std::vector<std::string>& objects,
                        const std::string& trailer_extra = "") {
  std::string pdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    absl::StrAppend(&pdf, i + 1, " 0 obj\n", objects[i], "\nendobj\n");
  }
  const size_t xref = pdf.size();
  absl::StrAppend(&pdf, "xref\n0 ", objects.size() + 1,
                  "\n0000000000 65535 f \n");
  for (size_t offset : offsets) {
    absl::StrAppend(&pdf, absl::StrFormat("%010d 00000 n \n", offset));
  }
  absl::StrAppend(&pdf, "trailer\n<< /Size ", objects.size() + 1,
                  " /Root 1 0 R ", trailer_extra, ">>\nstartxref\n", xref,
                  "\n%%EOF\n");
  return pdf;
}

// The catalog, with `extra` entries (an /OpenAction, /Names …).
std::string Catalog(const std::string& extra = "") {
  return absl::StrCat("<< /Type /Catalog /Pages 2 0 R ", extra, ">>");
}

constexpr char kPages[] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
constexpr char kPage[] =
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
    "/Contents 4 0 R >>";

// A stream object: `dict` entries and `data`, with its /Length.
std::string Stream(const std::string& dict, const std::string& data) {
  return absl::StrCat("<< ", dict, " /Length ", data.size(), " >>\nstream\n",
                      data, "\nendstream");
}

std::string Deflate(const std::string& data, int level = Z_BEST_COMPRESSION) {
  uLongf size = compressBound(data.size());
  std::string out(size, '\0');
  EXPECT_EQ(compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                      reinterpret_cast<const Bytef*>(data.data()), data.size(),
                      level),
            Z_OK);
  out.resize(size);
  return out;
}

// The data of an object stream holding `objects`, numbered from
// `first_number`; `*first` gets the offset of the first object.
std::string ObjectStreamData(const std::vector<std::string>& objects,
                             int first_number, size_t* first) {
  std::string header;
  std::string body;
  for (size_t i = 0; i < objects.size(); ++i) {
    absl::StrAppend(&header, first_number + i, " ", body.size(), " ");
    absl::StrAppend(&body, objects[i], "\n");
  }
  *first = header.size();
  return header + body;
}

// A Flate-compressed object stream object holding `objects` (numbered 10,
// 11, …).
std::string CompressedObjectStream(
    const std::vector<std::string>& objects,
    const std::string& filter = "/Filter /FlateDecode") {
  size_t first = 0;
  const std::string data = ObjectStreamData(objects, 10, &first);
  return Stream(absl::StrCat("/Type /ObjStm /N ", objects.size(), " /First ",
                             first, " ", filter),
                Deflate(data));
}

// A one-page PDF; `catalog_extra` goes into the catalog, `more` are objects
// 5, 6, … and `content` is the page's (uncompressed) content stream.
std::string OnePagePdf(const std::string& catalog_extra = "",
                       const std::vector<std::string>& more = {},
                       const std::string& content =
                           "BT /F1 12 Tf 72 712 Td "
                           "(Laporan) Tj ET") {
  std::vector<std::string> objects = {Catalog(catalog_extra), kPages, kPage,
                                      Stream("", content)};
  objects.insert(objects.end(), more.begin(), more.end());
  return MakeTestPdf(objects);
}

std::string ActiveContent(const std::string& name) {
  return absl::StrCat("content: PDF with active content is not accepted (/",
                      name, ")");
}

TEST(PdfActiveContentTest, APlainPdfPasses) {
  const std::string pdf = OnePagePdf();
  // The helpers build what the upload check takes for a PDF.
  ASSERT_EQ(RecognizeDocument("content", pdf).value(), "application/pdf");
  EXPECT_EQ(CheckPdfActiveContent("content", pdf), absl::OkStatus());
}

TEST(PdfActiveContentTest, AnOpenActionToAPagePasses) {
  EXPECT_EQ(
      CheckPdfActiveContent("content", OnePagePdf("/OpenAction [3 0 R /Fit] ")),
      absl::OkStatus());
  EXPECT_EQ(CheckPdfActiveContent(
                "content", OnePagePdf("/OpenAction [3 0 R /XYZ null null 0] "
                                      "/PageMode /UseOutlines")),
            absl::OkStatus());
}

TEST(PdfActiveContentTest, LinksAndGoToActionsPass) {
  const std::string annots =
      "<< /Type /Annot /Subtype /Link /Rect [72 72 200 90] "
      "/A << /S /URI /URI (https://lapor.go.id) >> >>";
  const std::string go_to = "<< /S /GoTo /D [3 0 R /Fit] >>";
  EXPECT_EQ(CheckPdfActiveContent(
                "content",
                OnePagePdf(absl::StrCat("/OpenAction ", go_to, " "), {annots})),
            absl::OkStatus());
}

TEST(PdfActiveContentTest, AJavaScriptOpenActionIsRefused) {
  EXPECT_THAT(
      CheckPdfActiveContent(
          "content",
          OnePagePdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >> ")),
      StatusIs(kInvalid, ActiveContent("JavaScript")));
  // /JS alone (an /AA entry on a page or field), and the /Names tree.
  EXPECT_THAT(CheckPdfActiveContent(
                  "content", OnePagePdf("/AA << /O << /Type /Action /JS 5 0 R "
                                        ">> >> ")),
              StatusIs(kInvalid, ActiveContent("JS")));
  EXPECT_THAT(CheckPdfActiveContent(
                  "content", OnePagePdf("/Names << /JavaScript 5 0 R >> ")),
              StatusIs(kInvalid, ActiveContent("JavaScript")));
  EXPECT_THAT(CheckPdfActiveContent("other", OnePagePdf("/JS (x) ")),
              StatusIs(kInvalid, "other: PDF with active content"));
}

TEST(PdfActiveContentTest, ALaunchActionIsRefused) {
  EXPECT_THAT(
      CheckPdfActiveContent("content", OnePagePdf("/OpenAction << /S /Launch "
                                                  "/F (cmd.exe) >> ")),
      StatusIs(kInvalid, ActiveContent("Launch")));
}

TEST(PdfActiveContentTest, EmbeddedFilesAreRefused) {
  EXPECT_THAT(CheckPdfActiveContent(
                  "content", OnePagePdf("/Names << /EmbeddedFiles 5 0 R >> ",
                                        {"<< /Names [(a.exe) 6 0 R] >>"})),
              StatusIs(kInvalid, ActiveContent("EmbeddedFiles")));
  // The file stream alone, with nothing pointing at it.
  EXPECT_THAT(
      CheckPdfActiveContent(
          "content", OnePagePdf("", {Stream("/Type /EmbeddedFile /Subtype "
                                            "/application#2Fx-msdownload",
                                            "MZ\x90\x00")})),
      StatusIs(kInvalid, ActiveContent("EmbeddedFile")));
}

TEST(PdfActiveContentTest, RichMediaAndXfaAreRefused) {
  EXPECT_THAT(CheckPdfActiveContent("content",
                                    OnePagePdf("", {"<< /Type /Annot /Subtype "
                                                    "/RichMedia >>"})),
              StatusIs(kInvalid, ActiveContent("RichMedia")));
  EXPECT_THAT(CheckPdfActiveContent(
                  "content", OnePagePdf("/AcroForm << /Fields [] /XFA 5 0 R "
                                        ">> ")),
              StatusIs(kInvalid, ActiveContent("XFA")));
}

TEST(PdfActiveContentTest, EscapedNamesAreRefused) {
  EXPECT_THAT(CheckPdfActiveContent(
                  "content", OnePagePdf("/OpenAction << /S /Java#53cript "
                                        "/#4A#53 (app.alert(1)) >> ")),
              StatusIs(kInvalid, ActiveContent("JavaScript")));
  EXPECT_THAT(CheckPdfActiveContent(
                  "content", OnePagePdf("/OpenAction << /#4a#53 (x) >> ")),
              StatusIs(kInvalid, ActiveContent("JS")));
  EXPECT_THAT(
      CheckPdfActiveContent("content", OnePagePdf("/OpenAction << /S /L#61unch "
                                                  "/F (cmd.exe) >> ")),
      StatusIs(kInvalid, ActiveContent("Launch")));
  EXPECT_THAT(CheckPdfActiveContent(
                  "content", OnePagePdf("/Names << /#45mbedded#46iles 5 0 R "
                                        ">> ")),
              StatusIs(kInvalid, ActiveContent("EmbeddedFiles")));
  // A '#' without two hex digits is itself: not a refused name.
  EXPECT_EQ(
      CheckPdfActiveContent("content", OnePagePdf("/Foo /JavaScrip#t /J#S ")),
      absl::OkStatus());
}

TEST(PdfActiveContentTest, JavaScriptInACompressedObjectStreamIsRefused) {
  const std::string objstm = CompressedObjectStream(
      {"<< /S /JavaScript /JS (app.alert(1)) >>", "<< /Foo 1 >>"});
  ASSERT_EQ(objstm.find("JavaScript"), std::string::npos);  // compressed
  EXPECT_THAT(CheckPdfActiveContent(
                  "content", OnePagePdf("/OpenAction 10 0 R ", {objstm})),
              StatusIs(kInvalid, ActiveContent("JavaScript")));
  // A one-element filter array, and an escaped /ObjStm.
  EXPECT_THAT(
      CheckPdfActiveContent(
          "content",
          OnePagePdf("", {CompressedObjectStream({"<< /S /Launch >>"},
                                                 "/Filter [/FlateDecode]")})),
      StatusIs(kInvalid, ActiveContent("Launch")));
  size_t first = 0;
  const std::string data = ObjectStreamData({"<< /JS (x) >>"}, 10, &first);
  EXPECT_THAT(
      CheckPdfActiveContent(
          "content",
          OnePagePdf("", {Stream(absl::StrCat("/Type /Obj#53tm /N 1 "
                                              "/First ",
                                              first, " /Filter /Fl#61teDecode"),
                                 Deflate(data))})),
      StatusIs(kInvalid, ActiveContent("JS")));
  // Without a filter the objects are read as they are.
  EXPECT_THAT(
      CheckPdfActiveContent(
          "content", OnePagePdf("", {Stream(absl::StrCat("/Type /ObjStm /N 1 "
                                                         "/First ",
                                                         first),
                                            data)})),
      StatusIs(kInvalid, ActiveContent("JS")));
}

// Some readers take an object stream for one without /Type when it has
// /First, and take /F for /Filter.
TEST(PdfActiveContentTest, ObjectStreamsAreFoundTheWayLenientReadersDo) {
  size_t first = 0;
  const std::string data = ObjectStreamData({"<< /JS (x) >>"}, 10, &first);
  EXPECT_THAT(
      CheckPdfActiveContent(
          "content", OnePagePdf("", {Stream(absl::StrCat("/N 1 /First ", first,
                                                         " /Filter "
                                                         "/FlateDecode"),
                                            Deflate(data))})),
      StatusIs(kInvalid, ActiveContent("JS")));
  EXPECT_THAT(
      CheckPdfActiveContent(
          "content",
          OnePagePdf("", {Stream(absl::StrCat("/Type /ObjStm /N 1 /First ",
                                              first, " /F /FlateDecode"),
                                 Deflate(data))})),
      StatusIs(kInvalid, ActiveContent("JS")));
  // An indirect /Type may be /ObjStm: read as one.
  EXPECT_THAT(
      CheckPdfActiveContent(
          "content", OnePagePdf("", {Stream("/Type 9 0 R /Filter /FlateDecode",
                                            Deflate(data))})),
      StatusIs(kInvalid, ActiveContent("JS")));
}

TEST(PdfActiveContentTest, AHarmlessObjectStreamPasses) {
  const std::string objstm = CompressedObjectStream(
      {"<< /Type /Annot /Subtype /Link /A << /S /URI /URI (https://x.id) >> "
       ">>",
       "[3 0 R /Fit]", "(see /JavaScript)", "42"});
  EXPECT_EQ(CheckPdfActiveContent("content",
                                  OnePagePdf("/OpenAction 11 0 R ", {objstm})),
            absl::OkStatus());
  // A cross-reference stream next to it is skipped like any stream.
  const std::string xref_stream =
      Stream("/Type /XRef /W [1 2 1] /Size 8 /Filter /FlateDecode",
             Deflate(std::string("\x00\x00\x00\xFF\x01\x00\x0F\x00/JS ", 12)));
  EXPECT_EQ(
      CheckPdfActiveContent("content", OnePagePdf("", {objstm, xref_stream})),
      absl::OkStatus());
}

TEST(PdfActiveContentTest, NamesInStringsAndCommentsDoNotCount) {
  EXPECT_EQ(CheckPdfActiveContent(
                "content", OnePagePdf("/Title (see /JavaScript) "
                                      "/Subject (nested (/JS) \\) /Launch) "
                                      "/Keywords <2F4A53> ")),
            absl::OkStatus());
  EXPECT_EQ(
      CheckPdfActiveContent("content", OnePagePdf("% /JavaScript /Launch\n")),
      absl::OkStatus());
  // But a string that ends lets what follows count.
  EXPECT_THAT(
      CheckPdfActiveContent("content", OnePagePdf("/Title (a \\\\) /JS (x) ")),
      StatusIs(kInvalid, ActiveContent("JS")));
}

TEST(PdfActiveContentTest, NamesInStreamDataDoNotCount) {
  // A Flate-compressed page content stream (not an object stream) whose
  // text shows "/JavaScript".
  const std::string text =
      "BT /F1 12 Tf 72 712 Td (Perihal: /JavaScript dan /Launch) Tj ET";
  const std::vector<std::string> objects = {
      Catalog(), kPages, kPage, Stream("/Filter /FlateDecode", Deflate(text))};
  EXPECT_EQ(CheckPdfActiveContent("content", MakeTestPdf(objects)),
            absl::OkStatus());
  // Uncompressed, with the names as raw bytes, and binary image data.
  EXPECT_EQ(
      CheckPdfActiveContent("content", OnePagePdf("", {},
                                                  "/JavaScript /JS /Launch "
                                                  "/EmbeddedFile gs")),
      absl::OkStatus());
  const std::string image =
      std::string("\xFF\xD8\xFF\xE0(/JS)/JavaScript ) ( << ", 24) +
      std::string(1000, '\x7F');
  EXPECT_EQ(
      CheckPdfActiveContent(
          "content",
          OnePagePdf("", {Stream("/Type /XObject /Subtype /Image "
                                 "/Width 10 /Height 10 /Filter /DCTDecode",
                                 image)})),
      absl::OkStatus());
  // A /Length that is a reference: the data ends at endstream.
  EXPECT_EQ(
      CheckPdfActiveContent(
          "content", OnePagePdf("", {"<< /Length 7 0 R >>\nstream\n/JS /Launch "
                                     "/JavaScript\nendstream",
                                     "28"})),
      absl::OkStatus());
}

TEST(PdfActiveContentTest, AnObjectStreamWithAnUnsupportedFilterIsRefused) {
  constexpr char kUnsupported[] =
      "content: PDF object stream with an unsupported filter";
  EXPECT_THAT(CheckPdfActiveContent(
                  "content",
                  OnePagePdf("", {CompressedObjectStream(
                                     {"<< /Foo 1 >>"}, "/Filter /LZWDecode")})),
              StatusIs(kInvalid, absl::StrCat(kUnsupported, " (/LZWDecode)")));
  EXPECT_THAT(
      CheckPdfActiveContent(
          "content",
          OnePagePdf("", {CompressedObjectStream({"<< /Foo 1 >>"},
                                                 "/Filter [/ASCIIHexDecode "
                                                 "/FlateDecode]")})),
      StatusIs(kInvalid, kUnsupported));
  EXPECT_THAT(
      CheckPdfActiveContent(
          "content", OnePagePdf("", {CompressedObjectStream(
                                        {"<< /Foo 1 >>"},
                                        "/Filter /FlateDecode /DecodeParms "
                                        "<< /Predictor 12 /Columns 4 >>")})),
      StatusIs(kInvalid,
               absl::StrCat(kUnsupported, " (a /DecodeParms predictor)")));
  EXPECT_THAT(
      CheckPdfActiveContent(
          "content", OnePagePdf("", {CompressedObjectStream({"<< /Foo 1 >>"},
                                                            "/Filter 9 0 R")})),
      StatusIs(kInvalid, kUnsupported));
  // A predictor of 1 is no predictor.
  EXPECT_EQ(
      CheckPdfActiveContent(
          "content",
          OnePagePdf("", {CompressedObjectStream({"<< /Foo 1 >>"},
                                                 "/Filter /FlateDecode "
                                                 "/DecodeParms << /Predictor 1 "
                                                 ">>")})),
      absl::OkStatus());
}

// Nesting is only a counter here, never recursion: a dictionary nested
// 100,000 deep, closed or not, is checked like any other (and passes: it
// holds no refused name), in linear time.
TEST(PdfActiveContentTest, DeepNestingReturns) {
  const size_t kDeep = 100000;
  std::string closed;
  for (size_t i = 0; i < kDeep; ++i) closed += "<< /A ";
  closed += "1";
  for (size_t i = 0; i < kDeep; ++i) closed += " >>";
  EXPECT_EQ(CheckPdfActiveContent("content", OnePagePdf("", {closed})),
            absl::OkStatus());
  EXPECT_EQ(CheckPdfActiveContent("content",
                                  OnePagePdf("", {std::string(2 * kDeep, '<') +
                                                  std::string(kDeep, '[')})),
            absl::OkStatus());
  EXPECT_EQ(CheckPdfActiveContent("content",
                                  OnePagePdf("", {std::string(kDeep, '(') +
                                                  std::string(kDeep, ')')})),
            absl::OkStatus());
  // A refused name at the bottom is still found.
  std::string deep_js;
  for (size_t i = 0; i < kDeep; ++i) deep_js += "<<";
  deep_js += "/JS";
  EXPECT_THAT(CheckPdfActiveContent("content", OnePagePdf("", {deep_js})),
              StatusIs(kInvalid, ActiveContent("JS")));
  // And in an object stream.
  EXPECT_EQ(CheckPdfActiveContent(
                "content", OnePagePdf("", {CompressedObjectStream({closed})})),
            absl::OkStatus());
}

TEST(PdfActiveContentTest, AnInflationBombIsRefused) {
  constexpr char kTooBig[] =
      "content: PDF object streams inflate to more than 64 MiB";
  size_t first = 0;
  const std::string data = ObjectStreamData({"<< /Foo 1 >>"}, 10, &first);
  const std::string bomb =
      Deflate(data + std::string(65 << 20, ' '), Z_BEST_SPEED);
  ASSERT_LT(bomb.size(), size_t{1} << 20);  // under 1 MiB, 65 MiB inflated
  const std::string dict = absl::StrCat("/Type /ObjStm /N 1 /First ", first,
                                        " /Filter /FlateDecode");
  EXPECT_THAT(
      CheckPdfActiveContent("content", OnePagePdf("", {Stream(dict, bomb)})),
      StatusIs(kInvalid, kTooBig));
  // The cap is for the whole file: two streams of 40 MiB each.
  const std::string half =
      Deflate(data + std::string(40 << 20, ' '), Z_BEST_SPEED);
  EXPECT_EQ(
      CheckPdfActiveContent("content", OnePagePdf("", {Stream(dict, half)})),
      absl::OkStatus());
  EXPECT_THAT(
      CheckPdfActiveContent(
          "content", OnePagePdf("", {Stream(dict, half), Stream(dict, half)})),
      StatusIs(kInvalid, kTooBig));
}

TEST(PdfActiveContentTest, AnObjectStreamThatDoesNotInflateIsRefused) {
  size_t first = 0;
  const std::string data = ObjectStreamData({"<< /Foo 1 >>"}, 10, &first);
  const std::string dict = absl::StrCat("/Type /ObjStm /N 1 /First ", first,
                                        " /Filter /FlateDecode");
  EXPECT_THAT(
      CheckPdfActiveContent("content", OnePagePdf("", {Stream(dict, data)})),
      StatusIs(kInvalid,
               "content: damaged PDF: an object stream does not inflate"));
  // Cut short, it gives what it holds, as readers do. (Letters that do
  // not compress, so that half the data holds the object.)
  std::string letters;
  uint32_t seed = 12345;
  for (int i = 0; i < 20000; ++i) {
    seed = seed * 1103515245u + 12345u;
    letters.push_back(static_cast<char>('a' + (seed >> 16) % 26));
  }
  size_t js_first = 0;
  const std::string js = Deflate(
      ObjectStreamData({"<< /JS (x) >>", "(" + letters + ")"}, 10, &js_first));
  EXPECT_THAT(
      CheckPdfActiveContent(
          "content",
          OnePagePdf(
              "", {Stream(absl::StrCat("/Type /ObjStm /N 2 /First ", js_first,
                                       " /Filter /FlateDecode"),
                          js.substr(0, js.size() / 2))})),
      StatusIs(kInvalid, ActiveContent("JS")));
}

// A reader goes to the offset of each object in an object stream; what the
// straight read takes for a string there cannot hide an object.
TEST(PdfActiveContentTest, ObjectStreamObjectsAreReadFromTheirOffsets) {
  // The header "10 0 (" opens a string that swallows the object itself.
  const std::string data = "10 0 (<< /S /JavaScript /JS (x) >>)";
  const std::string dict = "/Type /ObjStm /N 1 /First 6 /Filter /FlateDecode";
  EXPECT_THAT(CheckPdfActiveContent(
                  "content", OnePagePdf("", {Stream(dict, Deflate(data))})),
              StatusIs(kInvalid, ActiveContent("JavaScript")));
  // Object 11 starts inside object 10's string.
  const std::string overlap = "10 0 11 3 (x <</S/JavaScript/JS(a)>>)";
  EXPECT_THAT(
      CheckPdfActiveContent(
          "content", OnePagePdf("", {Stream("/Type /ObjStm /N 2 /First 10 "
                                            "/Filter /FlateDecode",
                                            Deflate(overlap))})),
      StatusIs(kInvalid,
               "content: damaged PDF: overlapping objects "
               "in an object stream"));
}

// A cross-reference table may point into stream data, a string or a
// comment, where this check does not read objects.
TEST(PdfActiveContentTest, AnObjectHiddenFromTheLexerIsRefused) {
  constexpr char kHidden[] =
      "content: PDF with an object hidden in stream data, a string or a "
      "comment";
  const std::string js = "5 0 obj << /S /JavaScript /JS (x) >> endobj";
  EXPECT_THAT(CheckPdfActiveContent(
                  "content", OnePagePdf("/OpenAction 5 0 R ",
                                        {Stream("", "\x01\x02\n" + js)})),
              StatusIs(kInvalid, kHidden));
  EXPECT_THAT(
      CheckPdfActiveContent(
          "content", OnePagePdf("/OpenAction 5 0 R /Title (" + js + ") ")),
      StatusIs(kInvalid, kHidden));
  EXPECT_THAT(
      CheckPdfActiveContent("content", OnePagePdf("%" + js + "\n/Foo 1 ")),
      StatusIs(kInvalid, kHidden));
  EXPECT_THAT(CheckPdfActiveContent("content",
                                    OnePagePdf("", {Stream("",
                                                           "trailer\n<< /Root "
                                                           "9 0 R >>")})),
              StatusIs(kInvalid, kHidden));
  // Ordinary words and numbers in a string are no object.
  EXPECT_EQ(CheckPdfActiveContent(
                "content", OnePagePdf("/Title (2 objek, trailer truk, 3 0 "
                                      "R) ")),
            absl::OkStatus());
}

TEST(PdfActiveContentTest, DamagedStreamsAreRefused) {
  EXPECT_THAT(CheckPdfActiveContent(
                  "content", OnePagePdf("", {"42 stream\nabc\nendstream"})),
              StatusIs(kInvalid,
                       "content: damaged PDF: a stream without a dictionary"));
  EXPECT_THAT(
      CheckPdfActiveContent("content",
                            "%PDF-1.4\n1 0 obj << /Length 99 >> "
                            "stream\nabc /JS"),
      StatusIs(kInvalid, "content: damaged PDF: a stream without endstream"));
}

TEST(PdfActiveContentTest, EncryptedPdfsWithObjectStreamsAreRefused) {
  // Encrypted object stream data does not inflate; unencrypted it would.
  const std::string objstm = CompressedObjectStream({"<< /Foo 1 >>"});
  const std::vector<std::string> objects = {
      Catalog(), kPages,
      kPage,     Stream("", "q Q"),
      objstm,    "<< /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -44 >>"};
  EXPECT_THAT(
      CheckPdfActiveContent("content", MakeTestPdf(objects, "/Encrypt 6 0 R ")),
      StatusIs(kInvalid,
               "content: encrypted PDF with object streams "
               "cannot be checked for active content"));
  // Without object streams the names are in the clear: checked as usual.
  const std::vector<std::string> plain = {
      Catalog(), kPages, kPage, Stream("", "\x93\x11\xA0"),
      "<< /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -44 >>"};
  EXPECT_EQ(
      CheckPdfActiveContent("content", MakeTestPdf(plain, "/Encrypt 5 0 R ")),
      absl::OkStatus());
}

// Hostile shapes that made the walk quadratic: many streams whose /Length
// points into one long run of white space, and many objects of an object
// stream whose offsets all fall into one. Each used to take hours at upload
// size (every stream or object walked the rest of the run again); each run
// is now walked once. The bound is 100 times what it takes here.
TEST(PdfActiveContentTest, StreamsPointingIntoOneRunOfWhiteSpaceAreLinear) {
  constexpr int kStreams = 20000;
  constexpr size_t kRun = 2'000'000;
  const std::string head = "%PDF-1.7\n";
  auto object = [](int i, long long length) {
    char line[96];
    std::snprintf(line, sizeof line,
                  "%d 0 obj\n<< /Length %10lld >>\nstream\nxx\nendstream\n"
                  "endobj\n",
                  i, length);
    return std::string(line);
  };
  const size_t each = object(1, 0).size();
  const size_t run_start = head.size() + kStreams * each;
  std::string pdf = head;
  for (int i = 0; i < kStreams; ++i) {
    const size_t data_start =
        pdf.size() + object(i + 1, 0).find("stream\n") + 7;
    pdf += object(i + 1, static_cast<long long>(run_start - data_start));
  }
  pdf += std::string(kRun, ' ') + "x\n%%EOF\n";
  const absl::Time start = absl::Now();
  const absl::Status s = CheckPdfActiveContent("content", pdf);
  EXPECT_LT(absl::Now() - start, absl::Seconds(30)) << s;
}

TEST(PdfActiveContentTest, ObjectOffsetsIntoOneRunOfWhiteSpaceAreLinear) {
  constexpr int kObjects = 100000;
  constexpr size_t kRun = 2'000'000;
  std::string header;
  for (int i = 0; i < kObjects; ++i) {
    absl::StrAppend(&header, i + 1, " ", i, " ");
  }
  const std::string data = header + std::string(kRun, ' ') + "1";
  const std::string z = Deflate(data);
  const std::string pdf = absl::StrCat(
      "%PDF-1.7\n1 0 obj\n<< /Type /ObjStm /N ", kObjects, " /First ",
      header.size(), " /Filter /FlateDecode /Length ", z.size(),
      " >>\nstream\n", z, "\nendstream\nendobj\n%%EOF\n");
  const absl::Time start = absl::Now();
  const absl::Status s = CheckPdfActiveContent("content", pdf);
  EXPECT_LT(absl::Now() - start, absl::Seconds(30)) << s;
}

// The filter's name is written into the message escaped: bytes that are
// not printable ASCII (not UTF-8, here) never reach a status message as
// they came.
TEST(PdfActiveContentTest, AnUnsupportedFilterIsNamedInPrintableAscii) {
  const std::string pdf = OnePagePdf(
      "", {Stream("/Type /ObjStm /N 1 /First 4 /Filter /L#FFZW#23", "1 0 1")});
  const absl::Status s = CheckPdfActiveContent("content", pdf);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(),
            "content: PDF object stream with an unsupported filter "
            "(/L#ffZW#23)");
}

}  // namespace
}  // namespace aduan::domain
