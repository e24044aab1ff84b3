-- Documents attached to complaints (SQLite). The bytes live in the
-- content-addressed blob store under their SHA-256; a row here is the
-- metadata, written in the same transaction as the complaint's ATTACHED
-- event. Rows never change once written.
CREATE TABLE IF NOT EXISTS attachments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  attachment_id TEXT NOT NULL UNIQUE,
  office_code TEXT NOT NULL,
  complaint_id INTEGER NOT NULL,
  tracking_code TEXT NOT NULL,
  type TEXT NOT NULL,
  media_type TEXT NOT NULL,
  file_name TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_role TEXT NOT NULL,
  request_caller TEXT NOT NULL,
  request_id TEXT NOT NULL,
  create_time INTEGER NOT NULL,
  UNIQUE (request_caller, request_id)
);
CREATE INDEX IF NOT EXISTS ix_attachments_tracking_code
  ON attachments (tracking_code, id);
CREATE INDEX IF NOT EXISTS ix_attachments_sha256 ON attachments (sha256);
CREATE TRIGGER IF NOT EXISTS attachments_no_update
BEFORE UPDATE ON attachments
BEGIN
  SELECT RAISE(ABORT, 'attachments are write-once');
END;
CREATE TRIGGER IF NOT EXISTS attachments_no_delete
BEFORE DELETE ON attachments
BEGIN
  SELECT RAISE(ABORT, 'attachments are write-once');
END;
