-- tidings schema 12: the first run on any database, workers seen lost in time (and, on
-- PostgreSQL, covering indexes for the reader's counts).
--
-- store_flags: what a database records about itself, one row per flag.
-- default_feeds_offered: the reader's first run has offered the default feeds (feeds.opml), or
-- a list was imported; a database without it and without feeds gets them on the reader's next
-- start, whatever the database (a new SQLite file, an empty PostgreSQL database). A database
-- that already has feeds has had its first run.
CREATE TABLE store_flags (
    name   TEXT PRIMARY KEY,
    set_at INTEGER NOT NULL
);

INSERT INTO store_flags (name, set_at) SELECT 'default_feeds_offered', 0 WHERE EXISTS (SELECT 1 FROM feeds);

-- (PostgreSQL's V012 also widens two indexes for index-only scans; SQLite's indexes carry the
-- row's key already: articles' rowid, appearances' primary key.)

-- How long each worker's leases last unless renewed (it renews them every third of that), so
-- `status` tells a worker that missed two heartbeats (killed, or its connection lost) from a
-- live one, whatever lease each was started with. Rows from before: the default lease, 2 min.
ALTER TABLE workers ADD COLUMN lease_ms INTEGER NOT NULL DEFAULT 120000;
