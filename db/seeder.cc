#include "db/seeder.h"

#include "common/clock.h"

namespace aduan::db {

model::OfficeRecord KanigaranOffice(absl::Time now) {
  model::OfficeRecord o;
  o.code = "KNG";
  o.name = "Kecamatan Kanigaran";
  o.region_code = "35.74.04";
  o.time_zone = "Asia/Jakarta";
  o.service_sla_minutes = 60;
  o.resolution_sla_minutes = 5 * 8 * 60;  // 5 working days of 8 hours
  o.needs_info_limit_days = 10;
  o.create_time = ToUnixMicrosLL(now);
  o.update_time = o.create_time;
  for (int wd = 1; wd <= 4; ++wd) {
    o.working_hours.push_back({wd, 7 * 60 + 30, 15 * 60 + 30});
  }
  o.working_hours.push_back({5, 7 * 60 + 30, 14 * 60});
  o.kelurahan = {"Curahgrinting",   "Kanigaran", "Kebonsari Kulon",
                 "Kebonsari Wetan", "Sukabumi",  "Tisnonegaran"};
  o.units = {
      {"KNG", "PEM", "Seksi Pemerintahan", true},
      {"KNG", "TRANTIB", "Seksi Ketentraman dan Ketertiban Umum", true},
      {"KNG", "KESOS", "Seksi Kesejahteraan Sosial", true},
      {"KNG", "PMD", "Seksi Pemberdayaan Masyarakat", true},
      {"KNG", "PELUM", "Seksi Pelayanan Umum", true},
      {"KNG", "UMPEG", "Subbagian Umum dan Kepegawaian", true},
      {"KNG", "RENKEU", "Subbagian Perencanaan dan Keuangan", true},
  };
  o.categories = {
      {"KNG", "ADMINDUK", "Administrasi Kependudukan", std::nullopt,
       std::nullopt, "PELUM", true},
      {"KNG", "INFRA", "Infrastruktur dan Lingkungan", std::nullopt,
       std::nullopt, "PMD", true},
      {"KNG", "KETERTIBAN", "Ketentraman dan Ketertiban", std::nullopt,
       std::nullopt, "TRANTIB", true},
      {"KNG", "SOSIAL", "Kesejahteraan Sosial", std::nullopt, std::nullopt,
       "KESOS", true},
      {"KNG", "PELAYANAN", "Pelayanan Publik Kecamatan", std::nullopt,
       std::nullopt, "PELUM", true},
      {"KNG", "LAINNYA", "Lainnya", std::nullopt, std::nullopt, "PEM", true},
  };
  return o;
}

absl::StatusOr<bool> SeedKanigaran(model::OfficeRepository& offices,
                                   absl::Time now) {
  return offices.CreateIfAbsent(now + absl::Seconds(30), KanigaranOffice(now));
}

}  // namespace aduan::db
