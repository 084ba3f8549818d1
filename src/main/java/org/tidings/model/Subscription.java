package org.tidings.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A feed someone wants to follow, as written in OPML, a newsboat urls file or on the command line;
 * not yet stored. {@code folder} is a path such as {@code "News/Nigeria"} (segments joined by
 * {@code /}), or null for the top level. {@code fullText}: fetch each new article's page for its
 * full text (docs/FULLTEXT.md; the OPML attribute {@code fullText="true"}).
 */
public record Subscription(
        String url,
        @Nullable String title,
        @Nullable String siteUrl,
        @Nullable String folder,
        List<String> tags,
        boolean fullText) {
    public Subscription {
        Objects.requireNonNull(url, "url");
        tags = List.copyOf(tags);
    }

    /** A subscription without full text. */
    public Subscription(String url, @Nullable String title, @Nullable String siteUrl, @Nullable String folder, List<String> tags) {
        this(url, title, siteUrl, folder, tags, false);
    }

    public static Subscription of(String url) {
        return new Subscription(url, null, null, null, List.of());
    }
}
