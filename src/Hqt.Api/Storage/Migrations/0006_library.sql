-- The reader's library page: full-text search over captures, and imports.

-- One row per capture (rowid = captures.id): its title, authors, site (host and site name) and visible text.
-- Written by Library/CaptureSearchIndex in the transaction that writes the capture or its extraction; the trigger
-- removes a capture's row with it, cascades (a deleted user) included. On PostgreSQL this is a tsvector column
-- with a GIN index on the same four fields.
CREATE VIRTUAL TABLE capture_search USING fts5 (title, authors, site, text, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER captures_search_delete AFTER DELETE ON captures
BEGIN
    DELETE FROM capture_search WHERE rowid = OLD.id;
END;

-- Captures stored before this migration: title, authors and URL from what was extracted; their full text joins
-- the index when they are re-extracted (POST /api/captures/reextract reads the stored HTML).
INSERT INTO capture_search (rowid, title, authors, site, text)
SELECT c.id, COALESCE(c.title, ''),
       COALESCE((SELECT group_concat(json_extract(a.value, '$.name'), ' ; ') FROM json_each(c.extract_json, '$.authors') a), ''),
       c.url || ' ' || COALESCE(json_extract(c.extract_json, '$.siteName'), ''), ''
FROM captures c;

-- An import: the uploaded file (gzip, so the job can resume after a crash) and where storing it has got to.
-- Entries are stored in batches, each batch in one transaction together with its items and the cursor, so a
-- killed server resumes at the first entry not stored: nothing half-stored, nothing stored twice.
CREATE TABLE imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    format TEXT NOT NULL,
    file_name TEXT NULL,
    payload_gzip BLOB NOT NULL,
    -- queued | storing | fetching | done | failed
    state TEXT NOT NULL,
    total INTEGER NOT NULL,
    -- Entries stored so far (the next batch starts here).
    cursor INTEGER NOT NULL DEFAULT 0,
    added INTEGER NOT NULL DEFAULT 0,
    merged INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    -- Bookmarked pages to fetch as captures, and how many of them are finished (captured, already there or failed).
    fetch_total INTEGER NOT NULL DEFAULT 0,
    fetched INTEGER NOT NULL DEFAULT 0,
    error TEXT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX ix_imports_user ON imports (user_id, id);
CREATE INDEX ix_imports_open ON imports (state) WHERE state IN ('queued', 'storing', 'fetching');

-- What became of each entry: added | merged | skipped, with the reason; bookmarks also carry their fetch.
CREATE TABLE import_items (
    import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    label TEXT NULL,
    outcome TEXT NOT NULL,
    reason TEXT NULL,
    work_id INTEGER NULL,
    url TEXT NULL,
    -- null (nothing to fetch) | pending | captured | existing | failed
    fetch_state TEXT NULL,
    fetch_detail TEXT NULL,
    fetch_attempts INTEGER NOT NULL DEFAULT 0,
    capture_id INTEGER NULL,
    PRIMARY KEY (import_id, position)
);
CREATE INDEX ix_import_items_fetch ON import_items (import_id, position) WHERE fetch_state = 'pending';

-- Captures whose full text is not indexed yet (those stored before this migration); Library/SearchBackfill drains it.
CREATE TABLE capture_search_backfill (capture_id INTEGER PRIMARY KEY);
INSERT INTO capture_search_backfill (capture_id) SELECT id FROM captures;
