-- tidings schema 5: the write path.
-- feeds.ingest_hash: hash of the last document stored for the feed (see store.DocumentHash) with
-- what that ingest counted, so a document fetched again unchanged is not ingested again;
-- deleting an article clears the hash of the feeds that carried it.
-- Bodies: new articles store their HTML deflated (a BLOB) and no copy of its text
-- (content_text NULL); the text search indexes is derived by the SQL function
-- tidings_search_text(content_html, summary) that the store registers on every connection (see
-- store.Bodies). Older rows keep their TEXT HTML and stored text.
-- Full text: the index reads its content through the view article_search; ingest writes the
-- rows of new articles itself in its batch (no per-row insert trigger); updates and deletes keep
-- triggers, which derive the text the same way.

ALTER TABLE feeds ADD COLUMN ingest_hash INTEGER;
ALTER TABLE feeds ADD COLUMN ingest_known INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN ingest_skipped INTEGER NOT NULL DEFAULT 0;

DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_update;
DROP TRIGGER articles_fts_delete;
DROP TABLE articles_fts;

CREATE VIEW article_search AS
SELECT id, title, author, coalesce(content_text, tidings_search_text(content_html, summary)) AS content_text
  FROM articles;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, author, content_text,
    content = 'article_search', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles
BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, author, content_text)
    VALUES ('delete', OLD.id, OLD.title, OLD.author,
            coalesce(OLD.content_text, tidings_search_text(OLD.content_html, OLD.summary)));
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, author, content_html, content_text, summary ON articles
BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, author, content_text)
    VALUES ('delete', OLD.id, OLD.title, OLD.author,
            coalesce(OLD.content_text, tidings_search_text(OLD.content_html, OLD.summary)));
    INSERT INTO articles_fts (rowid, title, author, content_text)
    VALUES (NEW.id, NEW.title, NEW.author,
            coalesce(NEW.content_text, tidings_search_text(NEW.content_html, NEW.summary)));
END;
