-- tidings schema 3: tags of a feed, as OPML `category` attributes and newsboat url tags give
-- them (and the extra folders of a feed listed in several OPML folders), so that import ->
-- export -> import loses nothing.
CREATE TABLE feed_tags (
    feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    tag     TEXT    NOT NULL,
    PRIMARY KEY (feed_id, tag)
);
