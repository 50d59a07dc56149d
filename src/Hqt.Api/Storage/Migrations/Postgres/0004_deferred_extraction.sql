-- PostgreSQL mirror of ../0004_deferred_extraction.sql.
CREATE INDEX ix_captures_pending ON captures (id) WHERE extractor_version = 0;
CREATE INDEX ix_captures_user_hash ON captures (user_id, content_hash);
CREATE INDEX ix_captures_work ON captures (work_id);
