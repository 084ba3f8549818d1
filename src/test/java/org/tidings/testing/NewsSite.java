package org.tidings.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A news site on 127.0.0.1 for full-text tests and benchmarks: lead-only RSS feeds (one or two
 * sentences per item, like People's Daily's) and the article pages behind them, written like real
 * news pages — navigation, a cookie banner, share buttons, embedded scripts and styles, an iframe,
 * a tracking pixel, related links and comments around the article.
 *
 * <ul>
 *   <li>{@code /feed/F.xml}: feed F with {@code items} items linking to {@code /news/F/I.html}
 *   <li>{@code /news/F/I.html}: the article page (paragraphs say "story F-I, paragraph P")
 *   <li>{@code /broken.xml}: a feed whose items link to each failing page below
 *   <li>{@code /fail/missing.html} 404, {@code /fail/huge.html} a 50 MB page, {@code
 *       /fail/index.html} a page with no article, {@code /fail/loop-a.html} a redirect loop,
 *       {@code /fail/report.pdf} a PDF, {@code /fail/paywall.html} the lead and a subscribe box,
 *       {@code /fail/members.html} the same with status 403
 * </ul>
 */
public final class NewsSite implements AutoCloseable {
    /** Text that appears only in the boilerplate around the article, never in it. */
    public static final List<String> BOILERPLATE = List.of(
            "Accept all cookies", "Share on Facebook", "Related stories", "Most read", "Leave a comment",
            "Subscribe to our newsletter", "trackVisit", "Home | World | Business", "Copyright Daily Test",
            "font-family", "Great article, thanks");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "news-site");
        thread.setDaemon(true);
        return thread;
    });
    private final int feeds;
    private final int items;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final java.util.Set<String> userAgents = ConcurrentHashMap.newKeySet();
    private final AtomicInteger pagesInFlight = new AtomicInteger();
    private final AtomicInteger maxPagesInFlight = new AtomicInteger();

    private NewsSite(int feeds, int items) throws IOException {
        this.feeds = feeds;
        this.items = items;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static NewsSite start(int feeds, int items) throws IOException {
        return new NewsSite(feeds, items);
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String feedUrl(int feed) {
        return base() + "/feed/" + feed + ".xml";
    }

    public String brokenFeedUrl() {
        return base() + "/broken.xml";
    }

    public String pageUrl(int feed, int item) {
        return base() + "/news/" + feed + "/" + item + ".html";
    }

    /** Requests of a path so far. */
    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    /** The User-Agent headers pages were asked for with. */
    public java.util.Set<String> pageUserAgents() {
        return java.util.Set.copyOf(userAgents);
    }

    /** The most article pages in flight at once. */
    public int maxPagesInFlight() {
        return maxPagesInFlight.get();
    }

    /** Requests of pages (not feeds) so far. */
    public int pageHits() {
        return hits.entrySet().stream().filter(e -> !e.getKey().endsWith(".xml")).mapToInt(e -> e.getValue().get()).sum();
    }

    /** The lead the feed gives for an item. */
    public static String lead(int feed, int item) {
        return "Officials in district " + feed + " announced measure " + item + " on Monday, the ministry said.";
    }

    /** Paragraph {@code p} of the article behind item {@code item} of feed {@code feed}. */
    public static String paragraph(int feed, int item, int p) {
        return "This is story " + feed + "-" + item + ", paragraph " + p + ". The provincial government said the "
                + "programme would reach " + (1000 + 37 * p + item) + " villages by the end of the year, and that "
                + "farmers in the region would receive training in water conservation and new seed varieties. "
                + "Local residents welcomed the plan, while economists noted that the cost of transport remained high.";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (path.startsWith("/feed/") && path.endsWith(".xml")) {
                int feed = Integer.parseInt(path.substring(6, path.length() - 4));
                send(exchange, 200, "application/rss+xml; charset=UTF-8", feed(feed));
            } else if (path.equals("/broken.xml")) {
                send(exchange, 200, "application/rss+xml; charset=UTF-8", brokenFeed());
            } else if (path.startsWith("/news/")) {
                userAgents.add(String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
                maxPagesInFlight.accumulateAndGet(pagesInFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    pagesInFlight.decrementAndGet();
                }
                String[] parts = path.substring(6, path.length() - 5).split("/");
                send(exchange, 200, "text/html; charset=UTF-8",
                        articlePage(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
            } else {
                failure(exchange, path);
            }
        } catch (IOException | RuntimeException e) {
            // the client hung up (the 50 MB page) or asked for nonsense
        }
    }

    private void failure(HttpExchange exchange, String path) throws IOException {
        switch (path) {
            case "/fail/huge.html" -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, 50L * 1024 * 1024);
                byte[] chunk = ("<p>" + "filler text ".repeat(85) + "</p>\n").getBytes(StandardCharsets.UTF_8);
                try (OutputStream out = exchange.getResponseBody()) {
                    long left = 50L * 1024 * 1024;
                    while (left > 0) {
                        int n = (int) Math.min(chunk.length, left);
                        out.write(chunk, 0, n);
                        left -= n;
                    }
                }
            }
            case "/fail/index.html" -> send(exchange, 200, "text/html", indexPage());
            case "/fail/loop-a.html" -> redirect(exchange, "/fail/loop-b.html");
            case "/fail/loop-b.html" -> redirect(exchange, "/fail/loop-a.html");
            case "/fail/report.pdf" -> send(exchange, 200, "application/pdf", "%PDF-1.4 not html at all");
            case "/fail/paywall.html" -> send(exchange, 200, "text/html", paywallPage());
            case "/fail/members.html" -> send(exchange, 403, "text/html", paywallPage());
            default -> send(exchange, 404, "text/html", "<html><body><h1>Not found</h1></body></html>");
        }
    }

    private static void redirect(HttpExchange exchange, String to) throws IOException {
        exchange.getResponseHeaders().set("Location", to);
        exchange.sendResponseHeaders(302, -1);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String feed(int feed) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Daily Test %d</title><link>%s/</link>
                <description>Lead-only news</description>
                """.formatted(feed, base()));
        for (int item = 0; item < items; item++) {
            xml.append("<item><title>Measure ").append(item).append(" announced in district ").append(feed)
                    .append("</title><link>/news/").append(feed).append('/').append(item).append(".html</link>")
                    .append("<guid isPermaLink=\"false\">daily-").append(feed).append('-').append(item).append("</guid>")
                    .append("<pubDate>Mon, 0").append(1 + item % 9).append(" Dec 2026 08:00:00 GMT</pubDate>")
                    .append("<description>").append(lead(feed, item)).append("</description></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    private String brokenFeed() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Broken pages</title><link>%s/</link><description>x</description>
                """.formatted(base()));
        for (String page : Arrays.asList("missing.html", "huge.html", "index.html", "loop-a.html", "report.pdf", "paywall.html", "members.html")) {
            xml.append("<item><title>Item ").append(page).append("</title><link>").append(base()).append("/fail/")
                    .append(page).append("</link><guid isPermaLink=\"false\">broken-").append(page).append("</guid>")
                    .append("<description>").append(lead(99, page.length())).append("</description></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    private static String chrome(String main) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Daily Test</title>
                <style>body { font-family: serif } .cookie { position: fixed }</style>
                <script>function trackVisit() { new Image().src = '/pixel?' + Date.now(); } trackVisit();</script>
                </head><body>
                <div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your experience.</p>
                  <button onclick="accept()">Accept all cookies</button></div>
                <header><nav class="menu"><a href="/">Home | World | Business</a> <a href="/sport">Sport</a>
                  <a href="/opinion">Opinion</a> <a href="/video">Video</a></nav></header>
                %s
                <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/news/9/1.html">Another story</a></li>
                  <li><a href="/news/9/2.html">Yet another story</a></li></ul>
                  <div class="newsletter"><p>Subscribe to our newsletter</p><form><input name="email"></form></div></aside>
                <footer><p>Copyright Daily Test 2026</p><script src="/analytics.js"></script></footer>
                </body></html>
                """.formatted(main);
    }

    /** The article page behind item {@code item} of feed {@code feed}, as served. */
    public static String articlePage(int feed, int item) {
        StringBuilder body = new StringBuilder();
        body.append("<main><article class=\"story\"><h1>Measure ").append(item).append(" announced in district ")
                .append(feed).append("</h1>\n<p class=\"byline\">By Staff Reporter</p>\n")
                .append("<div class=\"share\"><a href=\"https://facebook.example/share\">Share on Facebook</a>")
                .append(" <a href=\"#\" onclick=\"tweet()\">Tweet</a></div>\n")
                .append("<div class=\"article-body\">\n");
        for (int p = 1; p <= 6; p++) {
            body.append("<p>").append(paragraph(feed, item, p));
            if (p == 2) {
                body.append(" See <a href=\"/news/").append(feed).append("/background.html\" onclick=\"track()\">the background</a>.");
            }
            body.append("</p>\n");
            if (p == 3) {
                body.append("<script>trackVisit('inline');</script>")
                        .append("<iframe src=\"https://ads.example/slot\" width=\"300\" height=\"250\"></iframe>")
                        .append("<figure><img src=\"/img/").append(item).append(".jpg\" alt=\"Farmers\" onerror=\"x()\">")
                        .append("<figcaption>Farmers at work</figcaption></figure>\n");
            }
        }
        body.append("<img src=\"https://pixel.example/t.gif\" width=\"1\" height=\"1\" alt=\"\">\n")
                .append("</div></article>\n")
                .append("<section class=\"related\"><h2>Related stories</h2><ul>")
                .append("<li><a href=\"/news/1/1.html\">Earlier measure</a></li>")
                .append("<li><a href=\"/news/1/2.html\">Reactions</a></li></ul></section>\n")
                .append("<section id=\"comments\" class=\"comments\"><h2>Leave a comment</h2>")
                .append("<div class=\"comment\"><p>Great article, thanks!</p></div>")
                .append("<div class=\"comment\"><p>Great article, thanks again!</p></div></section></main>");
        return chrome(body.toString());
    }

    private static String indexPage() {
        StringBuilder links = new StringBuilder("<main><ul class=\"index\">");
        for (int i = 0; i < 30; i++) {
            links.append("<li><a href=\"/news/1/").append(i).append(".html\">Headline ").append(i).append("</a></li>");
        }
        return chrome(links.append("</ul></main>").toString());
    }

    private static String paywallPage() {
        return chrome("<main><article><h1>Premium story</h1><p>" + lead(99, 12)
                + "</p><div class=\"paywall\"><p>Subscribe to read the full story.</p></div></article></main>");
    }
}
