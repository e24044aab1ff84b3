// End to end: documents uploaded and downloaded over gRPC streams, on SQLite
// and MariaDB, with the blob store on disk: real JPEG, PNG and PDF files,
// refusals that store nothing, deduplication, who may attach and open what,
// and archive verification over the stored bytes.
#include <soci/soci.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "absl/time/clock.h"
#include "aduan/v1/attachment_service.grpc.pb.h"
#include "common/crypto.h"
#include "db/database.h"
#include "tests/e2e/workflow_fixture.h"
#include "tests/test_documents.h"

namespace aduan {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::MakeJpeg;
using testing::MakePdf;
using testing::MakePng;

// One upload; the trailing fields have defaults.
struct Upload {
  Upload(std::string token, std::string code, v1::Attachment::Type type,
         std::string bytes, std::string media_type = "",
         std::string file_name = "dokumen", std::string pin = "",
         std::string request_id = "", size_t chunk = 256 * 1024)
      : token(std::move(token)),
        code(std::move(code)),
        type(type),
        bytes(std::move(bytes)),
        media_type(std::move(media_type)),
        file_name(std::move(file_name)),
        pin(std::move(pin)),
        request_id(std::move(request_id)),
        chunk(chunk) {}

  std::string token;  // empty: no token (the complainant with the PIN)
  std::string code;
  v1::Attachment::Type type;
  std::string bytes;
  std::string media_type;
  std::string file_name;
  std::string pin;
  std::string request_id;  // empty: a fresh one
  size_t chunk;
};

class AttachmentE2eTest : public testing::WorkflowFixture {
 protected:
  void SetUp() override {
    WorkflowFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    attachments_ = v1::AttachmentService::NewStub(server_->Channel());
  }
  void TearDown() override {
    attachments_.reset();
    WorkflowFixture::TearDown();
  }

  grpc::Status Send(const Upload& u, v1::UploadAttachmentResponse* out) {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, u.token);
    auto stream = attachments_->UploadAttachment(&ctx, out);
    v1::UploadAttachmentRequest msg;
    v1::UploadAttachmentHeader* h = msg.mutable_header();
    h->set_request_id(u.request_id.empty() ? "up-" + std::to_string(++n_)
                                           : u.request_id);
    h->set_tracking_code(u.code);
    h->set_pin(u.pin);
    h->set_type(u.type);
    h->set_media_type(u.media_type);
    h->set_file_name(u.file_name);
    if (stream->Write(msg)) {
      for (size_t at = 0; at < u.bytes.size(); at += u.chunk) {
        msg.set_chunk(u.bytes.substr(at, u.chunk));
        if (!stream->Write(msg)) break;  // the server has answered
      }
      stream->WritesDone();
    }
    return stream->Finish();
  }
  // Uploads and expects success; returns the attachment id.
  // Probes with `u` (its bytes empty: refused as empty when it gets a slot)
  // until the server has given the slot to an upload in progress: then the
  // probe is RESOURCE_EXHAUSTED naming `busy`. Waited for, not assumed after
  // a sleep; the probes are spaced so that the other upload can take the
  // slot between two of them. True when that came within 3 s.
  bool AwaitBusy(const Upload& u,
                 const std::string& busy = "uploads: 1 are in progress") {
    const absl::Time give_up = absl::Now() + absl::Seconds(3);
    grpc::Status probe;
    v1::UploadAttachmentResponse resp;
    do {
      absl::SleepFor(absl::Milliseconds(100));
      probe = Send(u, &resp);
      EXPECT_TRUE(probe.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED ||
                  probe.error_message() == "content: the document is empty")
          << probe.error_message();
    } while (probe.error_code() != grpc::StatusCode::RESOURCE_EXHAUSTED &&
             absl::Now() < give_up);
    EXPECT_THAT(probe.error_message(), HasSubstr(busy));
    return probe.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED;
  }
  std::string Attach(const Upload& u) {
    v1::UploadAttachmentResponse resp;
    grpc::Status s = Send(u, &resp);
    EXPECT_TRUE(s.ok()) << s.error_code() << " " << s.error_message();
    return resp.attachment_id();
  }
  grpc::Status Download(const std::string& token, const std::string& id,
                        std::string* bytes, v1::Attachment* meta = nullptr,
                        const std::string& reason = "") {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, token);
    v1::DownloadAttachmentRequest req;
    req.set_attachment_id(id);
    req.set_access_reason(reason);
    auto stream = attachments_->DownloadAttachment(&ctx, req);
    v1::DownloadAttachmentResponse msg;
    bytes->clear();
    int n = 0;
    while (stream->Read(&msg)) {
      if (n++ == 0 && meta != nullptr) *meta = msg.attachment();
      if (n > 1) {
        EXPECT_FALSE(msg.has_attachment());
      }
      bytes->append(msg.chunk());
    }
    return stream->Finish();
  }
  std::vector<v1::ComplaintEvent> History(const std::string& code) {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, officer_token_);
    v1::ListComplaintEventsRequest req;
    req.set_tracking_code(code);
    v1::ListComplaintEventsResponse resp;
    EXPECT_TRUE(complaints_->ListComplaintEvents(&ctx, req, &resp).ok());
    return {resp.events().begin(), resp.events().end()};
  }
  // The blob files on disk (temporary files included).
  std::vector<std::string> Blobs() {
    std::vector<std::string> out;
    const fs::path root = fs::path(dir_) / "var" / "blobs";
    if (!fs::exists(root)) return out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      if (e.is_regular_file()) out.push_back(e.path().string());
    }
    return out;
  }
  // Takes a fresh complaint to IN_FOLLOW_UP with the unit TRANTIB.
  std::string InFollowUp() {
    const std::string code = Submit().first;
    EXPECT_TRUE(Verify(code, v1::VerifyComplaintRequest::VERIFIED).ok());
    EXPECT_TRUE(Report(code).ok());
    EXPECT_TRUE(Dispose(code).ok());
    EXPECT_TRUE(Start(code, unit_).ok());
    return code;
  }

  std::unique_ptr<v1::AttachmentService::Stub> attachments_;
};

