// The domain's vocabulary as types: the workflow's states, the events of a
// complaint's history, the channels a complaint arrives by, the types of
// its documents and the roles people and systems act in (docs/design.md §1,
// §2, §4.2). The domain compares and switches on
// these; their names (equal to the enum value names of aduan.v1, and to what
// the database stores) are used only at the edges: the SQL rows (db/), the
// proto messages (server/api/) and the archive's canonical JSON.
#ifndef ADUAN_SERVER_DOMAIN_MODEL_VOCABULARY_H_
#define ADUAN_SERVER_DOMAIN_MODEL_VOCABULARY_H_

#include <optional>
#include <ostream>
#include <vector>

#include "absl/strings/string_view.h"

namespace aduan::model {

enum class State {
  kSubmitted,
  kNeedsInfo,
  kVerified,
  kReportedToHead,
  kDisposed,
  kInFollowUp,
  kResolved,
  kInformed,
  kArchived,
  kRejected,
  kOutOfScope,
  kDuplicate,
  kWithdrawn,
};

enum class EventType {
  kSubmitted,
  kUpdated,
  kVerified,
  kSupplemented,
  kWithdrawn,
  kReportedToHead,
  kDisposed,
  kDeclined,
  kDispositionReturned,
  kReturnedForRework,
  kFollowUpStarted,
  kFollowUpNote,
  kResolved,
  kInformed,
  kArchived,
  kExpired,
  kPinReissued,
  kAttached,
};

enum class Channel {
  kOffice,
  kOnline,
  kEmail,
  kPhone,
  kFacebook,
  kInstagram,
  kSp4nLapor,
  kGateway,
};

enum class DocumentType {
  kKkCopy,
  kKtpCopy,
  kLocationPhoto,
  kSupporting,
  kResult,
};

// A role. The first seven are bound to principals (role bindings); the
// complainant (with a PIN) and the server's own jobs act as kCitizen and
// kSystem, which events and documents record but nobody is bound to.
enum class Role {
  kOfficer,
  kSecretary,
  kHead,
  kUnit,
  kGateway,
  kAuditor,
  kAdmin,
  kCitizen,
  kSystem,
};

// True for the roles a principal may be bound to.
bool IsBindable(Role r);

// The stored name, e.g. "REPORTED_TO_HEAD", "SP4N_LAPOR", "KK_COPY", "UNIT".
absl::string_view Name(State v);
absl::string_view Name(EventType v);
absl::string_view Name(Channel v);
absl::string_view Name(DocumentType v);
absl::string_view Name(Role v);

// The value of a stored name; nullopt for any other text (including the
// proto's "…_UNSPECIFIED" names).
std::optional<State> ParseState(absl::string_view name);
std::optional<EventType> ParseEventType(absl::string_view name);
std::optional<Channel> ParseChannel(absl::string_view name);
std::optional<DocumentType> ParseDocumentType(absl::string_view name);
std::optional<Role> ParseRole(absl::string_view name);

// Every value, in declaration order.
const std::vector<State>& AllStates();
const std::vector<Channel>& AllChannels();
const std::vector<DocumentType>& AllDocumentTypes();
// The bindable roles only.
const std::vector<Role>& AllBindableRoles();

// The state before a complaint's first event has no value; its stored name
// is "STATE_UNSPECIFIED" (the proto's zero), in events and the archive.
absl::string_view Name(const std::optional<State>& v);
// The inverse of the above: nullopt for "STATE_UNSPECIFIED", false when
// `name` names no state at all.
bool ParseEventState(absl::string_view name, std::optional<State>* out);

// For test failures and logs: the name.
std::ostream& operator<<(std::ostream& os, State v);
std::ostream& operator<<(std::ostream& os, EventType v);
std::ostream& operator<<(std::ostream& os, Channel v);
std::ostream& operator<<(std::ostream& os, DocumentType v);
std::ostream& operator<<(std::ostream& os, Role v);

}  // namespace aduan::model

#endif  // ADUAN_SERVER_DOMAIN_MODEL_VOCABULARY_H_
