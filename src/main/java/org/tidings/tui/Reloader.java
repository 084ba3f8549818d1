package org.tidings.tui;

/**
 * Fetches feeds and stores new articles. The reader calls these on its own background thread,
 * one reload at a time, so implementations may block; they report progress through the listener
 * (from any thread) and should not throw for a feed that fails: count it in the result instead.
 */
public interface Reloader {
    /** Reloads one feed. */
    Result reloadFeed(long feedId, Progress progress);

    /** Reloads every feed. */
    Result reloadAll(Progress progress);

    /**
     * Fetches the article's page for its full text now (again when it failed before) and stores
     * it; empty when the article has no web link. Called on the background thread.
     */
    default java.util.Optional<org.tidings.model.FullText> fetchFullText(long articleId) {
        return java.util.Optional.empty();
    }

    /** Progress of a reload: {@code done} of {@code total} feeds, {@code current} being fetched. */
    @FunctionalInterface
    interface Progress {
        void update(int done, int total, String current);
    }

    /**
     * How a reload went.
     *
     * @param lastError the last failure (one line), or empty
     */
    record Result(int feeds, int failed, int newArticles, java.util.Optional<String> lastError) {
        public Result {
            java.util.Objects.requireNonNull(lastError, "lastError");
        }
    }
}
