#include "server/domain/complaint_state.h"

namespace aduan::domain {

absl::string_view PublicStateLabel(State state) {
  switch (state) {
    case State::kSubmitted:
      return "Pengaduan diterima";
    case State::kNeedsInfo:
      return "Perlu kelengkapan data dari pelapor";
    case State::kVerified:
      return "Pengaduan telah diverifikasi";
    case State::kReportedToHead:
      return "Dilaporkan kepada Camat";
    case State::kDisposed:
      return "Didisposisikan kepada seksi terkait";
    case State::kInFollowUp:
      return "Sedang ditindaklanjuti";
    case State::kResolved:
      return "Selesai ditindaklanjuti";
    case State::kInformed:
      return "Hasil telah disampaikan kepada pelapor";
    case State::kArchived:
      return "Berkas diarsipkan";
    case State::kRejected:
      return "Pengaduan ditolak";
    case State::kOutOfScope:
      return "Bukan kewenangan kecamatan; diteruskan";
    case State::kDuplicate:
      return "Sama dengan pengaduan lain";
    case State::kWithdrawn:
      return "Dicabut oleh pelapor";
  }
  return model::Name(state);  // unreachable: every state has a label
}

bool ServiceClockRuns(State state) {
  return state == State::kSubmitted || state == State::kVerified ||
         state == State::kReportedToHead;
}

bool ResolutionClockRuns(State state) {
  return state == State::kDisposed || state == State::kInFollowUp;
}

}  // namespace aduan::domain
