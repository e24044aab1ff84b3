// The data a fresh installation starts with.
#ifndef ADUAN_DB_SEEDER_H_
#define ADUAN_DB_SEEDER_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/domain/model/office_repository.h"
#include "server/domain/model/records.h"

namespace aduan::db {

// Kecamatan Kanigaran, Kota Probolinggo (office `KNG`): WIB, Monday–Thursday
// 07:30–15:30 and Friday 07:30–14:00, service SLA 60 minutes, resolution
// 5 working days, NEEDS_INFO limit 10 working days, its six kelurahan, its
// sections (units) and a starting set of categories.
model::OfficeRecord KanigaranOffice(absl::Time now);

// Inserts Kanigaran unless an office `KNG` exists. Returns true when it was
// inserted. Idempotent.
absl::StatusOr<bool> SeedKanigaran(model::OfficeRepository& offices,
                                   absl::Time now);

}  // namespace aduan::db

#endif  // ADUAN_DB_SEEDER_H_
