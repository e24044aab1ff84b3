#include "server/domain/complaint_reader.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/crypto.h"
#include "common/status_macros.h"
#include "server/domain/complaint_access.h"
#include "server/domain/complaint_answers.h"
#include "server/domain/tracking_code.h"
#include "server/domain/validation.h"

namespace aduan::domain {
namespace {

constexpr size_t kMaxQueryChars = 200;

// Keeps the first of equal values; more than kMaxFilterValues distinct ones
// is INVALID_ARGUMENT naming `field` (a huge list is a denial of service,
// not a question).
template <typename V>
absl::Status Distinct(absl::string_view field, std::vector<V>& values) {
  std::vector<V> distinct;
  absl::flat_hash_set<V> seen;
  for (V& v : values) {
    if (seen.insert(v).second) distinct.push_back(std::move(v));
  }
  if (distinct.size() > ComplaintReader::kMaxFilterValues) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": at most ", ComplaintReader::kMaxFilterValues,
                     " distinct values (", distinct.size(), " given)"));
  }
  values = std::move(distinct);
  return absl::OkStatus();
}

bool IsSixteenDigits(const std::string& s) {
  return s.size() == 16 &&
         s.find_first_not_of("0123456789") == std::string::npos;
}

absl::Status BadToken() {
  return absl::InvalidArgumentError(
      "page_token: is malformed or does not belong to this request's filters; "
      "start again without page_token");
}

// Canonical text of the filters a page token is bound to.
std::string FilterKey(const ListInput& in, const std::string& order) {
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return absl::StrJoin(v, ",");
  };
  auto names = [](const auto& values) {
    std::vector<std::string> out;
    for (const auto& v : values) out.emplace_back(model::Name(v));
    return out;
  };
  return absl::StrCat(
      sorted(in.office_codes), "|", sorted(names(in.states)), "|",
      sorted(names(in.channels)), "|", sorted(in.unit_codes), "|",
      sorted(in.sla_statuses), "|", in.query, "|",
      in.create_time_from ? absl::ToUnixMicros(*in.create_time_from) : -1, "|",
      in.create_time_to ? absl::ToUnixMicros(*in.create_time_to) : -1, "|",
      order);
}

std::string FilterDigest(const std::string& key) {
  return Sha256Hex(key).substr(0, 16);
}

}  // namespace

absl::StatusOr<int> EffectivePageSize(int page_size) {
  if (page_size < 0) {
    return absl::InvalidArgumentError("page_size: must not be negative");
  }
  if (page_size == 0) return ComplaintReader::kDefaultPageSize;
  return std::min(page_size, ComplaintReader::kMaxPageSize);
}

absl::StatusOr<ComplaintView> ComplaintReader::View(
    absl::Time deadline, model::ComplaintRecord record) {
  ASSIGN_OR_RETURN(auto office, offices_.Get(deadline, record.office_code));
  return MakeComplaintView(std::move(record), clock_.Now(), *office);
}

absl::StatusOr<model::ComplaintRecord> ComplaintReader::Visible(
    absl::Time deadline, const Principal& who, const std::string& code) {
  ASSIGN_OR_RETURN(model::ComplaintRecord record,
                   complaints_.Get(deadline, code));
  if (!CanSeeComplaint(who, record)) return ComplaintNotFound();
  return record;
}

absl::StatusOr<ComplaintView> ComplaintReader::Get(
    absl::Time deadline, const Principal& who, const std::string& tracking_code,
    bool full, const std::string& access_reason) {
  ASSIGN_OR_RETURN(std::string code,
                   NormalizeTrackingCode("tracking_code", tracking_code));
  ASSIGN_OR_RETURN(model::ComplaintRecord record, Visible(deadline, who, code));
  if (!full) {
    return BasicView(complaints_, offices_, clock_.Now(), deadline, who,
                     std::move(record));
  }
  ASSIGN_OR_RETURN(std::vector<model::AttachmentRecord> attachments,
                   VisibleAttachments(complaints_, deadline, who, record));
  if (!MayReadFullView(who, record.office_code)) {
    return absl::PermissionDeniedError(
        "view: FULL is for officer, secretary and head of the office");
  }
  RETURN_IF_ERROR(
      ValidateText("access_reason", access_reason, 1, kMaxNoteChars, false));
  model::AccessLogRecord entry;
  entry.principal_id = who.id;
  entry.principal_name = who.name;
  for (Role role : {kHead, kSecretary, kOfficer}) {
    if (who.HasRole(role, record.office_code)) {
      entry.role = role;
      break;
    }
  }
  entry.reason = access_reason;
  entry.create_time = absl::ToUnixMicros(clock_.Now());
  ASSIGN_OR_RETURN(model::ComplaintRecord logged,
                   complaints_.GetLoggingAccess(deadline, code, entry));
  spdlog::info("full view of {} by {} ({})", code, who.name,
               std::string(model::Name(entry.role)));
  ASSIGN_OR_RETURN(ComplaintView view, View(deadline, std::move(logged)));
  view.attachments = std::move(attachments);
  return view;
}

