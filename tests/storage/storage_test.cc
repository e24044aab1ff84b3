// The repository test suite, run against SQLite, against a real MariaDB
// server (ADUAN_TEST_MYSQL_URL) and against the in-memory fakes of
// tests/fakes/, so that the fakes the domain's unit tests use are proven to
// keep the same contracts. Tests of the SQL storage itself (migrations,
// pools, encryption at rest, durability) skip the fakes.
#include <soci/soci.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "common/clock.h"
#include "common/crypto.h"
#include "db/database.h"
#include "db/embedded_migrations.h"
#include "db/migrator.h"
#include "db/seeder.h"
#include "db/soci_access_repository.h"
#include "db/soci_complaint_repository.h"
#include "db/soci_key_records.h"
#include "db/soci_office_repository.h"
#include "tests/fakes/memory_access_repository.h"
#include "tests/fakes/memory_complaint_repository.h"
#include "tests/fakes/memory_office_repository.h"
#include "tests/test_util.h"

namespace aduan::db {
namespace {

using ::aduan::testing::StatusIs;

absl::Time Deadline() { return absl::Now() + absl::Seconds(30); }

class StorageTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "memory") {
      auto access = std::make_unique<fakes::MemoryAccessRepository>();
      complaints_ = std::make_unique<fakes::MemoryComplaintRepository>(*access);
      access_ = std::move(access);
      offices_ = std::make_unique<fakes::MemoryOfficeRepository>();
      ASSERT_TRUE(SeedKanigaran(*offices_, absl::Now()).ok());
      return;
    }
    if (GetParam() == "sqlite") {
      dir_ = aduan::testing::MakeTempDir("aduan-storage");
      url_ = absl::StrCat("sqlite://", dir_, "/aduan.db");
    } else {
      url_ = aduan::testing::FreshMysqlDatabaseUrl();
      if (url_.empty()) GTEST_SKIP() << "ADUAN_TEST_MYSQL_URL not set";
    }
    db_ = OpenDb(4);
    ASSERT_NE(db_, nullptr);
    Migrator migrator(*db_);
    ASSERT_TRUE(migrator.Migrate().ok());
    offices_ = std::make_unique<SociOfficeRepository>(*db_);
    complaints_ = std::make_unique<SociComplaintRepository>(*db_, cipher_);
    access_ = std::make_unique<SociAccessRepository>(*db_);
    ASSERT_TRUE(SeedKanigaran(*offices_, absl::Now()).ok());
  }
  void TearDown() override {
    access_.reset();
    complaints_.reset();
    offices_.reset();
    db_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  std::unique_ptr<Database> OpenDb(int pool) {
    DatabaseOptions o;
    o.url = url_;
    o.pool_size = pool;
    auto db = Database::Open(o);
    EXPECT_TRUE(db.ok()) << db.status();
    return db.ok() ? std::move(*db) : nullptr;
  }

  static model::ComplaintRecord Sample(const std::string& code, long long t) {
    model::ComplaintRecord c;
    c.tracking_code = code;
    c.office_code = "KNG";
    c.state = model::State::kSubmitted;
    c.channel = model::Channel::kOffice;
    c.complainant_name = "Siti Aminah";
    c.complainant_phone = "+6281234567890";
    c.title = "Lampu jalan mati";
    c.description = "Lampu jalan di Jl. Slamet Riyadi mati sejak seminggu.";
    c.location_kelurahan = "Kanigaran";
    c.version = 1;
    c.create_time = t;
    c.update_time = t;
    c.service.target_us = 3600LL * 1000000;
    c.service.running_since = t;
    c.service.due = t + 3600LL * 1000000;
    c.service.at_risk = t + 2880LL * 1000000;
    return c;
  }
  static model::EventRecord FirstEvent(const model::ComplaintRecord& c) {
    model::EventRecord e;
    e.office_code = c.office_code;
    e.tracking_code = c.tracking_code;
    e.version = 1;
    e.type = model::EventType::kSubmitted;
    e.from_state = std::nullopt;
    e.to_state = model::State::kSubmitted;
    e.actor = "anonymous";
    e.actor_role = model::Role::kOfficer;
    e.create_time = c.create_time;
    return e;
  }
  static model::RequestRecord Request(const std::string& id,
                                      const std::string& code) {
    model::RequestRecord r;
    r.caller = "anonymous";
    r.request_id = id;
    r.office_code = "KNG";
    r.method = "SubmitComplaint";
    r.fingerprint = std::string(64, 'a');
    r.tracking_code = code;
    r.create_time = 1;
    return r;
  }
  model::CreateOutcome::Kind CreateOk(
      model::ComplaintRecord c,
      std::optional<model::RequestRecord> r = std::nullopt) {
    auto out = complaints_->Create(Deadline(), c, FirstEvent(c), r);
    EXPECT_TRUE(out.ok()) << out.status();
    return out.ok() ? out->kind
                    : model::CreateOutcome::Kind::kTrackingCodeTaken;
  }

  std::string dir_;
  std::string url_;
  // Null for the fakes.
  std::unique_ptr<Database> db_;
  std::unique_ptr<model::OfficeRepository> offices_;
  std::unique_ptr<model::ComplaintRepository> complaints_;
  std::unique_ptr<model::AccessRepository> access_;
  PiiCipher cipher_ =
      PiiCipher::Create(std::string(32, 'e'), std::string(32, 'i')).value();
};

TEST_P(StorageTest, MigrateIsIdempotent) {
  if (!db_) GTEST_SKIP() << "SQL storage only";
  Migrator migrator(*db_);
  auto again = migrator.Migrate();
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(*again, migrator.LatestVersion());
  int rows = 0;
  ASSERT_TRUE(db_->Read(Deadline(),
                        [&](soci::session& sql) {
                          sql << "SELECT COUNT(*) FROM schema_migrations",
                              soci::into(rows);
                          return absl::OkStatus();
                        })
                  .ok());
  EXPECT_EQ(rows, migrator.LatestVersion());
}

TEST_P(StorageTest, MigrateRefusesNewerDatabase) {
  if (!db_) GTEST_SKIP() << "SQL storage only";
  ASSERT_TRUE(
      db_->Write(Deadline(),
                 [&](soci::session& sql) {
                   sql << "INSERT INTO schema_migrations (version, name, "
                          "applied_at) VALUES (999, '0999_future', 0)";
                   return absl::OkStatus();
                 })
          .ok());
  Migrator migrator(*db_);
  EXPECT_THAT(migrator.Migrate(),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "database schema version 999 is newer than this"));
}

