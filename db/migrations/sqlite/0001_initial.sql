-- Aduan schema, version 1 (SQLite). Times are integer UTC microseconds since
-- the Unix epoch. Every table carries its office (the shard key).

CREATE TABLE IF NOT EXISTS offices (
  code TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  region_code TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  service_sla_minutes INTEGER NOT NULL,
  resolution_sla_minutes INTEGER NOT NULL,
  needs_info_limit_days INTEGER NOT NULL,
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL
);

-- Weekly opening intervals, minutes after local midnight; weekday 1 = Monday.
CREATE TABLE IF NOT EXISTS office_working_hours (
  office_code TEXT NOT NULL REFERENCES offices(code),
  weekday INTEGER NOT NULL,
  open_minute INTEGER NOT NULL,
  close_minute INTEGER NOT NULL,
  PRIMARY KEY (office_code, weekday, open_minute)
);

CREATE TABLE IF NOT EXISTS office_holidays (
  office_code TEXT NOT NULL REFERENCES offices(code),
  day TEXT NOT NULL,  -- YYYY-MM-DD, office time zone
  name TEXT NOT NULL,
  PRIMARY KEY (office_code, day)
);

CREATE TABLE IF NOT EXISTS office_kelurahan (
  office_code TEXT NOT NULL REFERENCES offices(code),
  name TEXT NOT NULL,
  PRIMARY KEY (office_code, name)
);

CREATE TABLE IF NOT EXISTS units (
  office_code TEXT NOT NULL REFERENCES offices(code),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (office_code, code)
);

CREATE TABLE IF NOT EXISTS categories (
  office_code TEXT NOT NULL REFERENCES offices(code),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  service_sla_minutes INTEGER NULL,
  resolution_sla_minutes INTEGER NULL,
  default_unit_code TEXT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (office_code, code)
);

-- One row per complaint. `id` is internal and never shown to clients.
-- SLA clocks: *_target_us working time allowed, *_used_us working time used
-- before the running segment, *_running_since start of the running segment
-- (NULL when not running), *_due / *_at_risk instants of the running segment
-- (NULL when not running), *_breached set when the clock stopped late.
CREATE TABLE IF NOT EXISTS complaints (
  id INTEGER PRIMARY KEY,
  tracking_code TEXT NOT NULL UNIQUE,
  office_code TEXT NOT NULL REFERENCES offices(code),
  state TEXT NOT NULL,
  channel TEXT NOT NULL,
  source TEXT NULL,
  external_reference TEXT NULL,
  complainant_name TEXT NOT NULL DEFAULT '',
  complainant_nik TEXT NOT NULL DEFAULT '',
  complainant_kk TEXT NOT NULL DEFAULT '',
  complainant_phone TEXT NOT NULL DEFAULT '',
  complainant_email TEXT NOT NULL DEFAULT '',
  complainant_address TEXT NOT NULL DEFAULT '',
  anonymous INTEGER NOT NULL DEFAULT 0,
  confidential INTEGER NOT NULL DEFAULT 0,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  category_code TEXT NOT NULL DEFAULT '',
  location_address TEXT NOT NULL DEFAULT '',
  location_kelurahan TEXT NOT NULL DEFAULT '',
  latitude REAL NULL,
  longitude REAL NULL,
  unit_code TEXT NOT NULL DEFAULT '',
  pin_generation INTEGER NOT NULL DEFAULT 1,
  pin_failures INTEGER NOT NULL DEFAULT 0,
  pin_window_start INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL,
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL,
  service_target_us INTEGER NOT NULL,
  service_used_us INTEGER NOT NULL DEFAULT 0,
  service_running_since INTEGER NULL,
  service_due INTEGER NULL,
  service_at_risk INTEGER NULL,
  service_breached INTEGER NOT NULL DEFAULT 0,
  resolution_target_us INTEGER NOT NULL DEFAULT 0,
  resolution_used_us INTEGER NOT NULL DEFAULT 0,
  resolution_running_since INTEGER NULL,
  resolution_due INTEGER NULL,
  resolution_at_risk INTEGER NULL,
  resolution_breached INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX IF NOT EXISTS uq_complaints_external
  ON complaints (source, external_reference);
CREATE INDEX IF NOT EXISTS ix_complaints_office_created
  ON complaints (office_code, create_time, id);
CREATE INDEX IF NOT EXISTS ix_complaints_office_updated
  ON complaints (office_code, update_time, id);
CREATE INDEX IF NOT EXISTS ix_complaints_office_state
  ON complaints (office_code, state);
CREATE INDEX IF NOT EXISTS ix_complaints_office_service_due
  ON complaints (office_code, service_due);
CREATE INDEX IF NOT EXISTS ix_complaints_office_resolution_due
  ON complaints (office_code, resolution_due);

-- Append-only history; `version` numbers a complaint's events 1, 2, 3, ….
CREATE TABLE IF NOT EXISTS complaint_events (
  id INTEGER PRIMARY KEY,
  office_code TEXT NOT NULL,
  complaint_id INTEGER NOT NULL REFERENCES complaints(id),
  version INTEGER NOT NULL,
  type TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  actor TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  payload TEXT NOT NULL DEFAULT '',
  create_time INTEGER NOT NULL,
  UNIQUE (complaint_id, version)
);

-- Idempotency records (AIP-155): one per (caller, request_id), written in
-- the transaction of the change it guards.
CREATE TABLE IF NOT EXISTS request_records (
  caller TEXT NOT NULL,
  request_id TEXT NOT NULL,
  office_code TEXT NOT NULL,
  method TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  tracking_code TEXT NOT NULL,
  create_time INTEGER NOT NULL,
  PRIMARY KEY (caller, request_id)
);
CREATE INDEX IF NOT EXISTS ix_request_records_created
  ON request_records (create_time);

-- No UPDATE or DELETE ever rewrites history.
CREATE TRIGGER IF NOT EXISTS complaint_events_no_update
BEFORE UPDATE ON complaint_events
BEGIN
  SELECT RAISE(ABORT, 'complaint_events is append-only');
END;
CREATE TRIGGER IF NOT EXISTS complaint_events_no_delete
BEFORE DELETE ON complaint_events
BEGIN
  SELECT RAISE(ABORT, 'complaint_events is append-only');
END;
