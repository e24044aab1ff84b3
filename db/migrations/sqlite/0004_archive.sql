-- Step 7, the digital archive (SQLite): one write-once record per complaint,
-- chained per office (office_seq 1, 2, 3, … each naming its predecessor's
-- digest).
CREATE TABLE IF NOT EXISTS archives (
  tracking_code TEXT NOT NULL PRIMARY KEY,
  office_code TEXT NOT NULL,
  office_seq INTEGER NOT NULL,
  prev_sha256 TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  hmac TEXT NOT NULL,
  document TEXT NOT NULL,
  create_time INTEGER NOT NULL,
  UNIQUE (office_code, office_seq)
);
CREATE TRIGGER IF NOT EXISTS archives_no_update
BEFORE UPDATE ON archives
BEGIN
  SELECT RAISE(ABORT, 'archives are write-once');
END;
CREATE TRIGGER IF NOT EXISTS archives_no_delete
BEFORE DELETE ON archives
BEGIN
  SELECT RAISE(ABORT, 'archives are write-once');
END;
