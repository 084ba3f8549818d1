package org.tidings.tui;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Enclosure;

/**
 * One article in full, for the reader view. {@code sources} are the titles of every feed that
 * carried this article (one article can be in several category feeds of a site); {@code copies}
 * are the same story at other outlets; {@code enclosures} its podcast audio, video or images.
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
        List<StoryCopy> copies,
        List<Enclosure> enclosures) {
    public ArticleDetail {
        Objects.requireNonNull(title, "title");
        sources = List.copyOf(sources);
        topics = List.copyOf(topics);
        copies = List.copyOf(copies);
        enclosures = List.copyOf(enclosures);
    }

    /** An article without enclosures. */
    public ArticleDetail(long id, long feedId, String title, List<String> sources, List<String> topics,
            @Nullable String author, @Nullable Instant published, @Nullable String html, @Nullable String link,
            boolean read, boolean starred, List<StoryCopy> copies) {
        this(id, feedId, title, sources, topics, author, published, html, link, read, starred, copies, List.of());
    }
}
