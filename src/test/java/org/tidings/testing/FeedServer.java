package org.tidings.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server for tests and benchmarks: {@code feeds} RSS 2.0 feeds of {@code items} items
 * each, spread round-robin over {@code hosts} loopback addresses (127.0.0.1 to 127.0.0.{hosts}, all
 * of which answer on Linux), each answer delayed by {@code latency}. Feeds carry an ETag and a
 * Last-Modified and answer conditional requests with 304. It counts requests, 304s, and the most
 * requests in flight at once, overall and on any one address.
 *
 * <pre>{@code
 * try (FeedServer server = FeedServer.start(1000, 50, 16, Duration.ofMillis(100))) {
 *     List<String> urls = server.feedUrls();
 *     ...
 * }
 * }</pre>
 */
public final class FeedServer implements AutoCloseable {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    private final int feeds;
    private final int items;
    private final Duration latency;
    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor;
    private final Map<Integer, byte[]> bodies = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<Integer, AtomicInteger> requestsByFeed = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requestsByAgent = new ConcurrentHashMap<>();
    private final AtomicInteger notModified = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger[] inFlightByHost;
    private final AtomicInteger maxInFlightPerHost = new AtomicInteger();
    private volatile int generation;

    private FeedServer(int feeds, int items, int hosts, Duration latency) throws IOException {
        if (hosts < 1 || hosts > 254) {
            throw new IllegalArgumentException("hosts must be 1..254: " + hosts);
        }
        this.feeds = feeds;
        this.items = items;
        this.latency = latency;
        this.inFlightByHost = new AtomicInteger[hosts];
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "feed-server");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int h = 0; h < hosts; h++) {
                inFlightByHost[h] = new AtomicInteger();
                HttpServer server =
                        HttpServer.create(new InetSocketAddress("127.0.0." + (h + 1), 0), 1024);
                int host = h;
                server.createContext("/", exchange -> handle(exchange, host));
                server.setExecutor(executor);
                server.start();
                servers.add(server);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Runs a server until killed, for benchmarks against other programs: {@code feeds items hosts
     * latencyMillis urlsFile}. Writes the feed URLs, one a line, to {@code urlsFile} once serving.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: FeedServer FEEDS ITEMS HOSTS LATENCY_MS URLS_FILE");
            System.exit(2);
        }
        FeedServer server = start(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), Duration.ofMillis(Long.parseLong(args[3])));
        java.nio.file.Path urls = java.nio.file.Path.of(args[4]);
        java.nio.file.Path partial = urls.resolveSibling(urls.getFileName() + ".part");
        java.nio.file.Files.write(partial, server.feedUrls());
        java.nio.file.Files.move(partial, urls, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Thread.currentThread().join();
    }

    /** Starts serving on free ports. */
    public static FeedServer start(int feeds, int items, int hosts, Duration latency)
            throws IOException {
        return new FeedServer(feeds, items, hosts, latency);
    }

    /** The feed URLs, feed {@code i} on address 127.0.0.{1 + i % hosts}. */
    public List<String> feedUrls() {
        List<String> urls = new ArrayList<>(feeds);
        for (int i = 0; i < feeds; i++) {
            urls.add(feedUrl(i));
        }
        return urls;
    }

    public String feedUrl(int feed) {
        HttpServer server = servers.get(feed % servers.size());
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort()
                + "/feed/" + feed + ".xml";
    }

    /** Publishes one new item in every feed (new ETag, new body). */
    public void publish() {
        generation++;
        bodies.clear();
    }

    public int requests() {
        return requests.get();
    }

    public int notModified() {
        return notModified.get();
    }

    /** The most requests in flight at once, all addresses together. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** The most requests in flight at once on any one address. */
    public int maxInFlightPerHost() {
        return maxInFlightPerHost.get();
    }

    /** The counters as one line; also served at {@code /stats} (which resets them). */
    public String stats() {
        return "requests=" + requests() + " notModified=" + notModified() + " maxInFlight="
                + maxInFlight() + " maxInFlightPerHost=" + maxInFlightPerHost();
    }

    /** Requests for feed {@code feed} since the start or the last reset. */
    public int requestsFor(int feed) {
        AtomicInteger count = requestsByFeed.get(feed);
        return count == null ? 0 : count.get();
    }

    /** Requests for feed {@code feed} sent with User-Agent {@code agent}. */
    public int requestsFor(int feed, String agent) {
        AtomicInteger count = requestsByAgent.get(feed + " " + agent);
        return count == null ? 0 : count.get();
    }

    public void resetCounters() {
        requestsByFeed.clear();
        requestsByAgent.clear();
        requests.set(0);
        notModified.set(0);
        maxInFlight.set(0);
        maxInFlightPerHost.set(0);
    }

    @Override
    public void close() {
        for (HttpServer server : servers) {
            server.stop(0);
        }
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange, int host) throws IOException {
        if (exchange.getRequestURI().getPath().equals("/stats")) {
            try (exchange) {
                byte[] stats = (stats() + "\n").getBytes(StandardCharsets.UTF_8);
                resetCounters();
                exchange.sendResponseHeaders(200, stats.length);
                exchange.getResponseBody().write(stats);
            }
            return;
        }
        requests.incrementAndGet();
        int requested = feedIndex(exchange.getRequestURI().getPath());
        requestsByFeed.computeIfAbsent(requested, f -> new AtomicInteger()).incrementAndGet();
        requestsByAgent.computeIfAbsent(requested + " " + exchange.getRequestHeaders().getFirst("User-Agent"), f -> new AtomicInteger())
                .incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        maxInFlightPerHost.accumulateAndGet(inFlightByHost[host].incrementAndGet(), Math::max);
        boolean counted = true;
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (!latency.isZero()) {
                Thread.sleep(latency.toMillis());
            }
            int feed = feedIndex(exchange.getRequestURI().getPath());
            int gen = generation;
            String etag = "\"f" + feed + "-g" + gen + "\"";
            boolean found = feed >= 0 && feed < feeds;
            boolean match = found && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"));
            byte[] body = found && !match ? bodies.computeIfAbsent(feed, f -> render(f, gen)) : null;
            // the request stops counting as in flight before the client can see the answer
            counted = false;
            inFlightByHost[host].decrementAndGet();
            inFlight.decrementAndGet();
            if (!found) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.getResponseHeaders().set("Last-Modified", HTTP_DATE.format(published(gen)));
            if (match) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (counted) {
                inFlightByHost[host].decrementAndGet();
                inFlight.decrementAndGet();
            }
        }
    }

    private static int feedIndex(String path) {
        if (!path.startsWith("/feed/") || !path.endsWith(".xml")) {
            return -1;
        }
        try {
            return Integer.parseInt(path.substring("/feed/".length(), path.length() - 4));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Instant published(int itemNumber) {
        return BASE.plus(Duration.ofHours(itemNumber));
    }

    /**
     * {@code count} made-up words, the same for the same feed and item and different from item to
     * item (as real stories are: identical bodies would make every article a near-duplicate of
     * every other for the store's story grouping, which no real set of feeds does).
     */
    static String words(int feed, int item, int count) {
        long state = 0x9e3779b97f4a7c15L * (feed * 1_000_003L + item + 1);
        StringBuilder text = new StringBuilder(count * 8);
        for (int w = 0; w < count; w++) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            if (w > 0) {
                text.append(' ');
            }
            long bits = state >>> 1;
            int syllables = 1 + (int) (bits % 3);
            bits /= 3;
            for (int s = 0; s < syllables; s++) {
                text.append(SYLLABLES[(int) (bits % SYLLABLES.length)]);
                bits /= SYLLABLES.length;
            }
        }
        return text.toString();
    }

    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "bi", "da", "fu", "go", "ha", "ji", "ku",
        "la", "ma", "no", "pe", "qui", "ro", "si", "tu", "wa", "xe", "yo", "ze", "bar", "cor", "den",
        "fin", "gul", "hes", "jor", "kem", "lun", "mor", "nis", "pol", "rat", "sen", "tor", "ung",
        "val", "wen", "yar", "zol", "an", "el", "in", "on", "ur", "ash", "eth", "ith", "oth", "ump"
    };

    /** Feed {@code feed} at generation {@code gen}: items numbered gen .. gen + items - 1. */
    private byte[] render(int feed, int gen) {
        StringBuilder xml = new StringBuilder(items * 600 + 400);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n")
                .append("<title>Feed ").append(feed).append("</title>\n")
                .append("<link>http://example.test/").append(feed).append("/</link>\n")
                .append("<description>Loopback test feed ").append(feed).append("</description>\n");
        for (int n = gen + items - 1; n >= gen; n--) {
            xml.append("<item>\n<title>").append(words(~feed, n, 6)).append(" (feed ").append(feed).append(" item ").append(n).append(")</title>\n")
                    .append("<link>http://example.test/").append(feed).append("/item/").append(n).append("</link>\n")
                    .append("<guid isPermaLink=\"false\">feed-").append(feed).append("-item-").append(n).append("</guid>\n")
                    .append("<pubDate>").append(HTTP_DATE.format(published(n))).append("</pubDate>\n")
                    .append("<description>&lt;p&gt;Item ").append(n).append(" of feed ").append(feed)
                    .append(": ").append(words(feed, n, 16)).append(".&lt;/p&gt;</description>\n</item>\n");
        }
        xml.append("</channel>\n</rss>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }
}
