-- Aduan schema, version 1 (MySQL/MariaDB). Times are integer UTC
-- microseconds since the Unix epoch. Every table carries its office (the
-- shard key). DDL is not transactional here: every statement is written so
-- that a half-applied migration can be re-run.

CREATE TABLE IF NOT EXISTS offices (
  code VARCHAR(8) NOT NULL PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  region_code VARCHAR(16) NOT NULL,
  time_zone VARCHAR(64) NOT NULL,
  service_sla_minutes INT NOT NULL,
  resolution_sla_minutes INT NOT NULL,
  needs_info_limit_days INT NOT NULL,
  create_time BIGINT NOT NULL,
  update_time BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Weekly opening intervals, minutes after local midnight; weekday 1 = Monday.
CREATE TABLE IF NOT EXISTS office_working_hours (
  office_code VARCHAR(8) NOT NULL,
  weekday INT NOT NULL,
  open_minute INT NOT NULL,
  close_minute INT NOT NULL,
  PRIMARY KEY (office_code, weekday, open_minute),
  CONSTRAINT fk_hours_office FOREIGN KEY (office_code) REFERENCES offices(code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS office_holidays (
  office_code VARCHAR(8) NOT NULL,
  day CHAR(10) NOT NULL,
  name VARCHAR(100) NOT NULL,
  PRIMARY KEY (office_code, day),
  CONSTRAINT fk_holidays_office FOREIGN KEY (office_code) REFERENCES offices(code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS office_kelurahan (
  office_code VARCHAR(8) NOT NULL,
  name VARCHAR(100) NOT NULL,
  PRIMARY KEY (office_code, name),
  CONSTRAINT fk_kelurahan_office FOREIGN KEY (office_code) REFERENCES offices(code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS units (
  office_code VARCHAR(8) NOT NULL,
  code VARCHAR(16) NOT NULL,
  name VARCHAR(100) NOT NULL,
  active TINYINT NOT NULL DEFAULT 1,
  PRIMARY KEY (office_code, code),
  CONSTRAINT fk_units_office FOREIGN KEY (office_code) REFERENCES offices(code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS categories (
  office_code VARCHAR(8) NOT NULL,
  code VARCHAR(16) NOT NULL,
  name VARCHAR(100) NOT NULL,
  service_sla_minutes INT NULL,
  resolution_sla_minutes INT NULL,
  default_unit_code VARCHAR(16) NULL,
  active TINYINT NOT NULL DEFAULT 1,
  PRIMARY KEY (office_code, code),
  CONSTRAINT fk_categories_office FOREIGN KEY (office_code) REFERENCES offices(code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per complaint. `id` is internal and never shown to clients.
-- SLA clock columns as in the SQLite schema.
CREATE TABLE IF NOT EXISTS complaints (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tracking_code VARCHAR(16) NOT NULL,
  office_code VARCHAR(8) NOT NULL,
  state VARCHAR(24) NOT NULL,
  channel VARCHAR(24) NOT NULL,
  source VARCHAR(64) NULL,
  external_reference VARCHAR(100) NULL,
  complainant_name VARCHAR(100) NOT NULL DEFAULT '',
  complainant_nik VARCHAR(255) NOT NULL DEFAULT '',
  complainant_kk VARCHAR(255) NOT NULL DEFAULT '',
  complainant_phone VARCHAR(32) NOT NULL DEFAULT '',
  complainant_email VARCHAR(254) NOT NULL DEFAULT '',
  complainant_address VARCHAR(300) NOT NULL DEFAULT '',
  anonymous TINYINT NOT NULL DEFAULT 0,
  confidential TINYINT NOT NULL DEFAULT 0,
  title VARCHAR(200) NOT NULL,
  description TEXT NOT NULL,
  category_code VARCHAR(16) NOT NULL DEFAULT '',
  location_address VARCHAR(300) NOT NULL DEFAULT '',
  location_kelurahan VARCHAR(100) NOT NULL DEFAULT '',
  latitude DOUBLE NULL,
  longitude DOUBLE NULL,
  unit_code VARCHAR(16) NOT NULL DEFAULT '',
  pin_generation INT NOT NULL DEFAULT 1,
  pin_failures INT NOT NULL DEFAULT 0,
  pin_window_start BIGINT NOT NULL DEFAULT 0,
  version BIGINT NOT NULL,
  create_time BIGINT NOT NULL,
  update_time BIGINT NOT NULL,
  service_target_us BIGINT NOT NULL,
  service_used_us BIGINT NOT NULL DEFAULT 0,
  service_running_since BIGINT NULL,
  service_due BIGINT NULL,
  service_at_risk BIGINT NULL,
  service_breached TINYINT NOT NULL DEFAULT 0,
  resolution_target_us BIGINT NOT NULL DEFAULT 0,
  resolution_used_us BIGINT NOT NULL DEFAULT 0,
  resolution_running_since BIGINT NULL,
  resolution_due BIGINT NULL,
  resolution_at_risk BIGINT NULL,
  resolution_breached TINYINT NOT NULL DEFAULT 0,
  UNIQUE KEY uq_complaints_tracking (tracking_code),
  UNIQUE KEY uq_complaints_external (source, external_reference),
  KEY ix_complaints_office_created (office_code, create_time, id),
  KEY ix_complaints_office_updated (office_code, update_time, id),
  KEY ix_complaints_office_state (office_code, state),
  KEY ix_complaints_office_service_due (office_code, service_due),
  KEY ix_complaints_office_resolution_due (office_code, resolution_due),
  CONSTRAINT fk_complaints_office FOREIGN KEY (office_code) REFERENCES offices(code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only history; `version` numbers a complaint's events 1, 2, 3, ….
CREATE TABLE IF NOT EXISTS complaint_events (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  office_code VARCHAR(8) NOT NULL,
  complaint_id BIGINT NOT NULL,
  version BIGINT NOT NULL,
  type VARCHAR(32) NOT NULL,
  from_state VARCHAR(24) NOT NULL,
  to_state VARCHAR(24) NOT NULL,
  actor VARCHAR(100) NOT NULL,
  actor_role VARCHAR(24) NOT NULL,
  note TEXT NOT NULL,
  payload TEXT NOT NULL,
  create_time BIGINT NOT NULL,
  UNIQUE KEY uq_events_complaint_version (complaint_id, version),
  CONSTRAINT fk_events_complaint FOREIGN KEY (complaint_id) REFERENCES complaints(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Idempotency records (AIP-155): one per (caller, request_id), written in
-- the transaction of the change it guards.
CREATE TABLE IF NOT EXISTS request_records (
  caller VARCHAR(100) NOT NULL,
  request_id VARCHAR(64) NOT NULL,
  office_code VARCHAR(8) NOT NULL,
  method VARCHAR(64) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  tracking_code VARCHAR(16) NOT NULL,
  create_time BIGINT NOT NULL,
  PRIMARY KEY (caller, request_id),
  KEY ix_request_records_created (create_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- No UPDATE or DELETE ever rewrites history.
CREATE TRIGGER IF NOT EXISTS complaint_events_no_update
BEFORE UPDATE ON complaint_events FOR EACH ROW
BEGIN
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'complaint_events is append-only';
END;
CREATE TRIGGER IF NOT EXISTS complaint_events_no_delete
BEFORE DELETE ON complaint_events FOR EACH ROW
BEGIN
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'complaint_events is append-only';
END;
