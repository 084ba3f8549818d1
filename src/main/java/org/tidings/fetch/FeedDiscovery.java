package org.tidings.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.tidings.fetch.FeedCandidate.Source;
import org.tidings.fetch.FeedCandidate.Type;
import org.tidings.fetch.FetchResult.Fetched;
import org.tidings.model.Messages;
import org.tidings.xml.SafeXmlReader;

/**
 * Finds the feeds behind a URL: the URL itself when it is a feed; else, from the HTML page, its
 * {@code <link rel="alternate">} feeds, and on WordPress sites {@code /feed/} and the {@code
 * /category/<slug>/feed/} of each category the page links to; and when the page names none, the
 * common paths {@code /feed}, {@code /rss}, {@code /atom.xml}, {@code /index.xml}, {@code
 * /feed.xml}, {@code /rss.xml}. Conventional and common-path URLs are kept only when fetching them
 * returns a feed (through the fetcher, so its per-host limit applies).
 */
public final class FeedDiscovery {
    static final List<String> COMMON_PATHS =
            List.of("/feed", "/rss", "/atom.xml", "/index.xml", "/feed.xml", "/rss.xml");
    private static final int MAX_CATEGORIES = 40;
    private static final Pattern CATEGORY_PATH = Pattern.compile("^(/category/[^?#]+?)/?$");

    private final Fetcher fetcher;

