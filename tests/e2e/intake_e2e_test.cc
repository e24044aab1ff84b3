// End to end: aduand as a process on SQLite and on MariaDB, called through
// the generated stubs over real loopback sockets.
#include <google/protobuf/util/message_differencer.h>
#include <signal.h>
#include <soci/mysql/soci-mysql.h>
#include <soci/soci.h>
#include <sys/wait.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "aduan/v1/attachment_service.grpc.pb.h"
#include "aduan/v1/complaint_service.grpc.pb.h"
#include "aduan/v1/intake_service.grpc.pb.h"
#include "common/crypto.h"
#include "db/database.h"
#include "db/database_url.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"
#include "tests/e2e/e2e_fixture.h"
#include "tests/test_util.h"

namespace aduan {
namespace {

using ::testing::HasSubstr;

constexpr char kNik[] = "3574045108900003";  // woman, born 11-08-1990
constexpr char kKk[] = "3574040101150004";   // issued 01-01-2015

v1::Complaint ValidComplaint() {
  v1::Complaint c;
  c.set_office_code("KNG");
  c.set_channel(v1::Complaint::OFFICE);
  c.mutable_complainant()->set_name("Siti Aminah");
  c.mutable_complainant()->set_nik(kNik);
  c.mutable_complainant()->set_kk_number(kKk);
  c.mutable_complainant()->set_phone("0812-3456-7890");
  c.mutable_complainant()->set_email("siti@example.id");
  c.set_title("Lampu jalan mati");
  c.set_description("Lampu jalan di depan SDN Kanigaran 1 mati sejak Senin.");
  c.set_category("INFRA");
  c.mutable_location()->set_address("Jl. Slamet Riyadi");
  c.mutable_location()->set_kelurahan("kanigaran");
  c.mutable_location()->set_latitude(-7.7543);
  c.mutable_location()->set_longitude(113.2159);
  return c;
}

class IntakeE2eTest : public testing::E2eFixture {
 protected:
  int withdrawals_ = 0;
  grpc::Status Submit(const std::string& request_id, const v1::Complaint& c,
                      v1::SubmitComplaintResponse* resp) {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, officer_token_);
    v1::SubmitComplaintRequest req;
    req.set_request_id(request_id);
    *req.mutable_complaint() = c;
    return intake_->SubmitComplaint(&ctx, req, resp);
  }
  grpc::Status Get(const std::string& code, v1::Complaint* out) {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, officer_token_);
    v1::GetComplaintRequest req;
    req.set_tracking_code(code);
    return complaints_->GetComplaint(&ctx, req, out);
  }
  grpc::Status List(const v1::ListComplaintsRequest& req,
                    v1::ListComplaintsResponse* resp) {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, officer_token_);
    return complaints_->ListComplaints(&ctx, req, resp);
  }
  grpc::Status Track(const std::string& code, const std::string& pin,
                     v1::TrackComplaintResponse* resp) {
    grpc::ClientContext ctx;
    v1::TrackComplaintRequest req;
    req.set_tracking_code(code);
    req.set_pin(pin);
    return intake_->TrackComplaint(&ctx, req, resp);
  }
  long long Total() {
    v1::ListComplaintsResponse resp;
    EXPECT_TRUE(List(v1::ListComplaintsRequest(), &resp).ok());
    return resp.total_size();
  }
};

TEST_P(IntakeE2eTest, ReflectionListsEveryService) {
  auto stub =
      grpc::reflection::v1alpha::ServerReflection::NewStub(server_->Channel());
  grpc::ClientContext ctx;
  auto stream = stub->ServerReflectionInfo(&ctx);
  grpc::reflection::v1alpha::ServerReflectionRequest req;
  req.set_list_services("");
  ASSERT_TRUE(stream->Write(req));
  grpc::reflection::v1alpha::ServerReflectionResponse resp;
  ASSERT_TRUE(stream->Read(&resp));
  std::set<std::string> names;
  for (const auto& s : resp.list_services_response().service()) {
    names.insert(s.name());
  }
  for (const char* want :
       {"aduan.v1.IntakeService", "aduan.v1.ComplaintService",
        "aduan.v1.VerificationService", "aduan.v1.DispositionService",
        "aduan.v1.ArchiveService", "aduan.v1.AttachmentService",
        "aduan.v1.AdminService", "grpc.health.v1.Health"}) {
    EXPECT_TRUE(names.count(want)) << want;
  }
  // Every listed service can be described (what grpcurl does before a call),
  // the health service included.
  for (const std::string& name : names) {
    if (name.rfind("grpc.reflection.", 0) == 0) continue;
    grpc::reflection::v1alpha::ServerReflectionRequest file;
    file.set_file_containing_symbol(name);
    ASSERT_TRUE(stream->Write(file));
    grpc::reflection::v1alpha::ServerReflectionResponse found;
    ASSERT_TRUE(stream->Read(&found));
    EXPECT_TRUE(found.has_file_descriptor_response())
        << name << ": " << found.error_response().error_message();
  }
  stream->WritesDone();
  EXPECT_TRUE(stream->Finish().ok());
}

