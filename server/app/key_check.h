// Keys and databases cannot be mixed up. A database records the id of every
// key that wrote to it (db/soci_key_records.h); before anything reads or
// writes, the key file is checked against it:
//  - a missing key file is created only for a new, empty embedded (SQLite)
//    database; for a database that holds data it is refused, saying which
//    key the database needs — a new key would make its personal data, PINs,
//    documents and archive unreadable;
//  - a key file whose id the database does not record is refused, once the
//    database holds data;
//  - a database that holds data but records no key (written before key ids
//    were kept) takes the key's id if the key opens what is stored (one
//    encrypted NIK, when there is one), and is refused otherwise.
// Then the key's id is recorded.
#ifndef ADUAN_SERVER_APP_KEY_CHECK_H_
#define ADUAN_SERVER_APP_KEY_CHECK_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/key_ring.h"
#include "db/database.h"

namespace aduan::app {

// The key ring of `key_file`, checked against `db` (migrated) as above.
// Errors: kFailedPrecondition with what to do (missing key for a database
// with data, another key), KeyRing::Load's (malformed, readable by others),
// kNotFound for a missing key file of a MariaDB database (make it once with
// `aduand keygen`), the database's.
absl::StatusOr<KeyRing> LoadKeyFor(absl::Time deadline, db::Database& db,
                                   const std::string& key_file);

}  // namespace aduan::app

#endif  // ADUAN_SERVER_APP_KEY_CHECK_H_
