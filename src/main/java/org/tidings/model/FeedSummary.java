package org.tidings.model;

import java.util.Objects;

/** A feed with its article counts, as the feed list shows it. */
public record FeedSummary(Feed feed, int unread, int total) {
    public FeedSummary {
        Objects.requireNonNull(feed, "feed");
    }
}
