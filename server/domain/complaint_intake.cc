#include "server/domain/complaint_intake.h"

#include <spdlog/spdlog.h>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "common/status_macros.h"
#include "server/domain/complaint_state.h"
#include "server/domain/request_id.h"
#include "server/domain/tracking_code.h"
#include "server/domain/validation.h"

namespace aduan::domain {
namespace {

constexpr char kMethod[] = "SubmitComplaint";
constexpr int kMaxCodeAttempts = 5;
constexpr size_t kMaxExternalReferenceChars = 100;

absl::Status Invalid(absl::string_view field, absl::string_view rule) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", rule));
}

// Required text must hold more than white space.
absl::Status RequireNonBlank(absl::string_view field, absl::string_view text) {
  if (!text.empty() && absl::StripAsciiWhitespace(text).empty()) {
    return Invalid(field, "must not be blank");
  }
  return absl::OkStatus();
}

absl::Status NotFoundOrWrongPin() {
  return absl::NotFoundError("no complaint with this tracking code and PIN");
}

}  // namespace

absl::Status ValidateComplaintFields(const OfficeConfig& office,
                                     absl::CivilDay today,
                                     model::ComplaintRecord& d) {
  RETURN_IF_ERROR(ValidateText("complaint.external_reference",
                               d.external_reference, 0,
                               kMaxExternalReferenceChars, false));
  // Another system's identifier: compared byte for byte, so no spaces or
  // other characters that look alike but differ.
  for (char ch : d.external_reference) {
    if (ch < '!' || ch > '~') {
      return Invalid("complaint.external_reference",
                     "must be printable ASCII without spaces");
    }
  }
  // Complainant.
  RETURN_IF_ERROR(ValidateText("complaint.complainant.name", d.complainant_name,
                               d.anonymous ? 0 : 1, kMaxNameChars, false));
  RETURN_IF_ERROR(
      RequireNonBlank("complaint.complainant.name", d.complainant_name));
  if (!d.complainant_nik.empty()) {
    RETURN_IF_ERROR(
        ValidateNik("complaint.complainant.nik", d.complainant_nik));
  }
  if (!d.complainant_kk.empty()) {
    RETURN_IF_ERROR(ValidateKkNumber("complaint.complainant.kk_number",
                                     d.complainant_kk, today));
  }
  if (!d.complainant_phone.empty()) {
    ASSIGN_OR_RETURN(
        d.complainant_phone,
        NormalizePhone("complaint.complainant.phone", d.complainant_phone));
  }
  if (!d.complainant_email.empty()) {
    RETURN_IF_ERROR(
        ValidateEmail("complaint.complainant.email", d.complainant_email));
  }
  RETURN_IF_ERROR(ValidateText("complaint.complainant.address",
                               d.complainant_address, 0, kMaxAddressChars,
                               true));
  if (!d.anonymous && d.complainant_phone.empty() &&
      d.complainant_email.empty() && d.complainant_address.empty()) {
    return Invalid("complaint.complainant",
                   "needs at least one of phone, email or address unless the "
                   "complaint is anonymous");
  }
  // The complaint itself.
  RETURN_IF_ERROR(
      ValidateText("complaint.title", d.title, 1, kMaxTitleChars, false));
  RETURN_IF_ERROR(RequireNonBlank("complaint.title", d.title));
  RETURN_IF_ERROR(ValidateText("complaint.description", d.description, 1,
                               kMaxDescriptionChars, true));
  RETURN_IF_ERROR(RequireNonBlank("complaint.description", d.description));
  if (!d.category_code.empty()) {
    const model::CategoryRecord* c = office.FindCategory(d.category_code);
    if (c == nullptr) {
      return Invalid(
          "complaint.category",
          absl::StrCat("is not a category of office ", office.record.code));
    }
    if (!c->active) {
      return Invalid("complaint.category",
                     absl::StrCat("is retired in office ", office.record.code,
                                  "; choose an active category"));
    }
  }
  RETURN_IF_ERROR(ValidateText("complaint.location.address", d.location_address,
                               0, kMaxAddressChars, true));
  if (!d.location_kelurahan.empty()) {
    const std::string* k = office.FindKelurahan(d.location_kelurahan);
    if (k == nullptr) {
      return Invalid(
          "complaint.location.kelurahan",
          absl::StrCat("is not a kelurahan of office ", office.record.code));
    }
    d.location_kelurahan = *k;
  }
  if (d.latitude) {
    RETURN_IF_ERROR(
        ValidateLatitude("complaint.location.latitude", *d.latitude));
  }
  if (d.longitude) {
    RETURN_IF_ERROR(
        ValidateLongitude("complaint.location.longitude", *d.longitude));
  }
  return absl::OkStatus();
}

