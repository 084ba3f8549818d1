package org.tidings.fetch;

import java.util.List;
import java.util.Objects;

/** What {@link FeedDiscovery} found at a URL. */
public sealed interface Discovery permits Discovery.Found, Discovery.NotFound {

    /** One or more feeds, the page's own {@code <link>}s first. */
    record Found(List<FeedCandidate> candidates) implements Discovery {
        public Found {
            candidates = List.copyOf(candidates);
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("no candidates");
            }
        }
    }

    /** No feed: the page could not be fetched or names none. {@code message} is one line. */
    record NotFound(String message) implements Discovery {
        public NotFound {
            Objects.requireNonNull(message, "message");
        }
    }
}
