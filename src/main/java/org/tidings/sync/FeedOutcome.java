package org.tidings.sync;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Feed;

/**
 * What syncing one feed did.
 *
 * @param status {@code FETCHED}, {@code NOT_MODIFIED} or {@code FAILED}
 * @param error one line for people when it failed, else null
 */
public record FeedOutcome(Feed feed, Status status, int newArticles, int updatedArticles, @Nullable String error) {
    public enum Status {
        FETCHED,
        NOT_MODIFIED,
        FAILED
    }

    public FeedOutcome {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(status, "status");
    }

    static FeedOutcome failed(Feed feed, String error) {
        return new FeedOutcome(feed, Status.FAILED, 0, 0, error);
    }
}
