#include "tests/fakes/memory_complaint_repository.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/crypto.h"
#include "common/status_macros.h"

namespace aduan::fakes {
namespace {

absl::Status NotFound() { return absl::NotFoundError("complaint not found"); }

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

template <typename E>
bool ContainsValue(const std::vector<E>& v, E e) {
  return std::find(v.begin(), v.end(), e) != v.end();
}

// The repository contract's SLA status of `c` at `now`.
std::string SlaStatus(const model::ComplaintRecord& c, long long now) {
  auto past = [now](const std::optional<long long>& t) {
    return t.has_value() && *t <= now;
  };
  if (c.service.breached || c.resolution.breached || past(c.service.due) ||
      past(c.resolution.due)) {
    return "BREACHED";
  }
  if (past(c.service.at_risk) || past(c.resolution.at_risk)) return "AT_RISK";
  return "ON_TIME";
}

bool InScope(const model::ComplaintRecord& c,
             const std::vector<model::ComplaintScope>& scopes) {
  for (const model::ComplaintScope& s : scopes) {
    if (s.office_code != c.office_code) continue;
    if (!s.unit_code.empty() && s.unit_code != c.unit_code) continue;
    if (!s.source.empty() && s.source != c.source) continue;
    return true;
  }
  return false;
}

// Case-insensitive (ASCII) substring, as LIKE '%…%' in both databases.
bool HasText(const std::string& haystack, const std::string& needle) {
  return absl::StrContains(absl::AsciiStrToLower(haystack),
                           absl::AsciiStrToLower(needle));
}

bool Matches(const model::ComplaintRecord& c, const model::ComplaintQuery& q) {
  if (q.scopes && !InScope(c, *q.scopes)) return false;
  if (!q.nik.empty() && c.complainant_nik != q.nik) return false;
  if (!q.office_codes.empty() && !Contains(q.office_codes, c.office_code)) {
    return false;
  }
  if (!q.states.empty() && !ContainsValue(q.states, c.state)) return false;
  if (!q.channels.empty() && !ContainsValue(q.channels, c.channel)) {
    return false;
  }
  if (!q.unit_codes.empty() && !Contains(q.unit_codes, c.unit_code)) {
    return false;
  }
  if (!q.sla_statuses.empty() &&
      !Contains(q.sla_statuses, SlaStatus(c, absl::ToUnixMicros(q.now)))) {
    return false;
  }
  if (!q.text.empty() && !HasText(c.tracking_code, q.text) &&
      !HasText(c.title, q.text) && !HasText(c.description, q.text)) {
    return false;
  }
  const absl::Time created = absl::FromUnixMicros(c.create_time);
  if (q.create_time_from && created < *q.create_time_from) return false;
  if (q.create_time_to && created >= *q.create_time_to) return false;
  return true;
}

}  // namespace

std::string MemoryComplaintRepository::KeyedFingerprint(
    absl::string_view digest) const {
  return absl::BytesToHexString(HmacSha256("memory-fingerprint-key", digest));
}

std::optional<model::RequestRecord>
MemoryComplaintRepository::FindRequestLocked(
    const std::string& caller, const std::string& request_id) const {
  auto it = requests_.find({caller, request_id});
  if (it == requests_.end()) return std::nullopt;
  return it->second;
}

void MemoryComplaintRepository::InsertRequestLocked(
    const model::RequestRecord& request) {
  model::RequestRecord stored = request;
  stored.fingerprint = KeyedFingerprint(request.fingerprint);
  requests_[{request.caller, request.request_id}] = std::move(stored);
}

absl::StatusOr<model::CreateOutcome> MemoryComplaintRepository::Create(
    absl::Time, model::ComplaintRecord& complaint,
    const model::EventRecord& event,
    const std::optional<model::RequestRecord>& request) {
  absl::MutexLock lock(&mu_);
  model::CreateOutcome out;
  if (request) {
    if (auto found = FindRequestLocked(request->caller, request->request_id)) {
      out.kind = model::CreateOutcome::Kind::kRequestExists;
      out.request = *found;
      return out;
    }
  }
  if (!complaint.source.empty() && !complaint.external_reference.empty()) {
    for (const auto& [code, c] : complaints_) {
      if (c.source == complaint.source &&
          c.external_reference == complaint.external_reference) {
        out.kind = model::CreateOutcome::Kind::kExternalReferenceExists;
        out.tracking_code = code;
        return out;
      }
    }
  }
  if (complaints_.count(complaint.tracking_code) > 0) {
    out.kind = model::CreateOutcome::Kind::kTrackingCodeTaken;
    return out;
  }
  complaint.id = next_id_++;
  complaints_[complaint.tracking_code] = complaint;
  events_[complaint.tracking_code].push_back(event);
  if (request) InsertRequestLocked(*request);
  return out;
}

absl::StatusOr<model::UpdateOutcome> MemoryComplaintRepository::Update(
    const model::ComplaintRecord& c, long long expected_version,
    const model::EventRecord& event,
    const std::optional<model::RequestRecord>& request, const Extra& extra) {
  absl::MutexLock lock(&mu_);
  model::UpdateOutcome out;
  if (request) {
    if (auto found = FindRequestLocked(request->caller, request->request_id)) {
      out.kind = model::UpdateOutcome::Kind::kRequestExists;
      out.request = *found;
      return out;
    }
  }
  auto it = complaints_.find(c.tracking_code);
  if (it == complaints_.end() || it->second.id != c.id ||
      it->second.version != expected_version) {
    out.kind = model::UpdateOutcome::Kind::kVersionConflict;
    return out;
  }
  std::vector<model::EventRecord> events = events_[c.tracking_code];
  events.push_back(event);
  std::optional<model::ArchiveRecord> archive;
  if (extra.build != nullptr) {
    std::string prev(64, '0');
    long long last_seq = 0;
    for (const model::ArchiveRecord& a : archives_) {
      if (a.office_code == c.office_code && a.office_seq > last_seq) {
        last_seq = a.office_seq;
        prev = a.sha256;
      }
    }
    ASSIGN_OR_RETURN(archive, (*extra.build)(prev, last_seq + 1, events));
  }
  // Everything checked: write it all (the transaction commits).
  model::ComplaintRecord stored = c;
  const model::ComplaintRecord& before = it->second;
  // As the SQL: a new PIN generation writes the count the domain gives;
  // other changes keep the concurrent count; the window start stays.
  stored.pin_failures = before.pin_generation != c.pin_generation
                            ? c.pin_failures
                            : before.pin_failures;
  stored.pin_window_start = before.pin_window_start;
  stored.office_code = before.office_code;
  stored.channel = before.channel;
  stored.source = before.source;
  stored.external_reference = before.external_reference;
  stored.create_time = before.create_time;
  it->second = std::move(stored);
  events_[c.tracking_code] = std::move(events);
  if (extra.attachment != nullptr) {
    model::AttachmentRecord a = *extra.attachment;
    a.office_code = c.office_code;
    a.tracking_code = c.tracking_code;
    attachments_.push_back(std::move(a));
  }
  if (archive) archives_.push_back(*std::move(archive));
  if (request) InsertRequestLocked(*request);
  return out;
}

absl::StatusOr<model::UpdateOutcome> MemoryComplaintRepository::UpdateWithEvent(
    absl::Time, const model::ComplaintRecord& c, long long expected_version,
    const model::EventRecord& event,
    const std::optional<model::RequestRecord>& request) {
  return Update(c, expected_version, event, request, Extra());
}

absl::StatusOr<model::UpdateOutcome>
MemoryComplaintRepository::ArchiveWithEvent(
    absl::Time, const model::ComplaintRecord& c, long long expected_version,
    const model::EventRecord& event,
    const std::optional<model::RequestRecord>& request,
    const ArchiveBuilder& build) {
  Extra extra;
  extra.build = &build;
  return Update(c, expected_version, event, request, extra);
}

absl::StatusOr<model::UpdateOutcome> MemoryComplaintRepository::AttachWithEvent(
    absl::Time, const model::ComplaintRecord& c, long long expected_version,
    const model::EventRecord& event,
    const std::optional<model::RequestRecord>& request,
    const model::AttachmentRecord& attachment) {
  Extra extra;
  extra.attachment = &attachment;
  return Update(c, expected_version, event, request, extra);
}

absl::StatusOr<model::ComplaintRecord>
MemoryComplaintRepository::GetLoggingAccess(
    absl::Time, const std::string& tracking_code,
    const model::AccessLogRecord& entry) {
  absl::MutexLock lock(&mu_);
  auto it = complaints_.find(tracking_code);
  if (it == complaints_.end()) return NotFound();
  model::AccessLogRecord logged = entry;
  logged.office_code = it->second.office_code;
  logged.tracking_code = it->second.tracking_code;
  access_.AppendAccessLog(std::move(logged));
  return it->second;
}

absl::StatusOr<std::vector<model::AttachmentRecord>>
MemoryComplaintRepository::ListAttachments(absl::Time,
                                           const std::string& tracking_code) {
  absl::MutexLock lock(&mu_);
  std::vector<model::AttachmentRecord> out;
  for (const model::AttachmentRecord& a : attachments_) {
    if (a.tracking_code == tracking_code) out.push_back(a);
  }
  return out;
}

absl::StatusOr<std::optional<model::AttachmentRecord>>
MemoryComplaintRepository::GetAttachment(absl::Time,
                                         const std::string& attachment_id) {
  absl::MutexLock lock(&mu_);
  for (const model::AttachmentRecord& a : attachments_) {
    if (a.attachment_id == attachment_id) return a;
  }
  return std::nullopt;
}

absl::StatusOr<long long> MemoryComplaintRepository::CountAttachmentsWithSha256(
    absl::Time, const std::string& sha256) {
  absl::MutexLock lock(&mu_);
  return static_cast<long long>(
      std::count_if(attachments_.begin(), attachments_.end(),
                    [&](const auto& a) { return a.sha256 == sha256; }));
}

absl::StatusOr<std::optional<model::AttachmentRecord>>
MemoryComplaintRepository::FindAttachmentByRequest(
    absl::Time, const std::string& caller, const std::string& request_id) {
  absl::MutexLock lock(&mu_);
  for (const model::AttachmentRecord& a : attachments_) {
    if (a.request_caller == caller && a.request_id == request_id) return a;
  }
  return std::nullopt;
}

absl::StatusOr<std::optional<model::ArchiveRecord>>
MemoryComplaintRepository::GetArchive(absl::Time,
                                      const std::string& tracking_code) {
  absl::MutexLock lock(&mu_);
  for (const model::ArchiveRecord& a : archives_) {
    if (a.tracking_code == tracking_code) return a;
  }
  return std::nullopt;
}

absl::StatusOr<std::optional<model::ArchiveRecord>>
MemoryComplaintRepository::GetArchiveBySeq(absl::Time,
                                           const std::string& office_code,
                                           long long office_seq) {
  absl::MutexLock lock(&mu_);
  for (const model::ArchiveRecord& a : archives_) {
    if (a.office_code == office_code && a.office_seq == office_seq) return a;
  }
  return std::nullopt;
}

absl::StatusOr<std::vector<model::ComplaintRecord>>
MemoryComplaintRepository::ListExpiredNeedsInfo(absl::Time, absl::Time at,
                                                int limit) {
  absl::MutexLock lock(&mu_);
  std::vector<model::ComplaintRecord> out;
  for (const auto& [code, c] : complaints_) {
    if (c.state == model::State::kNeedsInfo && c.needs_info_until &&
        *c.needs_info_until <= absl::ToUnixMicros(at)) {
      out.push_back(c);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return *a.needs_info_until < *b.needs_info_until;
  });
  if (static_cast<int>(out.size()) > limit) out.resize(limit);
  return out;
}

absl::StatusOr<bool> MemoryComplaintRepository::NikIndexMatches(
    absl::Time, const std::string& tracking_code) {
  absl::MutexLock lock(&mu_);
  if (complaints_.count(tracking_code) == 0) return NotFound();
  return true;  // the index is never kept apart from the NIK here
}

absl::StatusOr<std::optional<model::RequestRecord>>
MemoryComplaintRepository::FindRequest(absl::Time, const std::string& caller,
                                       const std::string& request_id) {
  absl::MutexLock lock(&mu_);
  return FindRequestLocked(caller, request_id);
}

absl::StatusOr<model::ComplaintRecord> MemoryComplaintRepository::Get(
    absl::Time, const std::string& tracking_code) {
  absl::MutexLock lock(&mu_);
  auto it = complaints_.find(tracking_code);
  if (it == complaints_.end()) return NotFound();
  return it->second;
}

absl::StatusOr<model::ComplaintPage> MemoryComplaintRepository::List(
    absl::Time, const model::ComplaintQuery& q) {
  absl::MutexLock lock(&mu_);
  auto key = [&q](const model::ComplaintRecord& c) {
    return std::make_pair(
        q.order_by_update_time ? c.update_time : c.create_time, c.id);
  };
  std::vector<const model::ComplaintRecord*> matching;
  for (const auto& [code, c] : complaints_) {
    if (Matches(c, q)) matching.push_back(&c);
  }
  std::sort(matching.begin(), matching.end(),
            [&](const auto* a, const auto* b) {
              return q.descending ? key(*a) > key(*b) : key(*a) < key(*b);
            });
  model::ComplaintPage page;
  page.total_size = static_cast<long long>(matching.size());
  for (const model::ComplaintRecord* c : matching) {
    if (static_cast<int>(page.rows.size()) >= q.limit) break;
    if (q.after && (q.descending ? key(*c) >= *q.after : key(*c) <= *q.after)) {
      continue;
    }
    page.rows.push_back(*c);
  }
  return page;
}

absl::StatusOr<std::vector<model::EventRecord>>
MemoryComplaintRepository::ListEvents(absl::Time,
                                      const std::string& tracking_code,
                                      long long after_version, int limit) {
  absl::MutexLock lock(&mu_);
  auto it = events_.find(tracking_code);
  if (it == events_.end()) return NotFound();
  std::vector<model::EventRecord> out;
  for (const model::EventRecord& e : it->second) {
    if (e.version <= after_version) continue;
    if (static_cast<int>(out.size()) >= limit) break;
    out.push_back(e);
  }
  return out;
}

int MemoryComplaintRepository::Count(PinCounter& counter, absl::Time at,
                                     absl::Duration window) {
  const long long now = absl::ToUnixMicros(at);
  const long long window_us = absl::ToInt64Microseconds(window);
  if (now - counter.window_start >= window_us) {
    counter.failures = 1;
    counter.window_start = now;
  } else {
    counter.failures += 1;
  }
  return counter.failures;
}

absl::StatusOr<int> MemoryComplaintRepository::CountPinAttempt(
    absl::Time, const std::string& tracking_code, absl::Time now,
    absl::Duration window) {
  absl::MutexLock lock(&mu_);
  auto it = complaints_.find(tracking_code);
  if (it == complaints_.end()) return NotFound();
  PinCounter counter{it->second.pin_failures, it->second.pin_window_start};
  const int attempts = Count(counter, now, window);
  it->second.pin_failures = counter.failures;
  it->second.pin_window_start = counter.window_start;
  return attempts;
}

absl::Status MemoryComplaintRepository::ForgivePinAttempt(
    absl::Time, const std::string& tracking_code) {
  absl::MutexLock lock(&mu_);
  auto it = complaints_.find(tracking_code);
  if (it == complaints_.end()) return NotFound();
  it->second.pin_failures = std::max(0, it->second.pin_failures - 1);
  return absl::OkStatus();
}

absl::StatusOr<int> MemoryComplaintRepository::CountDecoyPinAttempt(
    absl::Time, const std::string& decoy, absl::Time now,
    absl::Duration window) {
  absl::MutexLock lock(&mu_);
  return Count(decoys_[decoy], now, window);
}

}  // namespace aduan::fakes
