#include "server/domain/complaint_answers.h"

#include <tuple>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "server/domain/complaint_access.h"

namespace aduan::domain {

absl::StatusOr<ComplaintView> BasicView(
    model::ComplaintRepository& complaints, OfficeDirectory& offices,
    absl::Time now, absl::Time deadline, const Principal& who,
    model::ComplaintRecord c,
    const std::vector<model::AttachmentRecord>* attachments) {
  std::vector<model::AttachmentRecord> visible;
  if (attachments == nullptr) {
    ASSIGN_OR_RETURN(visible, VisibleAttachments(complaints, deadline, who, c));
  } else {
    visible = OpenableAttachments(who, c, *attachments);
  }
  ASSIGN_OR_RETURN(auto office, offices.Get(deadline, c.office_code));
  const bool masked = MaskForViewer(who, c);
  ComplaintView view = MakeComplaintView(std::move(c), now, *office);
  view.masked = masked;
  view.attachments = std::move(visible);
  return view;
}

std::string RequestCaller(const Principal& who,
                          const std::string& tracking_code) {
  return who.authenticated ? who.name : absl::StrCat("citizen:", tracking_code);
}

model::RequestRecord NewRequestRecord(const std::string& caller,
                                      const std::string& request_id,
                                      const std::string& method,
                                      const std::string& fingerprint,
                                      const model::ComplaintRecord& result,
                                      long long now_us, bool issues_pin) {
  model::RequestRecord r;
  r.caller = caller;
  r.request_id = request_id;
  r.office_code = result.office_code;
  r.method = method;
  r.fingerprint = fingerprint;
  r.tracking_code = result.tracking_code;
  r.create_time = now_us;
  if (issues_pin) r.pin_generation = result.pin_generation;
  r.result_version = result.version;
  return r;
}

absl::Status ComplaintAnswers::SameRequest(const model::RequestRecord& stored,
                                           absl::string_view method,
                                           absl::string_view digest,
                                           absl::string_view advice) const {
  if (stored.method == method &&
      stored.fingerprint == complaints_.KeyedFingerprint(digest)) {
    return absl::OkStatus();
  }
  return absl::AlreadyExistsError(
      absl::StrCat("request_id: already used for a different request", advice));
}

bool ComplaintAnswers::MayAnswer(const Principal& who,
                                 const model::RequestRecord& request,
                                 const model::ComplaintRecord& current,
                                 bool hands_over) const {
  if (CanSeeComplaint(who, current)) return true;
  return hands_over && request.result_version &&
         *request.result_version == current.version;
}

absl::StatusOr<ComplaintAnswer> ComplaintAnswers::Answer(
    absl::Time deadline, const Principal& who,
    const model::RequestRecord& request, model::ComplaintRecord current,
    bool hands_over,
    const std::vector<model::AttachmentRecord>* attachments) const {
  const bool sees = who.authenticated && CanSeeComplaint(who, current);
  if (who.authenticated && !sees &&
      !MayAnswer(who, request, current, hands_over)) {
    return ComplaintNotFound();
  }
  ComplaintAnswer out;
  std::tie(out.pin, out.pin_withheld) = PinOf(request, current);
  const absl::Time now = clock_.Now();
  if (sees) {
    ASSIGN_OR_RETURN(out.complaint,
                     BasicView(complaints_, offices_, now, deadline, who,
                               std::move(current), attachments));
    return out;
  }
  // The complainant, or a caller the step handed the complaint away from.
  ASSIGN_OR_RETURN(auto office, offices_.Get(deadline, current.office_code));
  out.public_view = true;
  out.complaint = MakeComplaintView(std::move(current), now, *office);
  return out;
}

std::pair<std::string, bool> ComplaintAnswers::PinOf(
    const model::RequestRecord& request,
    const model::ComplaintRecord& current) const {
  if (!request.pin_generation) return {"", false};
  if (*request.pin_generation != current.pin_generation) return {"", true};
  return {pins_.Pin(current.tracking_code, current.pin_generation), false};
}

}  // namespace aduan::domain
