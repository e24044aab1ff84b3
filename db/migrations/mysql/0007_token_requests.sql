-- IssueToken honours request_id (MySQL/MariaDB). A token issued for a
-- request carries the request's key (SHA-256 of caller and request_id,
-- unique), the request's fingerprint, and its secret sealed under the
-- personal-data key (AES-256-GCM), so that a retry of a lost answer gets the
-- same token instead of a second live one. The sealed secret is cleared when
-- the token is first used or revoked: from then on only the hash remains.
-- Re-runnable.
ALTER TABLE api_tokens ADD COLUMN IF NOT EXISTS request_key CHAR(64) NULL;
ALTER TABLE api_tokens ADD COLUMN IF NOT EXISTS request_fingerprint CHAR(64) NULL;
ALTER TABLE api_tokens ADD COLUMN IF NOT EXISTS secret_sealed VARCHAR(255) NULL;
CREATE UNIQUE INDEX IF NOT EXISTS ux_api_tokens_request
  ON api_tokens (request_key);
