// ParseRequest: valid requests parse; a string field that is not UTF-8 is
// INVALID_ARGUMENT naming the field, nested and repeated ones included;
// bytes that are not a message are named as such.
#include "server/api/request_parser.h"

#include <gtest/gtest.h>

#include <string>

#include "aduan/v1/complaint_service.pb.h"
#include "aduan/v1/intake_service.pb.h"

namespace aduan::api {
namespace {

// Overwrites the one occurrence of `marker` in `bytes` with bytes that are
// not UTF-8, of the same length.
std::string Spoil(std::string bytes, const std::string& marker) {
  const size_t at = bytes.find(marker);
  EXPECT_NE(at, std::string::npos);
  bytes[at] = '\xC3';
  bytes[at + 1] = '(';
  return bytes;
}

TEST(RequestParserTest, ValidRequestParses) {
  v1::SubmitComplaintRequest req;
  req.set_request_id("r-1");
  req.mutable_complaint()->set_title("Lampu jalan mati \xF0\x9F\x92\xA1");
  v1::SubmitComplaintRequest out;
  ASSERT_TRUE(ParseRequest(req.SerializeAsString(), &out).ok());
  EXPECT_EQ(out.complaint().title(), req.complaint().title());
}

TEST(RequestParserTest, TopLevelStringIsNamed) {
  v1::TrackComplaintRequest req;
  req.set_tracking_code("KNG-XXXXXX");
  req.set_pin("12345678");
  v1::TrackComplaintRequest out;
  const absl::Status s =
      ParseRequest(Spoil(req.SerializeAsString(), "XX"), &out);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "tracking_code: not valid UTF-8");
}

TEST(RequestParserTest, NestedStringIsNamedWithItsPath) {
  v1::SubmitComplaintRequest req;
  req.set_request_id("r-1");
  req.mutable_complaint()->set_title("Jalan");
  req.mutable_complaint()->mutable_complainant()->set_name("Siti QQ");
  v1::SubmitComplaintRequest out;
  const absl::Status s =
      ParseRequest(Spoil(req.SerializeAsString(), "QQ"), &out);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "complaint.complainant.name: not valid UTF-8");
}

TEST(RequestParserTest, RepeatedStringIsNamedWithItsPosition) {
  v1::ListComplaintsRequest req;
  req.add_office_codes("KNG");
  req.add_office_codes("MYG");
  req.add_office_codes("QQ");
  v1::ListComplaintsRequest out;
  const absl::Status s =
      ParseRequest(Spoil(req.SerializeAsString(), "QQ"), &out);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "office_codes[2]: not valid UTF-8");
}

TEST(RequestParserTest, BytesThatAreNoMessageAreNamed) {
  v1::TrackComplaintRequest out;
  // Field 1, length-delimited, claiming 100 bytes of which 1 follows.
  const absl::Status s = ParseRequest(std::string("\x0A\x64Z", 3), &out);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "request: not a valid aduan.v1.TrackComplaintRequest");
}

TEST(RequestParserTest, Utf8RulesAreProtobufs) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("Kanigaran"));
  EXPECT_TRUE(IsValidUtf8("caf\xC3\xA9"));        // é
  EXPECT_TRUE(IsValidUtf8("\xE2\x80\x8F"));       // U+200F
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));   // U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xC3"));              // truncated
  EXPECT_FALSE(IsValidUtf8("\xE2\x80"));          // truncated
  EXPECT_FALSE(IsValidUtf8("\x80"));              // lone continuation
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xFF"));
}

}  // namespace
}  // namespace aduan::api