TEST_P(StorageTest, ConcurrentMigratorsApplyEachMigrationOnce) {
  if (!db_) GTEST_SKIP() << "SQL storage only";
  // A fresh schema, migrated by four "processes" at once.
  if (GetParam() == "sqlite") {
    url_ = absl::StrCat("sqlite://", dir_, "/race.db");
  } else {
    url_ = aduan::testing::FreshMysqlDatabaseUrl();
  }
  std::vector<std::unique_ptr<Database>> dbs;
  for (int i = 0; i < 4; ++i) dbs.push_back(OpenDb(1));
  std::vector<absl::StatusOr<int>> results(4, absl::UnknownError("unset"));
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] { results[i] = Migrator(*dbs[i]).Migrate(); });
  }
  for (auto& t : threads) t.join();
  const int latest = Migrator(*dbs[0]).LatestVersion();
  for (const auto& r : results) {
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(*r, latest);
  }
  int rows = 0;
  ASSERT_TRUE(dbs[0]
                  ->Read(Deadline(),
                         [&](soci::session& sql) {
                           sql << "SELECT COUNT(*) FROM schema_migrations",
                               soci::into(rows);
                           return absl::OkStatus();
                         })
                  .ok());
  EXPECT_EQ(rows, latest);
}

// A lease held by a live process keeps others out; the lease of a crashed
// process (expired) is taken over, and released after the run.
// Two (here: four) servers starting at once on a new database with
// different keys: exactly one key is recorded, and each of them learns which
// (server/app/key_check.h refuses the others).
TEST_P(StorageTest, OfFirstKeysRacingExactlyOneIsRecorded) {
  if (!db_) GTEST_SKIP() << "SQL storage only";
  constexpr int kServers = 4;
  std::vector<std::unique_ptr<Database>> dbs;
  for (int i = 0; i < kServers; ++i) dbs.push_back(OpenDb(1));
  std::vector<absl::StatusOr<std::vector<std::string>>> seen(
      kServers, absl::UnknownError("unset"));
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int i = 0; i < kServers; ++i) {
    threads.emplace_back([&, i] {
      while (!go) std::this_thread::yield();
      seen[i] = SociKeyRecords(*dbs[i]).AddFirstKeyId(
          Deadline(), absl::StrCat("key-", i), 1000 + i);
    });
  }
  go = true;
  for (auto& t : threads) t.join();
  auto recorded = SociKeyRecords(*db_).KeyIds(Deadline());
  ASSERT_TRUE(recorded.ok()) << recorded.status();
  ASSERT_EQ(recorded->size(), 1u);
  EXPECT_THAT(recorded->front(), ::testing::StartsWith("key-"));
  for (const auto& s : seen) {
    ASSERT_TRUE(s.ok()) << s.status();
    EXPECT_EQ(*s, *recorded);
  }
}

TEST_P(StorageTest, MigrationLeaseIsTakenOverOnlyWhenExpired) {
  if (!db_) GTEST_SKIP() << "SQL storage only";
  if (GetParam() == "sqlite") {
    url_ = absl::StrCat("sqlite://", dir_, "/lease.db");
  } else {
    url_ = aduan::testing::FreshMysqlDatabaseUrl();
  }
  auto db = OpenDb(2);
  const std::vector<Migration> migrations = {
      {1, "0001_probe", "CREATE TABLE lease_probe (id INT PRIMARY KEY);"}};
  ASSERT_TRUE(Migrator(*db, migrations).CurrentVersion().ok());
  auto set_lease = [&](const std::string& owner, long long expires) {
    ASSERT_TRUE(db->Write(Deadline(), [&](soci::session& sql) {
                    sql << "UPDATE schema_lease SET owner = :o, expires_at = "
                           ":e WHERE id = 1",
                        soci::use(owner), soci::use(expires);
                    return absl::OkStatus();
                  }).ok());
  };
  set_lease("other-host:42:live",
            ToUnixMicrosLL(absl::Now() + absl::Minutes(5)));
  EXPECT_THAT(Migrator(*db, migrations).Migrate(absl::Milliseconds(300)),
              StatusIs(absl::StatusCode::kDeadlineExceeded,
                       "another process holds the migration lease"));
  EXPECT_EQ(*Migrator(*db, migrations).CurrentVersion(), 0);
  set_lease("other-host:42:crashed", 1);  // expired long ago
  auto taken = Migrator(*db, migrations).Migrate(absl::Milliseconds(300));
  ASSERT_TRUE(taken.ok()) << taken.status();
  EXPECT_EQ(*taken, 1);
  soci::indicator owner_ind = soci::i_ok;
  std::string owner;
  ASSERT_TRUE(db->Read(Deadline(), [&](soci::session& sql) {
                  sql << "SELECT owner FROM schema_lease WHERE id = 1",
                      soci::into(owner, owner_ind);
                  return absl::OkStatus();
                }).ok());
  EXPECT_EQ(owner_ind, soci::i_null);  // released
}

// A migration that runs longer than the lease keeps it: the owner renews
// it, so a second process cannot take over halfway.
TEST_P(StorageTest, MigrationLongerThanTheLeaseKeepsIt) {
  if (!db_) GTEST_SKIP() << "SQL storage only";
  if (GetParam() != "mysql") {
    GTEST_SKIP() << "MariaDB only: a SQLite migration holds the write lock";
  }
  url_ = aduan::testing::FreshMysqlDatabaseUrl();
  auto first_db = OpenDb(2);
  auto second_db = OpenDb(2);
  const std::vector<Migration> migrations = {{1, "0001_slow", "DO SLEEP(3);"}};
  // The lease exists before either migrator runs, so it can be watched.
  ASSERT_TRUE(Migrator(*first_db, migrations).CurrentVersion().ok());
  Migrator first(*first_db, migrations);
  first.set_lease_ttl(absl::Milliseconds(300));
  absl::StatusOr<int> first_result = absl::UnknownError("unset");
  std::atomic<bool> first_done{false};
  std::thread runner([&] {
    first_result = first.Migrate();
    first_done = true;
  });
  // Waits until the first migrator holds the lease (not a guess at how long
  // that takes), then the lease's time twice over.
  const absl::Time give_up = absl::Now() + absl::Seconds(10);
  bool held = false;
  while (!held && absl::Now() < give_up) {
    soci::indicator ind = soci::i_null;
    std::string owner;
    ASSERT_TRUE(
        second_db
            ->Read(Deadline(),
                   [&](soci::session& sql) {
                     sql << "SELECT owner FROM schema_lease WHERE id = 1",
                         soci::into(owner, ind);
                     return absl::OkStatus();
                   })
            .ok());
    held = ind == soci::i_ok;
    if (!held) absl::SleepFor(absl::Milliseconds(10));
  }
  ASSERT_TRUE(held) << "the first migrator never took the lease";
  absl::SleepFor(absl::Milliseconds(700));
  Migrator second(*second_db, migrations);
  EXPECT_THAT(second.Migrate(absl::Milliseconds(200)),
              StatusIs(absl::StatusCode::kDeadlineExceeded));
  // The refusal came while the first migration was still running.
  EXPECT_FALSE(first_done);
  runner.join();
  ASSERT_TRUE(first_result.ok()) << first_result.status();
  EXPECT_EQ(*first_result, 1);
}

