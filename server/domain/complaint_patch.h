// The one home of UpdateComplaint's field-mask rules: which paths an
// officer may name, which of them change content (only before disposition)
// and which raise a flag (anonymous, confidential: raised, never lowered,
// until archived), and which fields of the complaint each path takes from
// the changes. Paths are the proto's field paths (`title`, `location`,
// `location.address`, `complainant.kk_number`, …); docs/design.md §3.7.
#ifndef ADUAN_SERVER_DOMAIN_COMPLAINT_PATCH_H_
#define ADUAN_SERVER_DOMAIN_COMPLAINT_PATCH_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "server/domain/model/records.h"

namespace aduan::domain {

// Immutable once created.
class ComplaintPatch {
 public:
  // Errors: kInvalidArgument "update_mask: names no field", "update_mask:
  // cannot change '<path>'".
  static absl::StatusOr<ComplaintPatch> Create(std::vector<std::string> paths);

  const std::vector<std::string>& paths() const { return paths_; }
  // The first path that changes content rather than a flag, if any.
  std::optional<std::string> FirstContentPath() const;
  // `complaint` with the named fields taken from `changes`. Errors:
  // kInvalidArgument "complaint.anonymous: can be raised, never lowered"
  // (likewise confidential). Whether the result is valid as a whole is the
  // caller's to check (ValidateComplaintFields).
  absl::Status ApplyTo(const model::ComplaintRecord& changes,
                       model::ComplaintRecord& complaint) const;

 private:
  explicit ComplaintPatch(std::vector<std::string> paths)
      : paths_(std::move(paths)) {}
  bool Names(absl::string_view path) const;

  std::vector<std::string> paths_;
};

}  // namespace aduan::domain

#endif  // ADUAN_SERVER_DOMAIN_COMPLAINT_PATCH_H_
