-- Mirrors SQLite's 0007: where a work appeared (container, volume, issue, pages) and its publisher, filled from the
-- reference-string parser and from lookup records, read by exports and work detail.
ALTER TABLE works ADD COLUMN container text;
ALTER TABLE works ADD COLUMN volume text;
ALTER TABLE works ADD COLUMN issue text;
ALTER TABLE works ADD COLUMN pages text;
ALTER TABLE works ADD COLUMN publisher text;
