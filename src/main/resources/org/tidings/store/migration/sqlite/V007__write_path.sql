-- tidings schema 7: the write path.
-- feeds.ingest_hash: hash of the last document stored for the feed (see store.DocumentHash) with
-- what that ingest counted, so a document fetched again unchanged is not ingested again;
-- deleting an article clears the hash of the feeds that carried it.
-- Bodies: new articles store their HTML deflated (a BLOB) and no copy of its text
-- (content_text NULL); the text search indexes is derived by the SQL function
-- tidings_search_text(content_html, summary) that the store registers on every connection (see
-- store.Bodies; the update trigger below uses it). Older rows keep their TEXT HTML and stored text.
-- Full text: the index keeps no link to a content table (contentless, with contentless_delete),
-- so rows are deleted by rowid alone. An external-content index must be given, for every delete,
-- exactly the values it indexed, or it is corrupted ("fts5: corruption found"); with derived text
-- that would tie the index to one version of the HTML-to-text code. Ingest writes the rows of new
-- articles itself in its batch; updates and deletes keep triggers.

ALTER TABLE feeds ADD COLUMN ingest_hash INTEGER;
ALTER TABLE feeds ADD COLUMN ingest_known INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN ingest_skipped INTEGER NOT NULL DEFAULT 0;

DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_update;
DROP TRIGGER articles_fts_delete;
DROP TABLE articles_fts;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, author, content_text,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO articles_fts (rowid, title, author, content_text)
SELECT id, title, author, content_text FROM articles;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles
BEGIN
    DELETE FROM articles_fts WHERE rowid = OLD.id;
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, author, content_html, content_text, summary ON articles
BEGIN
    DELETE FROM articles_fts WHERE rowid = OLD.id;
    INSERT INTO articles_fts (rowid, title, author, content_text)
    VALUES (NEW.id, NEW.title, NEW.author,
            coalesce(NEW.content_text, tidings_search_text(NEW.content_html, NEW.summary)));
END;
