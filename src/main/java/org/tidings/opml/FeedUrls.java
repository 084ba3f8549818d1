package org.tidings.opml;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Checks and lightly repairs the URLs found in subscription lists. */
final class FeedUrls {
    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    private FeedUrls() {}

    /**
     * A feed URL as tidings stores it: stripped; {@code feed://} and {@code feed:https://}
     * rewritten to http(s); inner spaces percent-encoded. Empty when it is not an absolute http(s)
     * URL; a warning says why, naming {@code where} (for example {@code "line 12"}).
     */
    static Optional<String> feedUrl(String raw, String where, Warnings warnings) {
        String url = raw.strip();
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("feed://")) {
            url = "http://" + url.substring("feed://".length());
            warnings.add(where + ": feed:// URL read as " + Warnings.quote(url));
        } else if (lower.startsWith("feed:http://") || lower.startsWith("feed:https://")) {
            url = url.substring("feed:".length());
            warnings.add(where + ": feed: URL read as " + Warnings.quote(url));
        }
        if (hasWhitespace(url)) {
            url = WHITESPACE.matcher(url).replaceAll("%20");
            warnings.add(where + ": spaces inside the URL were encoded as %20: " + Warnings.quote(url));
        }
        if (!isHttpUrl(url)) {
            warnings.add(where + ": skipped " + Warnings.quote(raw.strip()) + ": not an http(s) URL");
            return Optional.empty();
        }
        return Optional.of(url);
    }

    /** A site URL, or null when blank or not http(s) (with a warning in that case). */
    static @Nullable String siteUrl(@Nullable String raw, String where, Warnings warnings) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String url = raw.strip();
        if (hasWhitespace(url)) {
            url = WHITESPACE.matcher(url).replaceAll("%20");
        }
        if (!isHttpUrl(url)) {
            warnings.add(where + ": ignored site URL " + Warnings.quote(raw.strip()) + ": not an http(s) URL");
            return null;
        }
        return url;
    }

    /** {@code http://} or {@code https://} (any case) followed by a host. */
    static boolean isHttpUrl(String url) {
        int hostStart;
        if (url.regionMatches(true, 0, "http://", 0, 7)) {
            hostStart = 7;
        } else if (url.regionMatches(true, 0, "https://", 0, 8)) {
            hostStart = 8;
        } else {
            return false;
        }
        if (url.length() <= hostStart) {
            return false;
        }
        char first = url.charAt(hostStart);
        return first != '/' && first != '?' && first != '#' && !Character.isWhitespace(first);
    }

    private static boolean hasWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
