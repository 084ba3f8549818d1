-- tidings schema 2: full-text search (FTS5) over title, author and text, kept in step with
-- articles by triggers; existing articles are indexed by the rebuild.

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, author, content_text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles
BEGIN
    INSERT INTO articles_fts (rowid, title, author, content_text)
    VALUES (NEW.id, NEW.title, NEW.author, NEW.content_text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles
BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, author, content_text)
    VALUES ('delete', OLD.id, OLD.title, OLD.author, OLD.content_text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, author, content_text ON articles
BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, author, content_text)
    VALUES ('delete', OLD.id, OLD.title, OLD.author, OLD.content_text);
    INSERT INTO articles_fts (rowid, title, author, content_text)
    VALUES (NEW.id, NEW.title, NEW.author, NEW.content_text);
END;