TEST_P(StorageTest, SeedCreatesKanigaranOnce) {
  auto again = SeedKanigaran(*offices_, absl::Now());
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_FALSE(*again);
  auto office = offices_->Get(Deadline(), "KNG");
  ASSERT_TRUE(office.ok()) << office.status();
  EXPECT_EQ(office->name, "Kecamatan Kanigaran");
  EXPECT_EQ(office->time_zone, "Asia/Jakarta");
  EXPECT_EQ(office->service_sla_minutes, 60);
  EXPECT_EQ(office->working_hours.size(), 5u);
  EXPECT_EQ(office->kelurahan.size(), 6u);
  EXPECT_EQ(office->units.size(), 7u);
  EXPECT_EQ(office->categories.size(), 6u);
  auto codes = offices_->ListCodes(Deadline());
  ASSERT_TRUE(codes.ok());
  EXPECT_EQ(*codes, std::vector<std::string>{"KNG"});
}

TEST_P(StorageTest, UnknownOfficeIsNotFound) {
  EXPECT_THAT(offices_->Get(Deadline(), "XYZ"),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST_P(StorageTest, CreateAndGetRoundTripEveryField) {
  model::ComplaintRecord c = Sample("KNG-AAAA0001", 1000);
  c.source = "website";
  c.external_reference = "EXT-1";
  c.complainant_nik = "3574041234560001";
  c.complainant_kk = "3574040101200002";
  c.complainant_email = "siti@example.id";
  c.complainant_address = "Jl. Mawar 1";
  c.anonymous = true;
  c.confidential = true;
  c.category_code = "INFRA";
  c.location_address = "Depan pasar";
  c.latitude = -7.7543;
  c.longitude = 113.2159;
  c.description = "Emoji 😀 dan aksara ꦲꦢꦸꦮꦤ꧀ tersimpan utuh.";
  ASSERT_EQ(CreateOk(c), model::CreateOutcome::Kind::kCreated);
  auto got = complaints_->Get(Deadline(), "KNG-AAAA0001");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_GT(got->id, 0);
  EXPECT_EQ(got->source, "website");
  EXPECT_EQ(got->external_reference, "EXT-1");
  EXPECT_EQ(got->complainant_nik, "3574041234560001");
  EXPECT_EQ(got->complainant_kk, "3574040101200002");
  EXPECT_EQ(got->complainant_email, "siti@example.id");
  EXPECT_TRUE(got->anonymous);
  EXPECT_TRUE(got->confidential);
  EXPECT_EQ(got->category_code, "INFRA");
  EXPECT_EQ(got->description, c.description);
  ASSERT_TRUE(got->latitude.has_value());
  EXPECT_DOUBLE_EQ(*got->latitude, -7.7543);
  EXPECT_DOUBLE_EQ(*got->longitude, 113.2159);
  EXPECT_EQ(got->service.due, c.service.due);
  EXPECT_EQ(got->service.at_risk, c.service.at_risk);
  EXPECT_FALSE(got->resolution.running_since.has_value());
  EXPECT_EQ(got->version, 1);
  EXPECT_EQ(got->create_time, 1000);
}

TEST_P(StorageTest, GetUnknownIsNotFound) {
  EXPECT_THAT(complaints_->Get(Deadline(), "KNG-ZZZZZZZZ"),
              StatusIs(absl::StatusCode::kNotFound));
}

// A request's fingerprint is stored keyed: never the request's SHA-256 (a
// PIN inside could be found by hashing the 10^8 possible PINs), but its
// HMAC, which FindRequest returns; rows written plain before are keyed by
// KeyPlainFingerprints, once.
TEST_P(StorageTest, RequestFingerprintsAreStoredKeyed) {
  if (!db_) GTEST_SKIP() << "SQL storage only";
  const std::string digest = Sha256Hex(
      "aduan.v1.SupplementComplaintRequest\n"
      "pin 12345678");
  model::RequestRecord r = Request("fp-1", "KNG-FPRINT01");
  r.fingerprint = digest;
  ASSERT_EQ(CreateOk(Sample("KNG-FPRINT01", 1), r),
            model::CreateOutcome::Kind::kCreated);
  const std::string keyed = complaints_->KeyedFingerprint(digest);
  EXPECT_NE(keyed, digest);
  EXPECT_EQ(keyed.size(), 64u);
  auto stored = [&] {
    std::string fp;
    int flag = -1;
    EXPECT_TRUE(db_->Read(Deadline(),
                          [&](soci::session& sql) {
                            sql << "SELECT fingerprint, fingerprint_keyed FROM "
                                   "request_records WHERE request_id = 'fp-1'",
                                soci::into(fp), soci::into(flag);
                            return absl::OkStatus();
                          })
                    .ok());
    return std::make_pair(fp, flag);
  };
  EXPECT_EQ(stored(), std::make_pair(keyed, 1));
  auto found = complaints_->FindRequest(Deadline(), "anonymous", "fp-1");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->fingerprint, keyed);

  // A row as an older version wrote it.
  ASSERT_TRUE(
      db_->Write(Deadline(),
                 [&](soci::session& sql) {
                   sql << "UPDATE request_records SET fingerprint = :d, "
                          "fingerprint_keyed = 0 WHERE request_id = 'fp-1'",
                       soci::use(digest, "d");
                   return absl::OkStatus();
                 })
          .ok());
  EXPECT_EQ(*complaints_->KeyPlainFingerprints(Deadline()), 1);
  EXPECT_EQ(*complaints_->KeyPlainFingerprints(Deadline()), 0);
  EXPECT_EQ(stored(), std::make_pair(keyed, 1));
}

TEST_P(StorageTest, CreateReportsRecordedRequestAndWritesNothing) {
  ASSERT_EQ(CreateOk(Sample("KNG-AAAA0001", 1), Request("r1", "KNG-AAAA0001")),
            model::CreateOutcome::Kind::kCreated);
  model::ComplaintRecord second = Sample("KNG-AAAA0002", 2);
  auto out = complaints_->Create(Deadline(), second, FirstEvent(second),
                                 Request("r1", "KNG-AAAA0002"));
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->kind, model::CreateOutcome::Kind::kRequestExists);
  EXPECT_EQ(out->request.tracking_code, "KNG-AAAA0001");
  EXPECT_THAT(complaints_->Get(Deadline(), "KNG-AAAA0002"),
              StatusIs(absl::StatusCode::kNotFound));
  auto found = complaints_->FindRequest(Deadline(), "anonymous", "r1");
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->tracking_code, "KNG-AAAA0001");
}

