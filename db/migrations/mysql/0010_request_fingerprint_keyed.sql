-- Request fingerprints are stored keyed (an HMAC under the server's index
-- key over the request's SHA-256), no longer as the plain SHA-256: a
-- request that carries a PIN could otherwise be matched by hashing the
-- 10^8 possible PINs. Rows written before are keyed by aduand at start
-- (SociComplaintRepository::KeyPlainFingerprints), which needs the key and
-- so cannot be done here; fingerprint_keyed tells them apart.
ALTER TABLE request_records ADD COLUMN fingerprint_keyed INTEGER NOT NULL DEFAULT 0;
-- The start-up pass looks for the rows still to key.
CREATE INDEX ix_request_records_unkeyed ON request_records (fingerprint_keyed);
