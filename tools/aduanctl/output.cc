#include "tools/aduanctl/output.h"

#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/time_util.h>

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"

namespace aduan::ctl {
namespace {

std::string OrDash(const std::string& s) { return s.empty() ? "-" : s; }

std::string StateText(v1::Complaint::State state) {
  return absl::StrCat(StateLabel(state), " (", v1::Complaint::State_Name(state),
                      ")");
}

std::string SlaText(const v1::SlaClock& sla) {
  if (!sla.has_due_time()) return "-";
  std::string status;
  switch (sla.status()) {
    case v1::SlaClock::ON_TIME:
      status = "tepat waktu";
      break;
    case v1::SlaClock::AT_RISK:
      status = "hampir terlambat";
      break;
    case v1::SlaClock::BREACHED:
      status = "terlambat";
      break;
    default:
      status = "-";
  }
  return absl::StrCat(status, ", tenggat ", FormatTime(sla.due_time()),
                      sla.paused() ? " (berhenti)" : "");
}

// The SLA standing a list shows: BREACHED before AT_RISK before ON_TIME.
std::string SlaShort(const v1::Complaint& c) {
  for (auto status : {v1::SlaClock::BREACHED, v1::SlaClock::AT_RISK}) {
    if (c.service_sla().status() == status ||
        c.resolution_sla().status() == status) {
      return v1::SlaClock::Status_Name(status);
    }
  }
  if (c.service_sla().status() == v1::SlaClock::ON_TIME ||
      c.resolution_sla().status() == v1::SlaClock::ON_TIME) {
    return "ON_TIME";
  }
  return "-";
}

}  // namespace

std::string StateLabel(v1::Complaint::State state) {
  switch (state) {
    case v1::Complaint::SUBMITTED:
      return "Diterima";
    case v1::Complaint::NEEDS_INFO:
      return "Perlu Kelengkapan";
    case v1::Complaint::VERIFIED:
      return "Terverifikasi";
    case v1::Complaint::REPORTED_TO_HEAD:
      return "Dilaporkan ke Camat";
    case v1::Complaint::DISPOSED:
      return "Didisposisikan";
    case v1::Complaint::IN_FOLLOW_UP:
      return "Ditindaklanjuti";
    case v1::Complaint::RESOLVED:
      return "Selesai Ditindaklanjuti";
    case v1::Complaint::INFORMED:
      return "Telah Diinformasikan";
    case v1::Complaint::ARCHIVED:
      return "Diarsipkan";
    case v1::Complaint::REJECTED:
      return "Ditolak";
    case v1::Complaint::OUT_OF_SCOPE:
      return "Bukan Kewenangan";
    case v1::Complaint::DUPLICATE:
      return "Duplikat";
    case v1::Complaint::WITHDRAWN:
      return "Dicabut";
    default:
      return "Tidak diketahui";
  }
}

void PrintJson(const google::protobuf::Message& message, std::ostream& out) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = false;
  std::string json;
  if (!google::protobuf::util::MessageToJsonString(message, &json, options)
           .ok()) {
    json = "{}";
  }
  out << json << "\n";
}

std::string FormatTime(const google::protobuf::Timestamp& time) {
  if (time.seconds() == 0 && time.nanos() == 0) return "-";
  static const absl::TimeZone kWib = absl::FixedTimeZone(7 * 60 * 60);
  return absl::FormatTime("%Y-%m-%d %H:%M",
                          absl::FromUnixSeconds(time.seconds()) +
                              absl::Nanoseconds(time.nanos()),
                          kWib) +
         " WIB";
}

Table::Table(std::vector<std::string> header) {
  rows_.push_back(std::move(header));
}

void Table::AddRow(std::vector<std::string> row) {
  rows_.push_back(std::move(row));
}

void Table::Print(std::ostream& out) const {
  std::vector<size_t> width;
  for (const auto& row : rows_) {
    if (width.size() < row.size()) width.resize(row.size(), 0);
    for (size_t i = 0; i < row.size(); ++i) {
      width[i] = std::max(width[i], row[i].size());
    }
  }
  for (const auto& row : rows_) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) {
        line += std::string(width[i] - row[i].size() + 2, ' ');
      }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << "\n";
  }
}

