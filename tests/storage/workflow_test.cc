// The workflow on real storage (SQLite and MariaDB) with a clock the test
// moves: SLA clocks in office working hours, pauses and resumes, breaches,
// the NEEDS_INFO expiry, and two writers racing on one complaint.
#include <soci/soci.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/clock.h"
#include "common/crypto.h"
#include "db/database.h"
#include "db/file_blob_store.h"
#include "db/migrator.h"
#include "db/seeder.h"
#include "db/soci_complaint_repository.h"
#include "db/soci_office_repository.h"
#include "server/domain/complaint_archive.h"
#include "server/domain/complaint_documents.h"
#include "server/domain/complaint_intake.h"
#include "server/domain/complaint_workflow.h"
#include "server/domain/state_machine.h"
#include "tests/test_documents.h"
#include "tests/test_util.h"

namespace aduan::domain {
namespace {

using ::aduan::testing::StatusIs;

absl::Time Deadline() { return absl::Now() + absl::Seconds(30); }

Principal Staff(const std::string& name, Role role,
                const std::string& unit = "") {
  Principal p;
  p.id = "p_" + name;
  p.name = name;
  p.authenticated = true;
  p.bindings = {{role, "KNG", unit, ""}};
  return p;
}

VerifyInput Verified() {
  VerifyInput v;
  v.outcome = model::State::kVerified;
  return v;
}

// The real repository, whose PIN counter can be made to fail as a lost
// database does (it records the deadline each count was given), and which
// can hand the archive builder a history missing its first event.
class PinCounterThatFails : public db::SociComplaintRepository {
 public:
  using db::SociComplaintRepository::SociComplaintRepository;
  absl::StatusOr<int> CountPinAttempt(absl::Time deadline,
                                      const std::string& tracking_code,
                                      absl::Time now,
                                      absl::Duration window) override {
    last_deadline = deadline;
    if (down) return absl::UnavailableError("database unavailable; retry");
    return db::SociComplaintRepository::CountPinAttempt(deadline, tracking_code,
                                                        now, window);
  }
  absl::StatusOr<model::UpdateOutcome> ArchiveWithEvent(
      absl::Time deadline, const model::ComplaintRecord& complaint,
      long long expected_version, const model::EventRecord& event,
      const std::optional<model::RequestRecord>& request,
      const ArchiveBuilder& build) override {
    if (!drop_an_event) {
      return db::SociComplaintRepository::ArchiveWithEvent(
          deadline, complaint, expected_version, event, request, build);
    }
    return db::SociComplaintRepository::ArchiveWithEvent(
        deadline, complaint, expected_version, event, request,
        [&](const std::string& prev, long long seq,
            std::vector<model::EventRecord> events) {
          events.erase(events.begin());
          return build(prev, seq, events);
        });
  }
  bool down = false;
  bool drop_an_event = false;
  absl::Time last_deadline;
};

class WorkflowTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(absl::LoadTimeZone("Asia/Jakarta", &wib_));
    if (GetParam() == "sqlite") {
      dir_ = aduan::testing::MakeTempDir("aduan-flow");
      url_ = absl::StrCat("sqlite://", dir_, "/aduan.db");
    } else {
      url_ = aduan::testing::FreshMysqlDatabaseUrl();
      if (url_.empty()) GTEST_SKIP() << "ADUAN_TEST_MYSQL_URL not set";
    }
    db_ = Open(4);
    ASSERT_TRUE(db::Migrator(*db_).Migrate().ok());
    offices_ = std::make_unique<db::SociOfficeRepository>(*db_);
    complaints_ = std::make_unique<PinCounterThatFails>(*db_, cipher_);
    ASSERT_TRUE(db::SeedKanigaran(*offices_, absl::Now()).ok());
    directory_ = std::make_unique<OfficeDirectory>(*offices_, clock_);
    intake_ = std::make_unique<ComplaintIntake>(*complaints_, *directory_,
                                                pins_, clock_);
    blob_dir_ = aduan::testing::MakeTempDir("aduan-flow-blobs");
    blobs_ = db::FileBlobStore::Open(
                 blob_dir_, BlobCipher::Create(std::string(32, 'b')).value())
                 .value();
    archive_ = std::make_unique<ComplaintArchive>(
        *complaints_, *blobs_, cipher_, std::string(32, 'a'));
    flow_ = std::make_unique<ComplaintWorkflow>(*complaints_, *directory_,
                                                pins_, clock_, archive_.get());
  }
  void TearDown() override {
    flow_.reset();
    archive_.reset();
    intake_.reset();
    directory_.reset();
    complaints_.reset();
    offices_.reset();
    db_.reset();
    blobs_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
    if (!blob_dir_.empty()) std::filesystem::remove_all(blob_dir_);
  }
  std::unique_ptr<db::Database> Open(int pool) {
    db::DatabaseOptions o;
    o.url = url_;
    o.pool_size = pool;
    auto db = db::Database::Open(o);
    EXPECT_TRUE(db.ok()) << db.status();
    return db.ok() ? std::move(*db) : nullptr;
  }
  absl::Time At(int y, int m, int d, int hh, int mm) {
    return absl::FromCivil(absl::CivilMinute(y, m, d, hh, mm), wib_);
  }
  StepInput In(const std::string& code) {
    StepInput in;
    in.tracking_code = code;
    in.request_id = absl::StrCat("r", ++n_);
    in.fingerprint = in.request_id;
    return in;
  }
  std::string Submit() {
    SubmitInput in;
    in.request_id = absl::StrCat("s", ++n_);
    in.fingerprint = in.request_id;
    in.draft.office_code = "KNG";
    in.draft.channel = model::Channel::kOffice;
    in.draft.anonymous = true;
    in.draft.title = "Lampu jalan mati";
    in.draft.description = "Sejak Senin.";
    in.draft.category_code = "INFRA";
    auto r = intake_->Submit(Deadline(), officer_, std::move(in));
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? r->complaint.record.tracking_code : "";
  }
  model::ComplaintRecord Stored(const std::string& code) {
    return complaints_->Get(Deadline(), code).value();
  }

