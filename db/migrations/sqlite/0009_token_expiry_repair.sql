-- Repairs tokens that an unchecked IssueToken ttl wrote before ttl was
-- limited to 3650 days: an expiry past the year 9999 cannot be shown (the
-- issue failed after writing the row, so the secret was never shown to
-- anyone, and listing the principal's tokens failed from then on). Such a
-- token is revoked, then expired, at its creation.
UPDATE api_tokens
   SET revoke_time = COALESCE(revoke_time, create_time)
 WHERE expire_time > 253402300799999999;
UPDATE api_tokens
   SET expire_time = create_time
 WHERE expire_time > 253402300799999999;
