-- tidings schema 5: stories and section topics (issue 12).
-- feeds.topic_override: the topic the user gave a feed's articles (`tidings feeds topic`, the
-- OPML `tidings:topic` attribute); NULL means the automatic topic (category feeds, outlet
-- sections), '' means none.
-- story_keys now holds headline keys and winnowed opening shingles (docs/DEDUP.md); the MinHash
-- band keys of older articles stay until retention removes them: they match no new key.
ALTER TABLE feeds ADD COLUMN topic_override TEXT;
