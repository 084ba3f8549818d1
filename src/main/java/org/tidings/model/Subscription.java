package org.tidings.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A feed someone wants to follow, as written in OPML, a newsboat urls file or on the command line;
 * not yet stored. {@code folder} is a path such as {@code "News/Nigeria"} (segments joined by
 * {@code /}), or null for the top level. {@code topic} is the topic the user gives the feed's
 * articles (OPML {@code tidings:topic}): null leaves it automatic, blank means none.
 * {@code fullText}: fetch each new article's page for its full text (docs/FULLTEXT.md; the OPML
 * attribute {@code fullText="true"}).
 */
public record Subscription(
        String url,
        @Nullable String title,
        @Nullable String siteUrl,
        @Nullable String folder,
        List<String> tags,
        @Nullable String topic,
        boolean fullText) {
    public Subscription {
        Objects.requireNonNull(url, "url");
        tags = List.copyOf(tags);
    }

    /** A subscription that leaves the feed's topic automatic, without full text. */
    public Subscription(String url, @Nullable String title, @Nullable String siteUrl, @Nullable String folder, List<String> tags) {
        this(url, title, siteUrl, folder, tags, null, false);
    }

    public Subscription withTopic(@Nullable String topic) {
        return new Subscription(url, title, siteUrl, folder, tags, topic, fullText);
    }

    public Subscription withFullText(boolean fullText) {
        return new Subscription(url, title, siteUrl, folder, tags, topic, fullText);
    }

    public static Subscription of(String url) {
        return new Subscription(url, null, null, null, List.of());
    }
}