TEST_P(IntakeE2eTest, SubmitStoresComplaintAndItsEvent) {
  v1::SubmitComplaintResponse resp;
  ASSERT_TRUE(Submit("req-1", ValidComplaint(), &resp).ok());
  const v1::Complaint& c = resp.complaint();
  EXPECT_TRUE(std::regex_match(c.tracking_code(),
                               std::regex("KNG-[0-9A-HJKMNP-TV-Z]{8}")))
      << c.tracking_code();
  EXPECT_TRUE(std::regex_match(resp.pin(), std::regex("[0-9]{8}")));
  EXPECT_EQ(c.state(), v1::Complaint::SUBMITTED);
  EXPECT_EQ(c.etag(), "v1");
  EXPECT_EQ(c.source(), "");
  EXPECT_FALSE(c.service_sla().paused());
  EXPECT_TRUE(c.service_sla().has_due_time());
  EXPECT_TRUE(c.resolution_sla().paused());

  v1::Complaint got;
  ASSERT_TRUE(Get(absl::AsciiStrToLower(c.tracking_code()), &got).ok());
  EXPECT_EQ(got.tracking_code(), c.tracking_code());
  EXPECT_EQ(got.complainant().phone(), "+6281234567890");
  // The BASIC view masks identity numbers.
  EXPECT_EQ(got.complainant().nik(), "3574**********03");
  EXPECT_EQ(got.complainant().kk_number(), "3574**********04");
  EXPECT_TRUE(got.complainant().masked());
  EXPECT_EQ(got.location().kelurahan(), "Kanigaran");
  EXPECT_DOUBLE_EQ(got.location().latitude(), -7.7543);
  EXPECT_EQ(got.title(), "Lampu jalan mati");
  EXPECT_EQ(got.category(), "INFRA");
  EXPECT_EQ(got.channel(), v1::Complaint::OFFICE);
  EXPECT_EQ(got.service_sla().due_time().seconds(),
            c.service_sla().due_time().seconds());

  grpc::ClientContext ctx;
  testing::Authorize(ctx, officer_token_);
  v1::ListComplaintEventsRequest ereq;
  ereq.set_tracking_code(c.tracking_code());
  v1::ListComplaintEventsResponse events;
  ASSERT_TRUE(complaints_->ListComplaintEvents(&ctx, ereq, &events).ok());
  ASSERT_EQ(events.events_size(), 1);
  EXPECT_EQ(events.events(0).type(), v1::ComplaintEvent::SUBMITTED);
  EXPECT_EQ(events.events(0).to_state(), v1::Complaint::SUBMITTED);
  EXPECT_EQ(events.events(0).version(), 1);
  EXPECT_EQ(events.events(0).actor(), "siti.officer");
  EXPECT_EQ(events.events(0).actor_role(), "OFFICER");
}

TEST_P(IntakeE2eTest, TrackShowsPublicViewOnlyWithTheRightPin) {
  v1::SubmitComplaintResponse sub;
  ASSERT_TRUE(Submit("req-track", ValidComplaint(), &sub).ok());
  const std::string code = sub.complaint().tracking_code();
  v1::TrackComplaintResponse t;
  ASSERT_TRUE(Track(code, sub.pin(), &t).ok());
  EXPECT_EQ(t.tracking_code(), code);
  EXPECT_EQ(t.state(), v1::Complaint::SUBMITTED);
  EXPECT_EQ(t.office_code(), "KNG");
  ASSERT_EQ(t.timeline_size(), 1);
  EXPECT_EQ(t.timeline(0).label(), "Pengaduan diterima");
  const std::string text = t.DebugString();
  EXPECT_EQ(text.find("Siti"), std::string::npos);
  EXPECT_EQ(text.find(kNik), std::string::npos);

  const std::string wrong_pin =
      sub.pin() == "00000000" ? "11111111" : "00000000";
  v1::TrackComplaintResponse ignored;
  grpc::Status wrong = Track(code, wrong_pin, &ignored);
  grpc::Status unknown = Track("KNG-00000000", sub.pin(), &ignored);
  EXPECT_EQ(wrong.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(unknown.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(wrong.error_message(), unknown.error_message());
}

TEST_P(IntakeE2eTest, WrongPinsAreRateLimitedPerTrackingCode) {
  v1::SubmitComplaintResponse sub;
  ASSERT_TRUE(Submit("req-pins", ValidComplaint(), &sub).ok());
  const std::string code = sub.complaint().tracking_code();
  const std::string wrong_pin =
      sub.pin() == "00000000" ? "11111111" : "00000000";
  v1::TrackComplaintResponse ignored;
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(Track(code, wrong_pin, &ignored).error_code(),
              grpc::StatusCode::NOT_FOUND);
  }
  grpc::Status locked = Track(code, sub.pin(), &ignored);
  EXPECT_EQ(locked.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  // In Indonesian, with the time in the office's zone (WIB).
  EXPECT_THAT(locked.error_message(),
              ::testing::MatchesRegex(
                  "terlalu banyak PIN salah untuk kode pelacakan ini; coba "
                  "lagi setelah pukul [0-2][0-9]:[0-5][0-9] WIB"));
  // An officer's ReissuePin (done with the complainant in person) lifts the
  // lock at once: the new PIN works.
  grpc::ClientContext ctx;
  testing::Authorize(ctx, officer_token_);
  v1::ReissuePinRequest reissue;
  reissue.set_request_id("reissue-locked");
  reissue.set_tracking_code(code);
  v1::ReissuePinResponse fresh;
  ASSERT_TRUE(intake_->ReissuePin(&ctx, reissue, &fresh).ok());
  v1::TrackComplaintResponse tracked;
  grpc::Status s = Track(code, fresh.pin(), &tracked);
  EXPECT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(tracked.state(), v1::Complaint::SUBMITTED);
}

// An unknown tracking code and a wrong PIN take the same time to answer, so
// that timing does not tell which codes exist: 300 interleaved samples of
// each, whose medians must be within 25 % of each other in 2 of 3 tries
// (this machine is shared and noisy). The wrong-PIN lock is lifted by a
// reissue every five wrong PINs; every answer is NOT_FOUND.
TEST_P(IntakeE2eTest, AnUnknownCodeTakesAsLongAsAWrongPin) {
  v1::SubmitComplaintResponse sub;
  ASSERT_TRUE(Submit("req-timing", ValidComplaint(), &sub).ok());
  const std::string code = sub.complaint().tracking_code();
  std::string pin = sub.pin();
  int reissues = 0;
  auto reissue = [&] {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, officer_token_);
    v1::ReissuePinRequest req;
    req.set_request_id(absl::StrCat("timing-reissue-", ++reissues));
    req.set_tracking_code(code);
    v1::ReissuePinResponse fresh;
    ASSERT_TRUE(intake_->ReissuePin(&ctx, req, &fresh).ok());
    pin = fresh.pin();
  };
  auto millis_of_track = [&](const std::string& c, const std::string& p) {
    v1::TrackComplaintResponse ignored;
    const auto start = std::chrono::steady_clock::now();
    const grpc::Status s = Track(c, p, &ignored);
    const double ms = std::chrono::duration<double, std::milli>(
                          std::chrono::steady_clock::now() - start)
                          .count();
    EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND)
        << c << ": " << s.error_message();
    return ms;
  };
  auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  int close = 0;
  std::string report;
  for (int attempt = 0; attempt < 3 && close < 2; ++attempt) {
    std::vector<double> wrong;
    std::vector<double> unknown;
    for (int i = 0; i < 300; ++i) {
      if (i % 5 == 0) reissue();
      const std::string wrong_pin = pin == "00000000" ? "11111111" : "00000000";
      const std::string absent =
          absl::StrCat("KNG-", 10000000 + 300 * attempt + i);
      if (i % 2 == 0) {
        wrong.push_back(millis_of_track(code, wrong_pin));
        unknown.push_back(millis_of_track(absent, pin));
      } else {
        unknown.push_back(millis_of_track(absent, pin));
        wrong.push_back(millis_of_track(code, wrong_pin));
      }
    }
    const double w = median(wrong);
    const double u = median(unknown);
    absl::StrAppend(&report, "try ", attempt + 1, ": wrong PIN ", w,
                    " ms, unknown code ", u, " ms\n");
    if (std::max(w, u) <= 1.25 * std::min(w, u)) ++close;
  }
  EXPECT_GE(close, 2) << report;
  std::cerr << report;
  if (HasFailure()) return;
  // The complaint is unharmed: its PIN works once the lock is lifted.
  reissue();
  v1::TrackComplaintResponse tracked;
  EXPECT_TRUE(Track(code, pin, &tracked).ok());
}

