#include "server/api/complaint_convert.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/util/time_util.h>

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "common/crypto.h"
#include "common/status_macros.h"
#include "server/api/proto_enum.h"

namespace aduan::api {
namespace {

using google::protobuf::util::TimeUtil;

absl::Status OutputOnly(absl::string_view field) {
  return absl::InvalidArgumentError(
      absl::StrCat(field, ": is output only; leave it empty"));
}

google::protobuf::Timestamp Ts(absl::Time t) {
  return TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(t));
}
google::protobuf::Timestamp TsMicros(long long us) {
  // A stored time outside the Timestamp range (years 1–9999) must not abort
  // the process in protobuf's range check: clamp it.
  constexpr long long kMin = -62135596800LL * 1000000;
  constexpr long long kMax = 253402300799LL * 1000000;
  return TimeUtil::MicrosecondsToTimestamp(std::clamp(us, kMin, kMax));
}
}  // namespace

absl::StatusOr<absl::Time> TimeFromProto(
    absl::string_view field, const google::protobuf::Timestamp& ts) {
  if (ts.seconds() < TimeUtil::kTimestampMinSeconds ||
      ts.seconds() > TimeUtil::kTimestampMaxSeconds || ts.nanos() < 0 ||
      ts.nanos() > 999999999) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": not a valid timestamp (years 1 to 9999)"));
  }
  return absl::FromUnixMicros(TimeUtil::TimestampToMicroseconds(ts));
}

namespace {

v1::Complaint::State StateToProto(model::State s) {
  return ToProtoEnum<v1::Complaint::State>(s);
}

void SlaToProto(const domain::SlaView& v, v1::SlaClock* out) {
  if (v.due) *out->mutable_due_time() = Ts(*v.due);
  *out->mutable_used() =
      TimeUtil::MicrosecondsToDuration(absl::ToInt64Microseconds(v.used));
  switch (v.status) {
    case domain::SlaStatus::kOnTime:
      out->set_status(v1::SlaClock::ON_TIME);
      break;
    case domain::SlaStatus::kAtRisk:
      out->set_status(v1::SlaClock::AT_RISK);
      break;
    case domain::SlaStatus::kBreached:
      out->set_status(v1::SlaClock::BREACHED);
      break;
    case domain::SlaStatus::kUnspecified:
      break;
  }
  out->set_paused(v.paused);
}

// Browser forms send "\r\n"; the stored text uses "\n" only.
std::string Lf(const std::string& text) {
  return absl::StrReplaceAll(text, {{"\r\n", "\n"}});
}

}  // namespace

absl::StatusOr<model::ComplaintRecord> DraftFromProto(const v1::Complaint& c) {
  if (!c.tracking_code().empty()) return OutputOnly("complaint.tracking_code");
  if (c.state() != 0) return OutputOnly("complaint.state");
  if (!c.source().empty()) {
    return absl::InvalidArgumentError(
        "complaint.source: is set by the server from the caller's identity; "
        "leave it empty");
  }
  if (!c.unit_code().empty()) return OutputOnly("complaint.unit_code");
  if (c.has_service_sla()) return OutputOnly("complaint.service_sla");
  if (c.has_resolution_sla()) return OutputOnly("complaint.resolution_sla");
  if (c.has_create_time()) return OutputOnly("complaint.create_time");
  if (c.has_update_time()) return OutputOnly("complaint.update_time");
  if (!c.etag().empty()) return OutputOnly("complaint.etag");
  if (c.attachments_size() > 0) return OutputOnly("complaint.attachments");
  if (c.complainant().masked())
    return OutputOnly("complaint.complainant.masked");
  model::ComplaintRecord d;
  d.office_code = c.office_code();
  ASSIGN_OR_RETURN(std::optional<model::Channel> channel,
                   (FromProtoEnum<v1::Complaint::Channel>(
                       "complaint.channel", c.channel(), model::ParseChannel)));
  if (!channel) {
    return absl::InvalidArgumentError("complaint.channel: is required");
  }
  d.channel = *channel;
  d.external_reference = c.external_reference();
  d.complainant_name = c.complainant().name();
  d.complainant_nik = c.complainant().nik();
  d.complainant_kk = c.complainant().kk_number();
  d.complainant_phone = c.complainant().phone();
  d.complainant_email = c.complainant().email();
  d.complainant_address = Lf(c.complainant().address());
  d.anonymous = c.anonymous();
  d.confidential = c.confidential();
  d.title = c.title();
  d.description = Lf(c.description());
  d.category_code = c.category();
  d.location_address = Lf(c.location().address());
  d.location_kelurahan = c.location().kelurahan();
  if (c.location().has_latitude()) d.latitude = c.location().latitude();
  if (c.location().has_longitude()) d.longitude = c.location().longitude();
  return d;
}

