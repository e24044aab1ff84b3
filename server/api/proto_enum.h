// Proto enum values at the API edge, by name: the domain's vocabulary
// (server/domain/model/vocabulary.h) and the proto enums of aduan.v1 share
// their value names, so a value crosses the edge as its name and never as
// a number. A number the proto does not define is the caller's error, named
// by field, before any domain call (like a field that is not UTF-8): it is
// malformed input, whatever the complaint.
#ifndef ADUAN_SERVER_API_PROTO_ENUM_H_
#define ADUAN_SERVER_API_PROTO_ENUM_H_

#include <google/protobuf/descriptor.h>
#include <google/protobuf/generated_enum_reflection.h>

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "server/domain/model/vocabulary.h"

namespace aduan::api {

// The proto value named as `v`; the proto's zero when it has none.
template <typename ProtoEnum, typename E>
ProtoEnum ToProtoEnum(E v) {
  const google::protobuf::EnumValueDescriptor* value =
      google::protobuf::GetEnumDescriptor<ProtoEnum>()->FindValueByName(
          std::string(model::Name(v)));
  return value == nullptr ? ProtoEnum{}
                          : static_cast<ProtoEnum>(value->number());
}

// The name of proto value `number` of `field`: empty for zero (unset).
// Errors: kInvalidArgument "<field>: unknown value <number>".
template <typename ProtoEnum>
absl::StatusOr<std::string> ProtoEnumName(absl::string_view field, int number) {
  if (number == 0) return std::string();
  const google::protobuf::EnumValueDescriptor* value =
      google::protobuf::GetEnumDescriptor<ProtoEnum>()->FindValueByNumber(
          number);
  if (value == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": unknown value ", number));
  }
  return value->name();
}

// The domain value of proto value `number` of `field`, read by `parse`
// (e.g. model::ParseState): nullopt for zero (unset). Errors as
// ProtoEnumName, also for a proto name the domain does not know.
template <typename ProtoEnum, typename E>
absl::StatusOr<std::optional<E>> FromProtoEnum(
    absl::string_view field, int number,
    std::optional<E> (*parse)(absl::string_view)) {
  absl::StatusOr<std::string> name = ProtoEnumName<ProtoEnum>(field, number);
  if (!name.ok()) return name.status();
  if (name->empty()) return std::optional<E>();
  std::optional<E> v = parse(*name);
  if (!v) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": unknown value ", number));
  }
  return v;
}

// The domain values of the repeated enum field `field`, each read as
// FromProtoEnum reads `field[i]`; zero is not a value of a list (the
// proto's "unset"), so it is "unknown value 0" too.
template <typename ProtoEnum, typename E, typename Numbers>
absl::StatusOr<std::vector<E>> FromProtoEnums(
    absl::string_view field, const Numbers& numbers,
    std::optional<E> (*parse)(absl::string_view)) {
  std::vector<E> out;
  int i = 0;
  for (const int number : numbers) {
    const std::string name = absl::StrCat(field, "[", i++, "]");
    absl::StatusOr<std::optional<E>> v =
        FromProtoEnum<ProtoEnum>(name, number, parse);
    if (!v.ok()) return v.status();
    if (!*v) return absl::InvalidArgumentError(name + ": unknown value 0");
    out.push_back(**v);
  }
  return out;
}

}  // namespace aduan::api

#endif  // ADUAN_SERVER_API_PROTO_ENUM_H_
