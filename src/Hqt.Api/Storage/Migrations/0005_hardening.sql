-- Issue 16 (hardening II). One file: the migrator numbers migrations by their prefix, one a number.
-- Tokens (issue 16): named, revocable, rotatable, with the time they were last used; hashed with a keyed hash.
-- hash_kind: 'sha256' (rows from before: an unkeyed SHA-256, re-hashed on first use) | 'hmac-sha256' (keyed with
-- the server secret in the data directory's token-key file).
ALTER TABLE api_tokens ADD COLUMN name TEXT NULL;
ALTER TABLE api_tokens ADD COLUMN last_used_at TEXT NULL;
ALTER TABLE api_tokens ADD COLUMN hash_kind TEXT NOT NULL DEFAULT 'sha256';
-- 1 for the token configured as Hqt:ApiToken: a changed value replaces this row (same user).
ALTER TABLE api_tokens ADD COLUMN is_bootstrap INTEGER NOT NULL DEFAULT 0;

-- Fair lookups (issue 16): jobs are claimed round-robin by user, the user whose last claim is oldest first, so
-- one reader's hundreds of queued jobs cannot starve another's; and a waiting job says why it waits.
ALTER TABLE lookup_jobs ADD COLUMN claimed_at TEXT NULL;
-- retry | host-backoff | host-busy | offline: why a queued job's not_before is in the future.
ALTER TABLE lookup_jobs ADD COLUMN wait_reason TEXT NULL;
ALTER TABLE lookup_jobs ADD COLUMN wait_host TEXT NULL;
CREATE INDEX ix_lookup_jobs_user_state ON lookup_jobs (user_id, state, claimed_at);