// A supplement or withdrawal without a PIN (or with a malformed one) is
// NOT_FOUND like a wrong one, but cannot be a guess and so spends nothing
// of the complainant's wrong-PIN budget.
TEST_P(IntakeE2eTest, AnEmptyPinSpendsNoneOfTheBudget) {
  v1::SubmitComplaintResponse sub;
  ASSERT_TRUE(Submit("req-empty-pin", ValidComplaint(), &sub).ok());
  const std::string code = sub.complaint().tracking_code();
  for (const char* pin : {"", "", "", "", "", "", "1234", "abcdefgh"}) {
    grpc::ClientContext ctx;
    v1::WithdrawComplaintRequest req;
    req.set_request_id(absl::StrCat("withdraw-", pin, "-", ++withdrawals_));
    req.set_tracking_code(code);
    req.set_pin(pin);
    req.set_reason("Tidak jadi");
    v1::Complaint resp;
    grpc::Status s = intake_->WithdrawComplaint(&ctx, req, &resp);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND) << pin;
    EXPECT_EQ(s.error_message(), "complaint not found") << pin;
  }
  v1::TrackComplaintResponse tracked;
  grpc::Status s = Track(code, sub.pin(), &tracked);
  EXPECT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(tracked.state(), v1::Complaint::SUBMITTED);
}

TEST_P(IntakeE2eTest, RetryReturnsFirstResultAndStoresOnce) {
  v1::SubmitComplaintResponse first, second;
  ASSERT_TRUE(Submit("req-retry", ValidComplaint(), &first).ok());
  ASSERT_TRUE(Submit("req-retry", ValidComplaint(), &second).ok());
  EXPECT_EQ(second.complaint().tracking_code(),
            first.complaint().tracking_code());
  EXPECT_EQ(second.pin(), first.pin());
  EXPECT_EQ(Total(), 1);
}

TEST_P(IntakeE2eTest, ReusedRequestIdWithOtherBodyIsAlreadyExists) {
  v1::SubmitComplaintResponse first, second;
  ASSERT_TRUE(Submit("req-reuse", ValidComplaint(), &first).ok());
  v1::Complaint other = ValidComplaint();
  other.set_title("Sesuatu yang lain");
  grpc::Status s = Submit("req-reuse", other, &second);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_THAT(s.error_message(), HasSubstr("request_id"));
  EXPECT_EQ(Total(), 1);
}

TEST_P(IntakeE2eTest, RacingIdenticalRequestsStoreOne) {
  constexpr int kThreads = 8;
  std::vector<std::string> codes(kThreads);
  std::vector<grpc::Status> statuses(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      auto stub = v1::IntakeService::NewStub(server_->Channel());
      grpc::ClientContext ctx;
      testing::Authorize(ctx, officer_token_);
      v1::SubmitComplaintRequest req;
      req.set_request_id("req-race");
      *req.mutable_complaint() = ValidComplaint();
      v1::SubmitComplaintResponse resp;
      statuses[i] = stub->SubmitComplaint(&ctx, req, &resp);
      codes[i] = resp.complaint().tracking_code();
    });
  }
  for (auto& t : threads) t.join();
  for (int i = 0; i < kThreads; ++i) {
    EXPECT_TRUE(statuses[i].ok()) << statuses[i].error_message();
    EXPECT_EQ(codes[i], codes[0]);
  }
  EXPECT_EQ(Total(), 1);
}

