-- Step 7, the digital archive (MySQL/MariaDB): one write-once record per
-- complaint, chained per office (office_seq 1, 2, 3, … each naming its
-- predecessor's digest). Re-runnable.
CREATE TABLE IF NOT EXISTS archives (
  tracking_code VARCHAR(16) NOT NULL PRIMARY KEY,
  office_code VARCHAR(8) NOT NULL,
  office_seq BIGINT NOT NULL,
  prev_sha256 CHAR(64) NOT NULL,
  sha256 CHAR(64) NOT NULL,
  hmac CHAR(64) NOT NULL,
  document MEDIUMTEXT NOT NULL,
  create_time BIGINT NOT NULL,
  UNIQUE KEY uq_archives_office_seq (office_code, office_seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TRIGGER IF NOT EXISTS archives_no_update
BEFORE UPDATE ON archives FOR EACH ROW
BEGIN
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'archives are write-once';
END;
CREATE TRIGGER IF NOT EXISTS archives_no_delete
BEFORE DELETE ON archives FOR EACH ROW
BEGIN
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'archives are write-once';
END;
