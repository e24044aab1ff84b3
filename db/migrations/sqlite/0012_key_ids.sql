-- The keys that have written to this database, by key id (a fingerprint of
-- the key file's master key that tells nothing of it). aduand refuses to
-- run with a key file whose id is not here once the database holds data,
-- and never makes a new key for such a database: data written under one
-- key cannot be read or verified under another (server/app/key_check.h).
CREATE TABLE IF NOT EXISTS key_ids (
  key_id TEXT NOT NULL PRIMARY KEY,
  first_use BIGINT NOT NULL
);
-- KeyIds lists them in the order they were first used.
CREATE INDEX IF NOT EXISTS ix_key_ids_first_use ON key_ids (first_use);
