package org.tidings.tui;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One article in full, for the reader view. {@code sources} are the titles of every feed that
 * carried this article (one article can be in several category feeds of a site); {@code copies}
 * are the same story at other outlets.
 */
public record ArticleDetail(
        long id,
        long feedId,
        String title,
        List<String> sources,
        List<String> topics,
        @Nullable String author,
        @Nullable Instant published,
        @Nullable String html,
        @Nullable String link,
        boolean read,
        boolean starred,
        List<StoryCopy> copies) {
    public ArticleDetail {
        Objects.requireNonNull(title, "title");
        sources = List.copyOf(sources);
        topics = List.copyOf(topics);
        copies = List.copyOf(copies);
    }
}
