-- Lookups: one job per (user, work) to go one step upstream of it (OpenAlex, Crossref or the page itself).
-- A job is claimed by setting state = 'running' with a lease; a lease that runs out (a crashed worker)
-- makes the job claimable again, so jobs survive restarts and never run twice at once.
CREATE TABLE lookup_jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    work_id INTEGER NOT NULL REFERENCES works (id) ON DELETE CASCADE,
    -- The capture whose budget the job counts against; null once that capture is deleted.
    origin_capture_id INTEGER NULL REFERENCES captures (id) ON DELETE SET NULL,
    -- 1 = cited by a capture, 2 = cited by such a work, ...
    depth INTEGER NOT NULL,
    -- queued | running | done | failed
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    not_before TEXT NOT NULL,
    lease_owner TEXT NULL,
    lease_until TEXT NULL,
    -- What the lookup found: openalex | crossref | web | not-found | robots-disallowed | not-html | too-large | blocked | error
    outcome TEXT NULL,
    last_error TEXT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (user_id, work_id)
);
CREATE INDEX ix_lookup_jobs_due ON lookup_jobs (state, not_before);
CREATE INDEX ix_lookup_jobs_capture ON lookup_jobs (origin_capture_id);

-- Answers from shared sources (OpenAlex, Crossref, robots.txt), not per user: they are public facts.
CREATE TABLE lookup_cache (
    source TEXT NOT NULL,
    cache_key TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NULL,
    fetched_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    PRIMARY KEY (source, cache_key)
);