void Fields::Add(std::string label, std::string value) {
  fields_.emplace_back(std::move(label), std::move(value));
}

void Fields::Print(std::ostream& out) const {
  size_t width = 0;
  for (const auto& [label, value] : fields_) {
    width = std::max(width, label.size());
  }
  for (const auto& [label, value] : fields_) {
    out << label << std::string(width - label.size(), ' ') << " : " << value
        << "\n";
  }
}

void PrintComplaintSummary(const v1::Complaint& c, std::ostream& out) {
  Fields f;
  f.Add("Kode pelacakan", c.tracking_code());
  f.Add("Status", StateText(c.state()));
  if (!c.unit_code().empty()) f.Add("Unit", c.unit_code());
  f.Add("Etag", c.etag());
  f.Print(out);
}

void PrintComplaint(const v1::Complaint& c, std::ostream& out) {
  Fields f;
  f.Add("Kode pelacakan", c.tracking_code());
  f.Add("Status", StateText(c.state()));
  f.Add("Kantor", c.office_code());
  f.Add("Kanal", v1::Complaint::Channel_Name(c.channel()));
  if (!c.source().empty()) f.Add("Sumber", c.source());
  if (!c.external_reference().empty()) {
    f.Add("Referensi", c.external_reference());
  }
  f.Add("Judul", c.title());
  f.Add("Uraian", c.description());
  f.Add("Kategori", OrDash(c.category()));
  f.Add("Unit", OrDash(c.unit_code()));
  const v1::Complainant& p = c.complainant();
  f.Add("Pelapor",
        c.anonymous() && p.name().empty() ? "(anonim)" : OrDash(p.name()));
  if (!p.nik().empty()) f.Add("NIK", p.nik());
  if (!p.kk_number().empty()) f.Add("No. KK", p.kk_number());
  if (!p.phone().empty()) f.Add("Telepon", p.phone());
  if (!p.email().empty()) f.Add("E-mail", p.email());
  if (!p.address().empty()) f.Add("Alamat", p.address());
  std::vector<std::string> where;
  if (!c.location().address().empty()) where.push_back(c.location().address());
  if (!c.location().kelurahan().empty()) {
    where.push_back("Kel. " + c.location().kelurahan());
  }
  f.Add("Lokasi", where.empty() ? "-" : absl::StrJoin(where, ", "));
  std::vector<std::string> flags;
  if (c.anonymous()) flags.push_back("anonim");
  if (c.confidential()) flags.push_back("rahasia");
  if (p.masked()) flags.push_back("data pribadi disamarkan");
  if (!flags.empty()) f.Add("Catatan", absl::StrJoin(flags, ", "));
  f.Add("SLA layanan", SlaText(c.service_sla()));
  f.Add("SLA penyelesaian", SlaText(c.resolution_sla()));
  f.Add("Dibuat", FormatTime(c.create_time()));
  f.Add("Diubah", FormatTime(c.update_time()));
  f.Add("Etag", c.etag());
  f.Print(out);
  if (c.attachments_size() > 0) {
    out << "\nLampiran:\n";
    Table t({"ID", "JENIS", "NAMA FILE", "UKURAN", "DIUNGGAH"});
    for (const v1::Attachment& a : c.attachments()) {
      t.AddRow({a.attachment_id(), v1::Attachment::Type_Name(a.type()),
                a.file_name(), absl::StrCat(a.size_bytes()),
                FormatTime(a.create_time())});
    }
    t.Print(out);
  }
}

void PrintComplaintList(const std::vector<v1::Complaint>& complaints,
                        std::ostream& out) {
  Table t({"KODE", "STATUS", "UNIT", "SLA", "DIBUAT", "JUDUL"});
  for (const v1::Complaint& c : complaints) {
    t.AddRow({c.tracking_code(), StateLabel(c.state()), OrDash(c.unit_code()),
              SlaShort(c), FormatTime(c.create_time()), c.title()});
  }
  t.Print(out);
}

