-- IssueToken honours request_id (SQLite). A token issued for a request
-- carries the request's key (SHA-256 of caller and request_id, unique), the
-- request's fingerprint, and its secret sealed under the personal-data key
-- (AES-256-GCM), so that a retry of a lost answer gets the same token
-- instead of a second live one. The sealed secret is cleared when the token
-- is first used or revoked: from then on only the hash remains.
ALTER TABLE api_tokens ADD COLUMN request_key TEXT NULL;
ALTER TABLE api_tokens ADD COLUMN request_fingerprint TEXT NULL;
ALTER TABLE api_tokens ADD COLUMN secret_sealed TEXT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS ux_api_tokens_request
  ON api_tokens (request_key);
