// Parses a request message from the bytes a client sent, so that a request
// the generated code would refuse with a bare INTERNAL is answered
// INVALID_ARGUMENT naming the field: proto3 string fields must hold valid
// UTF-8, and protobuf's own parser fails the whole message without saying
// which field. The services hand their requests to this parser instead of
// gRPC's (server/api/parsed_service.h).
#ifndef ADUAN_SERVER_API_REQUEST_PARSER_H_
#define ADUAN_SERVER_API_REQUEST_PARSER_H_

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace aduan::api {

// Parses `bytes` into `request` (cleared first). Errors, kInvalidArgument:
//  - "<path>: not valid UTF-8" for the first string field, in wire order,
//    whose bytes are not UTF-8 — `path` is the field's name from the request
//    down, with the position of repeated elements ("complaint.title",
//    "office_codes[3]", "update_mask.paths[0]");
//  - "request: not a valid <full message name>" when the bytes are not a
//    protobuf message of that type at all.
absl::Status ParseRequest(absl::string_view bytes,
                          google::protobuf::Message* request);

// The path (as above) of the first string field of `type` in `bytes` that is
// not valid UTF-8, or nullopt when there is none or the bytes are not a
// message (the parse then names what is wrong).
std::optional<std::string> FindInvalidUtf8(
    const google::protobuf::Descriptor& type, absl::string_view bytes);

// Whether `text` is well-formed UTF-8 as protobuf requires: no overlong
// forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF.
bool IsValidUtf8(absl::string_view text);

}  // namespace aduan::api

#endif  // ADUAN_SERVER_API_REQUEST_PARSER_H_
