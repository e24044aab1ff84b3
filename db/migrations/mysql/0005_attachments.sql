-- Documents attached to complaints (MySQL/MariaDB). The bytes live in the
-- content-addressed blob store under their SHA-256; a row here is the
-- metadata, written in the same transaction as the complaint's ATTACHED
-- event. Rows never change once written. Re-runnable.
CREATE TABLE IF NOT EXISTS attachments (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  attachment_id VARCHAR(32) NOT NULL,
  office_code VARCHAR(8) NOT NULL,
  complaint_id BIGINT NOT NULL,
  tracking_code VARCHAR(16) NOT NULL,
  type VARCHAR(16) NOT NULL,
  media_type VARCHAR(32) NOT NULL,
  file_name VARCHAR(255) NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 CHAR(64) NOT NULL,
  uploaded_by VARCHAR(100) NOT NULL,
  uploaded_role VARCHAR(16) NOT NULL,
  request_caller VARCHAR(100) NOT NULL,
  request_id VARCHAR(64) NOT NULL,
  create_time BIGINT NOT NULL,
  UNIQUE KEY uq_attachments_attachment_id (attachment_id),
  UNIQUE KEY uq_attachments_request (request_caller, request_id),
  KEY ix_attachments_tracking_code (tracking_code, id),
  KEY ix_attachments_sha256 (sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TRIGGER IF NOT EXISTS attachments_no_update
BEFORE UPDATE ON attachments FOR EACH ROW
BEGIN
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'attachments are write-once';
END;
CREATE TRIGGER IF NOT EXISTS attachments_no_delete
BEFORE DELETE ON attachments FOR EACH ROW
BEGIN
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'attachments are write-once';
END;