  absl::TimeZone wib_;
  std::string dir_, url_, blob_dir_;
  FakeClock clock_{absl::FromUnixSeconds(0)};
  PiiCipher cipher_ =
      PiiCipher::Create(std::string(32, 'e'), std::string(32, 'i')).value();
  PinIssuer pins_{std::string(32, 'p')};
  std::unique_ptr<db::Database> db_;
  std::unique_ptr<db::SociOfficeRepository> offices_;
  std::unique_ptr<PinCounterThatFails> complaints_;
  std::unique_ptr<OfficeDirectory> directory_;
  std::unique_ptr<ComplaintIntake> intake_;
  std::unique_ptr<db::FileBlobStore> blobs_;
  std::unique_ptr<ComplaintArchive> archive_;
  std::unique_ptr<ComplaintWorkflow> flow_;
  Principal officer_ = Staff("siti", kOfficer);
  Principal secretary_ = Staff("sekcam", kSecretary);
  Principal head_ = Staff("camat", kHead);
  Principal unit_ = Staff("kasi.pmd", kUnit, "PMD");
  int n_ = 0;
};

// 2026-11-30 is a Monday; Kanigaran works 07:30–15:30 (Friday to 14:00).
TEST_P(WorkflowTest, ServiceClockCountsWorkingTimeAndStopsAtDisposition) {
  clock_.Set(At(2026, 11, 30, 15, 0));
  const std::string code = Submit();
  model::ComplaintRecord c = Stored(code);
  // 30 minutes today, 30 from Tuesday 07:30.
  EXPECT_EQ(absl::FromUnixMicros(*c.service.due), At(2026, 12, 1, 8, 0));
  clock_.Set(At(2026, 12, 1, 7, 40));
  ASSERT_TRUE(flow_->Verify(Deadline(), officer_, In(code), Verified()).ok());
  clock_.Set(At(2026, 12, 1, 7, 50));  // 50 of 60 working minutes: at risk
  auto reported = flow_->ReportToHead(Deadline(), secretary_, In(code), "");
  ASSERT_TRUE(reported.ok());
  EXPECT_EQ(reported->complaint.service.status, SlaStatus::kAtRisk);
  clock_.Set(At(2026, 12, 1, 8, 10));  // past due
  auto disposed = flow_->Dispose(Deadline(), head_, In(code),
                                 {"PMD", "Segera perbaiki", std::nullopt});
  ASSERT_TRUE(disposed.ok()) << disposed.status();
  c = Stored(code);
  EXPECT_FALSE(c.service.running_since.has_value());
  EXPECT_TRUE(c.service.breached);
  EXPECT_EQ(c.service.used_us, 70LL * 60 * 1000000);
  EXPECT_EQ(disposed->complaint.service.status, SlaStatus::kBreached);
  EXPECT_TRUE(disposed->complaint.service.paused);
  // The resolution clock: the office's 5 working days of 8 hours.
  ASSERT_TRUE(c.resolution.running_since.has_value());
  EXPECT_EQ(c.resolution.target_us, 40LL * 3600 * 1000000);
  EXPECT_EQ(disposed->complaint.resolution.status, SlaStatus::kOnTime);
}

// The service clock skips a holiday and the weekend; "at risk" and
// "breached" lists, stored as times, follow the moved clock.
TEST_P(WorkflowTest, ServiceClockSkipsAHolidayAndListsFollowTheClock) {
  model::OfficeRecord office = offices_->Get(Deadline(), "KNG").value();
  office.holidays.push_back({"2026-12-25", "Hari Raya Natal"});
  ASSERT_TRUE(offices_->Update(Deadline(), office).ok());
  // Fresh objects, so that no cached office predates the holiday.
  flow_.reset();
  intake_.reset();
  directory_ = std::make_unique<OfficeDirectory>(*offices_, clock_);
  intake_ = std::make_unique<ComplaintIntake>(*complaints_, *directory_, pins_,
                                              clock_);
  flow_ = std::make_unique<ComplaintWorkflow>(*complaints_, *directory_, pins_,
                                              clock_, archive_.get());
  clock_.Set(At(2026, 12, 24, 15, 0));  // Thursday, 30 minutes before closing
  const std::string code = Submit();
  // 30 minutes on Thursday; Friday is Christmas, then the weekend: the other
  // 30 minutes from Monday 07:30.
  EXPECT_EQ(absl::FromUnixMicros(*Stored(code).service.due),
            At(2026, 12, 28, 8, 0));
  auto listed = [&](const std::string& status) {
    model::ComplaintQuery q;
    q.office_codes = {"KNG"};
    q.sla_statuses = {status};
    q.now = clock_.Now();
    q.limit = 10;
    auto page = complaints_->List(Deadline(), q);
    EXPECT_TRUE(page.ok()) << page.status();
    std::vector<std::string> codes;
    for (const auto& c : page->rows) codes.push_back(c.tracking_code);
    return codes;
  };
  using ::testing::ElementsAre;
  using ::testing::IsEmpty;
  clock_.Set(At(2026, 12, 25, 12, 0));  // the holiday: nothing counts
  EXPECT_THAT(listed("ON_TIME"), ElementsAre(code));
  EXPECT_THAT(listed("AT_RISK"), IsEmpty());
  clock_.Set(At(2026, 12, 28, 7, 50));  // 50 of 60 working minutes
  EXPECT_THAT(listed("AT_RISK"), ElementsAre(code));
  EXPECT_THAT(listed("ON_TIME"), IsEmpty());
  EXPECT_THAT(listed("BREACHED"), IsEmpty());
  clock_.Set(At(2026, 12, 28, 8, 1));
  EXPECT_THAT(listed("BREACHED"), ElementsAre(code));
  EXPECT_THAT(listed("AT_RISK"), IsEmpty());
  // Verified late: the clock keeps running (still breached); disposition
  // stops it breached, and the resolution clock starts on time.
  ASSERT_TRUE(flow_->Verify(Deadline(), officer_, In(code), Verified()).ok());
  ASSERT_TRUE(flow_->ReportToHead(Deadline(), secretary_, In(code), "").ok());
  ASSERT_TRUE(flow_
                  ->Dispose(Deadline(), head_, In(code),
                            {"PMD", "Tindak lanjuti", std::nullopt})
                  .ok());
  EXPECT_TRUE(Stored(code).service.breached);
  EXPECT_THAT(listed("BREACHED"), ElementsAre(code));  // stopped late
}

