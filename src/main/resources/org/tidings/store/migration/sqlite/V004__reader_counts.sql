-- tidings schema 4: counts the reader shows at once on a million articles.
-- folders.unread: unread articles in the folder's feeds, an article in several of them once,
-- kept by triggers like feeds.unread (a feed moved or removed recounts its folder).
-- articles_story gains the read flag, so unread copies of stories are counted from the index alone.

ALTER TABLE folders ADD COLUMN unread INTEGER NOT NULL DEFAULT 0;

UPDATE folders
   SET unread = (SELECT count(DISTINCT p.article_id)
                   FROM feeds f
                   JOIN appearances p ON p.feed_id = f.id
                   JOIN articles a ON a.id = p.article_id AND a.read = 0
                  WHERE f.folder_id = folders.id);

CREATE TRIGGER folder_appearance_added AFTER INSERT ON appearances
BEGIN
    UPDATE folders
       SET unread = unread + 1
     WHERE id = (SELECT folder_id FROM feeds WHERE id = NEW.feed_id)
       AND (SELECT read FROM articles WHERE id = NEW.article_id) = 0
       AND NOT EXISTS (SELECT 1 FROM appearances p JOIN feeds f ON f.id = p.feed_id
                        WHERE p.article_id = NEW.article_id AND p.feed_id <> NEW.feed_id AND f.folder_id = folders.id);
END;

CREATE TRIGGER folder_appearance_removed AFTER DELETE ON appearances
BEGIN
    UPDATE folders
       SET unread = unread - 1
     WHERE id = (SELECT folder_id FROM feeds WHERE id = OLD.feed_id)
       AND (SELECT read FROM articles WHERE id = OLD.article_id) = 0
       AND NOT EXISTS (SELECT 1 FROM appearances p JOIN feeds f ON f.id = p.feed_id
                        WHERE p.article_id = OLD.article_id AND f.folder_id = folders.id);
END;

CREATE TRIGGER folder_article_read_changed AFTER UPDATE OF read ON articles
WHEN OLD.read <> NEW.read
BEGIN
    UPDATE folders
       SET unread = unread + (CASE WHEN NEW.read = 0 THEN 1 ELSE -1 END)
     WHERE id IN (SELECT f.folder_id FROM appearances p JOIN feeds f ON f.id = p.feed_id WHERE p.article_id = NEW.id);
END;

CREATE TRIGGER folder_feed_moved AFTER UPDATE OF folder_id ON feeds
WHEN OLD.folder_id IS NOT NEW.folder_id
BEGIN
    UPDATE folders
       SET unread = (SELECT count(DISTINCT p.article_id)
                       FROM feeds f
                       JOIN appearances p ON p.feed_id = f.id
                       JOIN articles a ON a.id = p.article_id AND a.read = 0
                      WHERE f.folder_id = folders.id)
     WHERE id IN (OLD.folder_id, NEW.folder_id);
END;

-- Runs before the feed's appearances are deleted with it (their own trigger no longer finds the feed).
CREATE TRIGGER folder_feed_removed BEFORE DELETE ON feeds
WHEN OLD.folder_id IS NOT NULL
BEGIN
    UPDATE folders
       SET unread = (SELECT count(DISTINCT p.article_id)
                       FROM feeds f
                       JOIN appearances p ON p.feed_id = f.id
                       JOIN articles a ON a.id = p.article_id AND a.read = 0
                      WHERE f.folder_id = folders.id AND f.id <> OLD.id)
     WHERE id = OLD.folder_id;
END;

DROP INDEX articles_story;
CREATE INDEX articles_story ON articles (story_id, read) WHERE story_id IS NOT NULL;
