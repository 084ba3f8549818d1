-- tidings schema 10: several sync workers on one database (docs/ARCHITECTURE.md, "Several workers").
--
-- A due feed is leased by one worker at a time: lease_owner is the worker's id, lease_until the
-- epoch millisecond the lease ends unless renewed. A worker renews its leases while it works and
-- clears them in the transaction that records the feed's outcome; a worker that dies loses them
-- when they expire, and another worker takes the feeds over.
ALTER TABLE feeds ADD COLUMN lease_owner TEXT;
ALTER TABLE feeds ADD COLUMN lease_until BIGINT;
CREATE INDEX feeds_lease_owner ON feeds (lease_owner) WHERE lease_owner IS NOT NULL;

-- The sync workers (tidings sync / tidings daemon processes) working on this database, with a
-- heartbeat renewed with their leases; a row whose heartbeat is old belongs to a dead worker and
-- is removed by the next worker that starts.
CREATE TABLE workers (
    id           TEXT PRIMARY KEY,
    host         TEXT NOT NULL,
    pid          BIGINT NOT NULL,
    kind         TEXT NOT NULL,
    started_at   BIGINT NOT NULL,
    heartbeat_at BIGINT NOT NULL,
    feeds_done   BIGINT NOT NULL DEFAULT 0
);