TEST_P(IntakeE2eTest, ExternalReferenceRoundTrips) {
  // An officer's submission keeps the reference as given; uniqueness per
  // gateway source is AccessE2eTest.GatewaySetsSourceAndSeesOnlyItsOwn.
  v1::Complaint c = ValidComplaint();
  c.set_channel(v1::Complaint::SP4N_LAPOR);
  c.set_external_reference("LAPOR-2026-001");
  v1::SubmitComplaintResponse resp;
  ASSERT_TRUE(Submit("req-ext", c, &resp).ok());
  EXPECT_EQ(resp.complaint().external_reference(), "LAPOR-2026-001");
  EXPECT_EQ(resp.complaint().channel(), v1::Complaint::SP4N_LAPOR);
}

struct BadCase {
  const char* name;
  std::function<void(v1::SubmitComplaintRequest&)> mutate;
  const char* field;
};

TEST_P(IntakeE2eTest, EveryBadInputIsRejectedNamingTheFieldAndStoresNothing) {
  const std::vector<BadCase> cases = {
      {"no request id", [](auto& r) { r.clear_request_id(); }, "request_id"},
      {"bad request id", [](auto& r) { r.set_request_id("a b"); },
       "request_id"},
      {"nik letters",
       [](auto& r) {
         r.mutable_complaint()->mutable_complainant()->set_nik(
             "35740451089000AB");
       },
       "complaint.complainant.nik"},
      {"nik province",
       [](auto& r) {
         r.mutable_complaint()->mutable_complainant()->set_nik(
             "2074045108900003");
       },
       "complaint.complainant.nik"},
      {"nik date",
       [](auto& r) {
         r.mutable_complaint()->mutable_complainant()->set_nik(
             "3574043213900003");
       },
       "complaint.complainant.nik"},
      {"kk serial",
       [](auto& r) {
         r.mutable_complaint()->mutable_complainant()->set_kk_number(
             "3574040101150000");
       },
       "complaint.complainant.kk_number"},
      {"phone",
       [](auto& r) {
         r.mutable_complaint()->mutable_complainant()->set_phone("12345");
       },
       "complaint.complainant.phone"},
      {"email",
       [](auto& r) {
         r.mutable_complaint()->mutable_complainant()->set_email("siti@");
       },
       "complaint.complainant.email"},
      {"no name",
       [](auto& r) {
         r.mutable_complaint()->mutable_complainant()->clear_name();
       },
       "complaint.complainant.name"},
      {"no contact",
       [](auto& r) {
         auto* p = r.mutable_complaint()->mutable_complainant();
         p->clear_phone();
         p->clear_email();
         p->clear_address();
       },
       "complaint.complainant"},
      {"no title", [](auto& r) { r.mutable_complaint()->clear_title(); },
       "complaint.title"},
      {"long title",
       [](auto& r) { r.mutable_complaint()->set_title(std::string(201, 'a')); },
       "complaint.title"},
      {"long description",
       [](auto& r) {
         r.mutable_complaint()->set_description(std::string(5001, 'a'));
       },
       "complaint.description"},
      {"blank title", [](auto& r) { r.mutable_complaint()->set_title("   "); },
       "complaint.title"},
      {"control char",
       [](auto& r) { r.mutable_complaint()->set_title("Lampu\x07mati"); },
       "complaint.title"},
      {"no channel", [](auto& r) { r.mutable_complaint()->clear_channel(); },
       "complaint.channel"},
      {"unknown channel",
       [](auto& r) {
         r.mutable_complaint()->set_channel(
             static_cast<v1::Complaint::Channel>(99));
       },
       "complaint.channel"},
      {"tracking code set",
       [](auto& r) {
         r.mutable_complaint()->set_tracking_code("KNG-AAAAAAAA");
       },
       "complaint.tracking_code"},
      {"state set",
       [](auto& r) {
         r.mutable_complaint()->set_state(v1::Complaint::ARCHIVED);
       },
       "complaint.state"},
      {"source set",
       [](auto& r) { r.mutable_complaint()->set_source("lapor"); },
       "complaint.source"},
      {"etag set", [](auto& r) { r.mutable_complaint()->set_etag("v9"); },
       "complaint.etag"},
      {"masked set",
       [](auto& r) {
         r.mutable_complaint()->mutable_complainant()->set_masked(true);
       },
       "complaint.complainant.masked"},
      {"no office", [](auto& r) { r.mutable_complaint()->clear_office_code(); },
       "complaint.office_code"},
      {"unknown office",
       [](auto& r) { r.mutable_complaint()->set_office_code("XYZ"); },
       "complaint.office_code"},
      {"unknown category",
       [](auto& r) { r.mutable_complaint()->set_category("NOPE"); },
       "complaint.category"},
      {"unknown kelurahan",
       [](auto& r) {
         r.mutable_complaint()->mutable_location()->set_kelurahan("Menteng");
       },
       "complaint.location.kelurahan"},
      {"latitude",
       [](auto& r) {
         r.mutable_complaint()->mutable_location()->set_latitude(91);
       },
       "complaint.location.latitude"},
      {"longitude",
       [](auto& r) {
         r.mutable_complaint()->mutable_location()->set_longitude(-181);
       },
       "complaint.location.longitude"},
      {"long address",
       [](auto& r) {
         r.mutable_complaint()->mutable_location()->set_address(
             std::string(301, 'a'));
       },
       "complaint.location.address"},
      {"long external ref",
       [](auto& r) {
         r.mutable_complaint()->set_external_reference(std::string(101, 'a'));
       },
       "complaint.external_reference"},
      {"blank external ref",
       [](auto& r) { r.mutable_complaint()->set_external_reference("  "); },
       "complaint.external_reference"},
      {"external ref with a space",
       [](auto& r) {
         r.mutable_complaint()->set_external_reference("LAPOR 1");
       },
       "complaint.external_reference"},
  };
  for (const BadCase& bad : cases) {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, officer_token_);
    v1::SubmitComplaintRequest req;
    req.set_request_id("bad-req");
    *req.mutable_complaint() = ValidComplaint();
    bad.mutate(req);
    v1::SubmitComplaintResponse resp;
    grpc::Status s = intake_->SubmitComplaint(&ctx, req, &resp);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << bad.name;
    EXPECT_EQ(s.error_message().rfind(std::string(bad.field) + ":", 0), 0u)
        << bad.name << ": " << s.error_message();
  }
  EXPECT_EQ(Total(), 0);
  // The request id used by the failures was not consumed.
  v1::SubmitComplaintResponse ok;
  EXPECT_TRUE(Submit("bad-req", ValidComplaint(), &ok).ok());
}

