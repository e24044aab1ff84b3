-- Identity and access (SQLite): principals, role bindings, bearer tokens
-- (stored as SHA-256 only), the access log of full personal-data reads, and
-- the blind index for NIK search. Principals and tokens belong to the
-- deployment (a person may hold roles in several offices); bindings and the
-- access log carry their office.

CREATE TABLE IF NOT EXISTS principals (
  id TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  tls_identity TEXT NULL UNIQUE,
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS role_bindings (
  principal_id TEXT NOT NULL REFERENCES principals(id),
  role TEXT NOT NULL,
  office_code TEXT NOT NULL REFERENCES offices(code),
  unit_code TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  create_time INTEGER NOT NULL,
  PRIMARY KEY (principal_id, role, office_code, unit_code, source)
);

CREATE TABLE IF NOT EXISTS api_tokens (
  id TEXT NOT NULL PRIMARY KEY,
  principal_id TEXT NOT NULL REFERENCES principals(id),
  secret_hash TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  create_time INTEGER NOT NULL,
  expire_time INTEGER NULL,
  last_used_time INTEGER NULL,
  revoke_time INTEGER NULL
);
CREATE INDEX IF NOT EXISTS ix_api_tokens_principal ON api_tokens (principal_id);

CREATE TABLE IF NOT EXISTS access_log (
  id INTEGER PRIMARY KEY,
  office_code TEXT NOT NULL,
  tracking_code TEXT NOT NULL,
  principal_id TEXT NOT NULL,
  principal_name TEXT NOT NULL,
  role TEXT NOT NULL,
  reason TEXT NOT NULL,
  create_time INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_access_log_complaint
  ON access_log (tracking_code, id);

ALTER TABLE complaints ADD COLUMN nik_index TEXT NULL;
CREATE INDEX IF NOT EXISTS ix_complaints_nik_index ON complaints (nik_index);
