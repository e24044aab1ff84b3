// Conversions between aduan.v1 messages and the domain's types. Pure
// functions; no rules beyond shape (the domain validates values).
#ifndef ADUAN_SERVER_API_COMPLAINT_CONVERT_H_
#define ADUAN_SERVER_API_COMPLAINT_CONVERT_H_

#include <string>

#include "absl/status/statusor.h"
#include "aduan/v1/complaint.pb.h"
#include "aduan/v1/complaint_service.pb.h"
#include "aduan/v1/intake_service.pb.h"
#include "server/domain/complaint_intake.h"
#include "server/domain/complaint_reader.h"
#include "server/domain/complaint_view.h"

namespace aduan::api {

// The caller-settable fields of a submitted complaint. Errors:
// kInvalidArgument naming an output-only field that was set, or an unknown
// enum number.
absl::StatusOr<model::ComplaintRecord> DraftFromProto(const v1::Complaint& c);

// The complaint as the view holds it (masked by the domain where needed).
void ToProto(const domain::ComplaintView& view, v1::Complaint* out);
// The public view for the complainant: no personal data, no notes.
void ToPublicProto(const domain::ComplaintView& view, v1::Complaint* out);
void ToProto(const model::EventRecord& event, v1::ComplaintEvent* out);
// A Timestamp from a request. Errors: kInvalidArgument naming `field` when
// it is outside years 1–9999 or its nanos are out of range.
absl::StatusOr<absl::Time> TimeFromProto(absl::string_view field,
                                         const google::protobuf::Timestamp& ts);
void ToProto(const model::AttachmentRecord& attachment, v1::Attachment* out);
void ToProto(const domain::TrackResult& track, v1::TrackComplaintResponse* out);

// The list filters. Errors: kInvalidArgument for unknown or UNSPECIFIED
// enum values.
absl::StatusOr<domain::ListInput> ListInputFromProto(
    const v1::ListComplaintsRequest& req);

// Hex SHA-256 of the deterministic serialisation of `message`.
std::string Fingerprint(const google::protobuf::Message& message);

}  // namespace aduan::api

#endif  // ADUAN_SERVER_API_COMPLAINT_CONVERT_H_