void PrintEvents(const std::vector<v1::ComplaintEvent>& events,
                 std::ostream& out) {
  Table t({"VERSI", "WAKTU", "PERISTIWA", "STATUS", "OLEH", "CATATAN"});
  for (const v1::ComplaintEvent& e : events) {
    t.AddRow({absl::StrCat(e.version()), FormatTime(e.create_time()),
              v1::ComplaintEvent::Type_Name(e.type()), StateLabel(e.to_state()),
              e.actor_role().empty()
                  ? e.actor()
                  : absl::StrCat(e.actor(), " (", e.actor_role(), ")"),
              e.note()});
  }
  t.Print(out);
}

void PrintTrack(const v1::TrackComplaintResponse& r, std::ostream& out) {
  Fields f;
  f.Add("Kode pelacakan", r.tracking_code());
  f.Add("Status", StateText(r.state()));
  f.Add("Kantor", r.office_code());
  f.Add("Tenggat layanan", FormatTime(r.service_due_time()));
  f.Print(out);
  out << "\n";
  Table t({"WAKTU", "STATUS", "KETERANGAN"});
  for (const v1::TimelineEntry& e : r.timeline()) {
    t.AddRow({FormatTime(e.time()), StateLabel(e.state()), e.label()});
  }
  t.Print(out);
}

void PrintOffice(const v1::Office& o, std::ostream& out) {
  Fields f;
  f.Add("Kode", o.code());
  f.Add("Nama", o.name());
  f.Add("Kode wilayah", OrDash(o.region_code()));
  f.Add("Zona waktu", o.time_zone());
  std::vector<std::string> hours;
  for (const v1::WorkingHours& h : o.working_hours()) {
    hours.push_back(absl::StrCat(h.weekday(), " ", h.open(), "-", h.close()));
  }
  f.Add("Jam kerja", absl::StrJoin(hours, ", "));
  f.Add("SLA layanan",
        absl::StrCat(o.service_sla().seconds() / 60, " menit kerja"));
  f.Add("SLA penyelesaian",
        absl::StrCat(o.resolution_sla().seconds() / 60, " menit kerja"));
  f.Add("Batas kelengkapan", absl::StrCat(o.needs_info_limit_days(), " hari"));
  f.Add("Kelurahan", absl::StrJoin(o.kelurahan(), ", "));
  f.Print(out);
}

std::string FormatBinding(const v1::RoleBinding& b) {
  std::string s =
      absl::StrCat(v1::RoleBinding::Role_Name(b.role()), "@", b.office_code());
  if (!b.unit_code().empty()) absl::StrAppend(&s, ":", b.unit_code());
  if (!b.source().empty()) absl::StrAppend(&s, ":", b.source());
  return s;
}

void PrintPrincipal(const v1::Principal& p, std::ostream& out) {
  Fields f;
  f.Add("ID", p.principal_id());
  f.Add("Nama", p.name());
  f.Add("Nama tampilan", OrDash(p.display_name()));
  std::vector<std::string> roles;
  for (const auto& b : p.role_bindings()) roles.push_back(FormatBinding(b));
  f.Add("Peran", roles.empty() ? "-" : absl::StrJoin(roles, ", "));
  f.Add("Nonaktif", p.disabled() ? "ya" : "tidak");
  if (!p.tls_identity().empty()) f.Add("Identitas TLS", p.tls_identity());
  f.Add("Dibuat", FormatTime(p.create_time()));
  f.Print(out);
}

void PrintPrincipals(const std::vector<v1::Principal>& principals,
                     std::ostream& out) {
  Table t({"ID", "NAMA", "PERAN", "NONAKTIF"});
  for (const v1::Principal& p : principals) {
    std::vector<std::string> roles;
    for (const auto& b : p.role_bindings()) roles.push_back(FormatBinding(b));
    t.AddRow({p.principal_id(), p.name(), absl::StrJoin(roles, ","),
              p.disabled() ? "ya" : "tidak"});
  }
  t.Print(out);
}

void PrintTokens(const std::vector<v1::Token>& tokens, std::ostream& out) {
  Table t({"ID", "KETERANGAN", "DIBUAT", "KEDALUWARSA", "DICABUT"});
  for (const v1::Token& k : tokens) {
    t.AddRow({k.token_id(), OrDash(k.description()),
              FormatTime(k.create_time()), FormatTime(k.expire_time()),
              FormatTime(k.revoke_time())});
  }
  t.Print(out);
}

}  // namespace aduan::ctl
