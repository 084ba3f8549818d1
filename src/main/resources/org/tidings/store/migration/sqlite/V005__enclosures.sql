-- tidings: enclosures of an article (podcast audio, video, images: RSS <enclosure>, Atom
-- link rel="enclosure", JSON Feed attachments), in document order, for the reader's article view.
CREATE TABLE enclosures (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    url        TEXT    NOT NULL,
    type       TEXT,
    length     INTEGER,
    PRIMARY KEY (article_id, position)
);
