-- Captures acknowledged before they are extracted. extractor_version = 0 marks a capture whose page is stored
-- (durably, with its hash) but not yet extracted; its extract_json holds only the page's URL until the
-- extraction worker (or a read that needs it) fills it in. This partial index is that backlog, in order.
CREATE INDEX ix_captures_pending ON captures (id) WHERE extractor_version = 0;

-- "Have I stored this content already?" is asked before every capture, by URL or canonical URL and hash.
CREATE INDEX ix_captures_user_hash ON captures (user_id, content_hash);

-- work_id sits after the HTML blob in each row, so finding a work's captures without an index reads every
-- capture's page (merging two works, deleting a work): the cause of ingest slowing down as a library grows.
CREATE INDEX ix_captures_work ON captures (work_id);
