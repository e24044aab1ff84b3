// The domain's guarantees tested in process, over the in-memory repositories
// of tests/fakes/ (which the storage suite holds to the real stores'
// contracts): masking by role, scope (NOT_FOUND exactly as for an unknown
// code), the one answer of a retried step, and the admin rules that keep an
// office's admin to its own staff.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "common/clock.h"
#include "common/pii_cipher.h"
#include "db/seeder.h"
#include "server/domain/access_admin.h"
#include "server/domain/complaint_intake.h"
#include "server/domain/complaint_reader.h"
#include "server/domain/complaint_workflow.h"
#include "server/domain/office_directory.h"
#include "server/domain/pin_issuer.h"
#include "tests/fakes/memory_access_repository.h"
#include "tests/fakes/memory_complaint_repository.h"
#include "tests/fakes/memory_office_repository.h"
#include "tests/test_util.h"

namespace aduan::domain {
namespace {

using ::aduan::testing::StatusIs;

absl::Time Deadline() { return absl::Now() + absl::Seconds(10); }

Principal Bound(const std::string& name,
                std::vector<model::RoleBindingRecord> bindings) {
  Principal p;
  p.id = "p_" + name;
  p.name = name;
  p.authenticated = true;
  p.bindings = std::move(bindings);
  return p;
}

Principal Staff(const std::string& name, Role role,
                const std::string& office = "KNG", const std::string& unit = "",
                const std::string& source = "") {
  return Bound(name, {{role, office, unit, source}});
}

class DomainRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::TimeZone wib;
    ASSERT_TRUE(absl::LoadTimeZone("Asia/Jakarta", &wib));
    // Monday 09:00 WIB, in office hours.
    clock_.Set(absl::FromCivil(absl::CivilMinute(2026, 11, 30, 9, 0), wib));
    ASSERT_TRUE(db::SeedKanigaran(offices_, clock_.Now()).ok());
    model::OfficeRecord other = offices_.Get(Deadline(), "KNG").value();
    other.code = "MYN";
    other.name = "Kecamatan Mayangan";
    ASSERT_TRUE(offices_.CreateIfAbsent(Deadline(), other).value());
  }

  std::string Submit(const Principal& who, bool anonymous = false) {
    SubmitInput in;
    in.request_id = absl::StrCat("s", ++n_);
    in.fingerprint = in.request_id;
    in.draft.office_code = "KNG";
    in.draft.channel = model::Channel::kOffice;
    in.draft.anonymous = anonymous;
    in.draft.complainant_name = "Siti Aminah";
    in.draft.complainant_nik = "3574045108900003";
    in.draft.complainant_kk = "3574040101200002";
    in.draft.complainant_phone = "081234567890";
    in.draft.complainant_email = "siti@example.org";
    in.draft.complainant_address = "Jl. Suroyo 12";
    in.draft.title = "Lampu jalan mati";
    in.draft.description = "Sejak Senin.";
    in.draft.category_code = "INFRA";
    auto r = intake_.Submit(Deadline(), who, std::move(in));
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? r->complaint.record.tracking_code : "";
  }
  StepInput In(const std::string& code, const std::string& request_id = "") {
    StepInput in;
    in.tracking_code = code;
    in.request_id = request_id.empty() ? absl::StrCat("r", ++n_) : request_id;
    in.fingerprint = in.request_id;
    return in;
  }
  // Verified, reported and disposed to PMD.
  std::string DisposedToPmd(bool anonymous = false) {
    const std::string code = Submit(officer_, anonymous);
    VerifyInput v;
    v.outcome = State::kVerified;
    EXPECT_TRUE(flow_.Verify(Deadline(), officer_, In(code), v).ok());
    EXPECT_TRUE(
        flow_.ReportToHead(Deadline(), secretary_, In(code), "Mohon").ok());
    EXPECT_TRUE(flow_
                    .Dispose(Deadline(), head_, In(code),
                             {"PMD", "Tindak lanjuti", std::nullopt})
                    .ok());
    return code;
  }

  FakeClock clock_{absl::FromUnixSeconds(0)};
  fakes::MemoryOfficeRepository offices_;
  fakes::MemoryAccessRepository access_;
  fakes::MemoryComplaintRepository complaints_{access_};
  PiiCipher cipher_ =
      PiiCipher::Create(std::string(32, 'e'), std::string(32, 'i')).value();
  PinIssuer pins_{std::string(32, 'p')};
  OfficeDirectory directory_{offices_, clock_};
  ComplaintIntake intake_{complaints_, directory_, pins_, clock_};
  ComplaintReader reader_{complaints_, directory_, clock_};
  ComplaintWorkflow flow_{complaints_, directory_, pins_, clock_, nullptr};
  AccessAdmin admin_{access_, complaints_, directory_, cipher_, clock_};
  Principal officer_ = Staff("siti", kOfficer);
  Principal secretary_ = Staff("sekcam", kSecretary);
  Principal head_ = Staff("camat", kHead);
  Principal auditor_ = Staff("inspektorat", kAuditor);
  Principal pmd_ = Staff("kasi.pmd", kUnit, "KNG", "PMD");
  Principal trantib_ = Staff("kasi.trantib", kUnit, "KNG", "TRANTIB");
  int n_ = 0;
};