void ToProto(const domain::ComplaintView& view, v1::Complaint* out) {
  const model::ComplaintRecord& r = view.record;
  out->set_tracking_code(r.tracking_code);
  out->set_office_code(r.office_code);
  out->set_state(StateToProto(r.state));
  out->set_channel(ToProtoEnum<v1::Complaint::Channel>(r.channel));
  out->set_source(r.source);
  out->set_external_reference(r.external_reference);
  v1::Complainant* who = out->mutable_complainant();
  who->set_name(r.complainant_name);
  who->set_nik(r.complainant_nik);
  who->set_kk_number(r.complainant_kk);
  who->set_phone(r.complainant_phone);
  who->set_email(r.complainant_email);
  who->set_address(r.complainant_address);
  who->set_masked(view.masked);
  out->set_anonymous(r.anonymous);
  out->set_confidential(r.confidential);
  out->set_title(r.title);
  out->set_description(r.description);
  out->set_category(r.category_code);
  if (!r.location_address.empty() || !r.location_kelurahan.empty() ||
      r.latitude || r.longitude) {
    v1::Location* loc = out->mutable_location();
    loc->set_address(r.location_address);
    loc->set_kelurahan(r.location_kelurahan);
    if (r.latitude) loc->set_latitude(*r.latitude);
    if (r.longitude) loc->set_longitude(*r.longitude);
  }
  out->set_unit_code(r.unit_code);
  SlaToProto(view.service, out->mutable_service_sla());
  SlaToProto(view.resolution, out->mutable_resolution_sla());
  *out->mutable_create_time() = TsMicros(r.create_time);
  *out->mutable_update_time() = TsMicros(r.update_time);
  out->set_etag(absl::StrCat("v", r.version));
  for (const model::AttachmentRecord& a : view.attachments) {
    ToProto(a, out->add_attachments());
  }
}

void ToProto(const model::AttachmentRecord& a, v1::Attachment* out) {
  out->set_attachment_id(a.attachment_id);
  out->set_type(ToProtoEnum<v1::Attachment::Type>(a.type));
  out->set_media_type(a.media_type);
  out->set_file_name(a.file_name);
  out->set_size_bytes(a.size_bytes);
  out->set_sha256(a.sha256);
  out->set_uploaded_by(a.uploaded_by);
  *out->mutable_create_time() = TsMicros(a.create_time);
}

void ToPublicProto(const domain::ComplaintView& view, v1::Complaint* out) {
  const model::ComplaintRecord& r = view.record;
  out->set_tracking_code(r.tracking_code);
  out->set_office_code(r.office_code);
  out->set_state(StateToProto(r.state));
  out->set_title(r.title);
  out->set_anonymous(r.anonymous);
  out->mutable_complainant()->set_masked(true);
  SlaToProto(view.service, out->mutable_service_sla());
  *out->mutable_create_time() = TsMicros(r.create_time);
  *out->mutable_update_time() = TsMicros(r.update_time);
  out->set_etag(absl::StrCat("v", r.version));
}

void ToProto(const model::EventRecord& e, v1::ComplaintEvent* out) {
  out->set_tracking_code(e.tracking_code);
  out->set_version(e.version);
  out->set_type(ToProtoEnum<v1::ComplaintEvent::Type>(e.type));
  if (e.from_state) out->set_from_state(StateToProto(*e.from_state));
  out->set_to_state(StateToProto(e.to_state));
  out->set_actor(e.actor);
  out->set_actor_role(std::string(model::Name(e.actor_role)));
  *out->mutable_create_time() = TsMicros(e.create_time);
  out->set_note(e.note);
  out->set_details(e.payload);
}

void ToProto(const domain::TrackResult& t, v1::TrackComplaintResponse* out) {
  out->set_tracking_code(t.tracking_code);
  out->set_state(StateToProto(t.state));
  out->set_office_code(t.office_code);
  for (const domain::TimelineEntry& e : t.timeline) {
    v1::TimelineEntry* entry = out->add_timeline();
    entry->set_state(StateToProto(e.state));
    *entry->mutable_time() = Ts(e.time);
    entry->set_label(e.label);
  }
  if (t.service_due) *out->mutable_service_due_time() = Ts(*t.service_due);
}

absl::StatusOr<domain::ListInput> ListInputFromProto(
    const v1::ListComplaintsRequest& req) {
  domain::ListInput in;
  in.office_codes.assign(req.office_codes().begin(), req.office_codes().end());
  in.unit_codes.assign(req.unit_codes().begin(), req.unit_codes().end());
  ASSIGN_OR_RETURN(in.states, (FromProtoEnums<v1::Complaint::State>(
                                  "states", req.states(), model::ParseState)));
  ASSIGN_OR_RETURN(in.channels,
                   (FromProtoEnums<v1::Complaint::Channel>(
                       "channels", req.channels(), model::ParseChannel)));
  for (int i = 0; i < req.sla_statuses_size(); ++i) {
    const int s = req.sla_statuses(i);
    if (s == 0 || !v1::SlaClock::Status_IsValid(s)) {
      return absl::InvalidArgumentError(
          absl::StrCat("sla_statuses[", i, "]: unknown value ", s));
    }
    in.sla_statuses.push_back(v1::SlaClock::Status_Name(s));
  }
  in.query = req.query();
  if (req.has_create_time_from()) {
    auto t = TimeFromProto("create_time_from", req.create_time_from());
    if (!t.ok()) return t.status();
    in.create_time_from = *t;
  }
  if (req.has_create_time_to()) {
    auto t = TimeFromProto("create_time_to", req.create_time_to());
    if (!t.ok()) return t.status();
    in.create_time_to = *t;
  }
  in.order_by = req.order_by();
  in.page_size = req.page_size();
  in.page_token = req.page_token();
  return in;
}

std::string Fingerprint(const google::protobuf::Message& message) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    message.SerializeToCodedStream(&coded);
  }
  return Sha256Hex(
      absl::StrCat(message.GetDescriptor()->full_name(), "\n", bytes));
}

}  // namespace aduan::api
