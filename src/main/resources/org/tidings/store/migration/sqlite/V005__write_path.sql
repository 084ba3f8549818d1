-- tidings schema 5: the write path.
-- feeds.ingest_hash: hash of the last document stored for the feed (see store.DocumentHash) with
-- what that ingest counted, so a document fetched again unchanged is not ingested again;
-- deleting an article clears the hash of the feeds that carried it.
-- Full-text rows of new articles are written by the ingest batch itself (no per-row trigger);
-- updates and deletes keep their triggers.

ALTER TABLE feeds ADD COLUMN ingest_hash INTEGER;
ALTER TABLE feeds ADD COLUMN ingest_known INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN ingest_skipped INTEGER NOT NULL DEFAULT 0;

DROP TRIGGER articles_fts_insert;
