package org.tidings.store;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Entry;
import org.tidings.model.FeedFormat;
import org.tidings.model.FeedHints;
import org.tidings.model.ParsedFeed;

/** Builds parsed feeds for tests. */
final class Feeds {
    private Feeds() {}

    static ParsedFeed feed(@Nullable String title, @Nullable String link, Entry... entries) {
        return new ParsedFeed(FeedFormat.RSS_20, title, link, null, null, List.of(entries), FeedHints.NONE, false, List.of());
    }

    static Entry entry(@Nullable String id, @Nullable String link, @Nullable String title, @Nullable String published,
            @Nullable String html, String... categories) {
        return new Entry(id, link, title, published == null ? null : Instant.parse(published), null, "Staff",
                List.of(categories), List.of(), List.of(), html, null, null);
    }

    static Entry entry(@Nullable String id, @Nullable String link, @Nullable String title) {
        return entry(id, link, title, "2026-11-20T08:00:00Z", "<p>" + title + " body text.</p>");
    }
}
