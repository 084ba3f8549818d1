-- tidings schema 12: the first run on any database, workers seen lost in time (and, on
-- PostgreSQL, covering indexes for the reader's counts, change notices for feed edits and
-- counter triggers that stay fast while a table grows).
--
-- store_flags: what a database records about itself, one row per flag.
-- default_feeds_offered: the reader's first run has offered the default feeds (feeds.opml), or
-- a list was imported; a database without it and without feeds gets them on the reader's next
-- start, whatever the database (a new SQLite file, an empty PostgreSQL database). A database
-- that already has feeds has had its first run.
CREATE TABLE store_flags (
    name   text PRIMARY KEY,
    set_at bigint NOT NULL
);

INSERT INTO store_flags (name, set_at) SELECT 'default_feeds_offered', 0 WHERE EXISTS (SELECT 1 FROM feeds);

-- The reader's story corrections (store.ArticleCounts, per folder and per topic) go from the
-- unread copies of stories to their appearances: with the ids and feed ids in the indexes they
-- read the indexes alone. Each reader start is a new server process, which pays for every
-- shared page it touches for the first time; on 1,000,000 articles the folder correction went
-- from 84,000 buffer reads (0.6-1.5 s in a fresh process) to 45,000 in index-only scans.
DROP INDEX articles_story;
CREATE INDEX articles_story ON articles (story_id, read) INCLUDE (id) WHERE story_id IS NOT NULL;
DROP INDEX appearances_article;
CREATE INDEX appearances_article ON appearances (article_id) INCLUDE (feed_id);

-- How long each worker's leases last unless renewed (it renews them every third of that), so
-- `status` tells a worker that missed two heartbeats (killed, or its connection lost) from a
-- live one, whatever lease each was started with. Rows from before: the default lease, 2 min.
ALTER TABLE workers ADD COLUMN lease_ms bigint NOT NULL DEFAULT 120000;

-- Change notices (V010) also for the subscription list, so a reader on another machine sees a
-- feed added, removed, renamed, moved or given a topic (by import, the commands or the API).
-- Feeds' rows change at every sync (health, next poll, leases every 40 s): only a change of what
-- a reader shows sends a notice. Notices of one transaction are one (pg_notify folds equal ones).
CREATE TRIGGER feeds_added_or_removed AFTER INSERT OR DELETE ON feeds
FOR EACH STATEMENT EXECUTE FUNCTION tidings_changed();
CREATE TRIGGER feeds_edited AFTER UPDATE ON feeds
FOR EACH ROW WHEN (OLD.url IS DISTINCT FROM NEW.url
                   OR OLD.feed_title IS DISTINCT FROM NEW.feed_title
                   OR OLD.custom_title IS DISTINCT FROM NEW.custom_title
                   OR OLD.site_url IS DISTINCT FROM NEW.site_url
                   OR OLD.folder_id IS DISTINCT FROM NEW.folder_id
                   OR OLD.topic_id IS DISTINCT FROM NEW.topic_id
                   OR OLD.topic_override IS DISTINCT FROM NEW.topic_override
                   OR OLD.disabled IS DISTINCT FROM NEW.disabled
                   OR OLD.full_text IS DISTINCT FROM NEW.full_text)
EXECUTE FUNCTION tidings_changed();
CREATE TRIGGER folders_changed AFTER INSERT OR DELETE OR UPDATE OF name ON folders
FOR EACH STATEMENT EXECUTE FUNCTION tidings_changed();
CREATE TRIGGER topics_changed AFTER INSERT OR DELETE OR UPDATE OF name ON topics
FOR EACH STATEMENT EXECUTE FUNCTION tidings_changed();

-- Ingest: the counter triggers read each added row's read flag by its primary key (a scalar
-- subquery is always an index look-up) instead of joining articles. With hash joins off (V011)
-- and the statistics of a table that grows during a sync lagging behind, the planner joined the
-- added rows to a full scan of the unread-articles index: the folder counter's UPDATE took 20 ms
-- per statement on average, a third of the server's time in a cold ingest, growing with the
-- database. The rest of each body is as in V001.
CREATE OR REPLACE FUNCTION appearances_added() RETURNS trigger LANGUAGE plpgsql
SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
    UPDATE feeds SET total = total + d.n, unread = unread + d.u
      FROM (SELECT n.feed_id, count(*) AS n, sum(1 - (SELECT a.read FROM articles a WHERE a.id = n.article_id)) AS u
              FROM added n
             GROUP BY n.feed_id) d
     WHERE feeds.id = d.feed_id;
    UPDATE articles SET feed_count = feed_count + d.n
      FROM (SELECT article_id, count(*) AS n FROM added GROUP BY article_id) d
     WHERE articles.id = d.article_id;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION article_topics_added() RETURNS trigger LANGUAGE plpgsql
SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
    UPDATE topics SET unread = unread + d.u
      FROM (SELECT n.topic_id, sum(1 - (SELECT a.read FROM articles a WHERE a.id = n.article_id)) AS u
              FROM added n
             GROUP BY n.topic_id) d
     WHERE topics.id = d.topic_id;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION folder_appearances_added() RETURNS trigger LANGUAGE plpgsql
SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
    UPDATE folders SET unread = unread + d.n
      FROM (SELECT f.folder_id, count(DISTINCT n.article_id) AS n
              FROM added n
              JOIN feeds f ON f.id = n.feed_id
             WHERE f.folder_id IS NOT NULL
               AND (SELECT a.read FROM articles a WHERE a.id = n.article_id) = 0
               AND NOT EXISTS (SELECT 1 FROM appearances p JOIN feeds g ON g.id = p.feed_id
                                WHERE p.article_id = n.article_id AND g.folder_id = f.folder_id
                                  AND NOT EXISTS (SELECT 1 FROM added m WHERE m.feed_id = p.feed_id AND m.article_id = p.article_id))
             GROUP BY f.folder_id) d
     WHERE folders.id = d.folder_id;
    RETURN NULL;
END $$;