TEST_P(StorageTest, CreateReportsExternalReferencePerSource) {
  model::ComplaintRecord a = Sample("KNG-AAAA0001", 1);
  a.source = "lapor";
  a.external_reference = "LAPOR-77";
  ASSERT_EQ(CreateOk(a), model::CreateOutcome::Kind::kCreated);
  model::ComplaintRecord b = Sample("KNG-AAAA0002", 2);
  b.source = "lapor";
  b.external_reference = "LAPOR-77";
  auto out = complaints_->Create(Deadline(), b, FirstEvent(b), std::nullopt);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->kind, model::CreateOutcome::Kind::kExternalReferenceExists);
  EXPECT_EQ(out->tracking_code, "KNG-AAAA0001");
  // Another source may use the same reference.
  model::ComplaintRecord c = Sample("KNG-AAAA0003", 3);
  c.source = "website";
  c.external_reference = "LAPOR-77";
  EXPECT_EQ(CreateOk(c), model::CreateOutcome::Kind::kCreated);
}

TEST_P(StorageTest, CreateReportsTakenTrackingCode) {
  ASSERT_EQ(CreateOk(Sample("KNG-AAAA0001", 1)),
            model::CreateOutcome::Kind::kCreated);
  model::ComplaintRecord dup = Sample("KNG-AAAA0001", 2);
  auto out =
      complaints_->Create(Deadline(), dup, FirstEvent(dup), std::nullopt);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->kind, model::CreateOutcome::Kind::kTrackingCodeTaken);
}

TEST_P(StorageTest, RacingTwinsCreateExactlyOne) {
  if (!db_) GTEST_SKIP() << "SQL storage only";
  constexpr int kThreads = 6;
  std::vector<std::unique_ptr<Database>> dbs;
  std::vector<std::unique_ptr<SociComplaintRepository>> repos;
  for (int i = 0; i < kThreads; ++i) {
    dbs.push_back(OpenDb(1));
    repos.push_back(
        std::make_unique<SociComplaintRepository>(*dbs.back(), cipher_));
  }
  std::atomic<int> created{0}, existing{0}, failed{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      model::ComplaintRecord c = Sample(absl::StrCat("KNG-RACE000", i), 10 + i);
      auto out = repos[i]->Create(Deadline(), c, FirstEvent(c),
                                  Request("same-id", c.tracking_code));
      if (!out.ok()) {
        ++failed;
      } else if (out->kind == model::CreateOutcome::Kind::kCreated) {
        ++created;
      } else if (out->kind == model::CreateOutcome::Kind::kRequestExists) {
        ++existing;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(created.load(), 1);
  EXPECT_EQ(existing.load(), kThreads - 1);
  auto page = complaints_->List(Deadline(), model::ComplaintQuery());
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total_size, 1);
}

TEST_P(StorageTest, ListWalksPagesWithKeysetCursor) {
  for (int i = 0; i < 7; ++i) {
    ASSERT_EQ(CreateOk(Sample(absl::StrCat("KNG-PAGE000", i), 100 + i / 2)),
              model::CreateOutcome::Kind::kCreated);
  }
  model::ComplaintQuery q;
  q.limit = 3;
  std::vector<std::string> seen;
  for (int pages = 0; pages < 5; ++pages) {
    auto page = complaints_->List(Deadline(), q);
    ASSERT_TRUE(page.ok()) << page.status();
    EXPECT_EQ(page->total_size, 7);
    for (const auto& r : page->rows) seen.push_back(r.tracking_code);
    if (page->rows.size() < 3) break;
    q.after = {{page->rows.back().create_time, page->rows.back().id}};
  }
  // Newest first; equal times ordered by id, descending.
  EXPECT_EQ(seen,
            (std::vector<std::string>{
                "KNG-PAGE0006", "KNG-PAGE0005", "KNG-PAGE0004", "KNG-PAGE0003",
                "KNG-PAGE0002", "KNG-PAGE0001", "KNG-PAGE0000"}));
}

TEST_P(StorageTest, ListFiltersCombine) {
  model::ComplaintRecord a = Sample("KNG-FILT0001", 100);
  a.channel = model::Channel::kOnline;
  a.title = "Jalan berlubang 50% rusak";
  model::ComplaintRecord b = Sample("KNG-FILT0002", 200);
  b.state = model::State::kNeedsInfo;
  model::ComplaintRecord c = Sample("KNG-FILT0003", 300);
  c.unit_code = "TRANTIB";
  c.state = model::State::kDisposed;
  for (auto* r : {&a, &b, &c})
    ASSERT_EQ(CreateOk(*r), model::CreateOutcome::Kind::kCreated);
  auto codes = [&](const model::ComplaintQuery& q) {
    std::vector<std::string> out;
    auto page = complaints_->List(Deadline(), q);
    EXPECT_TRUE(page.ok()) << page.status();
    if (page.ok()) {
      for (const auto& r : page->rows) out.push_back(r.tracking_code);
      EXPECT_EQ(page->total_size, static_cast<long long>(out.size()));
    }
    return out;
  };
  model::ComplaintQuery q;
  q.channels = {model::Channel::kOnline};
  EXPECT_EQ(codes(q), std::vector<std::string>{"KNG-FILT0001"});
  q = model::ComplaintQuery();
  q.states = {model::State::kNeedsInfo, model::State::kDisposed};
  EXPECT_EQ(codes(q),
            (std::vector<std::string>{"KNG-FILT0003", "KNG-FILT0002"}));
  q = model::ComplaintQuery();
  q.unit_codes = {"TRANTIB"};
  EXPECT_EQ(codes(q), std::vector<std::string>{"KNG-FILT0003"});
  q = model::ComplaintQuery();
  q.text = "50%";
  EXPECT_EQ(codes(q), std::vector<std::string>{"KNG-FILT0001"});
  q.text = "jalan BERLUBANG";
  EXPECT_EQ(codes(q), std::vector<std::string>{"KNG-FILT0001"});
  q = model::ComplaintQuery();
  q.create_time_from = absl::FromUnixMicros(200);
  q.create_time_to = absl::FromUnixMicros(300);
  EXPECT_EQ(codes(q), std::vector<std::string>{"KNG-FILT0002"});
  q = model::ComplaintQuery();
  q.office_codes = {"XYZ"};
  EXPECT_TRUE(codes(q).empty());
  q = model::ComplaintQuery();
  q.descending = false;
  q.order_by_update_time = true;
  EXPECT_EQ(codes(q), (std::vector<std::string>{"KNG-FILT0001", "KNG-FILT0002",
                                                "KNG-FILT0003"}));
}

TEST_P(StorageTest, ListFiltersBySlaStatus) {
  const long long h = 3600LL * 1000000;
  model::ComplaintRecord on_time = Sample("KNG-SLA00001", 1);
  on_time.service.due = 10 * h;
  on_time.service.at_risk = 8 * h;
  model::ComplaintRecord at_risk = Sample("KNG-SLA00002", 2);
  at_risk.service.due = 6 * h;
  at_risk.service.at_risk = 4 * h;
  model::ComplaintRecord late = Sample("KNG-SLA00003", 3);
  late.service.due = 2 * h;
  late.service.at_risk = 1 * h;
  model::ComplaintRecord stopped_late = Sample("KNG-SLA00004", 4);
  stopped_late.service.running_since.reset();
  stopped_late.service.due.reset();
  stopped_late.service.at_risk.reset();
  stopped_late.service.breached = true;
  model::ComplaintRecord stopped_ok = Sample("KNG-SLA00005", 5);
  stopped_ok.service.running_since.reset();
  stopped_ok.service.due.reset();
  stopped_ok.service.at_risk.reset();
  for (auto* r : {&on_time, &at_risk, &late, &stopped_late, &stopped_ok}) {
    ASSERT_EQ(CreateOk(*r), model::CreateOutcome::Kind::kCreated);
  }
  auto codes = [&](std::vector<std::string> statuses) {
    model::ComplaintQuery q;
    q.sla_statuses = std::move(statuses);
    q.now = absl::FromUnixMicros(5 * h);
    q.descending = false;
    std::vector<std::string> out;
    auto page = complaints_->List(Deadline(), q);
    EXPECT_TRUE(page.ok()) << page.status();
    if (page.ok()) {
      for (const auto& r : page->rows) out.push_back(r.tracking_code);
    }
    return out;
  };
  EXPECT_EQ(codes({"BREACHED"}),
            (std::vector<std::string>{"KNG-SLA00003", "KNG-SLA00004"}));
  EXPECT_EQ(codes({"AT_RISK"}), std::vector<std::string>{"KNG-SLA00002"});
  EXPECT_EQ(codes({"ON_TIME"}),
            (std::vector<std::string>{"KNG-SLA00001", "KNG-SLA00005"}));
  EXPECT_EQ(codes({"AT_RISK", "BREACHED"}),
            (std::vector<std::string>{"KNG-SLA00002", "KNG-SLA00003",
                                      "KNG-SLA00004"}));
}

TEST_P(StorageTest, ListEventsAfterVersion) {
  model::ComplaintRecord c = Sample("KNG-EVNT0001", 1);
  ASSERT_EQ(CreateOk(c), model::CreateOutcome::Kind::kCreated);
  auto events = complaints_->ListEvents(Deadline(), "KNG-EVNT0001", 0, 10);
  ASSERT_TRUE(events.ok()) << events.status();
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].type, model::EventType::kSubmitted);
  EXPECT_EQ((*events)[0].to_state, model::State::kSubmitted);
  EXPECT_EQ((*events)[0].version, 1);
  EXPECT_EQ((*events)[0].tracking_code, "KNG-EVNT0001");
  auto none = complaints_->ListEvents(Deadline(), "KNG-EVNT0001", 1, 10);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  EXPECT_THAT(complaints_->ListEvents(Deadline(), "KNG-NOPE0000", 0, 10),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST_P(StorageTest, EventsAreAppendOnly) {
  if (!db_) GTEST_SKIP() << "SQL storage only";
  ASSERT_EQ(CreateOk(Sample("KNG-EVNT0002", 1)),
            model::CreateOutcome::Kind::kCreated);
  EXPECT_THAT(db_->Write(Deadline(),
                         [](soci::session& sql) {
                           sql << "UPDATE complaint_events SET note = 'x'";
                           return absl::OkStatus();
                         }),
              StatusIs(absl::StatusCode::kInternal));
  EXPECT_THAT(db_->Write(Deadline(),
                         [](soci::session& sql) {
                           sql << "DELETE FROM complaint_events";
                           return absl::OkStatus();
                         }),
              StatusIs(absl::StatusCode::kInternal));
  auto events = complaints_->ListEvents(Deadline(), "KNG-EVNT0002", 0, 10);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].note, "");
}

