// How aduanctl prints: readable tables and key/value blocks with Indonesian
// labels (the default), or the response as JSON (`--json`).
#ifndef ADUAN_TOOLS_ADUANCTL_OUTPUT_H_
#define ADUAN_TOOLS_ADUANCTL_OUTPUT_H_

#include <google/protobuf/message.h>
#include <google/protobuf/timestamp.pb.h>

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "aduan/v1/admin_service.pb.h"
#include "aduan/v1/archive_service.pb.h"
#include "aduan/v1/complaint.pb.h"
#include "aduan/v1/intake_service.pb.h"

namespace aduan::ctl {

// The Indonesian label of a state, e.g. "Terverifikasi" for VERIFIED.
std::string StateLabel(v1::Complaint::State state);

// `message` as one line of JSON (lowerCamelCase field names, enums by name).
void PrintJson(const google::protobuf::Message& message, std::ostream& out);

// A timestamp in Western Indonesian Time, `2026-11-28 09:15 WIB`; `-` when
// unset.
std::string FormatTime(const google::protobuf::Timestamp& time);

// Rows of text printed in aligned columns, the header first.
class Table {
 public:
  explicit Table(std::vector<std::string> header);
  void AddRow(std::vector<std::string> row);
  void Print(std::ostream& out) const;

 private:
  std::vector<std::vector<std::string>> rows_;
};

// `label : value` lines with aligned colons.
class Fields {
 public:
  void Add(std::string label, std::string value);
  void Print(std::ostream& out) const;

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

// Key facts of a complaint after a step: code, state, unit, etag.
void PrintComplaintSummary(const v1::Complaint& c, std::ostream& out);
// Every field of a complaint, its SLA clocks and attachments.
void PrintComplaint(const v1::Complaint& c, std::ostream& out);
// One line per complaint.
void PrintComplaintList(const std::vector<v1::Complaint>& complaints,
                        std::ostream& out);
// One line per event.
void PrintEvents(const std::vector<v1::ComplaintEvent>& events,
                 std::ostream& out);
// The public view.
void PrintTrack(const v1::TrackComplaintResponse& t, std::ostream& out);

void PrintOffice(const v1::Office& office, std::ostream& out);
void PrintPrincipal(const v1::Principal& p, std::ostream& out);
void PrintPrincipals(const std::vector<v1::Principal>& principals,
                     std::ostream& out);
void PrintTokens(const std::vector<v1::Token>& tokens, std::ostream& out);
// A binding as aduanctl reads it: ROLE@OFFICE[:UNIT or source].
std::string FormatBinding(const v1::RoleBinding& b);

}  // namespace aduan::ctl

#endif  // ADUAN_TOOLS_ADUANCTL_OUTPUT_H_
