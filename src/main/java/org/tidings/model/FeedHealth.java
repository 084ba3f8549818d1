package org.tidings.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How fetching a feed has gone.
 *
 * @param lastStatus the HTTP status of the last attempt, or null (never fetched, or no response)
 * @param lastAttemptAt when it was last tried
 * @param lastSuccessAt when it last returned a document or 304
 * @param lastError the one-line error of the last attempt, null when it succeeded
 * @param consecutiveFailures failed attempts since the last success
 */
public record FeedHealth(
        @Nullable Integer lastStatus,
        @Nullable Instant lastAttemptAt,
        @Nullable Instant lastSuccessAt,
        @Nullable String lastError,
        int consecutiveFailures) {
    public static final FeedHealth NEW = new FeedHealth(null, null, null, null, 0);
}
