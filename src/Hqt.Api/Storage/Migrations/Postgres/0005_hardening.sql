-- PostgreSQL mirror of ../0005_hardening.sql.
ALTER TABLE api_tokens ADD COLUMN name text NULL;
ALTER TABLE api_tokens ADD COLUMN last_used_at text NULL;
ALTER TABLE api_tokens ADD COLUMN hash_kind text NOT NULL DEFAULT 'sha256';
ALTER TABLE api_tokens ADD COLUMN is_bootstrap bigint NOT NULL DEFAULT 0;

ALTER TABLE lookup_jobs ADD COLUMN claimed_at text NULL;
ALTER TABLE lookup_jobs ADD COLUMN wait_reason text NULL;
ALTER TABLE lookup_jobs ADD COLUMN wait_host text NULL;
CREATE INDEX ix_lookup_jobs_user_state ON lookup_jobs (user_id, state, claimed_at);