TEST_P(StorageTest, PinAttemptsCountWithinWindowAndAreForgiven) {
  ASSERT_EQ(CreateOk(Sample("KNG-PIN00001", 1)),
            model::CreateOutcome::Kind::kCreated);
  const absl::Duration minute = absl::Minutes(1);
  auto at = [](absl::Duration d) { return absl::UnixEpoch() + d; };
  EXPECT_EQ(*complaints_->CountPinAttempt(Deadline(), "KNG-PIN00001",
                                          at(100 * minute), 15 * minute),
            1);
  EXPECT_EQ(*complaints_->CountPinAttempt(Deadline(), "KNG-PIN00001",
                                          at(101 * minute), 15 * minute),
            2);
  EXPECT_EQ(*complaints_->CountPinAttempt(Deadline(), "KNG-PIN00001",
                                          at(116 * minute), 15 * minute),
            1);
  EXPECT_THAT(complaints_->CountPinAttempt(Deadline(), "KNG-NOPE0000",
                                           at(minute), minute),
              StatusIs(absl::StatusCode::kNotFound));
  // A right PIN takes its attempt back, never below zero.
  ASSERT_TRUE(complaints_->ForgivePinAttempt(Deadline(), "KNG-PIN00001").ok());
  ASSERT_TRUE(complaints_->ForgivePinAttempt(Deadline(), "KNG-PIN00001").ok());
  EXPECT_EQ(complaints_->Get(Deadline(), "KNG-PIN00001")->pin_failures, 0);
  EXPECT_EQ(*complaints_->CountPinAttempt(Deadline(), "KNG-PIN00001",
                                          at(117 * minute), 15 * minute),
            1);
  // Concurrent attempts are all counted (no lost update).
  constexpr int kThreads = 8;
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      auto n = complaints_->CountPinAttempt(Deadline(), "KNG-PIN00001",
                                            at(118 * minute), 15 * minute);
      EXPECT_TRUE(n.ok()) << n.status();
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(complaints_->Get(Deadline(), "KNG-PIN00001")->pin_failures,
            1 + kThreads);
}

