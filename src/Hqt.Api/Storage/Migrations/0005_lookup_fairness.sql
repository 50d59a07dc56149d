-- Fair lookups (issue 16): jobs are claimed round-robin by user, the user whose last claim is oldest first, so
-- one reader's hundreds of queued jobs cannot starve another's; and a waiting job says why it waits.
ALTER TABLE lookup_jobs ADD COLUMN claimed_at TEXT NULL;
-- retry | host-backoff | host-busy | offline: why a queued job's not_before is in the future.
ALTER TABLE lookup_jobs ADD COLUMN wait_reason TEXT NULL;
ALTER TABLE lookup_jobs ADD COLUMN wait_host TEXT NULL;
CREATE INDEX ix_lookup_jobs_user_state ON lookup_jobs (user_id, state, claimed_at);
