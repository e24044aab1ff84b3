// ComplaintReader answers the staff reads: one complaint, lists with
// filters and keyset pagination, and a complaint's history.
#ifndef ADUAN_SERVER_DOMAIN_COMPLAINT_READER_H_
#define ADUAN_SERVER_DOMAIN_COMPLAINT_READER_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/clock.h"
#include "server/domain/complaint_state.h"
#include "server/domain/complaint_view.h"
#include "server/domain/model/complaint_repository.h"
#include "server/domain/office_directory.h"
#include "server/domain/principal.h"

namespace aduan::domain {

struct ListInput {
  std::vector<std::string> office_codes;
  std::vector<State> states;
  std::vector<Channel> channels;
  std::vector<std::string> unit_codes;
  std::vector<std::string> sla_statuses;  // ON_TIME, AT_RISK, BREACHED
  std::string query;
  std::optional<absl::Time> create_time_from;
  std::optional<absl::Time> create_time_to;
  std::string order_by;
  int page_size = 0;
  std::string page_token;
};

struct ListResult {
  std::vector<ComplaintView> complaints;
  std::string next_page_token;
  long long total_size = 0;
};

struct EventsResult {
  std::vector<model::EventRecord> events;
  std::string next_page_token;
};

// Thread-safe; every reference must outlive it.
class ComplaintReader {
 public:
  static constexpr int kDefaultPageSize = 50;
  static constexpr int kMaxPageSize = 500;
  // Distinct values a repeated filter of List may hold.
  static constexpr size_t kMaxFilterValues = 100;

  ComplaintReader(model::ComplaintRepository& complaints,
                  OfficeDirectory& offices, const Clock& clock)
      : complaints_(complaints), offices_(offices), clock_(clock) {}

  // The BASIC view (see complaint_access.h), or with `full` the FULL view,
  // which needs `access_reason` and writes an access-log row in the same
  // transaction. Errors: kNotFound (unknown, or not visible to `who`: the
  // same answer), kPermissionDenied (FULL for a role that may not),
  // kInvalidArgument (malformed code; FULL without a reason).
  absl::StatusOr<ComplaintView> Get(absl::Time deadline, const Principal& who,
                                    const std::string& tracking_code,
                                    bool full = false,
                                    const std::string& access_reason = "");

  // Only complaints `who` may see, always in the BASIC view. A query of 16
  // digits searches by NIK (officer, secretary and head only:
  // kPermissionDenied for others).
  // Repeated filters are deduplicated. Errors: kInvalidArgument naming the
  // field: more than kMaxFilterValues distinct values, negative page_size,
  // malformed or mismatched page_token (a token is valid only with the
  // filters it came from), unknown order_by, query over 200 characters,
  // create_time_from not before create_time_to.
  absl::StatusOr<ListResult> List(absl::Time deadline, const Principal& who,
                                  const ListInput& input);

  // Errors: as Get, plus kInvalidArgument for page_size / page_token.
  absl::StatusOr<EventsResult> ListEvents(absl::Time deadline,
                                          const Principal& who,
                                          const std::string& tracking_code,
                                          int page_size,
                                          const std::string& page_token);

 private:
  // The complaint if `who` may see it; kNotFound otherwise.
  absl::StatusOr<model::ComplaintRecord> Visible(absl::Time deadline,
                                                 const Principal& who,
                                                 const std::string& code);
  absl::StatusOr<ComplaintView> View(absl::Time deadline,
                                     model::ComplaintRecord record);

  model::ComplaintRepository& complaints_;
  OfficeDirectory& offices_;
  const Clock& clock_;
};

// page_size rules shared by every list: negative is kInvalidArgument, 0 means
// the default, above the maximum is clamped.
absl::StatusOr<int> EffectivePageSize(int page_size);

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_COMPLAINT_READER_H_