TEST_P(IntakeE2eTest, AnonymousComplaintNeedsNoNameOrContact) {
  v1::Complaint c = ValidComplaint();
  c.set_anonymous(true);
  c.clear_complainant();
  v1::SubmitComplaintResponse resp;
  ASSERT_TRUE(Submit("req-anon", c, &resp).ok());
  EXPECT_TRUE(resp.complaint().anonymous());
}

TEST_P(IntakeE2eTest, ListWalksEveryPageOnce) {
  std::set<std::string> submitted;
  for (int i = 0; i < 7; ++i) {
    v1::SubmitComplaintResponse resp;
    ASSERT_TRUE(
        Submit(absl::StrCat("req-page-", i), ValidComplaint(), &resp).ok());
    submitted.insert(resp.complaint().tracking_code());
  }
  v1::ListComplaintsRequest req;
  req.set_page_size(3);
  std::vector<std::string> seen;
  int pages = 0;
  do {
    v1::ListComplaintsResponse resp;
    ASSERT_TRUE(List(req, &resp).ok());
    EXPECT_EQ(resp.total_size(), 7);
    for (const auto& c : resp.complaints()) seen.push_back(c.tracking_code());
    req.set_page_token(resp.next_page_token());
    ++pages;
  } while (!req.page_token().empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(seen.size(), 7u);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()), submitted);

  v1::ListComplaintsResponse resp;
  v1::ListComplaintsRequest bad;
  bad.set_page_size(-1);
  grpc::Status s = List(bad, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("page_size"));
  // A token belongs to its filters.
  v1::ListComplaintsRequest first;
  first.set_page_size(3);
  ASSERT_TRUE(List(first, &resp).ok());
  v1::ListComplaintsRequest mismatched;
  mismatched.set_page_size(3);
  mismatched.add_channels(v1::Complaint::ONLINE);
  mismatched.set_page_token(resp.next_page_token());
  s = List(mismatched, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("page_token"));
  v1::ListComplaintsRequest garbage;
  garbage.set_page_token("not-a-token");
  EXPECT_EQ(List(garbage, &resp).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  v1::ListComplaintsRequest unknown_state;
  unknown_state.add_states(static_cast<v1::Complaint::State>(42));
  EXPECT_EQ(List(unknown_state, &resp).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_P(IntakeE2eTest, ListFiltersByChannelTextAndSla) {
  v1::Complaint online = ValidComplaint();
  online.set_channel(v1::Complaint::ONLINE);
  online.set_title("Sampah menumpuk di pasar");
  v1::SubmitComplaintResponse a, b;
  ASSERT_TRUE(Submit("req-f1", online, &a).ok());
  ASSERT_TRUE(Submit("req-f2", ValidComplaint(), &b).ok());
  v1::ListComplaintsRequest req;
  req.add_channels(v1::Complaint::ONLINE);
  v1::ListComplaintsResponse resp;
  ASSERT_TRUE(List(req, &resp).ok());
  ASSERT_EQ(resp.complaints_size(), 1);
  EXPECT_EQ(resp.complaints(0).tracking_code(), a.complaint().tracking_code());
  req = v1::ListComplaintsRequest();
  req.set_query("SAMPAH");
  ASSERT_TRUE(List(req, &resp).ok());
  ASSERT_EQ(resp.complaints_size(), 1);
  EXPECT_EQ(resp.total_size(), 1);
  req = v1::ListComplaintsRequest();
  req.add_sla_statuses(v1::SlaClock::BREACHED);
  ASSERT_TRUE(List(req, &resp).ok());
  // Just submitted: nothing is breached yet, and the union of the three
  // statuses is everything.
  EXPECT_EQ(resp.total_size(), 0);
  req.add_sla_statuses(v1::SlaClock::ON_TIME);
  req.add_sla_statuses(v1::SlaClock::AT_RISK);
  ASSERT_TRUE(List(req, &resp).ok());
  EXPECT_EQ(resp.total_size(), 2);
}

TEST_P(IntakeE2eTest, GetUnknownAndMalformedCodes) {
  v1::Complaint out;
  EXPECT_EQ(Get("KNG-00000000", &out).error_code(),
            grpc::StatusCode::NOT_FOUND);
  grpc::Status s = Get("not a code", &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("tracking_code"));
}

TEST_P(IntakeE2eTest, UnknownAttachmentIsNotFound) {
  auto stub = v1::AttachmentService::NewStub(server_->Channel());
  grpc::ClientContext ctx;
  testing::Authorize(ctx, officer_token_);
  v1::DownloadAttachmentRequest req;
  req.set_attachment_id("a1");
  auto reader = stub->DownloadAttachment(&ctx, req);
  v1::DownloadAttachmentResponse part;
  EXPECT_FALSE(reader->Read(&part));
  grpc::Status s = reader->Finish();
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(s.error_message(), "attachment not found");
}

// After a restart every acknowledged complaint is there exactly as it was
// answered, its PIN still works, and a retry of its request still returns
// it (the idempotency record is as durable as the complaint).
// A database and its key file cannot be mixed up (server/app/key_check.h):
// keygen never overwrites a key; a restore without its key file is refused
// and makes no new key; another key is refused, by serve and by
// bootstrap-admin alike; with its own key everything is as it was.
TEST_P(IntakeE2eTest, KeysCannotBeMixedUp) {
  v1::SubmitComplaintResponse sub;
  ASSERT_TRUE(Submit("req-keys", ValidComplaint(), &sub).ok());
  const std::string code = sub.complaint().tracking_code();
  StopServer(SIGTERM);
  const std::string key =
      dir_ + (GetParam() == "sqlite" ? "/var/aduan.key" : "/aduan.key");
  auto read = [](const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  };
  // What each command below adds to the commands' log.
  size_t seen = read(dir_ + "/commands.log").size();
  auto said = [&] {
    const std::string all = read(dir_ + "/commands.log");
    const std::string added = all.substr(std::min(seen, all.size()));
    seen = all.size();
    return added;
  };
  auto run = [&](const std::string& command, std::vector<std::string> extra) {
    std::vector<std::string> args = args_;
    args.insert(args.end(), extra.begin(), extra.end());
    return testing::ServerProcess::RunCommand(dir_, command, args);
  };
  const std::string key_text = read(key);
  ASSERT_FALSE(key_text.empty());

  EXPECT_EQ(run("keygen", {"--key_file=" + key}), 1);
  EXPECT_THAT(said(), HasSubstr("keygen never overwrites a key file"));
  EXPECT_EQ(read(key), key_text);

  const std::string kept = dir_ + "/kept.key";
  std::filesystem::rename(key, kept);
  EXPECT_EQ(run("serve", {"--key_file=" + key, "--listen=127.0.0.1:0"}), 1);
  EXPECT_THAT(said(), HasSubstr(" is missing, but this database holds data "
                                "written under key "));
  EXPECT_FALSE(std::filesystem::exists(key));  // no new key was made

  const std::string other = dir_ + "/other.key";
  ASSERT_EQ(run("keygen", {"--key_file=" + other}), 0);
  said();
  EXPECT_EQ(run("serve", {"--key_file=" + other, "--listen=127.0.0.1:0"}), 1);
  EXPECT_THAT(said(), HasSubstr(", but this database was written under key "));
  EXPECT_EQ(run("bootstrap-admin", {"--key_file=" + other, "--name=admin"}), 1);
  EXPECT_THAT(said(), HasSubstr(", but this database was written under key "));

  std::filesystem::rename(kept, key);
  StartServer();
  v1::TrackComplaintResponse tracked;
  const grpc::Status s = Track(code, sub.pin(), &tracked);
  EXPECT_TRUE(s.ok()) << s.error_message();
  v1::Complaint stored;
  EXPECT_TRUE(Get(code, &stored).ok());
}

TEST_P(IntakeE2eTest, RestartFindsEverythingAsItWas) {
  struct Answered {
    std::string request_id;
    v1::Complaint complaint;
    std::string pin;
  };
  std::vector<Answered> answered;
  for (int i = 0; i < 5; ++i) {
    v1::Complaint c = ValidComplaint();
    c.set_title(absl::StrCat("Aduan nomor ", i));
    c.set_anonymous(i % 2 == 1);
    v1::SubmitComplaintResponse resp;
    const std::string id = absl::StrCat("restart-", i);
    ASSERT_TRUE(Submit(id, c, &resp).ok());
    v1::Complaint stored;
    ASSERT_TRUE(Get(resp.complaint().tracking_code(), &stored).ok());
    answered.push_back({id, stored, resp.pin()});
  }
  const long long total = Total();
  StopServer(SIGTERM);
  StartServer();
  EXPECT_EQ(Total(), total);
  for (const Answered& a : answered) {
    const std::string& code = a.complaint.tracking_code();
    v1::Complaint now;
    ASSERT_TRUE(Get(code, &now).ok()) << code;
    // Everything stored is as it was; the service clock's working time is
    // read at each call (it grows during office hours) and never shrinks.
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(
        testing::WithoutSlaUsed(now), testing::WithoutSlaUsed(a.complaint)))
        << code << "\nbefore: " << a.complaint.DebugString()
        << "\nafter: " << now.DebugString();
    EXPECT_GE(testing::ToAbsl(now.service_sla().used()),
              testing::ToAbsl(a.complaint.service_sla().used()))
        << code;
    v1::TrackComplaintResponse tracked;
    ASSERT_TRUE(Track(code, a.pin, &tracked).ok()) << code;
    EXPECT_EQ(tracked.state(), v1::Complaint::SUBMITTED);
    v1::Complaint again = ValidComplaint();
    again.set_title(a.complaint.title());
    again.set_anonymous(a.complaint.anonymous());
    v1::SubmitComplaintResponse retry;
    ASSERT_TRUE(Submit(a.request_id, again, &retry).ok()) << code;
    EXPECT_EQ(retry.complaint().tracking_code(), code);
    EXPECT_EQ(retry.pin(), a.pin);
  }
  EXPECT_EQ(Total(), total);
}

// A database written by a newer aduand is refused at start with a message
// that says so, and left as it was.
TEST_P(IntakeE2eTest, NewerDatabaseSchemaRefusesToStart) {
  StopServer(SIGTERM);
  std::string url = args_[0].substr(std::string("--db=").size());
  if (GetParam() == "sqlite") url = "sqlite://" + dir_ + "/var/aduan.db";
  db::DatabaseOptions options;
  options.url = url;
  auto database = db::Database::Open(options);
  ASSERT_TRUE(database.ok()) << database.status();
  ASSERT_TRUE((*database)
                  ->Write(absl::Now() + absl::Seconds(10),
                          [](soci::session& sql) {
                            sql << "INSERT INTO schema_migrations (version, "
                                   "name, applied_at) VALUES (999, "
                                   "'0999_future', 0)";
                            return absl::OkStatus();
                          })
                  .ok());
  database->reset();
  std::vector<std::string> args = args_;
  args.push_back("--listen=127.0.0.1:0");
  EXPECT_NE(testing::ServerProcess::RunCommand(dir_, "serve", args), 0);
  std::ifstream in(dir_ + "/commands.log");
  std::stringstream log;
  log << in.rdbuf();
  EXPECT_THAT(log.str(),
              HasSubstr("database schema version 999 is newer than this "
                        "aduand (knows up to"));
}

// Health reflects whether the database answers: an account that can no
// longer log in (its connections killed) turns the server NOT_SERVING, and
// SERVING again once the database answers.
TEST_P(IntakeE2eTest, HealthFollowsTheDatabase) {
  if (GetParam() != "mysql") {
    GTEST_SKIP() << "needs a database server whose account can be locked";
  }
  auto url =
      db::DatabaseUrl::Parse(args_[0].substr(std::string("--db=").size()));
  ASSERT_TRUE(url.ok()) << url.status();
  soci::session admin(*soci::factory_mysql(), url->SociConnectString());
  const std::string user =
      "aduan_h_" + absl::BytesToHexString(RandomBytes(4).value());
  const std::string account = "'" + user + "'@'127.0.0.1'";
  admin << "CREATE USER " << account << " IDENTIFIED BY 'health-test'";
  admin << "GRANT ALL PRIVILEGES ON " << url->database << ".* TO " << account;
  StopServer(SIGTERM);
  args_[0] = absl::StrCat("--db=mysql://", user, ":health-test@", url->host,
                          ":", url->port, "/", url->database);
  StartServer();
  auto status = [&] {
    auto stub = grpc::health::v1::Health::NewStub(server_->Channel());
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() +
                     std::chrono::seconds(2));
    grpc::health::v1::HealthCheckResponse resp;
    grpc::Status s =
        stub->Check(&ctx, grpc::health::v1::HealthCheckRequest(), &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();  // health itself always answers
    return resp.status();
  };
  auto wait_for =
      [&](grpc::health::v1::HealthCheckResponse::ServingStatus want) {
        const absl::Time until = absl::Now() + absl::Seconds(15);
        while (absl::Now() < until) {
          if (status() == want) return true;
          absl::SleepFor(absl::Milliseconds(200));
        }
        return false;
      };
  using Health = grpc::health::v1::HealthCheckResponse;
  EXPECT_EQ(status(), Health::SERVING);
  admin << "ALTER USER " << account << " ACCOUNT LOCK";
  std::vector<long long> ids(64);
  admin << "SELECT id FROM information_schema.processlist WHERE user = :u",
      soci::use(user), soci::into(ids);
  for (long long id : ids) admin << "KILL " << id;
  EXPECT_TRUE(wait_for(Health::NOT_SERVING));
  admin << "ALTER USER " << account << " ACCOUNT UNLOCK";
  EXPECT_TRUE(wait_for(Health::SERVING));
  v1::SubmitComplaintResponse resp;
  EXPECT_TRUE(Submit("after-outage", ValidComplaint(), &resp).ok());
  StopServer(SIGTERM);
  admin << "DROP USER " << account;
}

// A server that starts while its database does not answer waits for it
// (server/app/waiting_server.h): health NOT_SERVING and every call
// UNAVAILABLE meanwhile, SERVING with everything as it was once the database
// answers; `--db_wait_seconds` bounds the wait; SIGTERM ends it.
TEST_P(IntakeE2eTest, ServeWaitsForTheDatabase) {
  if (GetParam() != "mysql") {
    GTEST_SKIP() << "needs a database server whose account can be locked";
  }
  v1::SubmitComplaintResponse before;
  ASSERT_TRUE(Submit("before-wait", ValidComplaint(), &before).ok());
  auto url =
      db::DatabaseUrl::Parse(args_[0].substr(std::string("--db=").size()));
  ASSERT_TRUE(url.ok()) << url.status();
  soci::session admin(*soci::factory_mysql(), url->SociConnectString());
  const std::string user =
      "aduan_w_" + absl::BytesToHexString(RandomBytes(4).value());
  const std::string account = "'" + user + "'@'127.0.0.1'";
  admin << "CREATE USER " << account << " IDENTIFIED BY 'wait-test'";
  admin << "GRANT ALL PRIVILEGES ON " << url->database << ".* TO " << account;
  admin << "ALTER USER " << account << " ACCOUNT LOCK";
  StopServer(SIGTERM);
  args_[0] = absl::StrCat("--db=mysql://", user, ":wait-test@", url->host, ":",
                          url->port, "/", url->database);

  // A bounded wait ends, saying why.
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(
      testing::ServerProcess::RunCommand(
          dir_, "serve",
          {args_[0], args_[1], "--listen=127.0.0.1:0", "--db_wait_seconds=2"}),
      1);
  EXPECT_LT(std::chrono::steady_clock::now() - started,
            std::chrono::seconds(10));

  // SIGTERM while waiting stops it cleanly.
  StartServer({}, /*until_serving=*/false);
  EXPECT_EQ(StopServer(SIGTERM), 0);

  StartServer({}, /*until_serving=*/false);
  using Health = grpc::health::v1::HealthCheckResponse;
  auto status = [&] {
    auto stub = grpc::health::v1::Health::NewStub(server_->Channel());
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() +
                     std::chrono::seconds(2));
    Health resp;
    grpc::Status s =
        stub->Check(&ctx, grpc::health::v1::HealthCheckRequest(), &resp);
    return s.ok() ? resp.status() : Health::UNKNOWN;
  };
  EXPECT_EQ(status(), Health::NOT_SERVING);
  v1::Complaint c;
  const grpc::Status waiting = Get(before.complaint().tracking_code(), &c);
  EXPECT_EQ(waiting.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(waiting.error_message(),
            "aduand is starting: its database is not reachable yet; retry");

  admin << "ALTER USER " << account << " ACCOUNT UNLOCK";
  const absl::Time until = absl::Now() + absl::Seconds(20);
  while (absl::Now() < until && status() != Health::SERVING) {
    absl::SleepFor(absl::Milliseconds(200));
  }
  ASSERT_EQ(status(), Health::SERVING);
  // The real server on the same port: everything as it was.
  auto channel = server_->Channel();
  intake_ = v1::IntakeService::NewStub(channel);
  complaints_ = v1::ComplaintService::NewStub(channel);
  admin_ = v1::AdminService::NewStub(channel);
  const grpc::Status s = Get(before.complaint().tracking_code(), &c);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(c.title(), before.complaint().title());
  v1::SubmitComplaintResponse after;
  EXPECT_TRUE(Submit("after-wait", ValidComplaint(), &after).ok());
  StopServer(SIGTERM);
  admin << "DROP USER " << account;
}

TEST_P(IntakeE2eTest, SigtermDuringLoadLosesNoAcknowledgedComplaint) {
  // Without the per-principal intake limit, so that the load is real load
  // and every refusal comes from the shutdown.
  StopServer(SIGTERM);
  StartServer({"--intake_rate_per_minute=0"});
  std::mutex mu;
  std::vector<std::string> acknowledged;
  std::vector<grpc::StatusCode> refused;
  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t) {
    clients.emplace_back([&, t] {
      auto stub = v1::IntakeService::NewStub(server_->Channel());
      for (int i = 0; !stop && i < 2000; ++i) {
        grpc::ClientContext ctx;
        testing::Authorize(ctx, officer_token_);
        ctx.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(5));
        v1::SubmitComplaintRequest req;
        req.set_request_id(absl::StrCat("load-", t, "-", i));
        *req.mutable_complaint() = ValidComplaint();
        v1::SubmitComplaintResponse resp;
        grpc::Status s = stub->SubmitComplaint(&ctx, req, &resp);
        std::lock_guard<std::mutex> lock(mu);
        if (s.ok()) {
          acknowledged.push_back(resp.complaint().tracking_code());
        } else {
          refused.push_back(s.error_code());
        }
      }
    });
  }
  // SIGTERM once the load is really running (more than 20 acknowledged),
  // however long a loaded machine takes to get there.
  const auto give_up =
      std::chrono::steady_clock::now() + std::chrono::seconds(30);
  for (;;) {
    {
      std::lock_guard<std::mutex> lock(mu);
      if (acknowledged.size() > 20) break;
    }
    if (std::chrono::steady_clock::now() > give_up) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const int status = server_->Stop(SIGTERM);
  stop = true;
  for (auto& c : clients) c.join();
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  ASSERT_GT(acknowledged.size(), 20u);
  for (grpc::StatusCode code : refused) {
    // Refused by a server that is going away, never for another reason.
    EXPECT_TRUE(code == grpc::StatusCode::UNAVAILABLE ||
                code == grpc::StatusCode::CANCELLED ||
                code == grpc::StatusCode::DEADLINE_EXCEEDED)
        << code;
  }
  StartServer();
  for (const std::string& code : acknowledged) {
    v1::Complaint got;
    ASSERT_TRUE(Get(code, &got).ok()) << code;
  }
  EXPECT_GE(Total(), static_cast<long long>(acknowledged.size()));
}

