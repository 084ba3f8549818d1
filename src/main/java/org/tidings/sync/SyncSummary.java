package org.tidings.sync;

import java.time.Duration;

/**
 * What one sync round did: feeds fetched with new content, answered 304, failed; articles new and
 * updated; how long it took.
 */
public record SyncSummary(
        int due, int fetched, int notModified, int failed, int newArticles, int updatedArticles, Duration duration) {

    public static final SyncSummary EMPTY = new SyncSummary(0, 0, 0, 0, 0, 0, Duration.ZERO);

    /** The one-line summary printed at the end of {@code tidings sync}. */
    public String line() {
        return String.format(
                "%s: %d fetched, %d not modified, %d failed; %d new, %d updated articles; %.1fs",
                org.tidings.model.Messages.count(due, "feed"), fetched, notModified, failed, newArticles, updatedArticles,
                duration.toMillis() / 1000.0);
    }

    public boolean allSucceeded() {
        return failed == 0;
    }
}