absl::StatusOr<SubmitResult> ComplaintIntake::Answer(
    absl::Time deadline, const Principal& who,
    const model::RequestRecord& request, model::ComplaintRecord c,
    const std::vector<model::AttachmentRecord>* attachments) const {
  ASSIGN_OR_RETURN(ComplaintAnswer a,
                   answers_.Answer(deadline, who, request, std::move(c),
                                   /*hands_over=*/false, attachments));
  SubmitResult out;
  out.complaint = std::move(a.complaint);
  out.pin = std::move(a.pin);
  out.pin_withheld = a.pin_withheld;
  return out;
}

absl::StatusOr<SubmitResult> ComplaintIntake::Replay(
    absl::Time deadline, const Principal& who,
    const model::RequestRecord& request, const std::string& fingerprint) {
  RETURN_IF_ERROR(
      answers_.SameRequest(request, kMethod, fingerprint,
                           "; use a new request_id for a new complaint"));
  ASSIGN_OR_RETURN(model::ComplaintRecord stored,
                   complaints_.Get(deadline, request.tracking_code));
  ASSIGN_OR_RETURN(SubmitResult out,
                   Answer(deadline, who, request, std::move(stored), nullptr));
  out.replayed = true;
  return out;
}

absl::StatusOr<SubmitResult> ComplaintIntake::Submit(absl::Time deadline,
                                                     const Principal& who,
                                                     SubmitInput input) {
  if (limiter_ != nullptr) RETURN_IF_ERROR(limiter_->Acquire(who.name));
  RETURN_IF_ERROR(ValidateRequestId("request_id", input.request_id));
  model::ComplaintRecord& d = input.draft;
  if (d.office_code.empty())
    return Invalid("complaint.office_code", "is required");
  // An office outside the caller's bindings looks exactly like an unknown
  // one.
  const bool officer = who.HasRole(kOfficer, d.office_code);
  const bool gateway = who.HasRole(kGateway, d.office_code);
  auto office_or = offices_.Get(deadline, d.office_code);
  if (absl::IsNotFound(office_or.status()) || (!officer && !gateway)) {
    return Invalid("complaint.office_code", "is not a known office");
  }
  RETURN_IF_ERROR(office_or.status());
  const OfficeConfig& office = **office_or;
  // A retry is answered before the draft is checked again (the office's
  // categories may have changed since the first call).
  ASSIGN_OR_RETURN(
      std::optional<model::RequestRecord> seen,
      complaints_.FindRequest(deadline, who.name, input.request_id));
  if (seen) return Replay(deadline, who, *seen, input.fingerprint);
  RETURN_IF_ERROR(ValidateComplaintFields(
      office, absl::ToCivilDay(clock_.Now(), office.calendar.time_zone()), d));

  const absl::Time now = clock_.Now();
  const long long now_us = ToUnixMicrosLL(now);
  // The server sets the source from the caller: a gateway's own name.
  d.source = officer ? "" : who.GatewaySource(d.office_code);
  d.state = State::kSubmitted;
  d.unit_code.clear();
  d.version = 1;
  d.pin_generation = 1;
  d.pin_failures = 0;
  d.pin_window_start = 0;
  d.create_time = now_us;
  d.update_time = now_us;
  int target_minutes = office.record.service_sla_minutes;
  if (const model::CategoryRecord* c = office.FindCategory(d.category_code);
      c != nullptr && c->service_sla_minutes) {
    target_minutes = *c->service_sla_minutes;
  }
  d.service = model::SlaClockRecord();
  d.service.target_us = static_cast<long long>(target_minutes) * 60 * 1000000;
  StartSlaClock(d.service, now, office.calendar);
  d.resolution = model::SlaClockRecord();

  for (int attempt = 0; attempt < kMaxCodeAttempts; ++attempt) {
    ASSIGN_OR_RETURN(d.tracking_code, NewTrackingCode(office.record.code));
    model::EventRecord event;
    event.office_code = d.office_code;
    event.tracking_code = d.tracking_code;
    event.version = 1;
    event.type = EventType::kSubmitted;
    event.from_state = std::nullopt;
    event.to_state = State::kSubmitted;
    event.actor = who.name;
    event.actor_role = officer ? kOfficer : kGateway;
    event.create_time = now_us;
    const model::RequestRecord request =
        NewRequestRecord(who.name, input.request_id, kMethod, input.fingerprint,
                         d, now_us, /*issues_pin=*/true);
    ASSIGN_OR_RETURN(model::CreateOutcome outcome,
                     complaints_.Create(deadline, d, event, request));
    switch (outcome.kind) {
      case model::CreateOutcome::Kind::kCreated: {
        spdlog::info("submitted {} office={} channel={} by {}", d.tracking_code,
                     d.office_code, std::string(model::Name(d.channel)),
                     who.name);
        // A new complaint has no documents yet.
        const std::vector<model::AttachmentRecord> none;
        return Answer(deadline, who, request, d, &none);
      }
      case model::CreateOutcome::Kind::kRequestExists:
        return Replay(deadline, who, outcome.request, input.fingerprint);
      case model::CreateOutcome::Kind::kExternalReferenceExists:
        return absl::AlreadyExistsError(absl::StrCat(
            "complaint.external_reference: already submitted by this source "
            "as ",
            outcome.tracking_code));
      case model::CreateOutcome::Kind::kTrackingCodeTaken:
        continue;
    }
  }
  return absl::InternalError("could not allocate a tracking code; retry");
}

