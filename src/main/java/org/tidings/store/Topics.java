package org.tidings.store;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Topic names: the topic of a category feed, and the normalization that makes names one topic. */
final class Topics {
    /** WordPress-style category and tag feeds: {@code /category/<slug>/feed/}, also nested. */
    private static final Pattern CATEGORY_FEED =
            Pattern.compile("/(?:category|tag|topics?|section)/(?:[^/?#]+/)*?([^/?#]+)/(?:feed|rss|atom)(?:/[^/?#]*)?/?$");

    private static final Pattern SEPARATORS = Pattern.compile("\\s+[-\u2013\u2014|\u00bb\u203a:>]+\\s+|\\s*[\u00bb\u203a|]\\s*");

    /** Categories that carry no meaning. */
    private static final Set<String> MEANINGLESS = Set.of("uncategorized", "uncategorised", "general", "");

    static final int MAX_LENGTH = 80;

    private Topics() {}

    /** The key that makes names one topic: NFKC, case-folded, whitespace collapsed. */
    static String key(String name) {
        String normalized = Normalizer.normalize(name, Normalizer.Form.NFKC);
        return Text.collapse(normalized).toLowerCase(Locale.ROOT);
    }

    /** The name as shown: whitespace collapsed; empty for names that carry no meaning. */
    static Optional<String> displayName(@Nullable String name) {
        if (name == null) {
            return Optional.empty();
        }
        String shown = Text.collapse(Normalizer.normalize(name, Normalizer.Form.NFKC));
        if (shown.length() > MAX_LENGTH || MEANINGLESS.contains(shown.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(shown);
    }

    /**
     * The topic of a category feed: {@code /category/foreign/feed/} is "Foreign". The name comes
     * from the feed's own title when one part of it matches the slug ({@code "Foreign Archives -
     * Site"}, {@code "Site » Foreign"}), else from the slug, title-cased ({@code
     * "world-news"} is "World News").
     */
    static Optional<String> feedTopic(String feedUrl, @Nullable String feedTitle) {
        String path;
        try {
            path = new URI(feedUrl.strip().replace(" ", "%20")).getRawPath();
        } catch (Exception e) {
            return Optional.empty();
        }
        if (path == null) {
            return Optional.empty();
        }
        Matcher matcher = CATEGORY_FEED.matcher(path);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String slug = URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
        String slugKey = slugify(slug);
        if (slugKey.isEmpty()) {
            return Optional.empty();
        }
        if (feedTitle != null) {
            for (String part : SEPARATORS.split(feedTitle)) {
                String candidate = Text.collapse(part.replaceAll("(?i)\\s+(archives?|feed|rss)$", ""));
                String candidateKey = slugify(candidate);
                if (candidateKey.isEmpty() || candidate.split(" ").length > 6) {
                    continue;
                }
                if (candidateKey.equals(slugKey)
                        || candidateKey.startsWith(slugKey + "-")
                        || slugKey.startsWith(candidateKey + "-")) {
                    return displayName(candidate);
                }
            }
        }
        return displayName(titleCase(slug.replace('-', ' ').replace('_', ' ')));
    }

    static String slugify(String text) {
        return String.join("-", Text.words(text));
    }

    private static String titleCase(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : Text.collapse(text).split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.appendCodePoint(Character.toTitleCase(word.codePointAt(0)));
            out.append(word.substring(Character.charCount(word.codePointAt(0))));
        }
        return out.toString();
    }
}
