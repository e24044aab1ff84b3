-- Identity and access (MySQL/MariaDB): principals, role bindings, bearer
-- tokens (stored as SHA-256 only), the access log of full personal-data
-- reads, and the blind index for NIK search. Principals and tokens belong to
-- the deployment (a person may hold roles in several offices); bindings and
-- the access log carry their office. Re-runnable (IF NOT EXISTS).

CREATE TABLE IF NOT EXISTS principals (
  id VARCHAR(40) NOT NULL PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  display_name VARCHAR(100) NOT NULL,
  disabled TINYINT NOT NULL DEFAULT 0,
  tls_identity VARCHAR(255) NULL,
  create_time BIGINT NOT NULL,
  update_time BIGINT NOT NULL,
  UNIQUE KEY uq_principals_name (name),
  UNIQUE KEY uq_principals_tls (tls_identity)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS role_bindings (
  principal_id VARCHAR(40) NOT NULL,
  role VARCHAR(16) NOT NULL,
  office_code VARCHAR(8) NOT NULL,
  unit_code VARCHAR(16) NOT NULL DEFAULT '',
  source VARCHAR(64) NOT NULL DEFAULT '',
  create_time BIGINT NOT NULL,
  PRIMARY KEY (principal_id, role, office_code, unit_code, source),
  CONSTRAINT fk_bindings_principal FOREIGN KEY (principal_id) REFERENCES principals(id),
  CONSTRAINT fk_bindings_office FOREIGN KEY (office_code) REFERENCES offices(code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS api_tokens (
  id VARCHAR(40) NOT NULL PRIMARY KEY,
  principal_id VARCHAR(40) NOT NULL,
  secret_hash CHAR(64) NOT NULL,
  description VARCHAR(200) NOT NULL DEFAULT '',
  create_time BIGINT NOT NULL,
  expire_time BIGINT NULL,
  last_used_time BIGINT NULL,
  revoke_time BIGINT NULL,
  UNIQUE KEY uq_api_tokens_hash (secret_hash),
  KEY ix_api_tokens_principal (principal_id),
  CONSTRAINT fk_tokens_principal FOREIGN KEY (principal_id) REFERENCES principals(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS access_log (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  office_code VARCHAR(8) NOT NULL,
  tracking_code VARCHAR(16) NOT NULL,
  principal_id VARCHAR(40) NOT NULL,
  principal_name VARCHAR(100) NOT NULL,
  role VARCHAR(16) NOT NULL,
  reason TEXT NOT NULL,
  create_time BIGINT NOT NULL,
  KEY ix_access_log_complaint (tracking_code, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE complaints ADD COLUMN IF NOT EXISTS nik_index CHAR(64) NULL;
CREATE INDEX IF NOT EXISTS ix_complaints_nik_index ON complaints (nik_index);