TEST_F(DomainRulesTest, EachRoleSeesThePersonalDataItsWorkNeeds) {
  const std::string code = DisposedToPmd();
  auto staff = reader_.Get(Deadline(), officer_, code);
  ASSERT_TRUE(staff.ok()) << staff.status();
  EXPECT_TRUE(staff->masked);
  EXPECT_EQ(staff->record.complainant_nik, "3574**********03");
  EXPECT_EQ(staff->record.complainant_kk, "3574**********02");
  EXPECT_EQ(staff->record.complainant_email, "siti@example.org");

  auto unit = reader_.Get(Deadline(), pmd_, code);
  ASSERT_TRUE(unit.ok()) << unit.status();
  EXPECT_EQ(unit->record.complainant_name, "Siti Aminah");
  EXPECT_EQ(unit->record.complainant_phone, "+6281234567890");
  EXPECT_EQ(unit->record.complainant_nik, "");
  EXPECT_EQ(unit->record.complainant_email, "");
  EXPECT_EQ(unit->record.complainant_address, "");

  auto audit = reader_.Get(Deadline(), auditor_, code);
  ASSERT_TRUE(audit.ok()) << audit.status();
  EXPECT_EQ(audit->record.complainant_nik, "3574**********03");

  // The FULL view: staff with a reason, logged once; never a unit.
  EXPECT_THAT(reader_.Get(Deadline(), officer_, code, true, "").status(),
              StatusIs(absl::StatusCode::kInvalidArgument, "access_reason"));
  EXPECT_THAT(reader_.Get(Deadline(), pmd_, code, true, "cek").status(),
              StatusIs(absl::StatusCode::kPermissionDenied));
  auto full = reader_.Get(Deadline(), officer_, code, true, "verifikasi KTP");
  ASSERT_TRUE(full.ok()) << full.status();
  EXPECT_EQ(full->record.complainant_nik, "3574045108900003");
  auto log = access_.ListAccessLog(Deadline(), code, 0, 10);
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 1u);
  EXPECT_EQ((*log)[0].principal_name, "siti");
  EXPECT_EQ((*log)[0].reason, "verifikasi KTP");
}

TEST_F(DomainRulesTest, AnAnonymousComplainantIsHiddenFromUnitsAndAuditors) {
  const std::string code = DisposedToPmd(/*anonymous=*/true);
  for (const Principal* who : {&pmd_, &auditor_}) {
    auto v = reader_.Get(Deadline(), *who, code);
    ASSERT_TRUE(v.ok()) << v.status();
    EXPECT_TRUE(v->masked);
    EXPECT_EQ(v->record.complainant_name, "") << who->name;
    EXPECT_EQ(v->record.complainant_phone, "") << who->name;
    EXPECT_EQ(v->record.complainant_nik, "") << who->name;
  }
  auto staff = reader_.Get(Deadline(), officer_, code);
  ASSERT_TRUE(staff.ok());
  EXPECT_EQ(staff->record.complainant_name, "Siti Aminah");
}

TEST_F(DomainRulesTest, OutOfScopeIsExactlyLikeUnknown) {
  const std::string code = DisposedToPmd();
  const absl::Status unknown =
      reader_.Get(Deadline(), officer_, "KNG-00000000").status();
  ASSERT_THAT(unknown, StatusIs(absl::StatusCode::kNotFound));
  const Principal other_office = Staff("andi", kOfficer, "MYN");
  for (const Principal* who :
       std::vector<const Principal*>{&trantib_, &other_office}) {
    EXPECT_EQ(reader_.Get(Deadline(), *who, code).status(), unknown)
        << who->name;
    // A step by someone who cannot see it: the same answer, nothing written.
    EXPECT_EQ(flow_.StartFollowUp(Deadline(), *who, In(code), "").status(),
              unknown)
        << who->name;
  }
  EXPECT_EQ(complaints_.Get(Deadline(), code)->version, 4);
}

