// Rows as the repositories read and write them. Plain data; times are UTC
// microseconds since the Unix epoch; the vocabulary (vocabulary.h) is typed
// here and stored by name.
#ifndef ADUAN_SERVER_DOMAIN_MODEL_RECORDS_H_
#define ADUAN_SERVER_DOMAIN_MODEL_RECORDS_H_

#include <optional>
#include <string>
#include <vector>

#include "server/domain/model/vocabulary.h"

namespace aduan::model {

// One weekly opening interval; weekday 1 = Monday … 7 = Sunday.
struct WorkingIntervalRecord {
  int weekday = 1;
  int open_minute = 0;
  int close_minute = 0;
};

struct HolidayRecord {
  std::string day;  // YYYY-MM-DD
  std::string name;
};

struct UnitRecord {
  std::string office_code;
  std::string code;
  std::string name;
  bool active = true;
};

struct CategoryRecord {
  std::string office_code;
  std::string code;
  std::string name;
  std::optional<int> service_sla_minutes;
  std::optional<int> resolution_sla_minutes;
  std::string default_unit_code;  // empty when none
  bool active = true;
};

struct OfficeRecord {
  std::string code;
  std::string name;
  std::string region_code;
  std::string time_zone;
  int service_sla_minutes = 60;
  int resolution_sla_minutes = 5 * 8 * 60;
  int needs_info_limit_days = 10;
  long long create_time = 0;
  long long update_time = 0;
  std::vector<WorkingIntervalRecord> working_hours;
  std::vector<HolidayRecord> holidays;
  std::vector<std::string> kelurahan;
  std::vector<UnitRecord> units;
  std::vector<CategoryRecord> categories;
};

// The stored form of one SLA clock.
struct SlaClockRecord {
  long long target_us = 0;                 // working time allowed
  long long used_us = 0;                   // used before the running segment
  std::optional<long long> running_since;  // set while running
  std::optional<long long> due;            // set while running
  std::optional<long long> at_risk;        // set while running
  bool breached = false;                   // stopped after its due time
};

struct ComplaintRecord {
  long long id = 0;  // internal
  std::string tracking_code;
  std::string office_code;
  State state = State::kSubmitted;
  Channel channel = Channel::kOffice;
  std::string source;              // empty = NULL
  std::string external_reference;  // empty = NULL
  std::string complainant_name;
  std::string complainant_nik;
  std::string complainant_kk;
  std::string complainant_phone;
  std::string complainant_email;
  std::string complainant_address;
  bool anonymous = false;
  bool confidential = false;
  std::string title;
  std::string description;
  std::string category_code;
  std::string location_address;
  std::string location_kelurahan;
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::string unit_code;
  int pin_generation = 1;
  int pin_failures = 0;
  long long pin_window_start = 0;
  long long version = 0;
  long long create_time = 0;
  long long update_time = 0;
  SlaClockRecord service;
  SlaClockRecord resolution;
  // While NEEDS_INFO: when the server closes the complaint as REJECTED.
  std::optional<long long> needs_info_until;
};

struct EventRecord {
  std::string office_code;
  std::string tracking_code;
  long long version = 0;
  EventType type = EventType::kSubmitted;
  std::optional<State> from_state;  // none before the first event
  State to_state = State::kSubmitted;
  std::string actor;
  Role actor_role = Role::kSystem;
  std::string note;
  std::string payload;
  long long create_time = 0;
};

// An idempotency record: which change a caller's request_id made.
struct RequestRecord {
  std::string caller;
  std::string request_id;
  std::string office_code;
  std::string method;
  std::string fingerprint;  // hex SHA-256 of the request
  std::string tracking_code;
  long long create_time = 0;
  // The PIN generation this request issued (SubmitComplaint, ReissuePin);
  // unset for the other steps.
  std::optional<int> pin_generation;
  // The complaint's version right after this request.
  std::optional<long long> result_version;
};

// A role held by a principal in an office. unit_code is set for UNIT only,
// source for GATEWAY only (empty otherwise).
struct RoleBindingRecord {
  Role role = Role::kOfficer;  // a bindable role
  std::string office_code;
  std::string unit_code;
  std::string source;

  bool operator==(const RoleBindingRecord& o) const {
    return role == o.role && office_code == o.office_code &&
           unit_code == o.unit_code && source == o.source;
  }
};

struct PrincipalRecord {
  std::string id;
  std::string name;
  std::string display_name;
  bool disabled = false;
  std::string tls_identity;  // empty = NULL
  long long create_time = 0;
  long long update_time = 0;
  std::vector<RoleBindingRecord> bindings;
};

// A bearer token; the secret itself is never stored, only its SHA-256.
struct TokenRecord {
  std::string id;
  std::string principal_id;
  std::string secret_hash;
  std::string description;
  long long create_time = 0;
  std::optional<long long> expire_time;
  std::optional<long long> last_used_time;
  std::optional<long long> revoke_time;
  // Set when issued for a request_id (empty otherwise): SHA-256 hex of the
  // caller and request_id, the request's fingerprint, and the secret sealed
  // for a retry until the token is first used or revoked.
  std::string request_key;
  std::string request_fingerprint;
  std::string secret_sealed;
};

// The write-once archive record of a complaint (step 7).
struct ArchiveRecord {
  std::string tracking_code;
  std::string office_code;
  long long office_seq = 0;  // 1, 2, 3, … per office
  std::string prev_sha256;   // the office's previous record, or 64 zeros
  std::string sha256;        // of `document`
  std::string hmac;          // HMAC under the archive key, hex
  std::string document;      // canonical JSON
  long long create_time = 0;
};

// A document attached to a complaint: the metadata row. The bytes are in the
// blob store under `sha256`.
struct AttachmentRecord {
  std::string attachment_id;  // att_<16 hex>
  std::string office_code;
  std::string tracking_code;
  DocumentType type = DocumentType::kSupporting;
  std::string media_type;  // recognised from the content
  std::string file_name;
  long long size_bytes = 0;
  std::string sha256;                   // lower-case hex
  std::string uploaded_by;              // principal name, or "citizen"
  Role uploaded_role = Role::kOfficer;  // OFFICER, GATEWAY, UNIT or CITIZEN
  // The request that stored it: a retried upload finds it by these.
  std::string request_caller;
  std::string request_id;
  long long create_time = 0;
};

// One full read of a complaint's personal data.
struct AccessLogRecord {
  long long id = 0;
  std::string office_code;
  std::string tracking_code;
  std::string principal_id;
  std::string principal_name;
  Role role = Role::kOfficer;
  std::string reason;
  long long create_time = 0;
};

}  // namespace aduan::model

#endif  // ADUAN_SERVER_DOMAIN_MODEL_RECORDS_H_
