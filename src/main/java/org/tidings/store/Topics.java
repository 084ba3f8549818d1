package org.tidings.store;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
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

    /** A section name has at most this many words ("Science and Technology"). */
    static final int MAX_SECTION_WORDS = 4;

    /** Separators between an outlet's name and a section in a feed title. */
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[-\u2013\u2014|:\u00bb]\\s+|:\\s+|\\s*\\|\\s*");

    /** A path that is a feed's: the section is one of its other segments. */
    private static final Pattern FEED_MARKER = Pattern.compile("(^|/)(rss|feeds?|atom)(/|$|\\.)|\\.(xml|rss|atom|rdf)$");

    private static final Pattern SLUG = Pattern.compile("\\p{L}[\\p{L}_-]{1,30}");

    /** Title parts and path segments that name no section. */
    private static final Set<String> NOT_SECTIONS = Set.of("rss", "feed", "feeds", "atom", "xml", "rdf", "index", "all",
            "latest", "latest news", "news", "top stories", "top news", "headlines", "home", "homepage", "front page", "main",
            "default", "services", "articles", "posts", "blog", "en", "english", "www", "api", "rss feed", "news feed",
            "all news", "breaking news", "stories", "content", "channel", "channels", "full", "summary", "public", "export");

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
     * The topic of a stored feed's articles: the one its user set ({@code feeds.topic_override},
     * blank for none), else {@link #feedTopic(String, String)}.
     */
    static Optional<String> feedTopic(Handle handle, long feedId, String feedUrl, @Nullable String feedTitle) {
        Optional<String> override = handle.createQuery("SELECT topic_override FROM feeds WHERE id = :id AND topic_override IS NOT NULL")
                .bind("id", feedId)
                .mapTo(String.class)
                .findOne();
        return override.isPresent() ? displayName(override.get()) : feedTopic(feedUrl, feedTitle);
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
            return sectionTopic(feedUrl, path, feedTitle);
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

    /**
     * The section of an outlet's section feed: from the title when it names one ({@code "Outlet -
     * World"}, {@code "World | Outlet"}, {@code "Outlet — Africa"}, {@code "Outlet: Business"}), else
     * from a section-like segment of the feed's path ({@code /rss/Africa.xml}, {@code
     * /news/world/rss.xml}); never the outlet's own name, nor a word every feed has ("News",
     * "Latest", "RSS").
     */
    static Optional<String> sectionTopic(String feedUrl, String path, @Nullable String feedTitle) {
        String outlet = outletLabel(feedUrl);
        if (feedTitle != null) {
            Matcher separator = TITLE_SEPARATOR.matcher(feedTitle);
            if (separator.find()) {
                String first = Text.collapse(feedTitle.substring(0, separator.start()));
                String second = Text.collapse(feedTitle.substring(separator.end()));
                if (!TITLE_SEPARATOR.matcher(second).find() && !first.isEmpty() && !second.isEmpty()) {
                    boolean firstIsOutlet = namesOutlet(first, outlet);
                    boolean secondIsOutlet = namesOutlet(second, outlet);
                    String section;
                    if (firstIsOutlet != secondIsOutlet) {
                        section = firstIsOutlet ? second : first;
                    } else {
                        // "World | Outlet", but "Outlet - World", "Outlet: Business"
                        section = separator.group().strip().startsWith("|") ? first : second;
                    }
                    if (isSection(section, outlet)) {
                        return displayName(section);
                    }
                }
            }
        }
        boolean feedPath = FEED_MARKER.matcher(path.toLowerCase(Locale.ROOT)).find();
        String[] segments = path.split("/");
        for (int i = segments.length - 1; feedPath && i >= 0; i--) {
            String segment = URLDecoder.decode(segments[i], StandardCharsets.UTF_8).replaceFirst("\\.[A-Za-z0-9]+$", "");
            String words = segment.replace('-', ' ').replace('_', ' ');
            if (SLUG.matcher(segment).matches() && isSection(words, outlet)) {
                return displayName(titleCase(words));
            }
        }
        return Optional.empty();
    }

    /** The distinctive label of the feed's host: {@code people} for {@code en.people.cn}. */
    private static String outletLabel(String feedUrl) {
        String host = Identity.site(feedUrl).orElse("");
        String outlet = Outlets.of(host);
        int dot = outlet.indexOf('.');
        return (dot > 0 ? outlet.substring(0, dot) : outlet).toLowerCase(Locale.ROOT);
    }

    /** Whether a part of a title names the outlet: "People's Daily" for {@code people.cn}. */
    private static boolean namesOutlet(String part, String outletLabel) {
        String compact = String.join("", Text.words(part));
        if (compact.isEmpty() || outletLabel.isEmpty()) {
            return false;
        }
        int common = 0;
        while (common < compact.length() && common < outletLabel.length() && compact.charAt(common) == outletLabel.charAt(common)) {
            common++;
        }
        return common >= Math.min(3, Math.min(compact.length(), outletLabel.length()))
                || compact.contains(outletLabel) || outletLabel.contains(compact);
    }

    private static boolean isSection(String name, String outletLabel) {
        List<String> words = Text.words(name);
        return !words.isEmpty() && words.size() <= MAX_SECTION_WORDS
                && !NOT_SECTIONS.contains(String.join(" ", words))
                && words.stream().noneMatch(word -> word.chars().anyMatch(Character::isDigit))
                && !namesOutlet(name, outletLabel);
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
