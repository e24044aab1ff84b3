// The input and result of every step of the workflow (step_runner.h,
// complaint_workflow.h).
#ifndef ADUAN_SERVER_DOMAIN_STEP_TYPES_H_
#define ADUAN_SERVER_DOMAIN_STEP_TYPES_H_

#include <optional>
#include <string>

#include "server/domain/complaint_view.h"
#include "server/domain/model/records.h"

namespace aduan::domain {

// What every step carries.
struct StepInput {
  std::string request_id;
  std::string fingerprint;  // digest of the whole request
  std::string tracking_code;
  std::string etag;  // optional
  std::string pin;   // the complainant's own path (supplement, withdraw)
};

struct StepResult {
  ComplaintView complaint;
  // Set by Attach (and a replayed upload).
  std::optional<model::AttachmentRecord> attachment;
  // True when the caller is the complainant (PIN): show the public view only.
  bool public_view = false;
  // True when this answers a request done before (same request_id): nothing
  // was changed by this call.
  bool replayed = false;
};

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_STEP_TYPES_H_
