#include "server/domain/complaint_access.h"

#include "common/pii_cipher.h"

namespace aduan::domain {
namespace {

bool IsStaff(Role role) {
  return role == kOfficer || role == kSecretary || role == kHead;
}

}  // namespace

absl::Status ComplaintNotFound() {
  return absl::NotFoundError("complaint not found");
}

bool CanSeeComplaint(const Principal& who, const model::ComplaintRecord& c) {
  if (who.system) return true;
  for (const model::RoleBindingRecord& b : who.bindings) {
    if (b.office_code != c.office_code) continue;
    if (IsStaff(b.role) || b.role == kAuditor) return true;
    if (b.role == kUnit && !c.unit_code.empty() && b.unit_code == c.unit_code) {
      return true;
    }
    if (b.role == kGateway && !c.source.empty() && b.source == c.source) {
      return true;
    }
  }
  return false;
}

std::vector<model::ComplaintScope> VisibleScopes(const Principal& who) {
  std::vector<model::ComplaintScope> out;
  for (const model::RoleBindingRecord& b : who.bindings) {
    if (IsStaff(b.role) || b.role == kAuditor) {
      out.push_back({b.office_code, "", ""});
    } else if (b.role == kUnit && !b.unit_code.empty()) {
      out.push_back({b.office_code, b.unit_code, ""});
    } else if (b.role == kGateway && !b.source.empty()) {
      out.push_back({b.office_code, "", b.source});
    }
  }
  return out;
}

bool MayReadFullView(const Principal& who, const std::string& office) {
  for (const model::RoleBindingRecord& b : who.bindings) {
    if (b.office_code == office && IsStaff(b.role)) return true;
  }
  return false;
}

bool IsIdentityDocument(DocumentType type) {
  return type == DocumentType::kKkCopy || type == DocumentType::kKtpCopy;
}

bool MayOpenAttachment(const Principal& who, const model::ComplaintRecord& c,
                       DocumentType type) {
  if (!CanSeeComplaint(who, c)) return false;
  if (MayReadFullView(who, c.office_code)) return true;
  if (IsIdentityDocument(type)) return false;
  bool other_role = false;  // a role that sees the complaint, not as its unit
  for (const model::RoleBindingRecord& b : who.bindings) {
    if (b.office_code != c.office_code) continue;
    if (b.role == kAuditor) other_role = true;
    if (b.role == kGateway && !c.source.empty() && b.source == c.source) {
      other_role = true;
    }
  }
  return other_role || type == DocumentType::kResult ||
         type == DocumentType::kLocationPhoto;
}

void HideFileNameIfNeeded(const Principal& who, const model::ComplaintRecord& c,
                          model::AttachmentRecord& a) {
  if (c.anonymous && !MayReadFullView(who, c.office_code)) a.file_name.clear();
}

std::vector<model::AttachmentRecord> OpenableAttachments(
    const Principal& who, const model::ComplaintRecord& c,
    std::vector<model::AttachmentRecord> all) {
  std::vector<model::AttachmentRecord> out;
  for (model::AttachmentRecord& a : all) {
    if (!MayOpenAttachment(who, c, a.type)) continue;
    HideFileNameIfNeeded(who, c, a);
    out.push_back(std::move(a));
  }
  return out;
}

absl::StatusOr<std::vector<model::AttachmentRecord>> VisibleAttachments(
    model::ComplaintRepository& complaints, absl::Time deadline,
    const Principal& who, const model::ComplaintRecord& c) {
  absl::StatusOr<std::vector<model::AttachmentRecord>> all =
      complaints.ListAttachments(deadline, c.tracking_code);
  if (!all.ok()) return all.status();
  return OpenableAttachments(who, c, *std::move(all));
}

std::vector<model::ComplaintScope> NikSearchScopes(const Principal& who) {
  std::vector<model::ComplaintScope> out;
  for (const model::RoleBindingRecord& b : who.bindings) {
    if (IsStaff(b.role)) out.push_back({b.office_code, "", ""});
  }
  return out;
}

bool MaskForViewer(const Principal& who, model::ComplaintRecord& c) {
  bool staff = false, auditor = false, unit = false, gateway = false;
  for (const model::RoleBindingRecord& b : who.bindings) {
    if (b.office_code != c.office_code) continue;
    staff |= IsStaff(b.role);
    auditor |= b.role == kAuditor;
    unit |= b.role == kUnit && b.unit_code == c.unit_code;
    gateway |= b.role == kGateway && b.source == c.source;
  }
  const bool had_identity =
      !c.complainant_nik.empty() || !c.complainant_kk.empty();
  if (staff) {
    c.complainant_nik = MaskIdentityNumber(c.complainant_nik);
    c.complainant_kk = MaskIdentityNumber(c.complainant_kk);
    return had_identity;
  }
  if (c.anonymous) {
    c.complainant_name.clear();
    c.complainant_nik.clear();
    c.complainant_kk.clear();
    c.complainant_phone.clear();
    c.complainant_email.clear();
    c.complainant_address.clear();
    return true;
  }
  if (unit && !auditor && !gateway) {
    // Units call the complainant back: name and phone only.
    c.complainant_nik.clear();
    c.complainant_kk.clear();
    c.complainant_email.clear();
    c.complainant_address.clear();
    return true;
  }
  c.complainant_nik = MaskIdentityNumber(c.complainant_nik);
  c.complainant_kk = MaskIdentityNumber(c.complainant_kk);
  return had_identity;
}

}  // namespace aduan::domain
