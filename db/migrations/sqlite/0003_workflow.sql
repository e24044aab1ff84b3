-- The workflow (SQLite): when a complaint waiting for the complainant
-- (NEEDS_INFO) is closed by the server, indexed for the periodic sweep.
ALTER TABLE complaints ADD COLUMN needs_info_until INTEGER NULL;
CREATE INDEX IF NOT EXISTS ix_complaints_needs_info
  ON complaints (state, needs_info_until);
