package org.tidings.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One stored article (one row however many feeds carried it), as lists show it.
 *
 * @param published the entry's date, or when tidings first saw it when the feed gave none
 * @param feeds every feed that carried it, oldest appearance first
 * @param topics its topic names, sorted
 * @param updated true when its title or text changed after it was first stored
 * @param story the story group shared with copies at other outlets, or null
 */
public record Article(
        long id,
        @Nullable String title,
        @Nullable String link,
        Instant published,
        @Nullable String author,
        @Nullable String summary,
        List<FeedRef> feeds,
        List<String> topics,
        boolean read,
        boolean starred,
        boolean updated,
        @Nullable Long story) {
    public Article {
        Objects.requireNonNull(published, "published");
        feeds = List.copyOf(feeds);
        topics = List.copyOf(topics);
    }
}
