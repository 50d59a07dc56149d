-- Users own everything: every table a user reads from carries user_id.
-- AUTOINCREMENT: an id, once handed out, never names another row after a delete.
CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Only a SHA-256 of each token is kept.
CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT NULL
);

-- A document is one page (canonical URL) for one user; each capture is a version of it.
CREATE TABLE documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    canonical_url TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (user_id, canonical_url)
);

CREATE TABLE captures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    title TEXT NULL,
    selection TEXT NULL,
    captured_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    html_gzip BLOB NOT NULL,
    html_length INTEGER NOT NULL,
    idempotency_key TEXT NULL,
    extractor_version INTEGER NOT NULL,
    extract_json TEXT NOT NULL,
    UNIQUE (user_id, document_id, content_hash)
);

CREATE UNIQUE INDEX ux_captures_idempotency_key ON captures (user_id, idempotency_key);
CREATE INDEX ix_captures_user_newest ON captures (user_id, id);
CREATE INDEX ix_captures_document ON captures (document_id);