absl::StatusOr<TrackResult> ComplaintIntake::Track(
    absl::Time deadline, const std::string& tracking_code,
    const std::string& pin) {
  ASSIGN_OR_RETURN(std::string code,
                   NormalizeTrackingCode("tracking_code", tracking_code));
  if (!IsPinShaped(pin)) {
    return Invalid("pin", "must be the 8-digit PIN given at submission");
  }
  auto stored = complaints_.Get(deadline, code);
  // An unknown code costs what a wrong PIN costs (PinGuard::CheckUnknown).
  absl::Status pin_ok = stored.ok() ? pin_guard_.Check(deadline, *stored, pin)
                        : absl::IsNotFound(stored.status())
                            ? pin_guard_.CheckUnknown(deadline, code, pin)
                            : stored.status();
  if (absl::IsNotFound(pin_ok)) return NotFoundOrWrongPin();
  RETURN_IF_ERROR(pin_ok);
  const absl::Time now = clock_.Now();
  ASSIGN_OR_RETURN(std::vector<model::EventRecord> events,
                   complaints_.ListEvents(deadline, code, 0, 1000));
  TrackResult out;
  out.tracking_code = code;
  out.office_code = stored->office_code;
  out.state = stored->state;
  for (const model::EventRecord& e : events) {
    if (e.from_state == e.to_state) continue;
    out.timeline.push_back({e.to_state, absl::FromUnixMicros(e.create_time),
                            std::string(PublicStateLabel(e.to_state))});
  }
  ASSIGN_OR_RETURN(auto office, offices_.Get(deadline, stored->office_code));
  const SlaView service = ViewSlaClock(stored->service, now, office->calendar);
  out.service_due = service.due;
  return out;
}

}  // namespace aduan::domain
