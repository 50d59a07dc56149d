-- Mirrors SQLite's 0008: who claimed a pending extraction, until when, and how many claims (extractions started) it took.
ALTER TABLE captures ADD COLUMN extraction_owner text;
ALTER TABLE captures ADD COLUMN extraction_lease_until text;
ALTER TABLE captures ADD COLUMN extraction_claims integer NOT NULL DEFAULT 0;
