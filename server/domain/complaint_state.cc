#include "server/domain/complaint_state.h"

#include <array>
#include <utility>

namespace aduan::domain {
namespace {

constexpr std::array<absl::string_view, 8> kChannels = {
    "OFFICE",   "ONLINE",    "EMAIL",      "PHONE",
    "FACEBOOK", "INSTAGRAM", "SP4N_LAPOR", "GATEWAY"};

constexpr std::array<std::pair<absl::string_view, absl::string_view>, 13>
    kStates = {{
        {"SUBMITTED", "Pengaduan diterima"},
        {"NEEDS_INFO", "Perlu kelengkapan data dari pelapor"},
        {"VERIFIED", "Pengaduan telah diverifikasi"},
        {"REPORTED_TO_HEAD", "Dilaporkan kepada Camat"},
        {"DISPOSED", "Didisposisikan kepada seksi terkait"},
        {"IN_FOLLOW_UP", "Sedang ditindaklanjuti"},
        {"RESOLVED", "Selesai ditindaklanjuti"},
        {"INFORMED", "Hasil telah disampaikan kepada pelapor"},
        {"ARCHIVED", "Berkas diarsipkan"},
        {"REJECTED", "Pengaduan ditolak"},
        {"OUT_OF_SCOPE", "Bukan kewenangan kecamatan; diteruskan"},
        {"DUPLICATE", "Sama dengan pengaduan lain"},
        {"WITHDRAWN", "Dicabut oleh pelapor"},
    }};

}  // namespace

bool IsKnownChannel(absl::string_view channel) {
  for (absl::string_view c : kChannels) {
    if (c == channel) return true;
  }
  return false;
}

bool IsKnownState(absl::string_view state) {
  for (const auto& s : kStates) {
    if (s.first == state) return true;
  }
  return false;
}

std::string PublicStateLabel(absl::string_view state) {
  for (const auto& s : kStates) {
    if (s.first == state) return std::string(s.second);
  }
  return std::string(state);
}

bool ServiceClockRuns(absl::string_view state) {
  return state == "SUBMITTED" || state == "VERIFIED" ||
         state == "REPORTED_TO_HEAD";
}

bool ResolutionClockRuns(absl::string_view state) {
  return state == "DISPOSED" || state == "IN_FOLLOW_UP";
}

}  // namespace aduan::domain
