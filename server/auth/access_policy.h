// The role matrix: which roles may call which method. Deny by default: a
// method missing from the table is refused for everyone.
#ifndef ADUAN_SERVER_AUTH_ACCESS_POLICY_H_
#define ADUAN_SERVER_AUTH_ACCESS_POLICY_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "server/domain/principal.h"

namespace aduan::auth {

struct MethodRule {
  // Full method name as in the descriptor, e.g.
  // "aduan.v1.IntakeService.SubmitComplaint".
  const char* method;
  // Callable without credentials (the citizen with tracking code + PIN).
  bool is_public;
  // Roles that may call it (any office; scope is checked by the domain).
  std::vector<domain::Role> roles;
};

// The table, one entry per method of every aduan.v1 service.
const std::vector<MethodRule>& MethodRules();

// The rule for `method`, or null.
const MethodRule* FindMethodRule(absl::string_view method);

// Checks `who` against the rule of `method`, in the order of docs/design.md §3:
// kUnauthenticated when the caller has no identity and the method is not
// public; kPermissionDenied when no binding has an allowed role (or the
// method is unknown).
absl::Status CheckMethodAccess(const domain::Principal& who,
                               absl::string_view method);

}  // namespace aduan::auth

#endif  // ADUAN_SERVER_AUTH_ACCESS_POLICY_H_
