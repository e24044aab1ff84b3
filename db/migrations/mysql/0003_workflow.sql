-- The workflow (MySQL/MariaDB): when a complaint waiting for the
-- complainant (NEEDS_INFO) is closed by the server, indexed for the periodic
-- sweep. Re-runnable.
ALTER TABLE complaints ADD COLUMN IF NOT EXISTS needs_info_until BIGINT NULL;
CREATE INDEX IF NOT EXISTS ix_complaints_needs_info
  ON complaints (state, needs_info_until);
