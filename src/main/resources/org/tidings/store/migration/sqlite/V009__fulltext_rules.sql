-- tidings schema 5: full text of articles from lead-only feeds, and articles hidden by rules.
--
-- feeds.full_text: 1 when sync fetches the page of each new article of the feed (docs/FULLTEXT.md).
ALTER TABLE feeds ADD COLUMN full_text INTEGER NOT NULL DEFAULT 0;

-- articles.hidden: 0 shown; 1 hidden and it was read; 2 hidden and it was unread. Hiding marks the
-- article read, so the trigger-kept unread counters of feeds, folders and topics drop it with no
-- trigger of their own; showing it again restores the read state it had (2 -> unread).
ALTER TABLE articles ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
CREATE INDEX articles_hidden_sort ON articles (sort_at DESC, id DESC) WHERE hidden <> 0;

-- The page behind an article, fetched once: status 'pending' (queued), 'ok' (html and text are the
-- sanitized main text) or 'failed' (reason says why; not retried on later polls).
CREATE TABLE article_full_text (
    article_id   INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    status       TEXT NOT NULL,
    url          TEXT NOT NULL,
    html         TEXT,
    text         TEXT,
    reason       TEXT,
    queued_at    INTEGER NOT NULL,
    attempted_at INTEGER
);
CREATE INDEX article_full_text_pending ON article_full_text (queued_at, article_id) WHERE status = 'pending';
