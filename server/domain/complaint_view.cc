#include "server/domain/complaint_view.h"

namespace aduan::domain {

ComplaintView MakeComplaintView(model::ComplaintRecord record, absl::Time now,
                                const OfficeConfig& office) {
  ComplaintView v;
  v.service = ViewSlaClock(record.service, now, office.calendar);
  v.resolution = ViewSlaClock(record.resolution, now, office.calendar);
  v.record = std::move(record);
  return v;
}

}  // namespace aduan::domain