TEST_P(WorkflowTest, NeedsInfoPausesTheServiceClockAndSupplementResumesIt) {
  clock_.Set(At(2026, 11, 30, 9, 0));
  const std::string code = Submit();
  clock_.Set(At(2026, 11, 30, 9, 20));
  VerifyInput v;
  v.outcome = model::State::kNeedsInfo;
  v.missing_info = "Fotokopi KTP-el";
  ASSERT_TRUE(flow_->Verify(Deadline(), officer_, In(code), v).ok());
  clock_.Set(At(2026, 12, 2, 9, 0));  // two days later
  auto paused = complaints_->Get(Deadline(), code);
  EXPECT_FALSE(paused->service.running_since.has_value());
  EXPECT_EQ(paused->service.used_us, 20LL * 60 * 1000000);
  ASSERT_TRUE(paused->needs_info_until.has_value());
  StepInput in = In(code);
  in.pin = pins_.Pin(code, 1);
  auto supplied = flow_->Supplement(Deadline(), Principal::Anonymous(), in,
                                    "KTP sudah diserahkan");
  ASSERT_TRUE(supplied.ok()) << supplied.status();
  EXPECT_TRUE(supplied->public_view);
  model::ComplaintRecord c = Stored(code);
  EXPECT_EQ(c.state, model::State::kSubmitted);
  EXPECT_FALSE(c.needs_info_until.has_value());
  // 40 minutes left from Wednesday 09:00.
  EXPECT_EQ(absl::FromUnixMicros(*c.service.due), At(2026, 12, 2, 9, 40));
}

