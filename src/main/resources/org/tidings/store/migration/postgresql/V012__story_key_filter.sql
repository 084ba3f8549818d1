-- tidings schema 12: the table of SQLite's schema 12 (see ../sqlite), so that the two dialects
-- keep the same tables for db copy. PostgreSQL's writers do not use it: several workers write at
-- once, and a row every write updated would make them wait for each other (see
-- store.StoryKeyFilter), so they look every story key up in story_keys.
CREATE TABLE story_key_writes (
    id    bigint PRIMARY KEY,
    token bigint NOT NULL
);