absl::StatusOr<ListResult> ComplaintReader::List(absl::Time deadline,
                                                 const Principal& who,
                                                 const ListInput& input) {
  ListInput in = input;
  RETURN_IF_ERROR(Distinct("office_codes", in.office_codes));
  RETURN_IF_ERROR(Distinct("states", in.states));
  RETURN_IF_ERROR(Distinct("channels", in.channels));
  RETURN_IF_ERROR(Distinct("unit_codes", in.unit_codes));
  RETURN_IF_ERROR(Distinct("sla_statuses", in.sla_statuses));
  ASSIGN_OR_RETURN(int page_size, EffectivePageSize(in.page_size));
  model::ComplaintQuery q;
  const std::string order = absl::AsciiStrToLower(absl::StrJoin(
      absl::StrSplit(in.order_by, ' ', absl::SkipWhitespace()), " "));
  if (order.empty() || order == "create_time desc") {
  } else if (order == "create_time asc" || order == "create_time") {
    q.descending = false;
  } else if (order == "update_time desc") {
    q.order_by_update_time = true;
  } else if (order == "update_time asc" || order == "update_time") {
    q.order_by_update_time = true;
    q.descending = false;
  } else {
    return absl::InvalidArgumentError(
        "order_by: must be one of \"create_time desc\" (default), "
        "\"create_time asc\", \"update_time desc\", \"update_time asc\"");
  }
  RETURN_IF_ERROR(ValidateText("query", in.query, 0, kMaxQueryChars, false));
  if (in.create_time_from && in.create_time_to &&
      *in.create_time_from >= *in.create_time_to) {
    return absl::InvalidArgumentError(
        "create_time_to: must be after create_time_from");
  }
  const std::string digest = FilterDigest(FilterKey(in, order));
  if (!in.page_token.empty()) {
    std::string raw;
    if (!absl::WebSafeBase64Unescape(in.page_token, &raw)) return BadToken();
    std::vector<std::string> parts = absl::StrSplit(raw, ':');
    long long t = 0, id = 0;
    if (parts.size() != 4 || parts[0] != "c1" || parts[1] != digest ||
        !absl::SimpleAtoi(parts[2], &t) || !absl::SimpleAtoi(parts[3], &id)) {
      return BadToken();
    }
    q.after = {{t, id}};
  }
  q.office_codes = in.office_codes;
  q.states = in.states;
  q.channels = in.channels;
  q.unit_codes = in.unit_codes;
  q.sla_statuses = in.sla_statuses;
  q.scopes = VisibleScopes(who);
  if (IsSixteenDigits(in.query)) {
    // Only in the offices where the caller may read personal data: a unit
    // or auditor binding elsewhere does not make a NIK searchable there.
    q.scopes = NikSearchScopes(who);
    if (q.scopes->empty()) {
      return absl::PermissionDeniedError(
          "query: searching by NIK is for officer, secretary and head");
    }
    q.nik = in.query;
  } else {
    q.text = in.query;
  }
  q.create_time_from = in.create_time_from;
  q.create_time_to = in.create_time_to;
  q.limit = page_size + 1;
  q.now = clock_.Now();
  ASSIGN_OR_RETURN(model::ComplaintPage page, complaints_.List(deadline, q));
  ListResult out;
  out.total_size = page.total_size;
  const bool more = static_cast<int>(page.rows.size()) > page_size;
  if (more) page.rows.resize(page_size);
  if (more) {
    const model::ComplaintRecord& last = page.rows.back();
    out.next_page_token = absl::WebSafeBase64Escape(absl::StrCat(
        "c1:", digest, ":",
        q.order_by_update_time ? last.update_time : last.create_time, ":",
        last.id));
  }
  for (model::ComplaintRecord& r : page.rows) {
    const bool masked = MaskForViewer(who, r);
    ASSIGN_OR_RETURN(ComplaintView v, View(deadline, std::move(r)));
    v.masked = masked;
    out.complaints.push_back(std::move(v));
  }
  return out;
}

absl::StatusOr<EventsResult> ComplaintReader::ListEvents(
    absl::Time deadline, const Principal& who, const std::string& tracking_code,
    int page_size, const std::string& page_token) {
  ASSIGN_OR_RETURN(std::string code,
                   NormalizeTrackingCode("tracking_code", tracking_code));
  RETURN_IF_ERROR(Visible(deadline, who, code).status());
  ASSIGN_OR_RETURN(int size, EffectivePageSize(page_size));
  long long after = 0;
  if (!page_token.empty()) {
    std::string raw;
    std::vector<std::string> parts;
    if (absl::WebSafeBase64Unescape(page_token, &raw)) {
      parts = absl::StrSplit(raw, ':');
    }
    if (parts.size() != 3 || parts[0] != "e1" || parts[1] != code ||
        !absl::SimpleAtoi(parts[2], &after)) {
      return BadToken();
    }
  }
  ASSIGN_OR_RETURN(std::vector<model::EventRecord> events,
                   complaints_.ListEvents(deadline, code, after, size + 1));
  EventsResult out;
  if (static_cast<int>(events.size()) > size) {
    events.resize(size);
    out.next_page_token = absl::WebSafeBase64Escape(
        absl::StrCat("e1:", code, ":", events.back().version));
  }
  out.events = std::move(events);
  return out;
}

}  // namespace aduan::domain