    public FeedDiscovery(Fetcher fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    /** Discovers the feeds at {@code url} (a feed or a web page). Never completes exceptionally. */
    public CompletableFuture<Discovery> discover(String url) {
        Objects.requireNonNull(url, "url");
        return fetcher.fetch(FetchRequest.of(url)).thenCompose(result -> {
            if (result instanceof Fetched fetched) {
                return fromPage(url, fetched);
            }
            return done(new Discovery.NotFound("cannot fetch " + url + ": " + result.describe()));
        }).exceptionally(error -> new Discovery.NotFound(
                "cannot discover feeds at " + url + ": " + Messages.firstLine(String.valueOf(error.getMessage()))));
    }

    private CompletableFuture<Discovery> fromPage(String url, Fetched page) {
        Type selfType = sniff(page.body());
        if (selfType != null) {
            String feedUrl = page.permanentRedirect() != null ? page.permanentRedirect() : url;
            return done(new Discovery.Found(List.of(new FeedCandidate(feedUrl, null, selfType, Source.SELF))));
        }
        Document document = parseHtml(page);
        Map<String, FeedCandidate> found = new LinkedHashMap<>();
        for (FeedCandidate candidate : linkedFeeds(document)) {
            found.putIfAbsent(candidate.url(), candidate);
        }
        List<CompletableFuture<Optional<FeedCandidate>>> probes = new ArrayList<>();
        URI base = URI.create(page.url());
        String scheme = String.valueOf(base.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || base.getHost() == null) {
            return done(found.isEmpty()
                    ? new Discovery.NotFound("no feed found at " + url)
                    : new Discovery.Found(new ArrayList<>(found.values())));
        }
        if (isWordPress(document)) {
            for (Map.Entry<String, String> entry : wordPressFeeds(document, base).entrySet()) {
                if (!found.containsKey(entry.getKey())) {
                    probes.add(probe(entry.getKey(), entry.getValue(), Source.WORDPRESS));
                }
            }
        }
        if (found.isEmpty() && probes.isEmpty()) {
            for (String path : COMMON_PATHS) {
                probes.add(probe(origin(base) + path, null, Source.COMMON_PATH));
            }
        }
        return CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            for (CompletableFuture<Optional<FeedCandidate>> probe : probes) {
                probe.join().ifPresent(candidate -> found.putIfAbsent(candidate.url(), candidate));
            }
            if (found.isEmpty()) {
                return new Discovery.NotFound("no feed found at " + url);
            }
            return new Discovery.Found(new ArrayList<>(found.values()));
        });
    }

    /** The feeds a page names with {@code <link rel="alternate" type="...">}, in page order. */
    public static List<FeedCandidate> linkedFeeds(String html, String pageUrl) {
        return linkedFeeds(Jsoup.parse(html, pageUrl));
    }

    static List<FeedCandidate> linkedFeeds(Document document) {
        Map<String, FeedCandidate> feeds = new LinkedHashMap<>();
        for (Element link : document.select("link[href][type]")) {
            List<String> rels = List.of(link.attr("rel").toLowerCase(Locale.ROOT).trim().split("\\s+"));
            Type type = Type.ofMediaType(link.attr("type"));
            String href = link.absUrl("href");
            if (!rels.contains("alternate") || type == null || href.isEmpty()) {
                continue;
            }
            String title = link.attr("title").isBlank() ? null : link.attr("title").trim();
            feeds.putIfAbsent(href, new FeedCandidate(href, title, type, Source.LINK));
        }
        return List.copyOf(feeds.values());
    }

    static boolean isWordPress(Document document) {
        for (Element meta : document.select("meta[name=generator]")) {
            if (meta.attr("content").toLowerCase(Locale.ROOT).startsWith("wordpress")) {
                return true;
            }
        }
        return !document.select("link[rel=https://api.w.org/], link[href*=/wp-content/], "
                + "script[src*=/wp-content/], script[src*=/wp-includes/], link[href*=/wp-includes/]").isEmpty();
    }

    /** WordPress feed URLs (site feed, then category feeds) mapped to a title (or null). */
    static Map<String, @Nullable String> wordPressFeeds(Document document, URI base) {
        Map<String, @Nullable String> feeds = new LinkedHashMap<>();
        String origin = origin(base);
        feeds.put(origin + "/feed/", null);
        for (Element anchor : document.select("a[href]")) {
            if (feeds.size() > MAX_CATEGORIES) {
                break;
            }
            URI target;
            try {
                target = URI.create(anchor.absUrl("href"));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (target.getHost() == null || !target.getHost().equalsIgnoreCase(base.getHost())
                    || target.getRawPath() == null) {
                continue;
            }
            Matcher matcher = CATEGORY_PATH.matcher(target.getRawPath());
            if (matcher.matches() && !matcher.group(1).contains("/page/")
                    && !matcher.group(1).endsWith("/feed")) {
                String text = anchor.text().trim();
                feeds.putIfAbsent(origin + matcher.group(1) + "/feed/", text.isEmpty() ? null : text);
            }
        }
        return feeds;
    }

    private CompletableFuture<Optional<FeedCandidate>> probe(String url, @Nullable String title, Source source) {
        return fetcher.fetch(FetchRequest.of(url)).thenApply(result -> {
            if (result instanceof Fetched fetched) {
                Type type = sniff(fetched.body());
                if (type != null) {
                    String feedUrl = fetched.permanentRedirect() != null ? fetched.permanentRedirect() : url;
                    return Optional.of(new FeedCandidate(feedUrl, title, type, source));
                }
            }
            return Optional.<FeedCandidate>empty();
        }).exceptionally(error -> Optional.empty());
    }

    /** The feed type of a body, judged by its root element (or JSON Feed version), or null. */
    static @Nullable Type sniff(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
        String trimmed = head.replace("\u00ef\u00bb\u00bf", "").stripLeading();
        if (trimmed.startsWith("{")) {
            return trimmed.contains("jsonfeed.org/version") ? Type.JSON : null;
        }
        String rootName = SafeXmlReader.rootName(body);
        if (rootName == null) {
            return null;
        }
        String name = rootName.toLowerCase(Locale.ROOT);
        String local = name.substring(name.indexOf(':') + 1);
        return switch (local) {
            case "rss", "rdf" -> Type.RSS;
            case "feed" -> Type.ATOM;
            default -> null;
        };
    }

    private static Document parseHtml(Fetched page) {
        String charset = page.supportedCharset().map(c -> c.name()).orElse(null);
        try {
            return Jsoup.parse(new ByteArrayInputStream(page.body()), charset, page.url());
        } catch (IOException e) {
            return Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8), page.url());
        }
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