TEST_P(AttachmentE2eTest, RealDocumentsGoUpAndComeBackByteForByte) {
  const std::string code = Submit().first;
  const std::string jpeg = MakeJpeg(400000, 1);
  const std::string png = MakePng(2 * 1024 * 1024, 2);
  const std::string pdf = MakePdf("Surat keterangan RT");
  v1::UploadAttachmentResponse resp;
  ASSERT_TRUE(Send({officer_token_, code, v1::Attachment::KTP_COPY, jpeg,
                    "image/jpeg", "ktp.jpg"},
                   &resp)
                  .ok());
  EXPECT_EQ(resp.sha256(), Sha256Hex(jpeg));
  EXPECT_EQ(resp.size_bytes(), static_cast<int64_t>(jpeg.size()));
  const std::string ktp = resp.attachment_id();
  // 1 MiB chunks, the largest allowed, and no declared media type.
  const std::string photo =
      Attach({officer_token_, code, v1::Attachment::LOCATION_PHOTO, png, "",
              "lokasi.png", "", "", 1024 * 1024});
  const std::string letter =
      Attach({officer_token_, code, v1::Attachment::SUPPORTING, pdf,
              "application/pdf", "surat.pdf"});

  const v1::Complaint c = GetAs(officer_token_, code);
  ASSERT_EQ(c.attachments_size(), 3);
  EXPECT_EQ(c.attachments(0).attachment_id(), ktp);
  EXPECT_EQ(c.attachments(0).type(), v1::Attachment::KTP_COPY);
  EXPECT_EQ(c.attachments(0).media_type(), "image/jpeg");
  EXPECT_EQ(c.attachments(0).file_name(), "ktp.jpg");
  EXPECT_EQ(c.attachments(0).uploaded_by(), "siti.officer");
  EXPECT_EQ(c.attachments(1).media_type(), "image/png");
  EXPECT_EQ(c.attachments(1).size_bytes(), static_cast<int64_t>(png.size()));
  EXPECT_EQ(c.attachments(1).sha256(), Sha256Hex(png));
  EXPECT_EQ(c.attachments(2).media_type(), "application/pdf");
  EXPECT_EQ(c.etag(), "v4");  // one version per document

  const auto events = History(code);
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[2].type(), v1::ComplaintEvent::ATTACHED);
  EXPECT_EQ(events[2].actor_role(), "OFFICER");
  EXPECT_EQ(events[2].details(),
            "{\"attachment_id\":\"" + photo +
                "\",\"media_type\":\"image/png\",\"size_bytes\":" +
                std::to_string(png.size()) + ",\"type\":\"LOCATION_PHOTO\"}");

  std::string got;
  v1::Attachment meta;
  ASSERT_TRUE(Download(officer_token_, photo, &got, &meta).ok());
  EXPECT_EQ(got, png);
  EXPECT_EQ(meta.attachment_id(), photo);
  EXPECT_EQ(meta.sha256(), Sha256Hex(png));
  ASSERT_TRUE(Download(officer_token_, letter, &got).ok());
  EXPECT_EQ(got, pdf);
  // An identity document needs a reason, which goes to the access log.
  grpc::Status no_reason = Download(officer_token_, ktp, &got);
  EXPECT_EQ(no_reason.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(no_reason.error_message(), HasSubstr("access_reason"));
  ASSERT_TRUE(
      Download(officer_token_, ktp, &got, nullptr, "Cocokkan identitas").ok());
  EXPECT_EQ(got, jpeg);
  grpc::ClientContext ctx;
  testing::Authorize(ctx, admin_token_);
  v1::ListAccessLogRequest log_req;
  log_req.set_tracking_code(code);
  v1::ListAccessLogResponse log;
  ASSERT_TRUE(admin_->ListAccessLog(&ctx, log_req, &log).ok());
  ASSERT_EQ(log.entries_size(), 1);
  EXPECT_THAT(log.entries(0).reason(),
              HasSubstr("KTP_COPY " + ktp + ": Cocokkan identitas"));
  // Three different documents: three blobs.
  EXPECT_EQ(Blobs().size(), 3u);
}

