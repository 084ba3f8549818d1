package org.tidings.fetch;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A feed found by {@link FeedDiscovery}.
 *
 * @param url the absolute feed URL
 * @param title the title the page gave it ({@code <link title>} or the category link's text), or
 *     null
 */
public record FeedCandidate(String url, @Nullable String title, Type type, Source source) {
    public FeedCandidate {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
    }

    /** The feed's format, as far as discovery can tell. */
    public enum Type {
        RSS,
        ATOM,
        JSON,
        UNKNOWN;

        /** The type a {@code <link type>} or Content-Type names, or null when it is not a feed type. */
        static @Nullable Type ofMediaType(@Nullable String mediaType) {
            if (mediaType == null) {
                return null;
            }
            return switch (mediaType.trim().toLowerCase(Locale.ROOT)) {
                case "application/rss+xml", "application/rdf+xml", "application/x-rss+xml" -> RSS;
                case "application/atom+xml", "application/x-atom+xml" -> ATOM;
                case "application/feed+json", "application/json+feed" -> JSON;
                default -> null;
            };
        }
    }

    /** How the feed was found. */
    public enum Source {
        /** The URL given is itself a feed. */
        SELF,
        /** A {@code <link rel="alternate">} in the page. */
        LINK,
        /** WordPress conventions ({@code /feed/}, {@code /category/<slug>/feed/}), verified. */
        WORDPRESS,
        /** A common feed path ({@code /feed}, {@code /rss}, ...), verified. */
        COMMON_PATH
    }
}