TEST_P(WorkflowTest, UnreferencedBlobsAreSweptAfterAnHour) {
  clock_.Set(absl::Now());
  ComplaintDocuments documents(*complaints_, *blobs_, *flow_, clock_);
  const std::string code = Submit();
  // One document recorded, one blob without a row (its record failed).
  const std::string kept_bytes = aduan::testing::MakePdf("disimpan");
  StepInput in = In(code);
  AttachInput a;
  a.type = model::DocumentType::kSupporting;
  ASSERT_TRUE(documents.Store(Deadline(), officer_, in, a, kept_bytes).ok());
  const std::string orphan_bytes = aduan::testing::MakePdf("yatim");
  const std::string orphan = Sha256Hex(orphan_bytes);
  ASSERT_TRUE(blobs_->Put(orphan, orphan_bytes).ok());
  // Within the hour nothing goes.
  EXPECT_EQ(documents.SweepUnreferenced(Deadline(), absl::Hours(1)).value(), 0);
  // Two hours later the orphan goes, the recorded document stays.
  clock_.Set(absl::Now() + absl::Hours(2));
  EXPECT_EQ(documents.SweepUnreferenced(Deadline(), absl::Hours(1)).value(), 1);
  EXPECT_THAT(blobs_->Get(orphan), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(blobs_->Get(Sha256Hex(kept_bytes)).value(), kept_bytes);
  EXPECT_EQ(documents.SweepUnreferenced(Deadline(), absl::Hours(1)).value(), 0);
}

TEST_P(WorkflowTest, NeedsInfoPastTheLimitIsClosedOnceByTheSweep) {
  clock_.Set(At(2026, 11, 30, 9, 0));
  const std::string code = Submit();
  VerifyInput v;
  v.outcome = model::State::kNeedsInfo;
  v.missing_info = "Foto lokasi";
  ASSERT_TRUE(flow_->Verify(Deadline(), officer_, In(code), v).ok());
  // Ten working days later (two weekends) it is still open …
  clock_.Set(At(2026, 12, 14, 12, 0));
  EXPECT_EQ(*flow_->ExpireNeedsInfo(Deadline()), 0);
  EXPECT_EQ(Stored(code).state, model::State::kNeedsInfo);
  // … and closed after the tenth working day has ended.
  clock_.Set(At(2026, 12, 15, 0, 1));
  EXPECT_EQ(*flow_->ExpireNeedsInfo(Deadline()), 1);
  EXPECT_EQ(*flow_->ExpireNeedsInfo(Deadline()), 0);
  model::ComplaintRecord c = Stored(code);
  EXPECT_EQ(c.state, model::State::kRejected);
  auto events = complaints_->ListEvents(Deadline(), code, 0, 10);
  ASSERT_EQ(events->size(), 3u);
  EXPECT_EQ((*events)[2].type, model::EventType::kExpired);
  EXPECT_EQ((*events)[2].actor, "system");
}

// Two processes sweeping a backlog at once (two workflows on their own
// connection pools): every expired complaint is closed exactly once.
TEST_P(WorkflowTest, TwoSweepersCloseEachExpiredComplaintOnce) {
  clock_.Set(At(2026, 11, 30, 9, 0));
  std::vector<std::string> codes;
  for (int i = 0; i < 12; ++i) {
    codes.push_back(Submit());
    VerifyInput v;
    v.outcome = model::State::kNeedsInfo;
    v.missing_info = "Foto lokasi";
    ASSERT_TRUE(flow_->Verify(Deadline(), officer_, In(codes.back()), v).ok());
  }
  clock_.Set(At(2026, 12, 15, 0, 1));
  auto other_db = Open(4);
  db::SociComplaintRepository other_complaints(*other_db, cipher_);
  db::SociOfficeRepository other_offices(*other_db);
  OfficeDirectory other_directory(other_offices, clock_);
  ComplaintWorkflow other(other_complaints, other_directory, pins_, clock_,
                          archive_.get());
  absl::StatusOr<int> a = absl::UnknownError("unset");
  absl::StatusOr<int> b = absl::UnknownError("unset");
  std::thread t1([&] { a = flow_->ExpireNeedsInfo(Deadline()); });
  std::thread t2([&] { b = other.ExpireNeedsInfo(Deadline()); });
  t1.join();
  t2.join();
  ASSERT_TRUE(a.ok()) << a.status();
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(*a + *b, 12);
  for (const std::string& code : codes) {
    EXPECT_EQ(Stored(code).state, model::State::kRejected) << code;
    EXPECT_EQ(Stored(code).version, 3) << code;
    auto events = complaints_->ListEvents(Deadline(), code, 0, 10);
    ASSERT_EQ(events->size(), 3u) << code;
    EXPECT_EQ((*events)[2].type, model::EventType::kExpired);
  }
}

TEST_P(WorkflowTest, RedispositionSetsTheLatestDueTimeAndReworkContinues) {
  clock_.Set(At(2026, 11, 30, 8, 0));
  const std::string code = Submit();
  ASSERT_TRUE(flow_->Verify(Deadline(), officer_, In(code), Verified()).ok());
  ASSERT_TRUE(flow_->ReportToHead(Deadline(), secretary_, In(code), "").ok());
  const absl::Time due = At(2026, 11, 30, 15, 0);
  ASSERT_TRUE(
      flow_->Dispose(Deadline(), head_, In(code), {"PMD", "Cek", due}).ok());
  EXPECT_EQ(absl::FromUnixMicros(*Stored(code).resolution.due), due);
  clock_.Set(At(2026, 11, 30, 9, 0));
  ASSERT_TRUE(flow_->StartFollowUp(Deadline(), unit_, In(code), "").ok());
  const absl::Time later = At(2026, 12, 1, 12, 0);
  ASSERT_TRUE(
      flow_->Dispose(Deadline(), head_, In(code), {"PMD", "Lebih lama", later})
          .ok());
  EXPECT_EQ(absl::FromUnixMicros(*Stored(code).resolution.due), later);
  ASSERT_TRUE(flow_->StartFollowUp(Deadline(), unit_, In(code), "").ok());
  clock_.Set(At(2026, 11, 30, 10, 0));
  ASSERT_TRUE(
      flow_->Resolve(Deadline(), unit_, In(code), "Sudah diperbaiki", {}).ok());
  model::ComplaintRecord resolved = Stored(code);
  EXPECT_FALSE(resolved.resolution.running_since.has_value());
  EXPECT_EQ(resolved.resolution.used_us, 2LL * 3600 * 1000000);
  clock_.Set(At(2026, 11, 30, 11, 0));
  ASSERT_TRUE(
      flow_->ReturnForRework(Deadline(), head_, In(code), "Belum tuntas").ok());
  model::ComplaintRecord rework = Stored(code);
  EXPECT_EQ(rework.state, model::State::kDisposed);
  // The clock continues where it stopped: the hour spent RESOLVED (not a
  // state of the resolution clock) moves the latest disposition's due time.
  EXPECT_EQ(absl::FromUnixMicros(*rework.resolution.due),
            later + absl::Hours(1));
}

TEST_P(WorkflowTest, TwoWritersRacingOneComplaintExactlyOneWins) {
  const std::string code = Submit();
  constexpr int kThreads = 6;
  std::vector<std::unique_ptr<db::Database>> dbs;
  std::vector<std::unique_ptr<db::SociComplaintRepository>> repos;
  std::vector<std::unique_ptr<ComplaintWorkflow>> flows;
  for (int i = 0; i < kThreads; ++i) {
    dbs.push_back(Open(1));
    repos.push_back(
        std::make_unique<db::SociComplaintRepository>(*dbs.back(), cipher_));
    flows.push_back(std::make_unique<ComplaintWorkflow>(
        *repos.back(), *directory_, pins_, clock_));
  }
  std::atomic<int> ok{0}, refused{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    StepInput in = In(code);
    threads.emplace_back([&, i, in] {
      VerifyInput v;
      v.outcome = i % 2 == 0 ? State::kVerified : State::kRejected;
      v.note = "catatan";
      auto r = flows[i]->Verify(Deadline(), officer_, in, v);
      if (r.ok()) {
        ++ok;
      } else if (absl::IsFailedPrecondition(r.status())) {
        ++refused;
      } else {
        ++other;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(refused.load(), kThreads - 1);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(Stored(code).version, 2);
  EXPECT_EQ(complaints_->ListEvents(Deadline(), code, 0, 10)->size(), 2u);
}

TEST_P(WorkflowTest, StaleEtagIsAbortedAndIllegalStepChangesNothing) {
  const std::string code = Submit();
  StepInput stale = In(code);
  stale.etag = "v7";
  EXPECT_THAT(flow_->Verify(Deadline(), officer_, stale, Verified()),
              StatusIs(absl::StatusCode::kAborted, "etag"));
  EXPECT_THAT(flow_->Resolve(Deadline(), unit_, In(code), "x", {}),
              StatusIs(absl::StatusCode::kNotFound));  // not disposed to it
  EXPECT_THAT(flow_->ReportToHead(Deadline(), secretary_, In(code), ""),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "the complaint is SUBMITTED"));
  EXPECT_EQ(Stored(code).version, 1);
  StepInput good = In(code);
  good.etag = "v1";
  ASSERT_TRUE(flow_->Verify(Deadline(), officer_, good, Verified()).ok());
  // A retry returns the first result; the same id with another body is refused.
  ASSERT_TRUE(flow_->Verify(Deadline(), officer_, good, Verified()).ok());
  EXPECT_EQ(Stored(code).version, 2);
  StepInput reused = good;
  reused.fingerprint = "other";
  EXPECT_THAT(flow_->Verify(Deadline(), officer_, reused, Verified()),
              StatusIs(absl::StatusCode::kAlreadyExists, "request_id"));
}

// Arguments that need the stored complaint (an original that must exist, a
// unit that must be active, a merged record that must be valid) are still
// arguments: INVALID_ARGUMENT before a stale etag (ABORTED) and before the
// state (FAILED_PRECONDITION), and nothing changes.
TEST_P(WorkflowTest, StoredDataArgumentsComeBeforeEtagAndState) {
  const std::string code = Submit();
  StepInput stale = In(code);
  stale.etag = "v9";
  VerifyInput dup;
  dup.outcome = model::State::kDuplicate;
  dup.duplicate_of = "KNG-00000000";
  EXPECT_THAT(flow_->Verify(Deadline(), officer_, stale, dup),
              StatusIs(absl::StatusCode::kInvalidArgument, "duplicate_of"));
  dup.duplicate_of = code;  // itself
  EXPECT_THAT(flow_->Verify(Deadline(), officer_, In(code), dup),
              StatusIs(absl::StatusCode::kInvalidArgument, "duplicate_of"));
  // Dispose is not allowed while SUBMITTED, but the unknown unit is named
  // first.
  EXPECT_THAT(
      flow_->Dispose(Deadline(), head_, stale, {"NOPE", "Tindak lanjuti", {}}),
      StatusIs(absl::StatusCode::kInvalidArgument, "unit_code"));
  EXPECT_THAT(flow_->Dispose(Deadline(), head_, In(code),
                             {"PMD", "Tindak lanjuti", {}}),
              StatusIs(absl::StatusCode::kFailedPrecondition, "SUBMITTED"));
  // An invalid merged record is named before the stale etag.
  model::ComplaintRecord changes;
  changes.category_code = "NOPE";
  EXPECT_THAT(flow_->Update(Deadline(), officer_, stale, changes, {"category"}),
              StatusIs(absl::StatusCode::kInvalidArgument, "category"));
  EXPECT_EQ(Stored(code).version, 1);
  EXPECT_EQ(Stored(code).category_code, "INFRA");

  // Lowering a flag is named before the state: after disposition the flags
  // may still be raised, never lowered.
  ASSERT_TRUE(flow_->Verify(Deadline(), officer_, In(code), Verified()).ok());
  ASSERT_TRUE(flow_->ReportToHead(Deadline(), secretary_, In(code), "").ok());
  ASSERT_TRUE(
      flow_->Dispose(Deadline(), head_, In(code), {"PMD", "Tindak lanjuti", {}})
          .ok());
  changes = Stored(code);
  changes.anonymous = false;  // submitted anonymous
  EXPECT_THAT(
      flow_->Update(Deadline(), officer_, stale, changes, {"anonymous"}),
      StatusIs(absl::StatusCode::kInvalidArgument,
               "complaint.anonymous: can be raised, never lowered"));
  changes.title = "Judul baru";
  EXPECT_THAT(flow_->Update(Deadline(), officer_, In(code), changes, {"title"}),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "only before disposition"));
  // A result document that is not there is named before the state (the
  // complaint is DISPOSED; Resolve needs IN_FOLLOW_UP).
  EXPECT_THAT(flow_->Resolve(Deadline(), unit_, stale, "Selesai", {"att_0000"}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "att_0000 is not a RESULT document of this complaint"));
  EXPECT_EQ(Stored(code).version, 4);
  EXPECT_EQ(Stored(code).state, model::State::kDisposed);
  EXPECT_EQ(Stored(code).title, "Lampu jalan mati");
}

// The wrong-PIN budget holds against concurrent guesses: of many wrong
// PINs sent at once exactly the budget is compared (NOT_FOUND), the rest are
// refused; a right PIN does not spend it; the citizen's other PIN paths
// share it.
TEST_P(WorkflowTest, WrongPinBudgetHoldsUnderConcurrentGuesses) {
  const std::string code = Submit();
  const std::string pin = pins_.Pin(code, Stored(code).pin_generation);
  const std::string wrong = pin == "00000000" ? "00000001" : "00000000";
  for (int i = 0; i < PinGuard::kMaxAttempts - 1; ++i) {
    EXPECT_THAT(intake_->Track(Deadline(), code, wrong),
                StatusIs(absl::StatusCode::kNotFound));
  }
  for (int i = 0; i < 3; ++i) {  // right PINs cost nothing
    ASSERT_TRUE(intake_->Track(Deadline(), code, pin).ok());
  }
  EXPECT_EQ(Stored(code).pin_failures, PinGuard::kMaxAttempts - 1);
  constexpr int kGuesses = 12;
  std::atomic<int> not_found{0}, exhausted{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kGuesses; ++i) {
    threads.emplace_back([&] {
      absl::Status s = intake_->Track(Deadline(), code, wrong).status();
      if (absl::IsNotFound(s)) ++not_found;
      if (absl::IsResourceExhausted(s)) ++exhausted;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(not_found, 1);  // the one attempt left
  EXPECT_EQ(exhausted, kGuesses - 1);
  EXPECT_THAT(intake_->Track(Deadline(), code, pin),
              StatusIs(absl::StatusCode::kResourceExhausted,
                       "terlalu banyak PIN salah"));
  Principal citizen;  // no token: the PIN path
  StepInput in = In(code);
  in.pin = pin;
  EXPECT_THAT(flow_->Withdraw(Deadline(), citizen, in, ""),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(Stored(code).state, model::State::kSubmitted);
  // The budget renews after its window.
  clock_.Advance(PinGuard::kWindow);
  ASSERT_TRUE(intake_->Track(Deadline(), code, pin).ok());
  ASSERT_TRUE(flow_->Withdraw(Deadline(), citizen, in, "").ok());
  EXPECT_EQ(Stored(code).state, model::State::kWithdrawn);
}

// A reissued PIN replaces the old one, with an event; a retry of the same
// request returns that PIN while it works, and withholds it once a later
// reissue replaced it.
// A complainant's PIN check that meets a storage error answers that error
// (UNAVAILABLE: retry), never NOT_FOUND as if the PIN were wrong, and runs
// under the call's deadline; nothing changes.
TEST_P(WorkflowTest,
       AStorageErrorInAPinCheckIsUnavailableUnderTheCallsDeadline) {
  const std::string code = Submit();
  const std::string pin = pins_.Pin(code, Stored(code).pin_generation);
  const Principal citizen = Principal::Anonymous();
  StepInput in = In(code);
  in.pin = pin;
  AttachInput photo;
  photo.type = model::DocumentType::kLocationPhoto;
  complaints_->down = true;
  const absl::Time deadline = absl::Now() + absl::Seconds(7);
  EXPECT_THAT(flow_->Withdraw(deadline, citizen, in, "Tidak jadi"),
              StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_EQ(complaints_->last_deadline, deadline);
  EXPECT_THAT(flow_->Supplement(deadline + absl::Seconds(1), citizen, in,
                                "Foto menyusul"),
              StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_EQ(complaints_->last_deadline, deadline + absl::Seconds(1));
  EXPECT_THAT(
      flow_->CheckAttach(deadline + absl::Seconds(2), citizen, in, photo),
      StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_EQ(complaints_->last_deadline, deadline + absl::Seconds(2));
  EXPECT_THAT(intake_->Track(deadline + absl::Seconds(3), code, pin),
              StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_EQ(complaints_->last_deadline, deadline + absl::Seconds(3));
  EXPECT_EQ(Stored(code).state, model::State::kSubmitted);
  EXPECT_EQ(Stored(code).version, 1);
  EXPECT_EQ(Stored(code).pin_failures, 0);

  // With the database back, the same request goes through.
  complaints_->down = false;
  auto withdrawn = flow_->Withdraw(Deadline(), citizen, in, "Tidak jadi");
  ASSERT_TRUE(withdrawn.ok()) << withdrawn.status();
  EXPECT_EQ(Stored(code).state, model::State::kWithdrawn);
}

TEST_P(WorkflowTest, ReissuedPinReplacesTheOldOne) {
  const std::string code = Submit();
  const int generation = Stored(code).pin_generation;
  const std::string old_pin = pins_.Pin(code, generation);
  const StepInput in = In(code);
  auto pin = flow_->ReissuePin(Deadline(), officer_, in);
  ASSERT_TRUE(pin.ok()) << pin.status();
  EXPECT_NE(pin->pin, old_pin);
  EXPECT_FALSE(pin->withheld);
  EXPECT_EQ(Stored(code).pin_generation, generation + 1);
  auto again = flow_->ReissuePin(Deadline(), officer_, in);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->pin, pin->pin);
  EXPECT_FALSE(again->withheld);
  EXPECT_TRUE(pins_.Matches(code, Stored(code).pin_generation, pin->pin));
  EXPECT_FALSE(pins_.Matches(code, Stored(code).pin_generation, old_pin));
  EXPECT_EQ(Stored(code).version, 2);

  auto newer = flow_->ReissuePin(Deadline(), officer_, In(code));
  ASSERT_TRUE(newer.ok()) << newer.status();
  auto stale = flow_->ReissuePin(Deadline(), officer_, in);
  ASSERT_TRUE(stale.ok()) << stale.status();
  EXPECT_EQ(stale->pin, "");
  EXPECT_TRUE(stale->withheld);
  EXPECT_EQ(Stored(code).version, 3);
}

TEST_P(WorkflowTest, ArchiveRecordsAreChainedIntactAndWriteOnce) {
  std::vector<std::string> codes;
  for (int i = 0; i < 3; ++i) {
    const std::string code = Submit();
    ASSERT_TRUE(
        flow_->Withdraw(Deadline(), officer_, In(code), "dicabut").ok());
    auto archived = flow_->Archive(Deadline(), officer_, In(code));
    ASSERT_TRUE(archived.ok()) << archived.status();
    EXPECT_EQ(archived->complaint.record.state, model::State::kArchived);
    codes.push_back(code);
  }
  auto first = archive_->Get(Deadline(), officer_, codes[0]);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->office_seq, 1);
  EXPECT_EQ(first->prev_sha256, std::string(64, '0'));
  EXPECT_NE(first->document.find("\"attachments\":[]"), std::string::npos);
  EXPECT_NE(first->document.find("\"format\":\"aduan.archive.v2\""),
            std::string::npos);
  auto second = archive_->Get(Deadline(), officer_, codes[1]);
  EXPECT_EQ(second->prev_sha256, first->sha256);
  for (const std::string& code : codes) {
    auto check = archive_->Verify(Deadline(), officer_, code);
    ASSERT_TRUE(check.ok()) << check.status();
    EXPECT_TRUE(check->intact) << code;
    EXPECT_TRUE(check->chain_intact) << code;
    EXPECT_EQ(check->computed_sha256, check->stored_sha256);
  }
  // Nothing changes an archived complaint.
  EXPECT_THAT(flow_->Withdraw(Deadline(), officer_, In(codes[0]), ""),
              StatusIs(absl::StatusCode::kFailedPrecondition, "ARCHIVED"));
  EXPECT_THAT(flow_->ReissuePin(Deadline(), officer_, In(codes[0])),
              StatusIs(absl::StatusCode::kFailedPrecondition, "ARCHIVED"));
  // The database refuses to rewrite or remove archive rows.
  EXPECT_THAT(db_->Write(Deadline(),
                         [](soci::session& sql) {
                           sql << "UPDATE archives SET document = 'x'";
                           return absl::OkStatus();
                         }),
              StatusIs(absl::StatusCode::kInternal));
  EXPECT_THAT(db_->Write(Deadline(),
                         [](soci::session& sql) {
                           sql << "DELETE FROM archives";
                           return absl::OkStatus();
                         }),
              StatusIs(absl::StatusCode::kInternal));
}

// The archive record is made only of the whole history: one event a
// version. A history short of one is DATA_LOSS and nothing is written.
TEST_P(WorkflowTest, AHistoryShortOfAnEventIsNotArchived) {
  const std::string code = Submit();
  ASSERT_TRUE(flow_->Withdraw(Deadline(), officer_, In(code), "").ok());
  complaints_->drop_an_event = true;
  EXPECT_THAT(flow_->Archive(Deadline(), officer_, In(code)),
              StatusIs(absl::StatusCode::kDataLoss,
                       "is at version 3 but has 2 events; not archived"));
  EXPECT_EQ(Stored(code).state, model::State::kWithdrawn);
  EXPECT_EQ(Stored(code).version, 2);
  EXPECT_EQ(complaints_->ListEvents(Deadline(), code, 0, 10)->size(), 2u);
  EXPECT_FALSE(complaints_->GetArchive(Deadline(), code)->has_value());
  complaints_->drop_an_event = false;
  EXPECT_TRUE(flow_->Archive(Deadline(), officer_, In(code)).ok());
}

TEST_P(WorkflowTest, TamperingIsDetected) {
  // Seven records in one chain; each kind of tampering gets its own
  // untouched record and is checked on it alone.
  std::vector<std::string> codes;
  for (int i = 0; i < 7; ++i) {
    const std::string code = Submit();
    ASSERT_TRUE(flow_->Withdraw(Deadline(), officer_, In(code), "").ok());
    ASSERT_TRUE(flow_->Archive(Deadline(), officer_, In(code)).ok());
    codes.push_back(code);
  }
  auto run = [&](const std::string& stmt) {
    ASSERT_TRUE(db_->Write(Deadline(),
                           [&](soci::session& sql) {
                             sql << stmt;
                             return absl::OkStatus();
                           })
                    .ok())
        << stmt;
  };
  auto verify = [&](const std::string& code) {
    auto check = archive_->Verify(Deadline(), officer_, code);
    EXPECT_TRUE(check.ok()) << check.status();
    return check.ok() ? *check : ArchiveCheck{};
  };
  for (const std::string& code : codes) {
    ASSERT_TRUE(verify(code).intact) << code;
    ASSERT_TRUE(verify(code).chain_intact) << code;
  }
  // Someone with database access rewrites history behind the triggers.
  run("DROP TRIGGER archives_no_update");
  run("DROP TRIGGER archives_no_delete");

  // 1. A changed complaint row (record 1).
  run("UPDATE complaints SET title = 'diubah' WHERE tracking_code = '" +
      codes[0] + "'");
  ArchiveCheck changed_row = verify(codes[0]);
  EXPECT_FALSE(changed_row.intact);
  EXPECT_FALSE(changed_row.rows_intact);
  EXPECT_TRUE(changed_row.document_intact && changed_row.hmac_intact);
  EXPECT_TRUE(changed_row.chain_intact);
  EXPECT_NE(changed_row.computed_sha256, changed_row.stored_sha256);

  // 2. A changed archive row, document and digest rewritten together
  // (record 2); the record after it no longer links.
  run("UPDATE archives SET document = 'x', sha256 = '" + std::string(64, 'b') +
      "' WHERE tracking_code = '" + codes[1] + "'");
  EXPECT_FALSE(verify(codes[1]).intact);
  EXPECT_FALSE(verify(codes[1]).document_intact);
  // Record 3 is itself whole, but a broken chain is not intact.
  ArchiveCheck next = verify(codes[2]);
  EXPECT_FALSE(next.chain_intact);
  EXPECT_FALSE(next.intact);
  EXPECT_TRUE(next.document_intact && next.hmac_intact && next.rows_intact);

  // 3. A consistent forgery without the key (record 4): the complaint row
  // and the archive document rewritten to match each other, digest
  // recomputed — only the HMAC is left to tell.
  {
    run("UPDATE complaints SET title = 'dipalsukan' WHERE tracking_code = '" +
        codes[3] + "'");
    model::ComplaintRecord live = Stored(codes[3]);
    auto events = complaints_->ListEvents(Deadline(), codes[3], 0, 1000);
    ASSERT_TRUE(events.ok());
    auto old = archive_->Get(Deadline(), officer_, codes[3]);
    ASSERT_TRUE(old.ok());
    model::ArchiveRecord forged =
        archive_->Build(live, *events, {}, old->prev_sha256, old->office_seq,
                        absl::FromUnixMicros(old->create_time));
    ASSERT_NE(forged.sha256, old->sha256);
    ASSERT_TRUE(db_->Write(Deadline(),
                           [&](soci::session& sql) {
                             sql << "UPDATE archives SET document = :d, "
                                    "sha256 = :s WHERE tracking_code = :t",
                                 soci::use(forged.document),
                                 soci::use(forged.sha256), soci::use(codes[3]);
                             return absl::OkStatus();
                           })
                    .ok());
    ArchiveCheck check = verify(codes[3]);
    EXPECT_EQ(check.stored_sha256, forged.sha256);
    EXPECT_EQ(check.computed_sha256, forged.sha256);  // matches the live rows
    EXPECT_FALSE(check.intact);                       // but not the HMAC
    EXPECT_FALSE(check.hmac_intact);
    EXPECT_TRUE(check.document_intact && check.rows_intact);
    EXPECT_TRUE(check.chain_intact);
    EXPECT_FALSE(verify(codes[4]).chain_intact);
  }

  // 4. A record removed from the middle of the chain (record 6): the one
  // after it is itself intact but no longer links; the complaint still says
  // ARCHIVED, and its check says its record is missing.
  run("DELETE FROM archives WHERE tracking_code = '" + codes[5] + "'");
  ArchiveCheck after_gap = verify(codes[6]);
  EXPECT_FALSE(after_gap.intact);
  EXPECT_TRUE(after_gap.document_intact && after_gap.hmac_intact &&
              after_gap.rows_intact);
  EXPECT_FALSE(after_gap.chain_intact);
  ArchiveCheck removed = verify(codes[5]);
  EXPECT_TRUE(removed.record_missing);
  EXPECT_FALSE(removed.intact);
  EXPECT_FALSE(removed.chain_intact);
  // A complaint that was never archived is still NOT_FOUND.
  EXPECT_THAT(archive_->Verify(Deadline(), officer_, Submit()),
              StatusIs(absl::StatusCode::kNotFound));
}

// Every (state × action) pair executed: allowed steps succeed, every other
// one is FAILED_PRECONDITION and leaves the complaint as it was.
TEST_P(WorkflowTest, EveryStateActionPairExecutes) {
  clock_.Set(At(2026, 11, 30, 9, 0));
  const std::string template_code = Submit();
  model::ComplaintRecord base = Stored(template_code);
  int made = 0;
  for (State state : model::AllStates()) {
    for (Action action : AllActions()) {
      if (action == Action::kExpire) continue;  // the server's own step
      // A complaint in `state`, disposed to the unit so that it may act.
      model::ComplaintRecord c = base;
      c.id = 0;
      c.tracking_code = absl::StrCat("KNG-", absl::StrFormat("%08d", ++made));
      c.state = state;
      c.unit_code = "PMD";
      model::EventRecord e;
      e.office_code = "KNG";
      e.tracking_code = c.tracking_code;
      e.version = 1;
      e.type = model::EventType::kSubmitted;
      e.from_state = std::nullopt;
      e.to_state = state;
      e.actor = "test";
      e.create_time = c.create_time;
      auto created = complaints_->Create(Deadline(), c, e, std::nullopt);
      ASSERT_TRUE(created.ok()) << created.status();
      const std::string code = c.tracking_code;
      StepInput in = In(code);
      VerifyInput verify = Verified();
      absl::Status st;
      switch (action) {
        case Action::kVerify:
          st = flow_->Verify(Deadline(), officer_, in, verify).status();
          break;
        case Action::kSupplement:
          st = flow_->Supplement(Deadline(), officer_, in, "lengkap").status();
          break;
        case Action::kWithdraw:
          st = flow_->Withdraw(Deadline(), officer_, in, "").status();
          break;
        case Action::kReportToHead:
          st = flow_->ReportToHead(Deadline(), secretary_, in, "").status();
          break;
        case Action::kDispose:
          st =
              flow_
                  ->Dispose(Deadline(), head_, in, {"PMD", "Cek", std::nullopt})
                  .status();
          break;
        case Action::kDecline:
          st = flow_
                   ->Decline(Deadline(), head_, in,
                             {State::kRejected, "Tidak jelas", ""})
                   .status();
          break;
        case Action::kReturnDisposition:
          st = flow_
                   ->ReturnDisposition(Deadline(), unit_, in,
                                       "Bukan bidang kami")
                   .status();
          break;
        case Action::kReturnForRework:
          st = flow_->ReturnForRework(Deadline(), head_, in, "Belum").status();
          break;
        case Action::kStartFollowUp:
          st = flow_->StartFollowUp(Deadline(), unit_, in, "").status();
          break;
        case Action::kAddFollowUpNote:
          st =
              flow_->AddFollowUpNote(Deadline(), unit_, in, "Progres").status();
          break;
        case Action::kResolve:
          st = flow_->Resolve(Deadline(), unit_, in, "Selesai", {}).status();
          break;
        case Action::kInform:
          st = flow_->Inform(Deadline(), officer_, in, {"PHONE", "Selesai"})
                   .status();
          break;
        case Action::kArchive:
          st = flow_->Archive(Deadline(), officer_, in).status();
          break;
        case Action::kUpdate: {
          model::ComplaintRecord changes;
          changes.confidential = true;
          st =
              flow_->Update(Deadline(), officer_, in, changes, {"confidential"})
                  .status();
          break;
        }
        case Action::kAttach: {
          // The officer's documents at intake, the unit's results later.
          const bool unit = state == model::State::kInFollowUp;
          AttachInput a;
          a.type = unit ? DocumentType::kResult : DocumentType::kSupporting;
          StoredDocument doc{"application/pdf", 10, std::string(64, 'a')};
          st = flow_->Attach(Deadline(), unit ? unit_ : officer_, in, a, doc)
                   .status();
          break;
        }
        case Action::kExpire:
          break;
      }
      const model::ComplaintRecord after = Stored(code);
      if (IsAllowed(action, state)) {
        EXPECT_TRUE(st.ok())
            << ActionName(action) << " in " << state << ": " << st;
        EXPECT_EQ(after.version, 2) << ActionName(action) << " in " << state;
      } else {
        EXPECT_THAT(st, StatusIs(absl::StatusCode::kFailedPrecondition,
                                 std::string(model::Name(state))))
            << ActionName(action) << " in " << state;
        EXPECT_EQ(after.version, 1);
        EXPECT_EQ(after.state, state);
        EXPECT_EQ(complaints_->ListEvents(Deadline(), code, 0, 10)->size(), 1u);
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, WorkflowTest,
                         ::testing::Values("sqlite", "mysql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace aduan::domain
