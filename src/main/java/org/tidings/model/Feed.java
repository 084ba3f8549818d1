package org.tidings.model;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stored subscription with its fetch state.
 *
 * @param title what to show: the user's name for the feed, else the feed's own title, else the URL
 * @param feedTitle the title the feed document gives itself, if any
 * @param folder the folder path ({@code "News/Nigeria"}), or null for the top level
 * @param topic the topic every article of this feed carries (category feeds), or null
 * @param etag the last {@code ETag} validator, sent back as {@code If-None-Match}
 * @param lastModified the last {@code Last-Modified} validator, sent back as {@code
 *     If-Modified-Since}
 * @param nextPollAt when the feed is due next; null means now
 * @param redirectCandidate a permanent redirect target seen but not yet adopted
 */
public record Feed(
        long id,
        String url,
        String title,
        @Nullable String feedTitle,
        @Nullable String siteUrl,
        @Nullable String folder,
        @Nullable String topic,
        @Nullable String etag,
        @Nullable String lastModified,
        FeedHealth health,
        @Nullable Instant nextPollAt,
        boolean disabled,
        @Nullable String disabledReason,
        @Nullable String redirectCandidate,
        Instant addedAt) {
    public Feed {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(addedAt, "addedAt");
    }
}
