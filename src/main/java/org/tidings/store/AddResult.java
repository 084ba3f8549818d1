package org.tidings.store;

import java.util.Objects;
import org.tidings.model.Feed;

/** The outcome of subscribing: added, or the URL (canonically) was already subscribed. */
public sealed interface AddResult {
    Feed feed();

    record Added(Feed feed) implements AddResult {
        public Added {
            Objects.requireNonNull(feed, "feed");
        }
    }

    record AlreadySubscribed(Feed feed) implements AddResult {
        public AlreadySubscribed {
            Objects.requireNonNull(feed, "feed");
        }
    }
}
