-- tidings schema 1: feeds, folders, articles (one row per unique article), where each
-- article appeared, topics, story groups, identity keys (live and tombstoned).
-- Times are epoch milliseconds (UTC); flags are 0/1 integers.

CREATE TABLE folders (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE topics (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    unread   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE feeds (
    id                   INTEGER PRIMARY KEY,
    url                  TEXT NOT NULL,
    url_key              TEXT NOT NULL UNIQUE,
    feed_title           TEXT,
    custom_title         TEXT,
    site_url             TEXT,
    folder_id            INTEGER REFERENCES folders (id) ON DELETE SET NULL,
    topic_id             INTEGER REFERENCES topics (id) ON DELETE SET NULL,
    etag                 TEXT,
    last_modified        TEXT,
    last_status          INTEGER,
    last_attempt_at      INTEGER,
    last_success_at      INTEGER,
    last_error           TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    next_poll_at         INTEGER,
    disabled             INTEGER NOT NULL DEFAULT 0,
    disabled_reason      TEXT,
    redirect_candidate   TEXT,
    added_at             INTEGER NOT NULL,
    unread               INTEGER NOT NULL DEFAULT 0,
    total                INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX feeds_folder ON feeds (folder_id);
CREATE INDEX feeds_next_poll ON feeds (next_poll_at) WHERE disabled = 0;

CREATE TABLE stories (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at INTEGER NOT NULL
);

CREATE TABLE articles (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    id_key            TEXT,
    id_scope          TEXT,
    site              TEXT,
    title             TEXT,
    title_key         TEXT,
    link              TEXT,
    author            TEXT,
    published_at      INTEGER,
    source_updated_at INTEGER,
    summary           TEXT,
    content_html      TEXT,
    content_text      TEXT,
    comments_url      TEXT,
    content_hash      INTEGER NOT NULL,
    signature         BLOB,
    sort_at           INTEGER NOT NULL,
    first_seen_at     INTEGER NOT NULL,
    changed_at        INTEGER,
    read              INTEGER NOT NULL DEFAULT 0,
    read_at           INTEGER,
    starred           INTEGER NOT NULL DEFAULT 0,
    updated           INTEGER NOT NULL DEFAULT 0,
    story_id          INTEGER REFERENCES stories (id) ON DELETE SET NULL,
    feed_count        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_sort ON articles (sort_at DESC, id DESC);
CREATE INDEX articles_unread_sort ON articles (sort_at DESC, id DESC) WHERE read = 0;
CREATE INDEX articles_starred_sort ON articles (sort_at DESC, id DESC) WHERE starred = 1;
CREATE INDEX articles_story ON articles (story_id) WHERE story_id IS NOT NULL;
-- unread articles carried by several feeds: what per-folder counts must not count twice
CREATE INDEX articles_shared_unread ON articles (id) WHERE read = 0 AND feed_count > 1;

-- Identity keys: "gid:", "oid:", "url:", "hash:" (see docs/DEDUP.md). A key whose article_id is
-- NULL is a tombstone: its article was removed by retention and must not come back.
CREATE TABLE article_keys (
    key           TEXT PRIMARY KEY,
    article_id    INTEGER REFERENCES articles (id) ON DELETE CASCADE,
    tombstoned_at INTEGER
);
CREATE INDEX article_keys_article ON article_keys (article_id);

CREATE TABLE appearances (
    feed_id       INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    first_seen_at INTEGER NOT NULL,
    last_seen_at  INTEGER NOT NULL,
    present       INTEGER NOT NULL DEFAULT 1,
    content_hash  INTEGER NOT NULL,
    sort_at       INTEGER NOT NULL,
    PRIMARY KEY (feed_id, article_id)
) WITHOUT ROWID;
CREATE INDEX appearances_article ON appearances (article_id);
CREATE INDEX appearances_feed_sort ON appearances (feed_id, sort_at DESC, article_id DESC);

CREATE TABLE article_topics (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    topic_id   INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    sort_at    INTEGER NOT NULL,
    PRIMARY KEY (article_id, topic_id)
) WITHOUT ROWID;
CREATE INDEX article_topics_topic_sort ON article_topics (topic_id, sort_at DESC, article_id DESC);

-- Near-duplicate candidates: MinHash band keys and the normalized-title key of each article.
CREATE TABLE story_keys (
    key        INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;
CREATE INDEX story_keys_article ON story_keys (article_id);

-- Unread and total counters kept by triggers, so counts per feed and per topic are O(feeds),
-- and per folder O(feeds + unread articles carried by several feeds).
-- Code deletes appearances and article_topics before deleting their articles.
CREATE TRIGGER appearance_added AFTER INSERT ON appearances
BEGIN
    UPDATE feeds
       SET total = total + 1,
           unread = unread + (SELECT 1 - read FROM articles WHERE id = NEW.article_id)
     WHERE id = NEW.feed_id;
    UPDATE articles SET feed_count = feed_count + 1 WHERE id = NEW.article_id;
END;

CREATE TRIGGER appearance_removed AFTER DELETE ON appearances
BEGIN
    UPDATE feeds
       SET total = total - 1,
           unread = unread - coalesce((SELECT 1 - read FROM articles WHERE id = OLD.article_id), 0)
     WHERE id = OLD.feed_id;
    UPDATE articles SET feed_count = feed_count - 1 WHERE id = OLD.article_id;
END;

CREATE TRIGGER article_topic_added AFTER INSERT ON article_topics
BEGIN
    UPDATE topics
       SET unread = unread + (SELECT 1 - read FROM articles WHERE id = NEW.article_id)
     WHERE id = NEW.topic_id;
END;

CREATE TRIGGER article_topic_removed AFTER DELETE ON article_topics
BEGIN
    UPDATE topics
       SET unread = unread - coalesce((SELECT 1 - read FROM articles WHERE id = OLD.article_id), 0)
     WHERE id = OLD.topic_id;
END;

CREATE TRIGGER article_read_changed AFTER UPDATE OF read ON articles
WHEN OLD.read <> NEW.read
BEGIN
    UPDATE feeds
       SET unread = unread + (CASE WHEN NEW.read = 0 THEN 1 ELSE -1 END)
     WHERE id IN (SELECT feed_id FROM appearances WHERE article_id = NEW.id);
    UPDATE topics
       SET unread = unread + (CASE WHEN NEW.read = 0 THEN 1 ELSE -1 END)
     WHERE id IN (SELECT topic_id FROM article_topics WHERE article_id = NEW.id);
END;