// What aduand creates is its own: the SQLite database and its -wal and -shm
// files (names, phone numbers), the blob folder (identity documents) and
// the key file are 0600, their folders 0700, whatever the umask it was
// started with.
TEST_P(IntakeE2eTest, StoredFilesAreTheServersOnly) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "SQLite files only";
  v1::SubmitComplaintResponse resp;
  ASSERT_TRUE(Submit("req-files", ValidComplaint(), &resp).ok());
  namespace fs = std::filesystem;
  auto mode = [&](const std::string& name) {
    std::error_code ec;
    const fs::perms p = fs::status(dir_ + "/" + name, ec).permissions();
    EXPECT_FALSE(ec) << name << ": " << ec.message();
    return static_cast<int>(p & fs::perms::mask);
  };
  for (const char* file : {"var/aduan.db", "var/aduan.db-wal",
                           "var/aduan.db-shm", "var/aduan.key"}) {
    EXPECT_EQ(mode(file), 0600) << file;
  }
  for (const char* folder : {"var", "var/blobs"}) {
    EXPECT_EQ(mode(folder), 0700) << folder;
  }
}

TEST_P(IntakeE2eTest, LogsCarryNoPersonalData) {
  v1::SubmitComplaintResponse resp;
  ASSERT_TRUE(Submit("req-log", ValidComplaint(), &resp).ok());
  v1::TrackComplaintResponse ignored;
  Track(resp.complaint().tracking_code(), "00000000", &ignored);
  StopServer(SIGTERM);
  const std::string log = server_->ReadLog();
  EXPECT_THAT(log, HasSubstr(resp.complaint().tracking_code()));
  EXPECT_FALSE(testing::HasSixteenDigitNumber(log));
  EXPECT_EQ(log.find("81234567890"), std::string::npos);
  EXPECT_EQ(log.find("siti@example.id"), std::string::npos);
  EXPECT_EQ(log.find(resp.pin()), std::string::npos);
  EXPECT_EQ(log.find(officer_token_), std::string::npos);
  EXPECT_EQ(log.find(admin_token_), std::string::npos);
  EXPECT_EQ(log.find("adn_"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, IntakeE2eTest,
                         ::testing::Values("sqlite", "mysql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace aduan
