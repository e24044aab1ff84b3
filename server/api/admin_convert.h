// Conversions between the Admin API's messages and the records the domain
// keeps (offices, units, categories, principals, role bindings, tokens).
// FromProto checks what only the message can tell (a role that is set,
// times of day as HH:MM, durations in whole minutes up to a year) and
// names the field; the rules of the records themselves are the domain's
// (server/domain/office_admin.h, access_admin.h).
#ifndef ADUAN_SERVER_API_ADMIN_CONVERT_H_
#define ADUAN_SERVER_API_ADMIN_CONVERT_H_

#include <string>

#include "absl/status/statusor.h"
#include "aduan/v1/admin_service.pb.h"
#include "server/domain/model/records.h"

namespace aduan::api {

void ToProto(const model::RoleBindingRecord& b, v1::RoleBinding* out);

// `field` names the binding in errors ("principal.role_bindings[0]").
absl::StatusOr<model::RoleBindingRecord> FromProto(const v1::RoleBinding& b,
                                                   const std::string& field);

void ToProto(const model::PrincipalRecord& p, v1::Principal* out);

void ToProto(const model::TokenRecord& t, v1::Token* out);

void ToProto(const model::OfficeRecord& o, v1::Office* out);

// With `durations_required` (a new office) a missing SLA duration is an
// error; without (an update) it is left unset.
absl::StatusOr<model::OfficeRecord> FromProto(const v1::Office& o,
                                              bool durations_required);

absl::StatusOr<model::CategoryRecord> FromProto(const v1::Category& c);

void ToProto(const model::UnitRecord& u, v1::Unit* out);

void ToProto(const model::CategoryRecord& c, v1::Category* out);

}  // namespace aduan::api

#endif  // ADUAN_SERVER_API_ADMIN_CONVERT_H_
