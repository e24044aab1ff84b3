// Who is calling, as the domain sees it. Filled by the identity seam
// (server/api/identity.h).
#ifndef ADUAN_SERVER_DOMAIN_PRINCIPAL_H_
#define ADUAN_SERVER_DOMAIN_PRINCIPAL_H_

#include <string>

namespace aduan::domain {

struct Principal {
  // Stable name used for audit ("actor") and to scope idempotency records.
  std::string name = "anonymous";
  // False for a caller without credentials.
  bool authenticated = false;
  // The gateway source name for machine clients (empty otherwise); the
  // server stores it as the complaint's `source`.
  std::string source;

  static Principal Anonymous() { return Principal(); }
};

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_PRINCIPAL_H_
