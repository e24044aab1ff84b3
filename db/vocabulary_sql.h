// The domain's vocabulary (server/domain/model/vocabulary.h) at the SQL edge:
// SOCI reads and writes each value by its name, so that a row's `state`,
// `channel` or `type` binds directly as `soci::use(c.state)` or
// `soci::into(r.state)`. A stored name that names no value is an error of
// the statement (a damaged row), never a default value.
#ifndef ADUAN_DB_VOCABULARY_SQL_H_
#define ADUAN_DB_VOCABULARY_SQL_H_

#include <soci/soci.h>

#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "server/domain/model/vocabulary.h"

namespace aduan::db {

// A SOCI type conversion of the enum E to and from its stored name.
template <typename E, std::optional<E> (*Parse)(absl::string_view)>
struct NameConversion {
  typedef std::string base_type;
  static void from_base(const std::string& name, soci::indicator ind, E& out) {
    // NULL (an outer join's missing row) leaves `out` alone; the caller's
    // indicator says so.
    if (ind == soci::i_null) return;
    std::optional<E> v = Parse(name);
    if (!v) throw soci::soci_error(absl::StrCat("unknown stored name ", name));
    out = *v;
  }
  static void to_base(const E& v, std::string& name, soci::indicator& ind) {
    name = std::string(model::Name(v));
    ind = soci::i_ok;
  }
};

}  // namespace aduan::db

namespace soci {
template <>
struct type_conversion<aduan::model::State>
    : aduan::db::NameConversion<aduan::model::State, aduan::model::ParseState> {
};
template <>
struct type_conversion<aduan::model::EventType>
    : aduan::db::NameConversion<aduan::model::EventType,
                                aduan::model::ParseEventType> {};
template <>
struct type_conversion<aduan::model::Channel>
    : aduan::db::NameConversion<aduan::model::Channel,
                                aduan::model::ParseChannel> {};
template <>
struct type_conversion<aduan::model::Role>
    : aduan::db::NameConversion<aduan::model::Role, aduan::model::ParseRole> {};
template <>
struct type_conversion<aduan::model::DocumentType>
    : aduan::db::NameConversion<aduan::model::DocumentType,
                                aduan::model::ParseDocumentType> {};
}  // namespace soci

#endif  // ADUAN_DB_VOCABULARY_SQL_H_