// Documents are sealed on disk (common/blob_cipher.h): the KTP-el
// copy's file holds none of its bytes in clear, yet downloads whole; a
// document an older version stored in clear is sealed at the next start.
TEST_P(AttachmentE2eTest, DocumentsAreSealedOnDiskAndClearOnesAtStart) {
  const std::string code = Submit().first;
  const std::string jpeg = MakeJpeg(200000, 3);
  const std::string ktp =
      Attach({officer_token_, code, v1::Attachment::KTP_COPY, jpeg,
              "image/jpeg", "ktp.jpg"});
  const std::string sha = Sha256Hex(jpeg);
  const fs::path blob =
      fs::path(dir_) / "var" / "blobs" / sha.substr(0, 2) / sha;
  auto read = [&blob] {
    std::ifstream in(blob, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  auto holds_clear = [&jpeg](const std::string& file) {
    for (size_t at : {size_t{0}, jpeg.size() / 2, jpeg.size() - 64}) {
      if (file.find(jpeg.substr(at, 64)) != std::string::npos) return true;
    }
    return false;
  };
  std::string stored = read();
  EXPECT_EQ(stored.substr(0, 5), "ADNB\x01");
  EXPECT_FALSE(holds_clear(stored));
  std::string got;
  ASSERT_TRUE(Download(officer_token_, ktp, &got, nullptr, "Cek").ok());
  EXPECT_EQ(got, jpeg);

  // As an older version left it: in clear.
  attachments_.reset();
  StopServer(SIGTERM);
  std::ofstream(blob, std::ios::binary | std::ios::trunc) << jpeg;
  StartServer();
  attachments_ = v1::AttachmentService::NewStub(server_->Channel());
  stored = read();
  EXPECT_EQ(stored.substr(0, 5), "ADNB\x01");
  EXPECT_FALSE(holds_clear(stored));
  EXPECT_THAT(server_->ReadLog(), HasSubstr("encrypted 1 stored documents"));
  ASSERT_TRUE(Download(officer_token_, ktp, &got, nullptr, "Cek lagi").ok());
  EXPECT_EQ(got, jpeg);
  EXPECT_EQ(Blobs().size(), 1u);
}

// A PDF whose catalog runs a script or a program on opening is refused,
// also with the name #xx-escaped, and nothing is stored; the opening view
// LibreOffice and scanner apps write passes.
TEST_P(AttachmentE2eTest, PdfsWithActiveContentAreRefused) {
  const std::string code = Submit().first;
  EXPECT_FALSE(Attach({officer_token_, code, v1::Attachment::SUPPORTING,
                       MakePdf("Surat", 0, "/OpenAction [3 0 R /Fit]"),
                       "application/pdf", "surat.pdf"})
                   .empty());
  const std::vector<std::string> blobs = Blobs();
  const std::pair<const char*, const char*> refused[] = {
      {"/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>",
       "/JavaScript"},
      {"/OpenAction << /S /L#61unch /F (cmd.exe) >>", "/Launch"},
      {"/Names << /EmbeddedFiles 6 0 R >>", "/EmbeddedFiles"}};
  for (const auto& [catalog, name] : refused) {
    v1::UploadAttachmentResponse resp;
    const grpc::Status s =
        Send({officer_token_, code, v1::Attachment::SUPPORTING,
              MakePdf("Surat", 0, catalog), "application/pdf", "surat.pdf"},
             &resp);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << catalog;
    EXPECT_EQ(s.error_message(),
              absl::StrCat("content: PDF with active content is not accepted (",
                           name, ")"));
  }
  EXPECT_EQ(GetAs(officer_token_, code).attachments_size(), 1);
  EXPECT_EQ(Blobs(), blobs);
}

TEST_P(AttachmentE2eTest, RefusedUploadsStoreNothing) {
  const std::string code = Submit().first;
  v1::UploadAttachmentResponse resp;
  // A text file renamed to .jpg.
  grpc::Status s =
      Send({officer_token_, code, v1::Attachment::LOCATION_PHOTO,
            "Ini bukan foto, hanya teks.\n", "image/jpeg", "foto.jpg"},
           &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(), "content: not a JPEG, PNG or PDF document");
  // A truncated PNG.
  const std::string png = MakePng(100000);
  s = Send({officer_token_, code, v1::Attachment::LOCATION_PHOTO,
            png.substr(0, png.size() - 100), "image/png", "lokasi.png"},
           &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("content: truncated PNG"));
  // A PNG declared as a PDF.
  s = Send({officer_token_, code, v1::Attachment::SUPPORTING, png,
            "application/pdf", "surat.pdf"},
           &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(),
            "media_type: declared application/pdf but the content is "
            "image/png");
  // 10 MiB + 1 byte of an otherwise valid PDF.
  const std::string big = MakePdf("besar", 10 * 1024 * 1024 + 1);
  ASSERT_EQ(big.size(), 10u * 1024 * 1024 + 1);
  s = Send({officer_token_, code, v1::Attachment::SUPPORTING, big, "",
            "besar.pdf", "", "", 1024 * 1024},
           &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(s.error_message(), "content: a document is at most 10485760 bytes");
  // A chunk over 1 MiB.
  s = Send({officer_token_, code, v1::Attachment::SUPPORTING,
            MakePdf("x", 1024 * 1024 + 10), "", "", "", "", 1024 * 1024 + 5},
           &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(), "chunk: at most 1048576 bytes a message");
  // An empty file, and no type.
  s = Send({officer_token_, code, v1::Attachment::SUPPORTING, "", "", "x"},
           &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(), "content: the document is empty");
  s = Send({officer_token_, code, v1::Attachment::TYPE_UNSPECIFIED, png},
           &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(), "type: is required");
  // File names that disguise their type or name a path.
  s = Send({officer_token_, code, v1::Attachment::SUPPORTING, MakePdf(), "",
            "surat\u202Efdp.exe"},
           &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(),
            "file_name: must not contain bidirectional control characters");
  for (const char* name : {"../../etc/passwd", "<script>.pdf"}) {
    s = Send(
        {officer_token_, code, v1::Attachment::SUPPORTING, MakePdf(), "", name},
        &resp);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << name;
    EXPECT_EQ(s.error_message(),
              "file_name: must be a plain file name, without / \\ < > : \" "
              "| ? *")
        << name;
  }

  EXPECT_EQ(GetAs(officer_token_, code).attachments_size(), 0);
  EXPECT_EQ(GetAs(officer_token_, code).etag(), "v1");
  EXPECT_EQ(History(code).size(), 1u);
  EXPECT_TRUE(Blobs().empty());
}

TEST_P(AttachmentE2eTest, ABrokenStreamLeavesNothingBehind) {
  const std::string code = Submit().first;
  {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, officer_token_);
    v1::UploadAttachmentResponse resp;
    auto stream = attachments_->UploadAttachment(&ctx, &resp);
    v1::UploadAttachmentRequest msg;
    msg.mutable_header()->set_request_id("broken-1");
    msg.mutable_header()->set_tracking_code(code);
    msg.mutable_header()->set_type(v1::Attachment::LOCATION_PHOTO);
    ASSERT_TRUE(stream->Write(msg));
    const std::string png = MakePng(300000);
    msg.set_chunk(png.substr(0, 200000));
    ASSERT_TRUE(stream->Write(msg));
    ctx.TryCancel();
    EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::CANCELLED);
  }
  // The same request_id afterwards is a new upload, not a replay.
  const std::string png = MakePng(300000);
  v1::UploadAttachmentResponse resp;
  grpc::Status s = Send({officer_token_, code, v1::Attachment::LOCATION_PHOTO,
                         png, "", "", "", "broken-1"},
                        &resp);
  ASSERT_TRUE(s.ok()) << s.error_message();
  const v1::Complaint c = GetAs(officer_token_, code);
  ASSERT_EQ(c.attachments_size(), 1);
  EXPECT_EQ(c.attachments(0).size_bytes(), static_cast<int64_t>(png.size()));
  EXPECT_EQ(History(code).size(), 2u);
  EXPECT_EQ(Blobs().size(), 1u);
}

TEST_P(AttachmentE2eTest, RetriesReplayAndIdenticalBytesAreStoredOnce) {
  const std::string a = Submit().first;
  const std::string b = Submit().first;
  const std::string photo = MakeJpeg(50000, 7);
  Upload u{officer_token_, a, v1::Attachment::LOCATION_PHOTO, photo};
  u.request_id = "retry-me";
  const std::string first = Attach(u);
  const std::string again = Attach(u);
  EXPECT_EQ(again, first);
  EXPECT_EQ(GetAs(officer_token_, a).attachments_size(), 1);
  EXPECT_EQ(History(a).size(), 2u);
  // The same request_id and header with other bytes is refused, whether
  // the other bytes are a valid document or not, and nothing is stored.
  Upload changed = u;
  changed.bytes = MakeJpeg(50000, 8);
  v1::UploadAttachmentResponse refused;
  grpc::Status other_bytes = Send(changed, &refused);
  EXPECT_EQ(other_bytes.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(other_bytes.error_message(),
            "request_id: already used to upload a different document");
  EXPECT_EQ(GetAs(officer_token_, a).attachments_size(), 1);
  EXPECT_EQ(Blobs().size(), 1u);
  // The same request_id for another document is refused.
  u.type = v1::Attachment::SUPPORTING;
  v1::UploadAttachmentResponse resp;
  EXPECT_EQ(Send(u, &resp).error_code(), grpc::StatusCode::ALREADY_EXISTS);
  // The same bytes on another complaint: a new attachment, the same blob.
  const std::string other =
      Attach({officer_token_, b, v1::Attachment::LOCATION_PHOTO, photo});
  EXPECT_NE(other, first);
  EXPECT_EQ(GetAs(officer_token_, b).attachments(0).sha256(), Sha256Hex(photo));
  EXPECT_EQ(Blobs().size(), 1u);
}

// A JPEG with HTML appended is stored as the JPEG alone (digest and size of
// the photo; the download has no HTML); a motion photo's video after the
// JPEG is dropped the same way; a retry with the same upload is the first
// result.
TEST_P(AttachmentE2eTest, OnlyTheJpegItselfIsKept) {
  const std::string code = Submit().first;
  const std::string photo = MakeJpeg(30000, 5);
  const std::string polyglot =
      photo + "<html><script>document.location='http://x'</script></html>";
  Upload u{officer_token_,
           code,
           v1::Attachment::LOCATION_PHOTO,
           polyglot,
           "image/jpeg",
           "lokasi.jpg",
           "",
           "poly-1"};
  v1::UploadAttachmentResponse first, again;
  ASSERT_TRUE(Send(u, &first).ok());
  EXPECT_EQ(first.sha256(), Sha256Hex(photo));
  EXPECT_EQ(first.size_bytes(), static_cast<long long>(photo.size()));
  ASSERT_TRUE(Send(u, &again).ok());
  EXPECT_EQ(again.attachment_id(), first.attachment_id());
  std::string bytes;
  v1::Attachment meta;
  ASSERT_TRUE(
      Download(officer_token_, first.attachment_id(), &bytes, &meta).ok());
  EXPECT_EQ(bytes, photo);
  const std::string motion = photo +
                             std::string(
                                 "\x00\x00\x00\x18"
                                 "ftypmp42",
                                 12) +
                             std::string(5000, '\x22');
  v1::UploadAttachmentResponse video;
  ASSERT_TRUE(
      Send({officer_token_, code, v1::Attachment::SUPPORTING, motion}, &video)
          .ok());
  EXPECT_EQ(video.sha256(), Sha256Hex(photo));  // the same photo, stored once
  EXPECT_EQ(Blobs().size(), 1u);
}

// Twelve uploads at once with one request_id and twelve different
// documents: one is recorded, eleven are ALREADY_EXISTS, and the refused
// ones leave no file behind (not even for the hourly sweep).
TEST_P(AttachmentE2eTest, RacingUploadsWithOneRequestIdLeaveNoOrphans) {
  const std::string code = Submit().first;
  std::vector<std::thread> uploads;
  std::vector<grpc::Status> results(12);
  for (int i = 0; i < 12; ++i) {
    uploads.emplace_back([&, i] {
      v1::UploadAttachmentResponse resp;
      results[i] = Send({officer_token_, code, v1::Attachment::SUPPORTING,
                         MakePdf(absl::StrCat("dokumen ", i)), "", "surat.pdf",
                         "", "one-request"},
                        &resp);
    });
  }
  for (auto& t : uploads) t.join();
  int ok = 0, exists = 0;
  for (const grpc::Status& r : results) {
    if (r.ok()) ++ok;
    if (r.error_code() == grpc::StatusCode::ALREADY_EXISTS) ++exists;
  }
  EXPECT_EQ(ok, 1);
  EXPECT_EQ(exists, 11);
  ASSERT_EQ(GetAs(officer_token_, code).attachments_size(), 1);
  const std::vector<std::string> blobs = Blobs();
  ASSERT_EQ(blobs.size(), 1u);
  EXPECT_EQ(fs::path(blobs[0]).filename().string(),
            GetAs(officer_token_, code).attachments(0).sha256());
}

TEST_P(AttachmentE2eTest, TheTwentyFirstDocumentIsRefused) {
  const std::string code = Submit().first;
  for (int i = 0; i < 20; ++i) {
    ASSERT_FALSE(Attach({officer_token_, code, v1::Attachment::SUPPORTING,
                         MakePng(0, i)})
                     .empty())
        << i;
  }
  v1::UploadAttachmentResponse resp;
  grpc::Status s =
      Send({officer_token_, code, v1::Attachment::SUPPORTING, MakePng(0, 99)},
           &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(s.error_message(),
            "attachments: a complaint holds at most 20 documents");
  EXPECT_EQ(GetAs(officer_token_, code).attachments_size(), 20);
  EXPECT_EQ(Blobs().size(), 20u);
}

TEST_P(AttachmentE2eTest, WhoMayAttachWhatAndWhen) {
  const auto [code, pin] = Submit();
  const std::string png = MakePng(1000, 3);
  v1::UploadAttachmentResponse resp;
  // The complainant only while NEEDS_INFO.
  grpc::Status s =
      Send({"", code, v1::Attachment::KK_COPY, png, "", "", pin}, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(s.error_message(), HasSubstr("only while NEEDS_INFO"));
  // The officer never RESULT documents.
  s = Send({officer_token_, code, v1::Attachment::RESULT, png}, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  // A unit does not see the complaint before it is disposed to it.
  s = Send({unit_, code, v1::Attachment::RESULT, png}, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  ASSERT_TRUE(Verify(code, v1::VerifyComplaintRequest::NEEDS_INFO).ok());
  s = Send({"", code, v1::Attachment::KK_COPY, png, "", "", "00000000"}, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  const std::string by_citizen =
      Attach({"", code, v1::Attachment::KK_COPY, png, "", "kk.png", pin});
  ASSERT_FALSE(by_citizen.empty());
  const v1::Complaint c = GetAs(officer_token_, code);
  ASSERT_EQ(c.attachments_size(), 1);
  EXPECT_EQ(c.attachments(0).uploaded_by(), "citizen");

  // A gateway on the complaints it submitted only.
  const std::string from_web = Submit(gateway_).first;
  EXPECT_FALSE(Attach({gateway_, from_web, v1::Attachment::LOCATION_PHOTO, png})
                   .empty());
  s = Send({gateway_, code, v1::Attachment::LOCATION_PHOTO, png}, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);

  // During follow-up: the unit its RESULT documents, nobody anything else.
  const std::string follow = InFollowUp();
  EXPECT_FALSE(
      Attach({unit_, follow, v1::Attachment::RESULT, MakePdf("Berita acara")})
          .empty());
  s = Send({unit_, follow, v1::Attachment::LOCATION_PHOTO, png}, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  s = Send({officer_token_, follow, v1::Attachment::SUPPORTING, png}, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  s = Send({other_unit_, follow, v1::Attachment::RESULT, png}, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  // After verification nothing is attached until the follow-up.
  const std::string verified = Submit().first;
  ASSERT_TRUE(Verify(verified, v1::VerifyComplaintRequest::VERIFIED).ok());
  s = Send({officer_token_, verified, v1::Attachment::SUPPORTING, png}, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(s.error_message(), HasSubstr("the complaint is VERIFIED"));
}

TEST_P(AttachmentE2eTest, EachRoleOpensOnlyTheDocumentsItMay) {
  // Documents attached at intake, then the unit's result in follow-up.
  const std::string c2 = Submit().first;
  const std::string kk =
      Attach({officer_token_, c2, v1::Attachment::KK_COPY, MakePng(0, 1)});
  const std::string photo = Attach(
      {officer_token_, c2, v1::Attachment::LOCATION_PHOTO, MakeJpeg(0, 2)});
  const std::string support = Attach(
      {officer_token_, c2, v1::Attachment::SUPPORTING, MakePdf("Surat")});
  ASSERT_TRUE(Verify(c2, v1::VerifyComplaintRequest::VERIFIED).ok());
  ASSERT_TRUE(Report(c2).ok());
  ASSERT_TRUE(Dispose(c2).ok());
  ASSERT_TRUE(Start(c2, unit_).ok());
  const std::string result =
      Attach({unit_, c2, v1::Attachment::RESULT, MakePdf("Hasil")});
  const std::string auditor =
      CreateUser("inspektorat", v1::RoleBinding::AUDITOR);

  std::string bytes;
  // The unit: the result and the location photo, nothing else.
  EXPECT_TRUE(Download(unit_, result, &bytes).ok());
  EXPECT_TRUE(Download(unit_, photo, &bytes).ok());
  EXPECT_EQ(Download(unit_, kk, &bytes, nullptr, "perlu").error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Download(unit_, support, &bytes).error_code(),
            grpc::StatusCode::NOT_FOUND);
  const v1::Complaint as_unit = GetAs(unit_, c2);
  ASSERT_EQ(as_unit.attachments_size(), 2);
  EXPECT_EQ(as_unit.attachments(0).attachment_id(), photo);
  EXPECT_EQ(as_unit.attachments(1).attachment_id(), result);
  // Another unit: nothing of this complaint.
  EXPECT_EQ(Download(other_unit_, result, &bytes).error_code(),
            grpc::StatusCode::NOT_FOUND);
  // The auditor: everything but the identity document.
  EXPECT_TRUE(Download(auditor, support, &bytes).ok());
  EXPECT_EQ(Download(auditor, kk, &bytes, nullptr, "audit").error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(GetAs(auditor, c2).attachments_size(), 3);
  // Secretary and head: the identity document with a reason.
  EXPECT_TRUE(Download(secretary_, kk, &bytes, nullptr, "Periksa KK").ok());
  EXPECT_EQ(bytes, MakePng(0, 1));
  EXPECT_TRUE(Download(head_, kk, &bytes, nullptr, "Periksa KK").ok());
  // Without a token: UNAUTHENTICATED; an unknown id: NOT_FOUND.
  EXPECT_EQ(Download("", photo, &bytes).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(
      Download(officer_token_, "att_0000000000000000", &bytes).error_code(),
      grpc::StatusCode::NOT_FOUND);
}

TEST_P(AttachmentE2eTest, VerificationChecklistIsPrefilledFromDocuments) {
  const std::string code = Submit().first;
  Attach({officer_token_, code, v1::Attachment::KTP_COPY, MakeJpeg(0, 4)});
  Attach({officer_token_, code, v1::Attachment::LOCATION_PHOTO, MakePng(0, 4)});
  ASSERT_TRUE(Verify(code, v1::VerifyComplaintRequest::VERIFIED).ok());
  const auto events = History(code);
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[3].type(), v1::ComplaintEvent::VERIFIED);
  EXPECT_THAT(events[3].details(),
              HasSubstr("\"checklist\":{\"kk_copy\":false,\"ktp_copy\":true,"
                        "\"location_photo\":true,\"supporting_documents\":"
                        "false}"));
}

TEST_P(AttachmentE2eTest, ResultDocumentsGoIntoTheArchiveAndItsVerification) {
  const std::string code = Submit().first;
  const std::string photo_bytes = MakeJpeg(20000, 5);
  const std::string photo = Attach(
      {officer_token_, code, v1::Attachment::LOCATION_PHOTO, photo_bytes});
  ASSERT_TRUE(Verify(code, v1::VerifyComplaintRequest::VERIFIED).ok());
  ASSERT_TRUE(Report(code).ok());
  ASSERT_TRUE(Dispose(code).ok());
  ASSERT_TRUE(Start(code, unit_).ok());
  const std::string report_bytes = MakePdf("Berita acara penertiban");
  const std::string report =
      Attach({unit_, code, v1::Attachment::RESULT, report_bytes});
  // Resolve names RESULT documents of this complaint only.
  v1::ResolveComplaintRequest resolve;
  resolve.set_result("Sudah ditertibkan");
  resolve.add_attachment_ids(photo);
  grpc::Status s = Do(unit_, code, resolve, [&](auto* c, auto& r, auto* p) {
    return disposition_->ResolveComplaint(c, r, p);
  });
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(),
            "attachment_ids: " + photo +
                " is not a RESULT document of this complaint");
  resolve.clear_attachment_ids();
  resolve.add_attachment_ids(report);
  ASSERT_TRUE(Do(unit_, code, resolve, [&](auto* c, auto& r, auto* p) {
                return disposition_->ResolveComplaint(c, r, p);
              }).ok());
  EXPECT_THAT(History(code).back().details(),
              HasSubstr("\"attachment_ids\":[\"" + report + "\"]"));
  ASSERT_TRUE(Inform(code).ok());
  ASSERT_TRUE(Do(officer_token_, code, v1::ArchiveComplaintRequest(),
                 [&](auto* c, auto& r, auto* p) {
                   return archive_->ArchiveComplaint(c, r, p);
                 })
                  .ok());
  // Nothing is attached after archiving.
  v1::UploadAttachmentResponse resp;
  EXPECT_EQ(Send({officer_token_, code, v1::Attachment::SUPPORTING,
                  MakePdf("terlambat")},
                 &resp)
                .error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  auto verify = [&] {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, officer_token_);
    v1::VerifyArchiveRequest req;
    req.set_tracking_code(code);
    v1::VerifyArchiveResponse out;
    EXPECT_TRUE(archive_->VerifyArchive(&ctx, req, &out).ok());
    return out;
  };
  {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, officer_token_);
    v1::GetArchiveRequest req;
    req.set_tracking_code(code);
    v1::ArchiveRecord record;
    ASSERT_TRUE(archive_->GetArchive(&ctx, req, &record).ok());
    EXPECT_THAT(record.document(),
                HasSubstr("\"sha256\":\"" + Sha256Hex(report_bytes) + "\""));
    EXPECT_THAT(
        record.document(),
        HasSubstr("\"size_bytes\":" + std::to_string(photo_bytes.size())));
    EXPECT_THAT(record.document(), HasSubstr("\"type\":\"RESULT\""));
  }
  v1::VerifyArchiveResponse ok = verify();
  EXPECT_TRUE(ok.intact());
  EXPECT_TRUE(ok.documents_intact());
  EXPECT_EQ(ok.damaged_attachment_ids_size(), 0);

  // Someone alters the stored result document on disk: first one byte of
  // the sealed file, then the file replaced by other bytes in clear.
  const std::string sha = Sha256Hex(report_bytes);
  const fs::path blob =
      fs::path(dir_) / "var" / "blobs" / sha.substr(0, 2) / sha;
  ASSERT_TRUE(fs::exists(blob));
  {
    std::ifstream in(blob, std::ios::binary);
    std::string sealed(std::istreambuf_iterator<char>(in), {});
    const std::string kept = sealed;
    sealed[sealed.size() - 40] ^= 0x01;
    std::ofstream(blob, std::ios::binary | std::ios::trunc) << sealed;
    v1::VerifyArchiveResponse flipped = verify();
    EXPECT_FALSE(flipped.documents_intact());
    ASSERT_EQ(flipped.damaged_attachment_ids_size(), 1);
    EXPECT_EQ(flipped.damaged_attachment_ids(0), report);
    std::string none;
    EXPECT_EQ(Download(officer_token_, report, &none).error_code(),
              grpc::StatusCode::DATA_LOSS);
    std::ofstream(blob, std::ios::binary | std::ios::trunc) << kept;
    ASSERT_TRUE(verify().intact());
  }
  std::string altered = report_bytes;
  altered[altered.size() / 2] ^= 0x20;
  std::ofstream(blob, std::ios::binary | std::ios::trunc) << altered;
  v1::VerifyArchiveResponse bad = verify();
  EXPECT_FALSE(bad.intact());
  EXPECT_FALSE(bad.documents_intact());
  ASSERT_EQ(bad.damaged_attachment_ids_size(), 1);
  EXPECT_EQ(bad.damaged_attachment_ids(0), report);
  EXPECT_TRUE(bad.chain_intact());
  std::string got;
  EXPECT_EQ(Download(officer_token_, report, &got).error_code(),
            grpc::StatusCode::DATA_LOSS);
  std::ofstream(blob, std::ios::binary | std::ios::trunc) << report_bytes;
  ASSERT_TRUE(verify().intact());

  // Rows changed behind the server's back, each on its own and put back:
  // a document's file name or uploader, the complaint's NIK search index.
  // Each breaks rows_intact and so intact; the rest holds.
  std::string url = args_[0].substr(std::string("--db=").size());
  if (GetParam() == "sqlite") url = "sqlite://" + dir_ + "/var/aduan.db";
  db::DatabaseOptions options;
  options.url = url;
  options.pool_size = 1;
  auto database = db::Database::Open(options);
  ASSERT_TRUE(database.ok()) << database.status();
  auto run = [&](const std::string& sql) {
    ASSERT_TRUE((*database)
                    ->Write(absl::Now() + absl::Seconds(10),
                            [&](soci::session& session) {
                              session << sql;
                              return absl::OkStatus();
                            })
                    .ok())
        << sql;
  };
  struct Case {
    const char* what;
    std::string forge;
    std::string restore;
  };
  std::string nik_index, file_name, uploaded_by;
  ASSERT_TRUE((*database)
                  ->Read(absl::Now() + absl::Seconds(10),
                         [&](soci::session& session) {
                           soci::indicator ind;
                           session << "SELECT nik_index FROM complaints WHERE "
                                      "tracking_code = '" +
                                          code + "'",
                               soci::into(nik_index, ind);
                           session << "SELECT file_name, uploaded_by FROM "
                                      "attachments WHERE attachment_id = '" +
                                          report + "'",
                               soci::into(file_name), soci::into(uploaded_by);
                           return absl::OkStatus();
                         })
                  .ok());
  ASSERT_FALSE(nik_index.empty());
  ASSERT_FALSE(uploaded_by.empty());
  // Someone with database access, past the write-once triggers.
  run("DROP TRIGGER attachments_no_update");
  for (const Case& c : std::vector<Case>{
           {"file_name",
            "UPDATE attachments SET file_name = 'palsu.pdf' WHERE "
            "attachment_id = '" +
                report + "'",
            "UPDATE attachments SET file_name = '" + file_name +
                "' WHERE attachment_id = '" + report + "'"},
           {"uploaded_by",
            "UPDATE attachments SET uploaded_by = 'orang.lain' WHERE "
            "attachment_id = '" +
                report + "'",
            "UPDATE attachments SET uploaded_by = '" + uploaded_by +
                "' WHERE attachment_id = '" + report + "'"},
           {"nik_index",
            "UPDATE complaints SET nik_index = '" + std::string(64, 'c') +
                "' WHERE tracking_code = '" + code + "'",
            "UPDATE complaints SET nik_index = '" + nik_index +
                "' WHERE tracking_code = '" + code + "'"}}) {
    run(c.forge);
    v1::VerifyArchiveResponse forged = verify();
    EXPECT_FALSE(forged.intact()) << c.what;
    EXPECT_FALSE(forged.rows_intact()) << c.what;
    EXPECT_TRUE(forged.document_intact()) << c.what;
    EXPECT_TRUE(forged.hmac_intact()) << c.what;
    EXPECT_TRUE(forged.documents_intact()) << c.what;
    EXPECT_TRUE(forged.chain_intact()) << c.what;
    run(c.restore);
    EXPECT_TRUE(verify().intact()) << c.what << " put back";
  }
}

TEST_P(AttachmentE2eTest, AnonymousComplaintsHideFileNamesFromOtherRoles) {
  grpc::ClientContext ctx;
  testing::Authorize(ctx, gateway_);
  v1::SubmitComplaintRequest req;
  req.set_request_id("anon-1");
  v1::Complaint* c = req.mutable_complaint();
  c->set_office_code("KNG");
  c->set_channel(v1::Complaint::ONLINE);
  c->set_anonymous(true);
  c->set_title("Pungutan liar");
  c->set_description("Ada pungutan di loket.");
  v1::SubmitComplaintResponse submitted;
  ASSERT_TRUE(intake_->SubmitComplaint(&ctx, req, &submitted).ok());
  const std::string code = submitted.complaint().tracking_code();
  const std::string photo =
      Attach({gateway_, code, v1::Attachment::LOCATION_PHOTO, MakePng(0, 9), "",
              "Foto dari Budi Santoso.png"});
  const std::string auditor =
      CreateUser("inspektorat", v1::RoleBinding::AUDITOR);
  EXPECT_EQ(GetAs(officer_token_, code).attachments(0).file_name(),
            "Foto dari Budi Santoso.png");
  for (const std::string& token : {gateway_, auditor}) {
    const v1::Complaint seen = GetAs(token, code);
    ASSERT_EQ(seen.attachments_size(), 1);
    EXPECT_EQ(seen.attachments(0).file_name(), "");
    std::string bytes;
    v1::Attachment meta;
    ASSERT_TRUE(Download(token, photo, &bytes, &meta).ok());
    EXPECT_EQ(meta.file_name(), "");
    EXPECT_EQ(bytes, MakePng(0, 9));
  }
}

// Streams that never send their header, or send none with a token, take no
// upload slot: staff upload while they wait, and they are cancelled after
// the header timeout. Complainants (PIN) have a budget of their own, which
// a stalled complainant's upload can fill without stopping the staff.
TEST_P(AttachmentE2eTest, UploadSlotsAreTakenOnlyByAuthorisedHeaders) {
  StopServer(SIGTERM);
  attachments_.reset();
  StartServer({"--max_uploads=1", "--max_public_uploads=1",
               "--upload_header_timeout_seconds=2",
               "--upload_timeout_seconds=30"});
  attachments_ = v1::AttachmentService::NewStub(server_->Channel());
  verification_ = v1::VerificationService::NewStub(server_->Channel());
  auto [code, pin] = Submit();
  ASSERT_TRUE(Verify(code, v1::VerifyComplaintRequest::NEEDS_INFO).ok());
  // Four streams without a token that send nothing.
  struct Silent {
    grpc::ClientContext ctx;
    v1::UploadAttachmentResponse resp;
    std::unique_ptr<grpc::ClientWriter<v1::UploadAttachmentRequest>> stream;
  };
  std::vector<std::unique_ptr<Silent>> silent;
  for (int i = 0; i < 4; ++i) {
    auto s = std::make_unique<Silent>();
    s->ctx.set_deadline(std::chrono::system_clock::now() +
                        std::chrono::seconds(60));
    s->stream = attachments_->UploadAttachment(&s->ctx, &s->resp);
    silent.push_back(std::move(s));
  }
  absl::SleepFor(absl::Milliseconds(300));
  // The officer's upload goes through at once.
  EXPECT_FALSE(
      Attach({officer_token_, code, v1::Attachment::SUPPORTING, MakePdf()})
          .empty());
  // A complainant's upload that stalls after its header fills the public
  // budget: the next complainant's upload is refused, the officer's is not.
  grpc::ClientContext stalled;
  stalled.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(60));
  v1::UploadAttachmentResponse ignored;
  auto stream = attachments_->UploadAttachment(&stalled, &ignored);
  v1::UploadAttachmentRequest header;
  header.mutable_header()->set_request_id("citizen-stalled");
  header.mutable_header()->set_tracking_code(code);
  header.mutable_header()->set_pin(pin);
  header.mutable_header()->set_type(v1::Attachment::KK_COPY);
  ASSERT_TRUE(stream->Write(header));
  EXPECT_TRUE(
      AwaitBusy({"", code, v1::Attachment::KK_COPY, "", "", "dokumen", pin},
                "uploads: 1 public are in progress"));
  EXPECT_FALSE(
      Attach({officer_token_, code, v1::Attachment::SUPPORTING, MakePng(0, 3)})
          .empty());
  // The silent streams were cancelled at the header timeout.
  const absl::Time start = absl::Now();
  for (auto& s : silent) {
    EXPECT_EQ(s->stream->Finish().error_code(), grpc::StatusCode::CANCELLED);
  }
  EXPECT_LT(absl::Now() - start, absl::Seconds(10));
  stalled.TryCancel();
  EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::CANCELLED);
  EXPECT_EQ(GetAs(officer_token_, code).attachments_size(), 2);
}

TEST_P(AttachmentE2eTest, UploadsAreBoundedInNumberAndTime) {
  StopServer(SIGTERM);
  attachments_.reset();
  StartServer({"--max_uploads=1", "--upload_timeout_seconds=4"});
  attachments_ = v1::AttachmentService::NewStub(server_->Channel());
  const std::string code = Submit().first;
  // A client that opens an upload and sends nothing holds the only slot…
  grpc::ClientContext stalled;
  testing::Authorize(stalled, officer_token_);
  v1::UploadAttachmentResponse ignored;
  auto stream = attachments_->UploadAttachment(&stalled, &ignored);
  v1::UploadAttachmentRequest header;
  header.mutable_header()->set_request_id("stalled-1");
  header.mutable_header()->set_tracking_code(code);
  header.mutable_header()->set_type(v1::Attachment::SUPPORTING);
  ASSERT_TRUE(stream->Write(header));
  v1::UploadAttachmentResponse resp;
  EXPECT_TRUE(
      AwaitBusy({officer_token_, code, v1::Attachment::SUPPORTING, ""}));
  // …so another upload is refused at once…
  grpc::Status busy = Send(
      {officer_token_, code, v1::Attachment::SUPPORTING, MakePdf()}, &resp);
  EXPECT_EQ(busy.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(busy.error_message(), HasSubstr("uploads: 1 are in progress"));
  // …until the watchdog cancels the stalled one.
  const absl::Time start = absl::Now();
  EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::CANCELLED);
  EXPECT_LT(absl::Now() - start, absl::Seconds(10));
  // The server frees the slot as its handler ends, which a loaded machine
  // may do a moment after the client saw the cancellation: the same upload
  // (one request_id) is sent again until the slot is free.
  grpc::Status after;
  for (const absl::Time free_by = absl::Now() + absl::Seconds(5);;) {
    after = Send({officer_token_, code, v1::Attachment::SUPPORTING, MakePdf(),
                  "", "dokumen", "", "after-stall"},
                 &resp);
    if (after.error_code() != grpc::StatusCode::RESOURCE_EXHAUSTED ||
        absl::Now() > free_by) {
      break;
    }
    absl::SleepFor(absl::Milliseconds(50));
  }
  EXPECT_TRUE(after.ok()) << after.error_message();
  EXPECT_EQ(GetAs(officer_token_, code).attachments_size(), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, AttachmentE2eTest,
                         ::testing::Values("sqlite", "mysql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace aduan
