-- tidings schema 12: the writer's filter of story keys (store.StoryKeyFilter).
-- A writer keeps an in-memory superset of the keys in story_keys and looks up only the keys it
-- cannot rule out. Every write of story keys sets this table's one row (id 1) to a new random
-- token, so a writer whose filter remembers another token knows that someone else added keys
-- since, and reloads. No row until the first write (a copy brings the source's row along).
CREATE TABLE story_key_writes (
    id    INTEGER PRIMARY KEY,
    token INTEGER NOT NULL
);
