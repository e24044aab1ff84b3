#include "server/domain/complaint_patch.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"

namespace aduan::domain {
namespace {

constexpr absl::string_view kFlags[] = {"anonymous", "confidential"};
constexpr absl::string_view kContent[] = {"title",
                                          "description",
                                          "category",
                                          "location",
                                          "location.address",
                                          "location.kelurahan",
                                          "location.latitude",
                                          "location.longitude",
                                          "complainant",
                                          "complainant.name",
                                          "complainant.nik",
                                          "complainant.kk_number",
                                          "complainant.phone",
                                          "complainant.email",
                                          "complainant.address"};

template <size_t N>
bool OneOf(const absl::string_view (&list)[N], absl::string_view path) {
  return std::find(std::begin(list), std::end(list), path) != std::end(list);
}

absl::Status Invalid(absl::string_view field, absl::string_view rule) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", rule));
}

}  // namespace

absl::StatusOr<ComplaintPatch> ComplaintPatch::Create(
    std::vector<std::string> paths) {
  if (paths.empty()) return Invalid("update_mask", "names no field");
  for (const std::string& p : paths) {
    if (!OneOf(kFlags, p) && !OneOf(kContent, p)) {
      return Invalid("update_mask", absl::StrCat("cannot change '", p, "'"));
    }
  }
  return ComplaintPatch(std::move(paths));
}

std::optional<std::string> ComplaintPatch::FirstContentPath() const {
  for (const std::string& p : paths_) {
    if (OneOf(kContent, p)) return p;
  }
  return std::nullopt;
}

bool ComplaintPatch::Names(absl::string_view path) const {
  return std::find(paths_.begin(), paths_.end(), path) != paths_.end();
}

absl::Status ComplaintPatch::ApplyTo(const model::ComplaintRecord& changes,
                                     model::ComplaintRecord& c) const {
  if (Names("anonymous")) {
    if (c.anonymous && !changes.anonymous) {
      return Invalid("complaint.anonymous", "can be raised, never lowered");
    }
    c.anonymous = changes.anonymous;
  }
  if (Names("confidential")) {
    if (c.confidential && !changes.confidential) {
      return Invalid("complaint.confidential", "can be raised, never lowered");
    }
    c.confidential = changes.confidential;
  }
  if (Names("title")) c.title = changes.title;
  if (Names("description")) c.description = changes.description;
  if (Names("category")) c.category_code = changes.category_code;
  const bool location = Names("location");
  if (location || Names("location.address")) {
    c.location_address = changes.location_address;
  }
  if (location || Names("location.kelurahan")) {
    c.location_kelurahan = changes.location_kelurahan;
  }
  if (location || Names("location.latitude")) c.latitude = changes.latitude;
  if (location || Names("location.longitude")) c.longitude = changes.longitude;
  const bool person = Names("complainant");
  if (person || Names("complainant.name")) {
    c.complainant_name = changes.complainant_name;
  }
  if (person || Names("complainant.nik")) {
    c.complainant_nik = changes.complainant_nik;
  }
  if (person || Names("complainant.kk_number")) {
    c.complainant_kk = changes.complainant_kk;
  }
  if (person || Names("complainant.phone")) {
    c.complainant_phone = changes.complainant_phone;
  }
  if (person || Names("complainant.email")) {
    c.complainant_email = changes.complainant_email;
  }
  if (person || Names("complainant.address")) {
    c.complainant_address = changes.complainant_address;
  }
  return absl::OkStatus();
}

}  // namespace aduan::domain
