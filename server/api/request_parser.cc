#include "server/api/request_parser.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>

#include <cstdint>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"

namespace aduan::api {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::internal::WireFormatLite;
using google::protobuf::io::CodedInputStream;

// Deeper than any request of ours; protobuf's own limit is 100.
constexpr int kMaxDepth = 100;

// The name of `field` within its message, with its position when repeated.
std::string Step(const FieldDescriptor& field,
                 absl::flat_hash_map<int, int>& seen) {
  if (!field.is_repeated()) return field.name();
  return absl::StrCat(field.name(), "[", seen[field.number()]++, "]");
}

// Walks one message's wire bytes; sets `path` at the first bad string field.
// False when the bytes are not a message (then `path` stays empty).
bool Walk(const Descriptor& type, absl::string_view bytes,
          const std::string& prefix, int depth,
          std::optional<std::string>* path) {
  if (depth > kMaxDepth) return false;
  CodedInputStream in(reinterpret_cast<const uint8_t*>(bytes.data()),
                      static_cast<int>(bytes.size()));
  absl::flat_hash_map<int, int> seen;
  while (uint32_t tag = in.ReadTag()) {
    const int number = WireFormatLite::GetTagFieldNumber(tag);
    const FieldDescriptor* field = type.FindFieldByNumber(number);
    const bool delimited = WireFormatLite::GetTagWireType(tag) ==
                           WireFormatLite::WIRETYPE_LENGTH_DELIMITED;
    const bool text = field != nullptr && delimited &&
                      field->type() == FieldDescriptor::TYPE_STRING;
    const bool message = field != nullptr && delimited &&
                         field->type() == FieldDescriptor::TYPE_MESSAGE;
    if (!text && !message) {
      if (field != nullptr && field->is_repeated()) seen[number]++;
      if (!WireFormatLite::SkipField(&in, tag)) return false;
      continue;
    }
    uint32_t length = 0;
    std::string value;
    if (!in.ReadVarint32(&length) ||
        !in.ReadString(&value, static_cast<int>(length))) {
      return false;
    }
    const std::string here = absl::StrCat(prefix, Step(*field, seen));
    if (text && !IsValidUtf8(value)) {
      *path = here;
      return true;
    }
    if (message) {
      if (!Walk(*field->message_type(), value, here + ".", depth + 1, path)) {
        return false;
      }
      if (path->has_value()) return true;
    }
  }
  return in.ConsumedEntireMessage();
}

}  // namespace

bool IsValidUtf8(absl::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const uint8_t b = static_cast<uint8_t>(text[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    int extra = 0;
    uint32_t code = 0;
    uint32_t least = 0;
    if ((b & 0xE0) == 0xC0) {
      extra = 1, code = b & 0x1F, least = 0x80;
    } else if ((b & 0xF0) == 0xE0) {
      extra = 2, code = b & 0x0F, least = 0x800;
    } else if ((b & 0xF8) == 0xF0) {
      extra = 3, code = b & 0x07, least = 0x10000;
    } else {
      return false;
    }
    if (i + extra >= text.size()) return false;
    for (int k = 1; k <= extra; ++k) {
      const uint8_t c = static_cast<uint8_t>(text[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      code = (code << 6) | (c & 0x3F);
    }
    if (code < least || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      return false;
    }
    i += extra + 1;
  }
  return true;
}

std::optional<std::string> FindInvalidUtf8(const Descriptor& type,
                                           absl::string_view bytes) {
  std::optional<std::string> path;
  if (!Walk(type, bytes, "", 0, &path)) return std::nullopt;
  return path;
}

absl::Status ParseRequest(absl::string_view bytes,
                          google::protobuf::Message* request) {
  if (request->ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return absl::OkStatus();
  }
  const Descriptor& type = *request->GetDescriptor();
  request->Clear();
  if (std::optional<std::string> path = FindInvalidUtf8(type, bytes)) {
    return absl::InvalidArgumentError(absl::StrCat(*path, ": not valid UTF-8"));
  }
  return absl::InvalidArgumentError(
      absl::StrCat("request: not a valid ", type.full_name()));
}

}  // namespace aduan::api
