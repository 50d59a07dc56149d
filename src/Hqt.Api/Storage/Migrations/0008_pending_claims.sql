-- Claims on pending extractions (captures with extractor_version = 0), so instances sharing one database never
-- compute the same capture: a claim names its owner (one server process) and a lease; a lease that runs out (a
-- crashed or stopped instance) puts the capture back in the queue. extraction_claims counts the claims a capture
-- took, that is the extractions started for it: 1 for every capture extracted once, more only after a lapsed lease.
-- Once extracted, the owner stays (which instance extracted it) and the lease is cleared.
ALTER TABLE captures ADD COLUMN extraction_owner TEXT;
ALTER TABLE captures ADD COLUMN extraction_lease_until TEXT;
ALTER TABLE captures ADD COLUMN extraction_claims INTEGER NOT NULL DEFAULT 0;