TEST_P(StorageTest, DurabilitySettingsAreOn) {
  if (!db_) GTEST_SKIP() << "SQL storage only";
  if (GetParam() == "sqlite") {
    std::string mode;
    int sync = -1;
    ASSERT_TRUE(db_->Read(Deadline(),
                          [&](soci::session& sql) {
                            sql << "PRAGMA journal_mode", soci::into(mode);
                            sql << "PRAGMA synchronous", soci::into(sync);
                            return absl::OkStatus();
                          })
                    .ok());
    EXPECT_EQ(mode, "wal");
    EXPECT_EQ(sync, 2);  // FULL
  } else {
    std::string flush;
    std::string charset;
    ASSERT_TRUE(db_->Read(Deadline(),
                          [&](soci::session& sql) {
                            sql << "SELECT @@innodb_flush_log_at_trx_commit",
                                soci::into(flush);
                            sql << "SELECT @@character_set_connection",
                                soci::into(charset);
                            return absl::OkStatus();
                          })
                    .ok());
    EXPECT_EQ(flush, "1");
    EXPECT_EQ(charset, "utf8mb4");
  }
}

TEST_P(StorageTest, DroppedConnectionIsReplaced) {
  if (!db_) GTEST_SKIP() << "SQL storage only";
  if (GetParam() != "mysql") GTEST_SKIP() << "MariaDB only";
  auto db = OpenDb(1);
  long long before = 0;
  ASSERT_TRUE(db->Read(Deadline(), [&](soci::session& sql) {
                  sql << "SELECT CONNECTION_ID()", soci::into(before);
                  return absl::OkStatus();
                }).ok());
  ASSERT_TRUE(db_->Read(Deadline(),
                        [&](soci::session& sql) {
                          sql << absl::StrCat("KILL ", before);
                          return absl::OkStatus();
                        })
                  .ok());
  long long after = 0;
  absl::Status st = db->Read(Deadline(), [&](soci::session& sql) {
    sql << "SELECT CONNECTION_ID()", soci::into(after);
    return absl::OkStatus();
  });
  ASSERT_TRUE(st.ok()) << st;
  EXPECT_NE(after, before);
}

// Two transactions locking two rows in opposite order: InnoDB kills one
// with a deadlock (1213); the database layer rolls it back and runs it
// again, so both callers see OK and each change is applied exactly once.
TEST_P(StorageTest, DeadlockedTransactionIsRetriedAndAppliedOnce) {
  if (!db_) GTEST_SKIP() << "SQL storage only";
  if (GetParam() != "mysql") {
    GTEST_SKIP() << "MariaDB only: SQLite writers are serialised";
  }
  auto db = OpenDb(2);
  ASSERT_TRUE(db->Write(Deadline(), [](soci::session& sql) {
                  sql << "CREATE TABLE deadlock_probe (id INT PRIMARY KEY, "
                         "n INT NOT NULL) ENGINE=InnoDB";
                  sql << "INSERT INTO deadlock_probe VALUES (1, 0), (2, 0)";
                  return absl::OkStatus();
                }).ok());
  std::atomic<int> attempts{0};
  std::atomic<int> first_locks{0};
  auto writer = [&](int first, int second) {
    return db->Write(Deadline(), [&, first, second](soci::session& sql) {
      const int attempt = ++attempts;
      sql << "UPDATE deadlock_probe SET n = n + 1 WHERE id = :id",
          soci::use(first);
      if (attempt <= 2) {
        // Both hold their first row before either asks for its second.
        ++first_locks;
        const absl::Time until = absl::Now() + absl::Seconds(3);
        while (first_locks < 2 && absl::Now() < until) {
          absl::SleepFor(absl::Milliseconds(1));
        }
      }
      sql << "UPDATE deadlock_probe SET n = n + 10 WHERE id = :id",
          soci::use(second);
      return absl::OkStatus();
    });
  };
  absl::Status a, b;
  std::thread t1([&] { a = writer(1, 2); });
  std::thread t2([&] { b = writer(2, 1); });
  t1.join();
  t2.join();
  EXPECT_TRUE(a.ok()) << a;
  EXPECT_TRUE(b.ok()) << b;
  EXPECT_EQ(attempts, 3);  // one of the two ran again
  int n1 = 0, n2 = 0;
  ASSERT_TRUE(db->Read(Deadline(), [&](soci::session& sql) {
                  sql << "SELECT n FROM deadlock_probe WHERE id = 1",
                      soci::into(n1);
                  sql << "SELECT n FROM deadlock_probe WHERE id = 2",
                      soci::into(n2);
                  return absl::OkStatus();
                }).ok());
  EXPECT_EQ(n1, 11);
  EXPECT_EQ(n2, 11);
}

TEST_P(StorageTest, PoolLeaseWaitIsBoundedByDeadline) {
  if (!db_) GTEST_SKIP() << "SQL storage only";
  auto db = OpenDb(1);
  std::atomic<bool> holding{false};
  std::atomic<bool> release{false};
  // The only connection is held until the test lets it go (at most 30 s).
  std::thread holder([&] {
    (void)db->Read(Deadline(), [&](soci::session&) {
      holding = true;
      const absl::Time until = absl::Now() + absl::Seconds(30);
      while (!release && absl::Now() < until) {
        absl::SleepFor(absl::Milliseconds(5));
      }
      return absl::OkStatus();
    });
  });
  while (!holding) absl::SleepFor(absl::Milliseconds(1));
  const absl::Time start = absl::Now();
  EXPECT_THAT(db->Ping(absl::Now() + absl::Milliseconds(50)),
              StatusIs(absl::StatusCode::kUnavailable, "busy"));
  // Given up near its deadline, long before the connection came free (the
  // bound leaves room for a loaded machine).
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
  release = true;
  holder.join();
  EXPECT_TRUE(db->Ping(Deadline()).ok());
}

// A statement cannot outlive its call: one that would run for minutes is
// stopped at the deadline with DEADLINE_EXCEEDED (SQLite: the progress
// handler, on every statement; MySQL: Bounded's max_statement_time), and
// the connection serves the next call.
TEST_P(StorageTest, AStatementStopsAtItsCallsDeadline) {
  if (!db_) GTEST_SKIP() << "SQL storage only";
  const std::string slow =
      GetParam() == "sqlite"
          ? "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n "
            "WHERE x < 100000000000) SELECT COUNT(*) FROM n"
          : "SELECT COUNT(*) FROM seq_1_to_100000000000 WHERE "
            "SHA2(seq, 256) LIKE 'ff%'";
  auto db = OpenDb(1);
  const absl::Time start = absl::Now();
  const absl::Time deadline = start + absl::Milliseconds(300);
  long long ignored = 0;
  absl::Status s = db->Read(deadline, [&](soci::session& sql) {
    sql << db->Bounded(deadline, slow), soci::into(ignored);
    return absl::OkStatus();
  });
  EXPECT_THAT(s, StatusIs(absl::StatusCode::kDeadlineExceeded,
                          "the database query ran out of the call's time"));
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
  // A transaction is rolled back as well.
  const absl::Time write_deadline = absl::Now() + absl::Milliseconds(300);
  s = db->Write(write_deadline, [&](soci::session& sql) {
    sql << "UPDATE offices SET name = 'Berubah' WHERE code = 'KNG'";
    sql << db->Bounded(write_deadline, slow), soci::into(ignored);
    return absl::OkStatus();
  });
  EXPECT_EQ(s.code(), absl::StatusCode::kDeadlineExceeded);
  std::string name;
  ASSERT_TRUE(db->Read(Deadline(), [&](soci::session& sql) {
                  sql << "SELECT name FROM offices WHERE code = 'KNG'",
                      soci::into(name);
                  return absl::OkStatus();
                }).ok());
  EXPECT_EQ(name, "Kecamatan Kanigaran");
}

