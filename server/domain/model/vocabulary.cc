#include "server/domain/model/vocabulary.h"

#include <array>
#include <cstddef>
#include <utility>

namespace aduan::model {
namespace {

// Names in the order of each enum's values.
constexpr std::array<absl::string_view, 13> kStateNames = {
    "SUBMITTED",    "NEEDS_INFO", "VERIFIED", "REPORTED_TO_HEAD", "DISPOSED",
    "IN_FOLLOW_UP", "RESOLVED",   "INFORMED", "ARCHIVED",         "REJECTED",
    "OUT_OF_SCOPE", "DUPLICATE",  "WITHDRAWN"};
constexpr std::array<absl::string_view, 18> kEventTypeNames = {
    "SUBMITTED",
    "UPDATED",
    "VERIFIED",
    "SUPPLEMENTED",
    "WITHDRAWN",
    "REPORTED_TO_HEAD",
    "DISPOSED",
    "DECLINED",
    "DISPOSITION_RETURNED",
    "RETURNED_FOR_REWORK",
    "FOLLOW_UP_STARTED",
    "FOLLOW_UP_NOTE",
    "RESOLVED",
    "INFORMED",
    "ARCHIVED",
    "EXPIRED",
    "PIN_REISSUED",
    "ATTACHED"};
constexpr std::array<absl::string_view, 8> kChannelNames = {
    "OFFICE",   "ONLINE",    "EMAIL",      "PHONE",
    "FACEBOOK", "INSTAGRAM", "SP4N_LAPOR", "GATEWAY"};
constexpr std::array<absl::string_view, 5> kDocumentTypeNames = {
    "KK_COPY", "KTP_COPY", "LOCATION_PHOTO", "SUPPORTING", "RESULT"};

constexpr std::array<absl::string_view, 9> kRoleNames = {
    "OFFICER", "SECRETARY", "HEAD",    "UNIT",  "GATEWAY",
    "AUDITOR", "ADMIN",     "CITIZEN", "SYSTEM"};
constexpr size_t kBindableRoles = 7;

constexpr absl::string_view kUnspecifiedState = "STATE_UNSPECIFIED";

template <typename E, std::size_t N>
std::optional<E> Find(const std::array<absl::string_view, N>& names,
                      absl::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<E>(i);
  }
  return std::nullopt;
}

template <typename E, std::size_t N>
std::vector<E> Every() {
  std::vector<E> all;
  for (std::size_t i = 0; i < N; ++i) all.push_back(static_cast<E>(i));
  return all;
}

}  // namespace

absl::string_view Name(State v) {
  return kStateNames[static_cast<std::size_t>(v)];
}
absl::string_view Name(EventType v) {
  return kEventTypeNames[static_cast<std::size_t>(v)];
}
absl::string_view Name(Channel v) {
  return kChannelNames[static_cast<std::size_t>(v)];
}
absl::string_view Name(DocumentType v) {
  return kDocumentTypeNames[static_cast<std::size_t>(v)];
}
absl::string_view Name(Role v) {
  return kRoleNames[static_cast<std::size_t>(v)];
}

bool IsBindable(Role r) { return static_cast<size_t>(r) < kBindableRoles; }

std::optional<State> ParseState(absl::string_view name) {
  return Find<State>(kStateNames, name);
}
std::optional<EventType> ParseEventType(absl::string_view name) {
  return Find<EventType>(kEventTypeNames, name);
}
std::optional<Channel> ParseChannel(absl::string_view name) {
  return Find<Channel>(kChannelNames, name);
}
std::optional<DocumentType> ParseDocumentType(absl::string_view name) {
  return Find<DocumentType>(kDocumentTypeNames, name);
}
std::optional<Role> ParseRole(absl::string_view name) {
  return Find<Role>(kRoleNames, name);
}

const std::vector<State>& AllStates() {
  static const auto* const kAll =
      new std::vector<State>(Every<State, kStateNames.size()>());
  return *kAll;
}
const std::vector<Channel>& AllChannels() {
  static const auto* const kAll =
      new std::vector<Channel>(Every<Channel, kChannelNames.size()>());
  return *kAll;
}
const std::vector<DocumentType>& AllDocumentTypes() {
  static const auto* const kAll = new std::vector<DocumentType>(
      Every<DocumentType, kDocumentTypeNames.size()>());
  return *kAll;
}

const std::vector<Role>& AllBindableRoles() {
  static const auto* const kAll =
      new std::vector<Role>(Every<Role, kBindableRoles>());
  return *kAll;
}

absl::string_view Name(const std::optional<State>& v) {
  return v ? Name(*v) : kUnspecifiedState;
}

bool ParseEventState(absl::string_view name, std::optional<State>* out) {
  if (name == kUnspecifiedState) {
    *out = std::nullopt;
    return true;
  }
  *out = ParseState(name);
  return out->has_value();
}

std::ostream& operator<<(std::ostream& os, State v) { return os << Name(v); }
std::ostream& operator<<(std::ostream& os, EventType v) {
  return os << Name(v);
}
std::ostream& operator<<(std::ostream& os, Channel v) { return os << Name(v); }
std::ostream& operator<<(std::ostream& os, DocumentType v) {
  return os << Name(v);
}
std::ostream& operator<<(std::ostream& os, Role v) { return os << Name(v); }

}  // namespace aduan::model
