// End to end: complete life cycles over gRPC, each step done with the token
// of the role that owns it, on SQLite and MariaDB.
#include <atomic>
#include <regex>
#include <set>
#include <thread>

#include "tests/e2e/workflow_fixture.h"

namespace aduan {
namespace {

using ::testing::HasSubstr;

class WorkflowE2eTest : public testing::WorkflowFixture {};

TEST_P(WorkflowE2eTest, VerifiedComplaintGoesThroughEveryStepToArchived) {
  auto [code, pin] = Submit();
  ASSERT_TRUE(Verify(code, v1::VerifyComplaintRequest::VERIFIED).ok());
  ASSERT_TRUE(Report(code).ok());
  ASSERT_TRUE(Dispose(code).ok());
  EXPECT_EQ(Get(code).unit_code(), "TRANTIB");
  EXPECT_TRUE(Get(code).service_sla().paused());
  EXPECT_FALSE(Get(code).resolution_sla().paused());
  ASSERT_TRUE(Start(code, unit_).ok());
  v1::AddFollowUpNoteRequest note;
  note.set_note("Patroli malam pertama");
  ASSERT_TRUE(Do(unit_, code, note, [&](auto* c, auto& r, auto* p) {
                return disposition_->AddFollowUpNote(c, r, p);
              }).ok());
  ASSERT_TRUE(Resolve(code).ok());
  v1::Complaint informed;
  ASSERT_TRUE(Inform(code, &informed).ok());
  EXPECT_EQ(informed.state(), v1::Complaint::INFORMED);
  EXPECT_EQ(informed.etag(), "v8");
  using T = v1::ComplaintEvent;
  EXPECT_EQ(Events(code), (std::vector<T::Type>{
                              T::SUBMITTED, T::VERIFIED, T::REPORTED_TO_HEAD,
                              T::DISPOSED, T::FOLLOW_UP_STARTED,
                              T::FOLLOW_UP_NOTE, T::RESOLVED, T::INFORMED}));
  v1::TrackComplaintRequest track;
  track.set_tracking_code(code);
  track.set_pin(pin);
  grpc::ClientContext ctx;
  v1::TrackComplaintResponse t;
  ASSERT_TRUE(intake_->TrackComplaint(&ctx, track, &t).ok());
  EXPECT_EQ(t.state(), v1::Complaint::INFORMED);
  EXPECT_EQ(t.timeline_size(), 7);  // the note changed no state

  // Step 7: the archive record, verified, holding no identity number.
  v1::Complaint archived;
  ASSERT_TRUE(Do(
                  officer_token_, code, v1::ArchiveComplaintRequest(),
                  [&](auto* c, auto& r, auto* p) {
                    return archive_->ArchiveComplaint(c, r, p);
                  },
                  &archived)
                  .ok());
  EXPECT_EQ(archived.state(), v1::Complaint::ARCHIVED);
  grpc::ClientContext gctx;
  testing::Authorize(gctx, officer_token_);
  v1::GetArchiveRequest get;
  get.set_tracking_code(code);
  v1::ArchiveRecord record;
  ASSERT_TRUE(archive_->GetArchive(&gctx, get, &record).ok());
  EXPECT_EQ(record.sha256().size(), 64u);
  EXPECT_THAT(record.document(), HasSubstr("\"attachments\":[]"));
  EXPECT_THAT(record.document(), HasSubstr("\"type\":\"ARCHIVED\""));
  EXPECT_EQ(record.document().find("3574045108900003"), std::string::npos);
  EXPECT_THAT(record.document(), HasSubstr("\"nik_index\":\""));
  grpc::ClientContext vctx;
  testing::Authorize(vctx, officer_token_);
  v1::VerifyArchiveRequest verify;
  verify.set_tracking_code(code);
  v1::VerifyArchiveResponse check;
  ASSERT_TRUE(archive_->VerifyArchive(&vctx, verify, &check).ok());
  EXPECT_TRUE(check.intact());
  EXPECT_TRUE(check.chain_intact());
  EXPECT_EQ(check.stored_sha256(), record.sha256());
  EXPECT_EQ(check.computed_sha256(), record.sha256());
  // A unit may not read the archive; nothing changes an archived complaint.
  grpc::ClientContext uctx;
  testing::Authorize(uctx, unit_);
  EXPECT_EQ(archive_->GetArchive(&uctx, get, &record).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Inform(code).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
}

using S = v1::Complaint;

TEST_P(WorkflowE2eTest, NeedsInfoIsSuppliedByTheCitizenThenHandledToArchive) {
  auto [code, pin] = Submit();
  ASSERT_TRUE(Verify(code, v1::VerifyComplaintRequest::NEEDS_INFO).ok());
  v1::SupplementComplaintRequest req;
  req.set_note("KK sudah dikirim lewat WhatsApp");
  req.set_pin("00000000" == pin ? "11111111" : "00000000");
  v1::Complaint out;
  grpc::Status wrong = Do("", code, req, [&](auto* c, auto& r, auto* p) {
    return intake_->SupplementComplaint(c, r, p);
  });
  EXPECT_EQ(wrong.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Get(code).state(), S::NEEDS_INFO);
  req.set_pin(pin);
  ASSERT_TRUE(Do(
                  "", code, req,
                  [&](auto* c, auto& r, auto* p) {
                    return intake_->SupplementComplaint(c, r, p);
                  },
                  &out)
                  .ok());
  EXPECT_EQ(out.state(), S::SUBMITTED);
  EXPECT_EQ(out.complainant().name(), "");  // the public view
  EXPECT_EQ(out.description(), "");
  EXPECT_EQ(Get(code).state(), S::SUBMITTED);
  // Supplied, it goes the whole way.
  ASSERT_TRUE(Verify(code, v1::VerifyComplaintRequest::VERIFIED).ok());
  ASSERT_TRUE(Report(code).ok());
  ASSERT_TRUE(Dispose(code).ok());
  ASSERT_TRUE(Start(code, unit_).ok());
  ASSERT_TRUE(Resolve(code).ok());
  ASSERT_TRUE(Inform(code).ok());
  EXPECT_EQ(ArchiveAndVerify(code).etag(), "v10");
  EXPECT_EQ(Path(code),
            (std::vector<S::State>{S::SUBMITTED, S::NEEDS_INFO, S::SUBMITTED,
                                   S::VERIFIED, S::REPORTED_TO_HEAD,
                                   S::DISPOSED, S::IN_FOLLOW_UP, S::RESOLVED,
                                   S::INFORMED, S::ARCHIVED}));
}

TEST_P(WorkflowE2eTest, NeedsInfoExpiresWhenTheServersTimePassesTheLimit) {
  auto [code, pin] = Submit();
  auto [supplied, pin2] = Submit();
  ASSERT_TRUE(Verify(code, v1::VerifyComplaintRequest::NEEDS_INFO).ok());
  ASSERT_TRUE(Verify(supplied, v1::VerifyComplaintRequest::NEEDS_INFO).ok());
  v1::SupplementComplaintRequest sup;
  sup.set_note("KK terlampir");
  ASSERT_TRUE(Do(officer_token_, supplied, sup, [&](auto* c, auto& r, auto* p) {
                return intake_->SupplementComplaint(c, r, p);
              }).ok());
  // Kanigaran's limit is 10 working days; 30 calendar days are past it
  // whatever the day of the week and the holidays.
  MoveClock(absl::Hours(24 * 30));
  v1::Complaint c;
  for (int i = 0; i < 100; ++i) {
    c = Get(code);
    if (c.state() != S::NEEDS_INFO) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(c.state(), S::REJECTED);
  EXPECT_EQ(c.etag(), "v3");
  grpc::ClientContext ctx;
  testing::Authorize(ctx, officer_token_);
  v1::ListComplaintEventsRequest list;
  list.set_tracking_code(code);
  v1::ListComplaintEventsResponse events;
  ASSERT_TRUE(complaints_->ListComplaintEvents(&ctx, list, &events).ok());
  ASSERT_EQ(events.events_size(), 3);
  const v1::ComplaintEvent& expired = events.events(2);
  EXPECT_EQ(expired.type(), v1::ComplaintEvent::EXPIRED);
  EXPECT_EQ(expired.from_state(), S::NEEDS_INFO);
  EXPECT_EQ(expired.actor(), "system");
  EXPECT_THAT(expired.note(), HasSubstr("10 hari kerja"));
  // The supplied one is not touched; the citizen can no longer supplement.
  EXPECT_EQ(Get(supplied).state(), S::SUBMITTED);
  EXPECT_EQ(Get(supplied).etag(), "v3");
  sup.set_pin(pin);
  EXPECT_EQ(Do("", code, sup,
               [&](auto* c, auto& r, auto* p) {
                 return intake_->SupplementComplaint(c, r, p);
               })
                .error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  // The complainant is told, and it is archived.
  ASSERT_TRUE(Inform(code).ok());
  ArchiveAndVerify(code);
  EXPECT_EQ(Path(code),
            (std::vector<S::State>{S::SUBMITTED, S::NEEDS_INFO, S::REJECTED,
                                   S::INFORMED, S::ARCHIVED}));
}

TEST_P(WorkflowE2eTest, ClosedAtVerificationThenInformedAndArchived) {
  for (auto outcome : {v1::VerifyComplaintRequest::REJECTED,
                       v1::VerifyComplaintRequest::OUT_OF_SCOPE}) {
    auto [code, pin] = Submit();
    ASSERT_TRUE(Verify(code, outcome).ok());
    EXPECT_TRUE(Get(code).service_sla().paused());
    // Closed: no report to the head, no withdrawal.
    EXPECT_EQ(Report(code).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    ASSERT_TRUE(Inform(code).ok());
    EXPECT_EQ(Get(code).state(), S::INFORMED);
    ArchiveAndVerify(code);
    const S::State closed = outcome == v1::VerifyComplaintRequest::REJECTED
                                ? S::REJECTED
                                : S::OUT_OF_SCOPE;
    EXPECT_EQ(Path(code), (std::vector<S::State>{S::SUBMITTED, closed,
                                                 S::INFORMED, S::ARCHIVED}));
  }
}

TEST_P(WorkflowE2eTest, DuplicateOfAnExistingComplaintIsInformedAndArchived) {
  auto [original, p1] = Submit();
  auto [dup, p2] = Submit();
  v1::VerifyComplaintRequest req;
  req.set_outcome(v1::VerifyComplaintRequest::DUPLICATE);
  for (const std::string& bad : {std::string("KNG-00000000"), dup}) {
    req.set_duplicate_of(bad);
    grpc::Status s =
        Do(officer_token_, dup, req, [&](auto* c, auto& r, auto* p) {
          return verification_->VerifyComplaint(c, r, p);
        });
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << bad;
    EXPECT_THAT(s.error_message(), HasSubstr("duplicate_of"));
  }
  EXPECT_EQ(Get(dup).etag(), "v1");
  req.set_duplicate_of(original);
  ASSERT_TRUE(Do(officer_token_, dup, req, [&](auto* c, auto& r, auto* p) {
                return verification_->VerifyComplaint(c, r, p);
              }).ok());
  EXPECT_EQ(Get(dup).state(), S::DUPLICATE);
  EXPECT_EQ(Get(original).state(), S::SUBMITTED);  // the original goes on
  ASSERT_TRUE(Inform(dup).ok());
  ArchiveAndVerify(dup);
  EXPECT_EQ(Path(dup), (std::vector<S::State>{S::SUBMITTED, S::DUPLICATE,
                                              S::INFORMED, S::ARCHIVED}));
}

// The archive keeps the complainant; an auditor reading the record of a
// complaint made anonymous after intake gets it without the complainant,
// marked redacted, with the stored digest; staff read it whole.
TEST_P(WorkflowE2eTest, AuditorReadsAnonymousArchiveWithoutTheComplainant) {
  const std::string auditor = CreateUser("pemeriksa", v1::RoleBinding::AUDITOR);
  auto archive = [&](bool anonymous) {
    auto [code, pin] = Submit();
    if (anonymous) RaiseAnonymous(code);
    EXPECT_TRUE(Do(officer_token_, code, v1::WithdrawComplaintRequest(),
                   [&](auto* c, auto& r, auto* p) {
                     return intake_->WithdrawComplaint(c, r, p);
                   })
                    .ok());
    ArchiveAndVerify(code);
    return code;
  };
  auto read = [&](const std::string& token, const std::string& code) {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, token);
    v1::GetArchiveRequest req;
    req.set_tracking_code(code);
    v1::ArchiveRecord record;
    grpc::Status s = archive_->GetArchive(&ctx, req, &record);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return record;
  };
  const std::string hidden = archive(true);
  const v1::ArchiveRecord staff = read(officer_token_, hidden);
  EXPECT_FALSE(staff.redacted());
  EXPECT_THAT(staff.document(), HasSubstr("\"name\":\"Wati\""));
  EXPECT_GT(staff.office_seq(), 0);
  EXPECT_EQ(staff.prev_sha256().size(), 64u);
  EXPECT_EQ(staff.hmac().size(), 64u);
  const v1::ArchiveRecord audited = read(auditor, hidden);
  EXPECT_TRUE(audited.redacted());
  EXPECT_EQ(audited.document().find("Wati"), std::string::npos);
  EXPECT_EQ(audited.document().find("081298765432"), std::string::npos);
  EXPECT_THAT(audited.document(),
              HasSubstr("\"complainant\":{\"redacted\":true}"));
  EXPECT_THAT(audited.document(),
              HasSubstr("\"title\":\"Keributan malam hari\""));
  EXPECT_EQ(audited.sha256(), staff.sha256());
  {
    // The auditor's check runs on the stored document.
    grpc::ClientContext ctx;
    testing::Authorize(ctx, auditor);
    v1::VerifyArchiveRequest req;
    req.set_tracking_code(hidden);
    v1::VerifyArchiveResponse check;
    ASSERT_TRUE(archive_->VerifyArchive(&ctx, req, &check).ok());
    EXPECT_TRUE(check.intact());
    EXPECT_FALSE(check.record_missing());
  }
  // A complaint that is not anonymous: the auditor reads it whole.
  const std::string open = archive(false);
  const v1::ArchiveRecord plain = read(auditor, open);
  EXPECT_FALSE(plain.redacted());
  EXPECT_THAT(plain.document(), HasSubstr("\"name\":\"Wati\""));
}

// The unit a complaint is disposed to sees the name and phone it calls back
// on, never NIK, KK, e-mail or address; of an anonymous complaint nothing.
TEST_P(WorkflowE2eTest, UnitSeesNameAndPhoneOnlyAndNothingWhenAnonymous) {
  auto dispose = [&](const std::string& code) {
    ASSERT_TRUE(Verify(code, v1::VerifyComplaintRequest::VERIFIED).ok());
    ASSERT_TRUE(Report(code).ok());
    ASSERT_TRUE(Dispose(code).ok());
  };
  auto [named, pin1] = Submit();
  dispose(named);
  const v1::Complaint seen = GetAs(unit_, named);
  EXPECT_EQ(seen.complainant().name(), "Wati");
  EXPECT_EQ(seen.complainant().phone(), "+6281298765432");
  EXPECT_EQ(seen.complainant().nik(), "");
  EXPECT_EQ(seen.complainant().kk_number(), "");
  EXPECT_EQ(seen.complainant().email(), "");
  EXPECT_EQ(seen.complainant().address(), "");
  EXPECT_TRUE(seen.complainant().masked());
  // FULL is not for units.
  grpc::ClientContext ctx;
  testing::Authorize(ctx, unit_);
  v1::GetComplaintRequest full;
  full.set_tracking_code(named);
  full.set_view(v1::GetComplaintRequest::FULL);
  full.set_access_reason("ingin tahu");
  v1::Complaint ignored;
  EXPECT_EQ(complaints_->GetComplaint(&ctx, full, &ignored).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);

  auto [hidden, pin2] = Submit();
  RaiseAnonymous(hidden);
  dispose(hidden);
  const v1::Complaint anonymous = GetAs(unit_, hidden);
  EXPECT_EQ(anonymous.complainant().name(), "");
  EXPECT_EQ(anonymous.complainant().phone(), "");
  EXPECT_TRUE(anonymous.complainant().masked());
}

TEST_P(WorkflowE2eTest, DeclinedByTheHeadThenInformedAndArchived) {
  for (auto outcome : {v1::DeclineComplaintRequest::OUT_OF_SCOPE,
                       v1::DeclineComplaintRequest::REJECTED}) {
    auto [code, pin] = Submit();
    ASSERT_TRUE(Verify(code, v1::VerifyComplaintRequest::VERIFIED).ok());
    ASSERT_TRUE(Report(code).ok());
    v1::DeclineComplaintRequest req;
    req.set_outcome(outcome);
    req.set_reason("Kewenangan Dinas PUPR");
    req.set_referred_to("Dinas PUPR Kota Probolinggo");
    // Only the head declines.
    EXPECT_EQ(Do(secretary_, code, req,
                 [&](auto* c, auto& r, auto* p) {
                   return disposition_->DeclineComplaint(c, r, p);
                 })
                  .error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
    ASSERT_TRUE(Do(head_, code, req, [&](auto* c, auto& r, auto* p) {
                  return disposition_->DeclineComplaint(c, r, p);
                }).ok());
    const S::State closed = outcome == v1::DeclineComplaintRequest::REJECTED
                                ? S::REJECTED
                                : S::OUT_OF_SCOPE;
    EXPECT_EQ(Get(code).state(), closed);
    ASSERT_TRUE(Inform(code).ok());
    ArchiveAndVerify(code);
    EXPECT_EQ(Path(code), (std::vector<S::State>{S::SUBMITTED, S::VERIFIED,
                                                 S::REPORTED_TO_HEAD, closed,
                                                 S::INFORMED, S::ARCHIVED}));
  }
}

TEST_P(WorkflowE2eTest, ReturnedByTheUnitAndSentBackForReworkThenArchived) {
  auto [code, pin] = Submit();
  ASSERT_TRUE(Verify(code, v1::VerifyComplaintRequest::VERIFIED).ok());
  ASSERT_TRUE(Report(code).ok());
  ASSERT_TRUE(Dispose(code, "KESOS").ok());
  // Another unit sees nothing.
  EXPECT_EQ(Start(code, unit_).error_code(), grpc::StatusCode::NOT_FOUND);
  v1::ReturnDispositionRequest back;
  back.set_reason("Bukan bidang kesejahteraan sosial");
  ASSERT_TRUE(Do(other_unit_, code, back, [&](auto* c, auto& r, auto* p) {
                return disposition_->ReturnDisposition(c, r, p);
              }).ok());
  v1::Complaint c = Get(code);
  EXPECT_EQ(c.state(), S::REPORTED_TO_HEAD);
  EXPECT_EQ(c.unit_code(), "");
  EXPECT_FALSE(c.service_sla().paused());  // the service clock resumes
  // The returning unit has lost it.
  EXPECT_EQ(Start(code, other_unit_).error_code(), grpc::StatusCode::NOT_FOUND);
  ASSERT_TRUE(Dispose(code).ok());
  ASSERT_TRUE(Start(code, unit_).ok());
  ASSERT_TRUE(Resolve(code).ok());
  v1::ReturnForReworkRequest rework;
  rework.set_reason("Lengkapi foto hasil");
  ASSERT_TRUE(Do(head_, code, rework, [&](auto* c, auto& r, auto* p) {
                return disposition_->ReturnForRework(c, r, p);
              }).ok());
  EXPECT_EQ(Get(code).state(), S::DISPOSED);
  EXPECT_EQ(Get(code).unit_code(), "TRANTIB");
  ASSERT_TRUE(Start(code, unit_).ok());
  ASSERT_TRUE(Resolve(code).ok());
  ASSERT_TRUE(Inform(code).ok());
  ArchiveAndVerify(code);
  EXPECT_EQ(Path(code),
            (std::vector<S::State>{
                S::SUBMITTED, S::VERIFIED, S::REPORTED_TO_HEAD, S::DISPOSED,
                S::REPORTED_TO_HEAD, S::DISPOSED, S::IN_FOLLOW_UP, S::RESOLVED,
                S::DISPOSED, S::IN_FOLLOW_UP, S::RESOLVED, S::INFORMED,
                S::ARCHIVED}));
}

TEST_P(WorkflowE2eTest, WithdrawnByTheCitizenGatewayOrOfficerThenArchived) {
  auto [code, pin] = Submit();
  v1::WithdrawComplaintRequest req;
  req.set_reason("Sudah selesai sendiri");
  req.set_pin(pin);
  v1::Complaint out;
  ASSERT_TRUE(Do(
                  "", code, req,
                  [&](auto* c, auto& r, auto* p) {
                    return intake_->WithdrawComplaint(c, r, p);
                  },
                  &out)
                  .ok());
  EXPECT_EQ(out.state(), S::WITHDRAWN);
  auto [web, web_pin] = Submit(gateway_);
  v1::WithdrawComplaintRequest by_gateway;
  ASSERT_TRUE(Do(gateway_, web, by_gateway, [&](auto* c, auto& r, auto* p) {
                return intake_->WithdrawComplaint(c, r, p);
              }).ok());
  EXPECT_EQ(Get(web).state(), S::WITHDRAWN);
  // A gateway cannot withdraw what another channel submitted.
  auto [office_one, pin3] = Submit();
  EXPECT_EQ(Do(gateway_, office_one, by_gateway,
               [&](auto* c, auto& r, auto* p) {
                 return intake_->WithdrawComplaint(c, r, p);
               })
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
  // The officer withdraws on the citizen's behalf, late in the workflow.
  ASSERT_TRUE(Verify(office_one, v1::VerifyComplaintRequest::VERIFIED).ok());
  ASSERT_TRUE(Report(office_one).ok());
  ASSERT_TRUE(Dispose(office_one).ok());
  ASSERT_TRUE(Start(office_one, unit_).ok());
  v1::WithdrawComplaintRequest by_officer;
  by_officer.set_reason("Pelapor mencabut lewat telepon");
  ASSERT_TRUE(Do(officer_token_, office_one, by_officer,
                 [&](auto* c, auto& r, auto* p) {
                   return intake_->WithdrawComplaint(c, r, p);
                 })
                  .ok());
  EXPECT_EQ(Get(office_one).state(), S::WITHDRAWN);
  EXPECT_TRUE(Get(office_one).resolution_sla().paused());
  // Nothing after withdrawal but archiving.
  EXPECT_EQ(Verify(code, v1::VerifyComplaintRequest::VERIFIED).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Inform(code).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  for (const std::string& c : {code, web, office_one}) ArchiveAndVerify(c);
  EXPECT_EQ(Path(code),
            (std::vector<S::State>{S::SUBMITTED, S::WITHDRAWN, S::ARCHIVED}));
  EXPECT_EQ(Path(office_one),
            (std::vector<S::State>{
                S::SUBMITTED, S::VERIFIED, S::REPORTED_TO_HEAD, S::DISPOSED,
                S::IN_FOLLOW_UP, S::WITHDRAWN, S::ARCHIVED}));
}

TEST_P(WorkflowE2eTest, WrongRoleStateAndEtagAreRefusedAndChangeNothing) {
  auto [code, pin] = Submit();
  // The secretary cannot verify; the head cannot report.
  v1::VerifyComplaintRequest verify;
  verify.set_outcome(v1::VerifyComplaintRequest::VERIFIED);
  EXPECT_EQ(Do(secretary_, code, verify,
               [&](auto* c, auto& r, auto* p) {
                 return verification_->VerifyComplaint(c, r, p);
               })
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  grpc::Status early = Report(code);
  EXPECT_EQ(early.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(early.error_message(), HasSubstr("SUBMITTED"));
  verify.set_etag("v5");
  grpc::Status stale =
      Do(officer_token_, code, verify, [&](auto* c, auto& r, auto* p) {
        return verification_->VerifyComplaint(c, r, p);
      });
  EXPECT_EQ(stale.error_code(), grpc::StatusCode::ABORTED);
  v1::VerifyComplaintRequest no_outcome;
  EXPECT_EQ(Do(officer_token_, code, no_outcome,
               [&](auto* c, auto& r, auto* p) {
                 return verification_->VerifyComplaint(c, r, p);
               })
                .error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Get(code).etag(), "v1");
  EXPECT_EQ(Events(code).size(), 1u);
}

TEST_P(WorkflowE2eTest, ConcurrentStepsOnOneComplaintExactlyOneWins) {
  auto [code, pin] = Submit();
  constexpr int kClients = 6;
  std::vector<grpc::StatusCode> codes(kClients);
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      auto stub = v1::VerificationService::NewStub(server_->Channel());
      grpc::ClientContext ctx;
      testing::Authorize(ctx, officer_token_);
      v1::VerifyComplaintRequest req;
      req.set_request_id("race-" + std::to_string(i));
      req.set_tracking_code(code);
      req.set_outcome(v1::VerifyComplaintRequest::VERIFIED);
      v1::Complaint resp;
      codes[i] = stub->VerifyComplaint(&ctx, req, &resp).error_code();
    });
  }
  for (auto& t : threads) t.join();
  int ok = 0, refused = 0;
  for (auto c : codes) {
    ok += c == grpc::StatusCode::OK;
    refused += c == grpc::StatusCode::FAILED_PRECONDITION;
  }
  EXPECT_EQ(ok, 1);
  EXPECT_EQ(refused, kClients - 1);
  EXPECT_EQ(Get(code).etag(), "v2");
}

TEST_P(WorkflowE2eTest, ReissuedPinReplacesTheOldOne) {
  auto [code, pin] = Submit();
  grpc::ClientContext ctx;
  testing::Authorize(ctx, officer_token_);
  v1::ReissuePinRequest req;
  req.set_request_id("reissue-1");
  req.set_tracking_code(code);
  v1::ReissuePinResponse resp;
  ASSERT_TRUE(intake_->ReissuePin(&ctx, req, &resp).ok());
  EXPECT_NE(resp.pin(), pin);
  for (const auto& [p, want] : {std::pair{pin, grpc::StatusCode::NOT_FOUND},
                                std::pair{resp.pin(), grpc::StatusCode::OK}}) {
    grpc::ClientContext t;
    v1::TrackComplaintRequest track;
    track.set_tracking_code(code);
    track.set_pin(p);
    v1::TrackComplaintResponse out;
    EXPECT_EQ(intake_->TrackComplaint(&t, track, &out).error_code(), want);
  }
}

TEST_P(WorkflowE2eTest, UpdateCorrectsBeforeDispositionAndOnlyRaisesFlags) {
  auto [code, pin] = Submit();
  auto update = [&](std::function<void(v1::UpdateComplaintRequest&)> fill,
                    v1::Complaint* out = nullptr) {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, officer_token_);
    v1::UpdateComplaintRequest req;
    req.set_request_id("upd-" + std::to_string(++n_));
    req.mutable_complaint()->set_tracking_code(code);
    fill(req);
    v1::Complaint resp;
    grpc::Status s = intake_->UpdateComplaint(&ctx, req, &resp);
    if (out != nullptr) *out = resp;
    return s;
  };
  v1::Complaint updated;
  ASSERT_TRUE(update(
                  [](auto& r) {
                    r.mutable_complaint()->set_title("Keributan di gang 5");
                    r.mutable_complaint()->mutable_complainant()->set_kk_number(
                        "3574040101150004");
                    r.mutable_update_mask()->add_paths("title");
                    r.mutable_update_mask()->add_paths("complainant.kk_number");
                  },
                  &updated)
                  .ok());
  EXPECT_EQ(updated.title(), "Keributan di gang 5");
  EXPECT_EQ(updated.complainant().kk_number(), "3574**********04");
  EXPECT_EQ(updated.complainant().name(), "Wati");  // untouched
  EXPECT_EQ(Events(code).back(), v1::ComplaintEvent::UPDATED);
  // A field set outside the mask, an invalid value, an unknown path.
  grpc::Status s = update([](auto& r) {
    r.mutable_complaint()->set_title("x");
    r.mutable_complaint()->set_description("y");
    r.mutable_update_mask()->add_paths("title");
  });
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("update_mask"));
  s = update([](auto& r) {
    r.mutable_complaint()->mutable_complainant()->set_nik("123");
    r.mutable_update_mask()->add_paths("complainant.nik");
  });
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("complaint.complainant.nik"));
  EXPECT_EQ(update([](auto& r) {
              r.mutable_update_mask()->add_paths("state");
            }).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  // Flags: raised, never lowered.
  ASSERT_TRUE(update([](auto& r) {
                r.mutable_complaint()->set_anonymous(true);
                r.mutable_update_mask()->add_paths("anonymous");
              }).ok());
  s = update([](auto& r) {
    r.mutable_complaint()->set_anonymous(false);
    r.mutable_update_mask()->add_paths("anonymous");
  });
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("never lowered"));
  ASSERT_TRUE(update([](auto& r) {
                r.mutable_complaint()->set_confidential(true);
                r.mutable_update_mask()->add_paths("confidential");
              }).ok());
  s = update([](auto& r) {
    r.mutable_complaint()->set_confidential(false);
    r.mutable_update_mask()->add_paths("confidential");
  });
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(),
            "complaint.confidential: can be raised, never lowered");
  EXPECT_TRUE(Get(code).confidential());
  // After disposition only the flags.
  ASSERT_TRUE(Verify(code, v1::VerifyComplaintRequest::VERIFIED).ok());
  ASSERT_TRUE(Report(code).ok());
  ASSERT_TRUE(Dispose(code).ok());
  s = update([](auto& r) {
    r.mutable_complaint()->set_title("Terlambat");
    r.mutable_update_mask()->add_paths("title");
  });
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(s.error_message(), HasSubstr("DISPOSED"));
  ASSERT_TRUE(update([](auto& r) {
                r.mutable_complaint()->set_confidential(true);
                r.mutable_update_mask()->add_paths("confidential");
              }).ok());
  EXPECT_TRUE(Get(code).confidential());
  EXPECT_EQ(Get(code).title(), "Keributan di gang 5");
}

TEST_P(WorkflowE2eTest, TwoServerProcessesRacingKeepEveryHistoryLegal) {
  // A second aduand on the same database.
  testing::ServerProcess second(dir_, args_);
  ASSERT_TRUE(second.Start());
  std::vector<std::string> codes;
  for (int i = 0; i < 4; ++i) codes.push_back(Submit().first);
  struct Step {
    std::string token;
    std::function<grpc::Status(grpc::Channel&, const std::string&,
                               const std::string&, const std::string&)>
        call;
  };
  const std::vector<Step> steps = {
      {officer_token_,
       [](grpc::Channel& ch, const std::string& t, const std::string& code,
          const std::string& id) {
         grpc::ClientContext ctx;
         testing::Authorize(ctx, t);
         v1::VerifyComplaintRequest r;
         r.set_request_id(id);
         r.set_tracking_code(code);
         r.set_outcome(v1::VerifyComplaintRequest::VERIFIED);
         v1::Complaint out;
         return v1::VerificationService::NewStub(
                    std::shared_ptr<grpc::Channel>(&ch, [](auto*) {}))
             ->VerifyComplaint(&ctx, r, &out);
       }},
      {secretary_,
       [](grpc::Channel& ch, const std::string& t, const std::string& code,
          const std::string& id) {
         grpc::ClientContext ctx;
         testing::Authorize(ctx, t);
         v1::ReportToHeadRequest r;
         r.set_request_id(id);
         r.set_tracking_code(code);
         v1::Complaint out;
         return v1::VerificationService::NewStub(
                    std::shared_ptr<grpc::Channel>(&ch, [](auto*) {}))
             ->ReportToHead(&ctx, r, &out);
       }},
      {head_,
       [](grpc::Channel& ch, const std::string& t, const std::string& code,
          const std::string& id) {
         grpc::ClientContext ctx;
         testing::Authorize(ctx, t);
         v1::DisposeComplaintRequest r;
         r.set_request_id(id);
         r.set_tracking_code(code);
         r.set_unit_code("TRANTIB");
         r.set_instruction("Tindak lanjuti");
         v1::Complaint out;
         return v1::DispositionService::NewStub(
                    std::shared_ptr<grpc::Channel>(&ch, [](auto*) {}))
             ->DisposeComplaint(&ctx, r, &out);
       }},
      {unit_,
       [](grpc::Channel& ch, const std::string& t, const std::string& code,
          const std::string& id) {
         grpc::ClientContext ctx;
         testing::Authorize(ctx, t);
         v1::StartFollowUpRequest r;
         r.set_request_id(id);
         r.set_tracking_code(code);
         v1::Complaint out;
         return v1::DispositionService::NewStub(
                    std::shared_ptr<grpc::Channel>(&ch, [](auto*) {}))
             ->StartFollowUp(&ctx, r, &out);
       }},
      {unit_,
       [](grpc::Channel& ch, const std::string& t, const std::string& code,
          const std::string& id) {
         grpc::ClientContext ctx;
         testing::Authorize(ctx, t);
         v1::ResolveComplaintRequest r;
         r.set_request_id(id);
         r.set_tracking_code(code);
         r.set_result("Selesai");
         v1::Complaint out;
         return v1::DispositionService::NewStub(
                    std::shared_ptr<grpc::Channel>(&ch, [](auto*) {}))
             ->ResolveComplaint(&ctx, r, &out);
       }},
      {officer_token_,
       [](grpc::Channel& ch, const std::string& t, const std::string& code,
          const std::string& id) {
         grpc::ClientContext ctx;
         testing::Authorize(ctx, t);
         v1::InformComplainantRequest r;
         r.set_request_id(id);
         r.set_tracking_code(code);
         r.set_method(v1::InformComplainantRequest::PHONE);
         r.set_message("Selesai");
         v1::Complaint out;
         return v1::ArchiveService::NewStub(
                    std::shared_ptr<grpc::Channel>(&ch, [](auto*) {}))
             ->InformComplainant(&ctx, r, &out);
       }},
      {officer_token_,
       [](grpc::Channel& ch, const std::string& t, const std::string& code,
          const std::string& id) {
         grpc::ClientContext ctx;
         testing::Authorize(ctx, t);
         v1::ArchiveComplaintRequest r;
         r.set_request_id(id);
         r.set_tracking_code(code);
         v1::Complaint out;
         return v1::ArchiveService::NewStub(
                    std::shared_ptr<grpc::Channel>(&ch, [](auto*) {}))
             ->ArchiveComplaint(&ctx, r, &out);
       }},
  };
  std::atomic<int> unexpected{0};
  std::atomic<int> acknowledged{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      auto channel = t % 2 == 0 ? server_->Channel() : second.Channel();
      for (const std::string& code : codes) {
        for (size_t s = 0; s < steps.size(); ++s) {
          const std::string id =
              "p" + std::to_string(t) + "-" + code + "-" + std::to_string(s);
          grpc::Status st = steps[s].call(*channel, steps[s].token, code, id);
          if (st.ok()) ++acknowledged;
          if (!st.ok() &&
              st.error_code() != grpc::StatusCode::FAILED_PRECONDITION &&
              st.error_code() != grpc::StatusCode::ABORTED) {
            ++unexpected;
            ADD_FAILURE() << st.error_code() << " " << st.error_message();
          }
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(unexpected.load(), 0);
  int steps_in_history = 0;
  for (const std::string& code : codes) {
    grpc::ClientContext ctx;
    testing::Authorize(ctx, officer_token_);
    v1::ListComplaintEventsRequest req;
    req.set_tracking_code(code);
    v1::ListComplaintEventsResponse resp;
    ASSERT_TRUE(complaints_->ListComplaintEvents(&ctx, req, &resp).ok());
    // Versions 1, 2, 3, … without gaps; each event starts where the last
    // ended and is a legal step (a racing head may re-dispose).
    using S = v1::Complaint;
    const std::set<std::pair<int, int>> legal = {
        {S::STATE_UNSPECIFIED, S::SUBMITTED},
        {S::SUBMITTED, S::VERIFIED},
        {S::VERIFIED, S::REPORTED_TO_HEAD},
        {S::REPORTED_TO_HEAD, S::DISPOSED},
        {S::DISPOSED, S::DISPOSED},
        {S::IN_FOLLOW_UP, S::DISPOSED},
        {S::DISPOSED, S::IN_FOLLOW_UP},
        {S::IN_FOLLOW_UP, S::RESOLVED},
        {S::RESOLVED, S::INFORMED},
        {S::INFORMED, S::ARCHIVED}};
    ASSERT_GE(resp.events_size(), 8) << code;
    for (int i = 0; i < resp.events_size(); ++i) {
      const auto& e = resp.events(i);
      EXPECT_EQ(e.version(), i + 1);
      EXPECT_TRUE(legal.count({e.from_state(), e.to_state()}))
          << code << " event " << i + 1;
      if (i > 0) {
        EXPECT_EQ(e.from_state(), resp.events(i - 1).to_state());
      }
    }
    EXPECT_EQ(resp.events(resp.events_size() - 1).to_state(), S::ARCHIVED);
    // The stored version is the number of events: no write went in without
    // its event, none was lost.
    EXPECT_EQ(Get(code).etag(), "v" + std::to_string(resp.events_size()));
    steps_in_history += resp.events_size() - 1;  // all but SUBMITTED
  }
  // Every acknowledged step is in a history, and nothing else is.
  EXPECT_EQ(steps_in_history, acknowledged.load());
  second.Stop(SIGKILL);
}

TEST_P(WorkflowE2eTest, DueTimesOutsideReasonAreRefused) {
  const std::string code = Submit().first;
  ASSERT_TRUE(Verify(code, v1::VerifyComplaintRequest::VERIFIED).ok());
  ASSERT_TRUE(Report(code).ok());
  auto dispose = [&](int64_t seconds) {
    v1::DisposeComplaintRequest req;
    req.set_unit_code("TRANTIB");
    req.set_instruction("Tindak lanjuti");
    req.mutable_due_time()->set_seconds(seconds);
    return Do(head_, code, req, [&](auto* c, auto& r, auto* p) {
      return disposition_->DisposeComplaint(c, r, p);
    });
  };
  grpc::Status far = dispose(4070908800);  // 2099-01-01
  EXPECT_EQ(far.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(far.error_message(), "due_time: must be within a year");
  grpc::Status invalid = dispose(int64_t{1} << 60);
  EXPECT_EQ(invalid.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(invalid.error_message(),
            "due_time: not a valid timestamp (years 1 to 9999)");
  // Nothing changed, and the complaint still reads and lists.
  const v1::Complaint c = Get(code);
  EXPECT_EQ(c.state(), v1::Complaint::REPORTED_TO_HEAD);
  EXPECT_EQ(c.etag(), "v3");
}

INSTANTIATE_TEST_SUITE_P(Backends, WorkflowE2eTest,
                         ::testing::Values("sqlite", "mysql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace aduan