TEST_P(StorageTest, PersonalDataIsEncryptedAtRestAndSearchableByNik) {
  if (!db_) GTEST_SKIP() << "SQL storage only";
  model::ComplaintRecord c = Sample("KNG-PII00001", 1);
  c.complainant_nik = "3574045108900003";
  c.complainant_kk = "3574040101150004";
  ASSERT_EQ(CreateOk(c), model::CreateOutcome::Kind::kCreated);
  ASSERT_EQ(CreateOk(Sample("KNG-PII00002", 2)),
            model::CreateOutcome::Kind::kCreated);
  std::string nik, kk;
  ASSERT_TRUE(
      db_->Read(Deadline(),
                [&](soci::session& sql) {
                  sql << "SELECT complainant_nik, complainant_kk FROM "
                         "complaints WHERE tracking_code = 'KNG-PII00001'",
                      soci::into(nik), soci::into(kk);
                  return absl::OkStatus();
                })
          .ok());
  EXPECT_EQ(nik.rfind("v1:", 0), 0u);
  EXPECT_EQ(kk.rfind("v1:", 0), 0u);
  EXPECT_EQ(nik.find("3574045108900003"), std::string::npos);
  auto got = complaints_->Get(Deadline(), "KNG-PII00001");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->complainant_nik, "3574045108900003");
  EXPECT_EQ(got->complainant_kk, "3574040101150004");
  model::ComplaintQuery q;
  q.nik = "3574045108900003";
  auto page = complaints_->List(Deadline(), q);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->rows.size(), 1u);
  EXPECT_EQ(page->rows[0].tracking_code, "KNG-PII00001");
  q.nik = "3574045108900004";
  EXPECT_EQ(complaints_->List(Deadline(), q)->total_size, 0);
}

// Migration 0009 repairs a token whose expiry an unchecked ttl put past
// the year 9999: revoked and expired at its creation; other tokens stay.
TEST_P(StorageTest, TokenExpiryPastTheTimestampRangeIsRepaired) {
  if (!db_) GTEST_SKIP() << "SQL storage only";
  url_ = GetParam() == "sqlite" ? absl::StrCat("sqlite://", dir_, "/repair.db")
                                : aduan::testing::FreshMysqlDatabaseUrl();
  auto db = OpenDb(1);
  const std::vector<Migration>& all = db->dialect() == Dialect::kSqlite
                                          ? sqlite_migrations()
                                          : mysql_migrations();
  std::vector<Migration> up_to_8;
  for (const Migration& m : all) {
    if (m.version <= 8) up_to_8.push_back(m);
  }
  ASSERT_EQ(*Migrator(*db, up_to_8).Migrate(), 8);
  ASSERT_TRUE(db->Write(Deadline(), [](soci::session& sql) {
                  sql << "INSERT INTO principals (id, name, display_name, "
                         "create_time, update_time) VALUES ('p_1', 'andi', "
                         "'Andi', 1000, 1000)";
                  sql << "INSERT INTO api_tokens (id, principal_id, "
                         "secret_hash, create_time, expire_time) VALUES "
                         "('tok_far', 'p_1', 'h1', 1000, "
                         "315577796400000000)";
                  sql << "INSERT INTO api_tokens (id, principal_id, "
                         "secret_hash, create_time, expire_time) VALUES "
                         "('tok_ok', 'p_1', 'h2', 1000, 2000)";
                  return absl::OkStatus();
                }).ok());
  ASSERT_EQ(*Migrator(*db).Migrate(), Migrator(*db).LatestVersion());
  long long expire = 0, revoke = 0, ok_expire = 0;
  soci::indicator ok_revoke = soci::i_ok;
  ASSERT_TRUE(db->Read(Deadline(), [&](soci::session& sql) {
                  sql << "SELECT expire_time, revoke_time FROM api_tokens "
                         "WHERE id = 'tok_far'",
                      soci::into(expire), soci::into(revoke);
                  sql << "SELECT expire_time, revoke_time FROM api_tokens "
                         "WHERE id = 'tok_ok'",
                      soci::into(ok_expire), soci::into(revoke, ok_revoke);
                  return absl::OkStatus();
                }).ok());
  EXPECT_EQ(expire, 1000);
  EXPECT_EQ(ok_expire, 2000);
  EXPECT_EQ(ok_revoke, soci::i_null);
  ASSERT_TRUE(db->Read(Deadline(), [&](soci::session& sql) {
                  sql << "SELECT revoke_time FROM api_tokens WHERE id = "
                         "'tok_far'",
                      soci::into(revoke);
                  return absl::OkStatus();
                }).ok());
  EXPECT_EQ(revoke, 1000);
}

TEST_P(StorageTest, PlaintextRowsAreEncryptedByTheDataMigration) {
  if (!db_) GTEST_SKIP() << "SQL storage only";
  ASSERT_EQ(CreateOk(Sample("KNG-PII00003", 1)),
            model::CreateOutcome::Kind::kCreated);
  // A row as written before encryption at rest.
  ASSERT_TRUE(db_->Write(Deadline(),
                         [&](soci::session& sql) {
                           sql << "UPDATE complaints SET complainant_nik = "
                                  "'3574045108900003', nik_index = NULL WHERE "
                                  "tracking_code = 'KNG-PII00003'";
                           return absl::OkStatus();
                         })
                  .ok());
  auto changed = complaints_->EncryptPlaintextRows(Deadline());
  ASSERT_TRUE(changed.ok()) << changed.status();
  EXPECT_EQ(*changed, 1);
  EXPECT_EQ(*complaints_->EncryptPlaintextRows(Deadline()), 0);
  EXPECT_EQ(complaints_->Get(Deadline(), "KNG-PII00003")->complainant_nik,
            "3574045108900003");
  model::ComplaintQuery q;
  q.nik = "3574045108900003";
  EXPECT_EQ(complaints_->List(Deadline(), q)->total_size, 1);
  if (GetParam() == "sqlite") {
    // Nothing of the plaintext is left in the database file or its log.
    for (const char* suffix : {"", "-wal"}) {
      std::ifstream in(url_.substr(std::string("sqlite://").size()) + suffix,
                       std::ios::binary);
      std::stringstream bytes;
      bytes << in.rdbuf();
      EXPECT_EQ(bytes.str().find("3574045108900003"), std::string::npos)
          << suffix;
    }
  }
}

