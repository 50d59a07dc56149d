-- Where a work appeared: the journal, book or proceedings (container), its volume, issue and pages, and the
-- publisher. Filled from what the reference-string parser reads of a citing page's entry and from lookup records
-- (Crossref, OpenAlex); exports (BibTeX journal/volume/number/pages, CSL container-title/volume/issue/page, RIS
-- JO/VL/IS/SP-EP) and the work's detail read them. Plain nullable columns: the same statements run on PostgreSQL.
ALTER TABLE works ADD COLUMN container TEXT;
ALTER TABLE works ADD COLUMN volume TEXT;
ALTER TABLE works ADD COLUMN issue TEXT;
ALTER TABLE works ADD COLUMN pages TEXT;
ALTER TABLE works ADD COLUMN publisher TEXT;
