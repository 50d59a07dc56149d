-- The reader's citation graph. One work per identity: the same DOI, arXiv id, ISBN, PubMed id or
-- canonical URL (and, for references with nothing else, the same long normalised title) is one work.
CREATE TABLE works (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NULL,
    year INTEGER NULL,
    url TEXT NULL,
    doi TEXT NULL,
    arxiv_id TEXT NULL,
    isbn TEXT NULL,
    pmid TEXT NULL,
    -- Author names as the sources gave them (JSON array); people rows hold the merged identities.
    authors_json TEXT NOT NULL DEFAULT '[]',
    cited_by_count INTEGER NULL,
    -- Set while the reader has captured this work (the document it is); null for works only cited.
    document_id INTEGER NULL REFERENCES documents (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX ix_works_user ON works (user_id);
CREATE INDEX ix_works_document ON works (document_id);

CREATE TABLE work_identities (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    scheme TEXT NOT NULL,
    value TEXT NOT NULL,
    work_id INTEGER NOT NULL REFERENCES works (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, scheme, value)
);
CREATE INDEX ix_work_identities_work ON work_identities (work_id);

CREATE TABLE people (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    profile_url TEXT NULL,
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX ix_people_name_key ON people (user_id, name_key);
CREATE INDEX ix_people_profile ON people (user_id, profile_url);

CREATE TABLE authorships (
    work_id INTEGER NOT NULL REFERENCES works (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (work_id, person_id)
);
CREATE INDEX ix_authorships_person ON authorships (person_id);

-- An edge per (citing, cited, origin): origin_capture_id names the capture that said it, so deleting the
-- capture removes exactly its edges; lookups (a later migration) use their own origin.
CREATE TABLE citations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    citing_work_id INTEGER NOT NULL REFERENCES works (id) ON DELETE CASCADE,
    cited_work_id INTEGER NOT NULL REFERENCES works (id) ON DELETE CASCADE,
    origin_capture_id INTEGER NULL REFERENCES captures (id) ON DELETE CASCADE,
    origin TEXT NOT NULL,
    signal TEXT NULL,
    anchor_text TEXT NULL,
    context TEXT NULL
);
CREATE INDEX ix_citations_user ON citations (user_id);
CREATE INDEX ix_citations_citing ON citations (citing_work_id);
CREATE INDEX ix_citations_cited ON citations (cited_work_id);
CREATE INDEX ix_citations_capture ON citations (origin_capture_id);

-- The reader's pruning: dismissed (forever), snoozed (until), read (joins the library).
CREATE TABLE feedback (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    state TEXT NOT NULL,
    until TEXT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, item_id, state)
);

ALTER TABLE captures ADD COLUMN work_id INTEGER NULL REFERENCES works (id) ON DELETE SET NULL;

-- Bumped by every graph write, so readers can cache a user's loaded graph until it changes.
ALTER TABLE users ADD COLUMN graph_version INTEGER NOT NULL DEFAULT 0;
