-- The counter triggers join the rows a statement inserted or deleted (a transition table, which
-- has no statistics) to articles. Left to the planner, that was a hash join over a sequential scan
-- of all articles, once per statement: a cold sync grew quadratic with the database (6.6 ms of
-- server CPU per article at 50,000). Each statement touches a few dozen rows, so these functions
-- plan with nested loops over the primary keys.
ALTER FUNCTION appearances_added() SET enable_hashjoin = off;
ALTER FUNCTION appearances_added() SET enable_mergejoin = off;
ALTER FUNCTION appearances_removed() SET enable_hashjoin = off;
ALTER FUNCTION appearances_removed() SET enable_mergejoin = off;
ALTER FUNCTION article_topics_added() SET enable_hashjoin = off;
ALTER FUNCTION article_topics_added() SET enable_mergejoin = off;
ALTER FUNCTION article_topics_removed() SET enable_hashjoin = off;
ALTER FUNCTION article_topics_removed() SET enable_mergejoin = off;
ALTER FUNCTION folder_appearances_added() SET enable_hashjoin = off;
ALTER FUNCTION folder_appearances_added() SET enable_mergejoin = off;
ALTER FUNCTION folder_appearances_removed() SET enable_hashjoin = off;
ALTER FUNCTION folder_appearances_removed() SET enable_mergejoin = off;

-- Search text is now folded in Java (store.SearchFolding) for documents and queries alike: the
-- SQL folding function of V001 is no longer called.
DROP FUNCTION IF EXISTS tidings_fold(text);
