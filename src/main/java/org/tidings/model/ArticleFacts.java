package org.tidings.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What rules match an article on: its own fields and where it came from.
 *
 * @param content the feed's content as plain text, followed by the full text of the page when
 *     there is one
 * @param feeds every feed that carried the article
 * @param folders the folders of those feeds
 * @param topics the article's topics
 */
public record ArticleFacts(
        long id,
        @Nullable String title,
        @Nullable String author,
        @Nullable String content,
        @Nullable String link,
        List<FeedRef> feeds,
        List<String> folders,
        List<String> topics) {
    public ArticleFacts {
        feeds = List.copyOf(feeds);
        folders = List.copyOf(folders);
        topics = List.copyOf(topics);
    }

    /** For tests and callers that know only the text fields. */
    public static ArticleFacts of(long id, @Nullable String title, @Nullable String content) {
        return new ArticleFacts(id, title, null, content, null, List.of(), List.of(), List.of());
    }
}
