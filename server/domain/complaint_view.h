// A complaint as the API shows it: the stored row plus its SLA clocks as they
// stand now.
#ifndef ADUAN_SERVER_DOMAIN_COMPLAINT_VIEW_H_
#define ADUAN_SERVER_DOMAIN_COMPLAINT_VIEW_H_

#include <vector>

#include "absl/time/time.h"
#include "server/domain/model/records.h"
#include "server/domain/office_directory.h"
#include "server/domain/sla_clock.h"

namespace aduan::domain {

struct ComplaintView {
  model::ComplaintRecord record;
  SlaView service;
  SlaView resolution;
  // True when personal data was masked or left out for the viewer.
  bool masked = false;
  // The attachments the viewer may open (empty in lists and public views).
  std::vector<model::AttachmentRecord> attachments;
};

// The view of `record` at `now`, with clocks counted in `office` hours.
ComplaintView MakeComplaintView(model::ComplaintRecord record, absl::Time now,
                                const OfficeConfig& office);

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_COMPLAINT_VIEW_H_