TEST_F(DomainRulesTest, ListsHoldOnlyWhatTheCallerMaySee) {
  const std::string pmd_code = DisposedToPmd();
  const std::string waiting = Submit(officer_);
  const Principal gateway = Staff("lapor", kGateway, "KNG", "", "sp4n");
  const std::string from_gateway = Submit(gateway);
  auto codes = [&](const Principal& who) {
    std::vector<std::string> out;
    auto page = reader_.List(Deadline(), who, ListInput());
    EXPECT_TRUE(page.ok()) << page.status();
    if (page.ok()) {
      for (const ComplaintView& v : page->complaints) {
        out.push_back(v.record.tracking_code);
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  std::vector<std::string> all = {pmd_code, waiting, from_gateway};
  std::sort(all.begin(), all.end());
  EXPECT_EQ(codes(officer_), all);
  EXPECT_EQ(codes(pmd_), std::vector<std::string>{pmd_code});
  EXPECT_EQ(codes(trantib_), std::vector<std::string>{});
  EXPECT_EQ(codes(gateway), std::vector<std::string>{from_gateway});
  EXPECT_EQ(codes(Staff("andi", kOfficer, "MYN")), std::vector<std::string>{});
}

TEST_F(DomainRulesTest, ARetriedStepIsAnsweredFromItsRecord) {
  const std::string code = Submit(officer_);
  VerifyInput v;
  v.outcome = State::kVerified;
  auto first = flow_.Verify(Deadline(), officer_, In(code, "req-1"), v);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_FALSE(first->replayed);
  clock_.Advance(absl::Minutes(5));
  auto again = flow_.Verify(Deadline(), officer_, In(code, "req-1"), v);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->complaint.record.version, first->complaint.record.version);
  EXPECT_EQ(again->complaint.record.state, State::kVerified);
  EXPECT_EQ(complaints_.ListEvents(Deadline(), code, 0, 10)->size(), 2u);

  // The same request_id for another request.
  StepInput other = In(code, "req-1");
  other.fingerprint = "another request";
  EXPECT_THAT(flow_.Verify(Deadline(), officer_, other, v).status(),
              StatusIs(absl::StatusCode::kAlreadyExists, "request_id"));
  // A retry is answered as its caller may see the complaint now: after the
  // officer's binding is gone, not at all.
  const Principal former = Staff("siti", kOfficer, "MYN");
  EXPECT_THAT(flow_.Verify(Deadline(), former, In(code, "req-1"), v).status(),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(complaints_.Get(Deadline(), code)->version, 2);
}

TEST_F(DomainRulesTest, AnAdminManagesOnlyItsOwnOfficesStaff) {
  const Principal kng_admin = Staff("admin.kng", kAdmin);
  model::PrincipalRecord budi;
  budi.name = "budi";
  budi.display_name = "Budi";
  budi.bindings = {{kOfficer, "MYN", "", ""}};
  // Not in an office where the caller is ADMIN.
  EXPECT_THAT(admin_.CreatePrincipal(Deadline(), &kng_admin, budi).status(),
              StatusIs(absl::StatusCode::kPermissionDenied, "MYN"));
  auto created = admin_.CreatePrincipal(Deadline(), nullptr, budi);
  ASSERT_TRUE(created.ok()) << created.status();
  // One it does not see is NOT_FOUND, as one that does not exist.
  const absl::Status missing =
      admin_.GetPrincipal(Deadline(), &kng_admin, "p_missing").status();
  ASSERT_THAT(missing, StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(admin_.GetPrincipal(Deadline(), &kng_admin, created->id).status(),
            missing);
  // A binding it already has.
  EXPECT_THAT(admin_
                  .AddRoleBinding(Deadline(), Staff("admin.myn", kAdmin, "MYN"),
                                  created->id, {kOfficer, "MYN", "", ""})
                  .status(),
              StatusIs(absl::StatusCode::kAlreadyExists));
  // Working in both offices: seen by the KNG admin, not managed by it.
  const Principal both =
      Bound("admin.both", {{kAdmin, "KNG", "", ""}, {kAdmin, "MYN", "", ""}});
  ASSERT_TRUE(admin_
                  .AddRoleBinding(Deadline(), both, created->id,
                                  {kOfficer, "KNG", "", ""})
                  .ok());
  EXPECT_TRUE(admin_.GetPrincipal(Deadline(), &kng_admin, created->id).ok());
  EXPECT_THAT(admin_
                  .IssueToken(Deadline(), &kng_admin, created->id, "",
                              absl::ZeroDuration())
                  .status(),
              StatusIs(absl::StatusCode::kPermissionDenied, "MYN"));
  // The last binding is not removed: disable the principal instead.
  ASSERT_TRUE(admin_
                  .RemoveRoleBinding(Deadline(), both, created->id,
                                     {kOfficer, "MYN", "", ""})
                  .ok());
  EXPECT_THAT(admin_
                  .RemoveRoleBinding(Deadline(), kng_admin, created->id,
                                     {kOfficer, "KNG", "", ""})
                  .status(),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_EQ(access_.GetPrincipal(Deadline(), created->id)->bindings.size(), 1u);
}

}  // namespace
}  // namespace aduan::domain