TEST_P(StorageTest, ScopesLimitListsToOfficeUnitAndSource) {
  model::ComplaintRecord a = Sample("KNG-SCOP0001", 1);
  a.unit_code = "TRANTIB";
  model::ComplaintRecord b = Sample("KNG-SCOP0002", 2);
  b.source = "website";
  for (auto* r : {&a, &b})
    ASSERT_EQ(CreateOk(*r), model::CreateOutcome::Kind::kCreated);
  auto codes = [&](std::vector<model::ComplaintScope> scopes) {
    model::ComplaintQuery q;
    q.scopes = std::move(scopes);
    q.descending = false;
    std::vector<std::string> out;
    auto page = complaints_->List(Deadline(), q);
    EXPECT_TRUE(page.ok()) << page.status();
    if (page.ok()) {
      for (const auto& r : page->rows) out.push_back(r.tracking_code);
    }
    return out;
  };
  EXPECT_EQ(codes({{"KNG", "", ""}}),
            (std::vector<std::string>{"KNG-SCOP0001", "KNG-SCOP0002"}));
  EXPECT_EQ(codes({{"KNG", "TRANTIB", ""}}),
            std::vector<std::string>{"KNG-SCOP0001"});
  EXPECT_EQ(codes({{"KNG", "", "website"}}),
            std::vector<std::string>{"KNG-SCOP0002"});
  EXPECT_TRUE(codes({{"XYZ", "", ""}}).empty());
  EXPECT_TRUE(codes({}).empty());
}

TEST_P(StorageTest, FullReadWritesOneAccessLogRow) {
  ASSERT_EQ(CreateOk(Sample("KNG-LOG00001", 1)),
            model::CreateOutcome::Kind::kCreated);
  model::AccessLogRecord entry;
  entry.principal_id = "p_1";
  entry.principal_name = "siti.officer";
  entry.role = model::Role::kOfficer;
  entry.reason = "verifikasi identitas";
  entry.create_time = 42;
  auto got = complaints_->GetLoggingAccess(Deadline(), "KNG-LOG00001", entry);
  ASSERT_TRUE(got.ok()) << got.status();
  auto log = access_->ListAccessLog(Deadline(), "KNG-LOG00001", 0, 10);
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 1u);
  EXPECT_EQ((*log)[0].office_code, "KNG");
  EXPECT_EQ((*log)[0].principal_name, "siti.officer");
  EXPECT_EQ((*log)[0].reason, "verifikasi identitas");
  EXPECT_THAT(complaints_->GetLoggingAccess(Deadline(), "KNG-NOPE0000", entry),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(access_->ListAccessLog(Deadline(), "KNG-LOG00001", 0, 10)->size(),
            1u);
}

TEST_P(StorageTest, PrincipalsBindingsAndTokensRoundTrip) {
  model::PrincipalRecord p;
  p.id = "p_abc";
  p.name = "siti.officer";
  p.display_name = "Siti";
  p.tls_identity = "";
  p.create_time = p.update_time = 5;
  p.bindings = {{model::Role::kOfficer, "KNG", "", ""}};
  ASSERT_TRUE(access_->CreatePrincipal(Deadline(), p).ok());
  model::PrincipalRecord dup = p;
  dup.id = "p_other";
  EXPECT_THAT(access_->CreatePrincipal(Deadline(), dup),
              StatusIs(absl::StatusCode::kAlreadyExists));
  ASSERT_TRUE(access_
                  ->AddBinding(Deadline(), "p_abc",
                               {model::Role::kUnit, "KNG", "PEM", ""},
                               absl::FromUnixMicros(6))
                  .ok());
  EXPECT_THAT(access_->AddBinding(Deadline(), "p_abc",
                                  {model::Role::kUnit, "KNG", "PEM", ""},
                                  absl::FromUnixMicros(6)),
              StatusIs(absl::StatusCode::kAlreadyExists));
  EXPECT_THAT(access_->AddBinding(Deadline(), "p_none",
                                  {model::Role::kUnit, "KNG", "PEM", ""},
                                  absl::FromUnixMicros(6)),
              StatusIs(absl::StatusCode::kNotFound));
  auto got = access_->GetPrincipal(Deadline(), "p_abc");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->bindings.size(), 2u);
  model::TokenRecord t;
  t.id = "tok_1";
  t.principal_id = "p_abc";
  t.secret_hash = std::string(64, 'f');
  t.create_time = 7;
  t.expire_time = 1000;
  ASSERT_TRUE(access_->CreateToken(Deadline(), t).ok());
  auto found = access_->FindToken(Deadline(), std::string(64, 'f'));
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->principal.name, "siti.officer");
  EXPECT_EQ((*found)->token.expire_time, 1000);
  EXPECT_FALSE((*found)->token.revoke_time.has_value());
  ASSERT_TRUE(
      access_->TouchToken(Deadline(), "tok_1", absl::FromUnixMicros(9)).ok());
  auto revoked =
      access_->RevokeToken(Deadline(), "tok_1", absl::FromUnixMicros(10));
  ASSERT_TRUE(revoked.ok());
  EXPECT_EQ(revoked->revoke_time, 10);
  EXPECT_EQ(revoked->last_used_time, 9);
  EXPECT_THAT(
      access_->RevokeToken(Deadline(), "tok_none", absl::FromUnixMicros(10)),
      StatusIs(absl::StatusCode::kNotFound));
  ASSERT_TRUE(access_
                  ->RemoveBinding(Deadline(), "p_abc",
                                  {model::Role::kUnit, "KNG", "PEM", ""})
                  .ok());
  EXPECT_THAT(access_->RemoveBinding(Deadline(), "p_abc",
                                     {model::Role::kUnit, "KNG", "PEM", ""}),
              StatusIs(absl::StatusCode::kNotFound));
  got->disabled = true;
  got->tls_identity = "gateway-website";
  ASSERT_TRUE(access_->UpdatePrincipal(Deadline(), *got).ok());
  auto by_tls =
      access_->FindPrincipalByTlsIdentity(Deadline(), "gateway-website");
  ASSERT_TRUE(by_tls.ok());
  ASSERT_TRUE(by_tls->has_value());
  EXPECT_TRUE((*by_tls)->disabled);
  auto list = access_->ListPrincipals(Deadline(), "KNG", "", 10);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_TRUE(access_->ListPrincipals(Deadline(), "XYZ", "", 10)->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, StorageTest,
                         ::testing::Values("sqlite", "mysql", "memory"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace aduan::db
