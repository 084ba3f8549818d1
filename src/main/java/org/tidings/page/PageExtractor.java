package org.tidings.page;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.extended.Readability4JExtended;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Extracts the main text of an article page: Mozilla's Readability algorithm (readability4j) finds
 * the article among navigation, related links, comments, banners and share buttons; jsoup's
 * {@link Cleaner} then keeps only safe markup. Stateless and thread-safe.
 *
 * <p>A page is rejected (with a one-line reason) when it is not HTML, when no main text is found,
 * or when the text found is no longer than what the feed already gives (a paywall or a teaser
 * page).
 */
public final class PageExtractor {
    /** Less text than this is not an article (a login page, an error page, a gallery). */
    public static final int MIN_TEXT = 200;
    /** The page must add this much text to the feed's own to be worth keeping. */
    static final double MORE_THAN_FEED = 1.2;

    /**
     * readability4j logs (through SLF4J, here JUL) an error for every link it cannot make absolute;
     * JUL's console handler would print those on the terminal, under the reader. Kept here so the
     * setting is not garbage-collected with the logger.
     */
    private static final java.util.logging.Logger READABILITY_LOG = quiet("net.dankito.readability4j");
    private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");
    private static final Safelist SAFE = Safelist.relaxed()
            .removeTags("img")
            .addTags("figure", "figcaption", "hr", "del", "ins", "s", "mark", "time")
            .addTags("img")
            .addAttributes("img", "src", "alt", "title")
            .addProtocols("img", "src", "http", "https")
            .preserveRelativeLinks(false);

    /**
     * @param body the page's bytes
     * @param url the page's final URL (after redirects): relative links are resolved against it
     * @param mediaType the Content-Type without parameters, or null when the server sent none
     * @param charset the Content-Type's charset, or null (then the page's own meta or UTF-8)
     * @param feedText the feed's own text of the article (to tell a teaser page), or null
     */
    public PageText extract(byte[] body, String url, @Nullable String mediaType, @Nullable String charset,
            @Nullable String feedText) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(url, "url");
        if (mediaType != null && !HTML_TYPES.contains(mediaType.toLowerCase(Locale.ROOT))) {
            return new PageText.Rejected("not an HTML page: " + mediaType);
        }
        if (mediaType == null && !looksLikeHtml(body)) {
            return new PageText.Rejected("not an HTML page");
        }
        Document page;
        try {
            page = Jsoup.parse(new ByteArrayInputStream(body), supported(charset), url);
        } catch (IOException | RuntimeException e) {
            return new PageText.Rejected("unreadable page: " + e.getClass().getSimpleName());
        }
        absolutize(page);
        Article article;
        try {
            article = new Readability4JExtended(url, page).parse();
        } catch (RuntimeException e) {
            return new PageText.Rejected("no article text found on the page");
        }
        Element content = article.getArticleContent();
        if (content == null) {
            return new PageText.Rejected("no article text found on the page");
        }
        String html = sanitize(content.html(), url);
        Document clean = Jsoup.parseBodyFragment(html, url);
        int length = clean.body().text().length();
        if (length < MIN_TEXT) {
            return new PageText.Rejected("no article text found on the page");
        }
        int feedLength = feedText == null ? 0 : feedText.strip().length();
        if (feedLength > 0 && length <= feedLength * MORE_THAN_FEED) {
            return new PageText.Rejected("the page has no more text than the feed (paywall or teaser page)");
        }
        String title = article.getTitle();
        return new PageText.Extracted(html, length, title == null || title.isBlank() ? null : title.strip());
    }

    /**
     * Keeps safe markup only: no scripts, styles, frames, forms, event handlers or unknown
     * attributes; images only by http(s) and not as tracking pixels; relative links made absolute.
     */
    static String sanitize(String html, String baseUrl) {
        Document dirty = Jsoup.parseBodyFragment(html, baseUrl);
        for (Element image : dirty.select("img")) {
            if (isPixel(image)) {
                image.remove();
            }
        }
        Document clean = new Cleaner(SAFE).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        for (Element empty : clean.select("p:empty, div:empty, span:empty")) {
            empty.remove();
        }
        return clean.body().html().strip();
    }

    /** Links and images made absolute before extraction (readability's own rewrite drops the port). */
    private static void absolutize(Document page) {
        for (Element element : page.select("a[href], img[src]")) {
            String attribute = element.hasAttr("href") ? "href" : "src";
            String absolute = element.absUrl(attribute);
            if (!absolute.isEmpty()) {
                element.attr(attribute, absolute);
            }
        }
    }

    private static boolean isPixel(Element image) {
        String style = image.attr("style").replace(" ", "").toLowerCase(Locale.ROOT);
        return tiny(image.attr("width")) || tiny(image.attr("height"))
                || style.contains("display:none") || style.contains("visibility:hidden")
                || style.contains("width:1px") || style.contains("height:1px");
    }

    private static boolean tiny(String size) {
        String digits = size.strip().replaceAll("(?i)px$", "");
        if (!digits.matches("\\d{1,6}")) {
            return false;
        }
        return Integer.parseInt(digits) <= 2;
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.OFF);
        return logger;
    }

    private static boolean looksLikeHtml(byte[] body) {
        int n = Math.min(body.length, 1024);
        String start = new String(body, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return start.contains("<html") || start.contains("<!doctype html") || start.contains("<body")
                || start.contains("<head") || start.contains("<p");
    }

    private static @Nullable String supported(@Nullable String charset) {
        if (charset == null) {
            return null;
        }
        try {
            return Charset.isSupported(charset.strip()) ? charset.strip() : null;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
