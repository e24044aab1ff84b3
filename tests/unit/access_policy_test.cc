#include "server/auth/access_policy.h"

#include <google/protobuf/descriptor.h>

#include <set>

#include "aduan/v1/admin_service.grpc.pb.h"
#include "aduan/v1/archive_service.grpc.pb.h"
#include "aduan/v1/attachment_service.grpc.pb.h"
#include "aduan/v1/complaint_service.grpc.pb.h"
#include "aduan/v1/disposition_service.grpc.pb.h"
#include "aduan/v1/intake_service.grpc.pb.h"
#include "aduan/v1/verification_service.grpc.pb.h"
#include "tests/aduan_proto_files.h"
#include "tests/test_util.h"

namespace aduan::auth {
namespace {

using ::aduan::testing::StatusIs;

// Every method of every service in the compiled descriptors.
std::vector<std::string> AllMethods() {
  std::vector<std::string> out;
  for (const google::protobuf::FileDescriptor* file :
       aduan::testing::CompiledAduanFiles()) {
    EXPECT_EQ(file->service_count(), 1) << file->name();
    for (int s = 0; s < file->service_count(); ++s) {
      const google::protobuf::ServiceDescriptor* d = file->service(s);
      for (int i = 0; i < d->method_count(); ++i) {
        out.push_back(d->method(i)->full_name());
      }
    }
  }
  return out;
}

TEST(AccessPolicyTest, EveryMethodOfEveryServiceHasARule) {
  const std::vector<std::string> methods = AllMethods();
  EXPECT_GT(methods.size(), 40u);
  for (const std::string& m : methods) {
    EXPECT_NE(FindMethodRule(m), nullptr) << m << " has no access rule";
  }
}

TEST(AccessPolicyTest, EveryRuleNamesAnExistingMethod) {
  const std::vector<std::string> methods = AllMethods();
  const std::set<std::string> known(methods.begin(), methods.end());
  for (const MethodRule& r : MethodRules()) {
    EXPECT_TRUE(known.count(r.method)) << r.method << " is not a method";
  }
}

domain::Principal With(domain::Role role) {
  domain::Principal p;
  p.id = "p_1";
  p.name = "someone";
  p.authenticated = true;
  p.bindings = {{role, "KNG", role == domain::kUnit ? "PEM" : "",
                 role == domain::kGateway ? "website" : ""}};
  return p;
}

TEST(AccessPolicyTest, UnknownMethodIsDeniedToEveryone) {
  EXPECT_THAT(
      CheckMethodAccess(With(domain::Role::kAdmin), "aduan.v1.Nope.Nothing"),
      StatusIs(absl::StatusCode::kPermissionDenied));
}

TEST(AccessPolicyTest, AnonymousCallersReachOnlyPublicMethods) {
  const domain::Principal nobody = domain::Principal::Anonymous();
  EXPECT_TRUE(
      CheckMethodAccess(nobody, "aduan.v1.IntakeService.TrackComplaint").ok());
  EXPECT_TRUE(
      CheckMethodAccess(nobody, "aduan.v1.IntakeService.WithdrawComplaint")
          .ok());
  EXPECT_THAT(
      CheckMethodAccess(nobody, "aduan.v1.IntakeService.SubmitComplaint"),
      StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_THAT(CheckMethodAccess(nobody, "aduan.v1.AdminService.IssueToken"),
              StatusIs(absl::StatusCode::kUnauthenticated));
}

TEST(AccessPolicyTest, RolesMatchTheServiceStandard) {
  struct Case {
    domain::Role role;
    const char* method;
    bool allowed;
  };
  const Case cases[] = {
      {domain::Role::kOfficer, "aduan.v1.IntakeService.SubmitComplaint", true},
      {domain::Role::kGateway, "aduan.v1.IntakeService.SubmitComplaint", true},
      {domain::Role::kHead, "aduan.v1.IntakeService.SubmitComplaint", false},
      {domain::Role::kOfficer, "aduan.v1.VerificationService.VerifyComplaint",
       true},
      {domain::Role::kSecretary, "aduan.v1.VerificationService.VerifyComplaint",
       false},
      {domain::Role::kSecretary, "aduan.v1.VerificationService.ReportToHead",
       true},
      {domain::Role::kHead, "aduan.v1.DispositionService.DisposeComplaint",
       true},
      {domain::Role::kUnit, "aduan.v1.DispositionService.DisposeComplaint",
       false},
      {domain::Role::kUnit, "aduan.v1.DispositionService.ResolveComplaint",
       true},
      {domain::Role::kOfficer, "aduan.v1.ArchiveService.ArchiveComplaint",
       true},
      {domain::Role::kAuditor, "aduan.v1.ComplaintService.GetComplaint", true},
      {domain::Role::kAuditor, "aduan.v1.IntakeService.SubmitComplaint", false},
      {domain::Role::kAdmin, "aduan.v1.ComplaintService.GetComplaint", false},
      {domain::Role::kAdmin, "aduan.v1.AdminService.IssueToken", true},
      {domain::Role::kOfficer, "aduan.v1.AdminService.IssueToken", false},
      {domain::Role::kHead, "aduan.v1.IntakeService.WithdrawComplaint", false},
  };
  for (const Case& c : cases) {
    const absl::Status s = CheckMethodAccess(With(c.role), c.method);
    if (c.allowed) {
      EXPECT_TRUE(s.ok()) << c.role << " " << c.method << ": " << s;
    } else {
      EXPECT_THAT(s, StatusIs(absl::StatusCode::kPermissionDenied))
          << c.role << " " << c.method;
    }
  }
}

}  // namespace
}  // namespace aduan::auth
