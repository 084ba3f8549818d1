-- tidings schema 10 (PostgreSQL): several sync workers on one database, and change notices for
-- readers on other machines (docs/ARCHITECTURE.md, "Several workers").
--
-- A due feed is leased by one worker at a time: lease_owner is the worker's id, lease_until the
-- epoch millisecond the lease ends unless renewed. A worker renews its leases while it works and
-- clears them in the transaction that records the feed's outcome; a worker that dies loses them
-- when they expire, and another worker takes the feeds over.
ALTER TABLE feeds ADD COLUMN lease_owner text;
ALTER TABLE feeds ADD COLUMN lease_until bigint;
CREATE INDEX feeds_lease_owner ON feeds (lease_owner) WHERE lease_owner IS NOT NULL;

-- The sync workers (tidings sync / tidings daemon processes) working on this database, with a
-- heartbeat renewed with their leases; a row whose heartbeat is old belongs to a dead worker and
-- is removed by the next worker that starts.
CREATE TABLE workers (
    id           text PRIMARY KEY,
    host         text NOT NULL,
    pid          bigint NOT NULL,
    kind         text NOT NULL,
    started_at   bigint NOT NULL,
    heartbeat_at bigint NOT NULL,
    feeds_done   bigint NOT NULL DEFAULT 0
);

-- Readers learn that articles changed (new ones, read or starred marks, deletions) from a notice
-- on channel tidings_changes, sent when the writing transaction commits (one per transaction).
CREATE FUNCTION tidings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('tidings_changes', '');
    RETURN NULL;
END $$;
CREATE TRIGGER articles_changed AFTER INSERT OR UPDATE OR DELETE ON articles
FOR EACH STATEMENT EXECUTE FUNCTION tidings_changed();
CREATE TRIGGER appearances_changed AFTER INSERT OR UPDATE OR DELETE ON appearances
FOR EACH STATEMENT EXECUTE FUNCTION tidings_changed();
