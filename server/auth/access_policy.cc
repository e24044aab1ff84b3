#include "server/auth/access_policy.h"

#include <spdlog/spdlog.h>

#include "absl/strings/str_cat.h"

namespace aduan::auth {
namespace {

using namespace domain;  // role names

const std::vector<Role> kReaders = {kOfficer, kSecretary, kHead,
                                    kUnit,    kGateway,   kAuditor};
const std::vector<Role> kFileReaders = {kOfficer, kSecretary, kHead, kAuditor};

}  // namespace

const std::vector<MethodRule>& MethodRules() {
  static const std::vector<MethodRule>* const kRules =
      new std::vector<MethodRule>{
          // Step 1 and the complainant's own actions.
          {"aduan.v1.IntakeService.SubmitComplaint",
           false,
           {kOfficer, kGateway}},
          {"aduan.v1.IntakeService.UpdateComplaint", false, {kOfficer}},
          {"aduan.v1.IntakeService.SupplementComplaint",
           true,
           {kOfficer, kGateway}},
          {"aduan.v1.IntakeService.WithdrawComplaint",
           true,
           {kOfficer, kGateway}},
          {"aduan.v1.IntakeService.TrackComplaint", true, {}},
          {"aduan.v1.IntakeService.ReissuePin", false, {kOfficer}},
          // Reads.
          {"aduan.v1.ComplaintService.GetComplaint", false, kReaders},
          {"aduan.v1.ComplaintService.ListComplaints", false, kReaders},
          {"aduan.v1.ComplaintService.ListComplaintEvents", false, kReaders},
          // Steps 2-3.
          {"aduan.v1.VerificationService.VerifyComplaint", false, {kOfficer}},
          {"aduan.v1.VerificationService.ReportToHead", false, {kSecretary}},
          // Steps 4-5.
          {"aduan.v1.DispositionService.DisposeComplaint", false, {kHead}},
          {"aduan.v1.DispositionService.DeclineComplaint", false, {kHead}},
          {"aduan.v1.DispositionService.ReturnDisposition", false, {kUnit}},
          {"aduan.v1.DispositionService.ReturnForRework", false, {kHead}},
          {"aduan.v1.DispositionService.StartFollowUp", false, {kUnit}},
          {"aduan.v1.DispositionService.AddFollowUpNote", false, {kUnit}},
          {"aduan.v1.DispositionService.ResolveComplaint", false, {kUnit}},
          // Steps 6-7.
          {"aduan.v1.ArchiveService.InformComplainant", false, {kOfficer}},
          {"aduan.v1.ArchiveService.ArchiveComplaint", false, {kOfficer}},
          {"aduan.v1.ArchiveService.GetArchive", false, kFileReaders},
          {"aduan.v1.ArchiveService.VerifyArchive", false, kFileReaders},
          // Documents.
          {"aduan.v1.AttachmentService.UploadAttachment",
           true,
           {kOfficer, kGateway, kUnit}},
          {"aduan.v1.AttachmentService.DownloadAttachment", false, kReaders},
          // Administration.
          {"aduan.v1.AdminService.GetOffice", false, {kAdmin}},
          {"aduan.v1.AdminService.ListOffices", false, {kAdmin}},
          {"aduan.v1.AdminService.CreateOffice", false, {kAdmin}},
          {"aduan.v1.AdminService.UpdateOffice", false, {kAdmin}},
          {"aduan.v1.AdminService.ListUnits", false, {kAdmin}},
          {"aduan.v1.AdminService.CreateUnit", false, {kAdmin}},
          {"aduan.v1.AdminService.UpdateUnit", false, {kAdmin}},
          {"aduan.v1.AdminService.ListCategories", false, {kAdmin}},
          {"aduan.v1.AdminService.CreateCategory", false, {kAdmin}},
          {"aduan.v1.AdminService.UpdateCategory", false, {kAdmin}},
          {"aduan.v1.AdminService.CreatePrincipal", false, {kAdmin}},
          {"aduan.v1.AdminService.GetPrincipal", false, {kAdmin}},
          {"aduan.v1.AdminService.ListPrincipals", false, {kAdmin}},
          {"aduan.v1.AdminService.UpdatePrincipal", false, {kAdmin}},
          {"aduan.v1.AdminService.AddRoleBinding", false, {kAdmin}},
          {"aduan.v1.AdminService.RemoveRoleBinding", false, {kAdmin}},
          {"aduan.v1.AdminService.IssueToken", false, {kAdmin}},
          {"aduan.v1.AdminService.RevokeToken", false, {kAdmin}},
          {"aduan.v1.AdminService.ListTokens", false, {kAdmin}},
          {"aduan.v1.AdminService.ListAccessLog", false, {kAdmin}},
      };
  return *kRules;
}

const MethodRule* FindMethodRule(absl::string_view method) {
  for (const MethodRule& r : MethodRules()) {
    if (method == r.method) return &r;
  }
  return nullptr;
}

absl::Status CheckMethodAccess(const domain::Principal& who,
                               absl::string_view method) {
  const MethodRule* rule = FindMethodRule(method);
  if (rule == nullptr) {
    spdlog::error("no access rule for {}; denied", std::string(method));
    return absl::PermissionDeniedError("this method is not open to any role");
  }
  if (!who.authenticated) {
    if (rule->is_public) return absl::OkStatus();
    return absl::UnauthenticatedError(
        "credentials required: send `authorization: Bearer <token>`");
  }
  if (rule->is_public && rule->roles.empty()) return absl::OkStatus();
  for (Role role : rule->roles) {
    if (who.HasRole(role)) return absl::OkStatus();
  }
  return absl::PermissionDeniedError(
      absl::StrCat("your roles do not allow ",
                   std::string(method.substr(method.rfind('.') + 1))));
}

}  // namespace aduan::auth
