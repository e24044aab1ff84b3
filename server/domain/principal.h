// Who is calling, as the domain sees it. Filled by the identity seam
// (server/auth/authorizer.h) from a bearer token, a TLS client certificate,
// or nothing (anonymous).
#ifndef ADUAN_SERVER_DOMAIN_PRINCIPAL_H_
#define ADUAN_SERVER_DOMAIN_PRINCIPAL_H_

#include <string>
#include <utility>
#include <vector>

#include "server/domain/model/records.h"

namespace aduan::domain {

using model::Role;

// The roles, by their short names in the domain's rules.
inline constexpr Role kOfficer = Role::kOfficer;
inline constexpr Role kSecretary = Role::kSecretary;
inline constexpr Role kHead = Role::kHead;
inline constexpr Role kUnit = Role::kUnit;
inline constexpr Role kGateway = Role::kGateway;
inline constexpr Role kAuditor = Role::kAuditor;
inline constexpr Role kAdmin = Role::kAdmin;

struct Principal {
  std::string id;  // empty when anonymous
  // Stable name used for audit ("actor") and to scope idempotency records.
  std::string name = "anonymous";
  bool authenticated = false;
  // The server's own jobs (the NEEDS_INFO sweep): see every complaint. Never
  // set for a caller.
  bool system = false;
  std::vector<model::RoleBindingRecord> bindings;

  static Principal Anonymous() { return Principal(); }
  // The principal of the server's own jobs, named `name` in events.
  static Principal System(std::string name) {
    Principal p;
    p.name = std::move(name);
    p.authenticated = true;
    p.system = true;
    return p;
  }

  // True when some binding has `role` (in `office`, when not empty).
  bool HasRole(Role role, const std::string& office = "") const {
    for (const auto& b : bindings) {
      if (b.role == role && (office.empty() || b.office_code == office)) {
        return true;
      }
    }
    return false;
  }
  // The GATEWAY binding's source in `office`, or empty.
  std::string GatewaySource(const std::string& office) const {
    for (const auto& b : bindings) {
      if (b.role == kGateway && b.office_code == office) return b.source;
    }
    return "";
  }
};

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_PRINCIPAL_H_
