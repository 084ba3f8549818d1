package org.tidings.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.fetch.FetchConfig;
import org.tidings.fetch.HttpFetcher;
import org.tidings.model.Article;
import org.tidings.model.Feed;
import org.tidings.model.Subscription;
import org.tidings.parse.FeedParser;
import org.tidings.store.ArticlePage;
import org.tidings.store.ArticleQuery;
import org.tidings.store.PageCursor;
import org.tidings.store.Store;
import org.tidings.testing.FeedServer;

/**
 * The daemon loop with the real syncer, store and fetcher over many rounds, with new items every
 * round and broken feeds mixed in. Time is a {@link ManualClock} moved one minute per round; every
 * healthy feed is due every minute, failing ones back off (2, 4, 8 minutes, with jitter).
 */
class DaemonRoundsTest {
    private static final int ROUNDS = 20;
    private static final int FEEDS = 12;
    private static final int ITEMS = 5;
    private static final int FLAKY_FAILURES = 3;
    private static final Duration STEP = Duration.ofMinutes(1);
    private static final BackoffPolicy BACKOFF = new BackoffPolicy(Duration.ofMinutes(2), Duration.ofMinutes(8), Duration.ofHours(1));

    @TempDir Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private Store store;
    private HttpFetcher fetcher;
    private Syncer syncer;
    private FaultServer faults;

    @BeforeEach
    void open() throws IOException {
        store = Store.open(dir.resolve("tidings.db"));
        FetchConfig config = FetchConfig.defaults("test", "http://tidings.test")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(1500));
        fetcher = new HttpFetcher(config, clock);
        syncer = new Syncer(store, fetcher, new FeedParser(),
                new PollScheduler(new PollPolicy(STEP, STEP, STEP), clock),
                new Backoff(BACKOFF, clock, new Random(7)), clock);
        faults = new FaultServer();
    }

    @AfterEach
    void close() throws Exception {
        syncer.close();
        fetcher.close();
        faults.close();
        store.close();
    }

    @Test
    void everyNewItemArrivesOnceWhileBrokenFeedsBackOffAndRecover() throws Exception {
        try (FeedServer server = FeedServer.start(FEEDS, ITEMS, 3, Duration.ZERO)) {
            List<Feed> healthy = server.feedUrls().stream().map(this::subscribe).toList();
            Feed flaky = subscribe(faults.url("/flaky.xml"));
            Feed slow = subscribe(faults.url("/slow.xml"));
            Feed missing = subscribe(faults.url("/missing.xml"));
            Feed garbage = subscribe(faults.url("/garbage.xml"));
            List<Feed> broken = List.of(slow, missing, garbage);

            SyncMetrics metrics = new SyncMetrics(() -> 0);
            EventLog log = new EventLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8), EventLog.Format.TEXT, clock);
            Syncer.Listener listener = new Syncer.Listener() {
                @Override
                public void finished(FeedOutcome outcome, int done, int total) {
                    if (outcome.status() == FeedOutcome.Status.FAILED) {
                        log.feedError(outcome.feed().url(), String.valueOf(outcome.error()));
                    }
                }
            };
            AtomicInteger round = new AtomicInteger();
            Map<Long, List<Integer>> failuresSeen = new HashMap<>();
            Daemon[] daemon = new Daemon[1];
            daemon[0] = new Daemon(() -> {
                int r = round.incrementAndGet();
                if (r > 1) {
                    server.publish();
                    faults.generation.incrementAndGet();
                }
                Instant now = clock.advance(STEP);
                SyncSummary summary = syncer.syncDue(listener);
                for (Feed feed : healthy) {
                    assertThat(store.feeds().feed(feed.id()).orElseThrow().health().lastAttemptAt())
                            .as("healthy feed polled in round %d", r).isEqualTo(now);
                }
                for (Feed feed : broken) {
                    Feed after = store.feeds().feed(feed.id()).orElseThrow();
                    if (now.equals(after.health().lastAttemptAt())) {
                        int failures = after.health().consecutiveFailures();
                        failuresSeen.computeIfAbsent(feed.id(), k -> new ArrayList<>()).add(failures);
                        Duration wait = Duration.between(now, after.nextPollAt());
                        Duration delay = new Backoff(BACKOFF, clock, new Random()).delay(failures);
                        assertThat(wait).as("backoff after failure %d of %s", failures, feed.url())
                                .isBetween(delay.dividedBy(2), delay);
                    }
                }
                if (r == ROUNDS) {
                    daemon[0].stop();
                }
                return summary;
            }, log, metrics, clock, Duration.ofMillis(1));
            daemon[0].run();

            assertThat(round.get()).isEqualTo(ROUNDS);
            assertThat(metrics.rounds()).isEqualTo(ROUNDS);

            // Every item of every healthy feed, exactly once: the 5 of the first round and one per later round.
            for (int f = 0; f < FEEDS; f++) {
                Feed feed = healthy.get(f);
                int feedIndex = f;
                List<String> expected = IntStream.range(0, ITEMS + ROUNDS - 1)
                        .mapToObj(n -> "http://example.test/" + feedIndex + "/item/" + n).toList();
                assertThat(links(feed)).containsExactlyInAnyOrderElementsOf(expected);
                Feed after = store.feeds().feed(feed.id()).orElseThrow();
                assertThat(after.health().consecutiveFailures()).isZero();
                assertThat(after.health().lastError()).isNull();
            }

            // The flaky feed failed three times in a row, backing off, then recovered with all its items once.
            assertThat(faults.requests("/flaky.xml")).isGreaterThan(FLAKY_FAILURES);
            assertThat(failuresSeen.get(flaky.id())).isNull(); // not in `broken`: checked here instead
            Feed flakyAfter = store.feeds().feed(flaky.id()).orElseThrow();
            assertThat(flakyAfter.health().consecutiveFailures()).isZero();
            assertThat(flakyAfter.health().lastError()).isNull();
            assertThat(flakyAfter.health().lastStatus()).isEqualTo(200);
            assertThat(links(flaky)).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(0, faults.generation.get())
                    .mapToObj(n -> "http://flaky.test/item/" + n).toList());
            assertThat(logBytes.toString(StandardCharsets.UTF_8).lines()
                    .filter(line -> line.contains("feed error: " + flaky.url() + ": HTTP 500"))).hasSize(FLAKY_FAILURES);

            // The broken feeds: every attempt failed and was counted, and backoff made them skip rounds.
            for (Feed feed : broken) {
                Feed after = store.feeds().feed(feed.id()).orElseThrow();
                int requests = faults.requests(Path.of(java.net.URI.create(feed.url()).getPath()).toString());
                assertThat(requests).as(feed.url()).isBetween(3, ROUNDS / 2);
                assertThat(after.health().consecutiveFailures()).as(feed.url()).isEqualTo(requests);
                assertThat(failuresSeen.get(feed.id())).as(feed.url())
                        .containsExactlyElementsOf(IntStream.rangeClosed(1, requests).boxed().toList());
                assertThat(after.health().lastSuccessAt()).isNull();
                assertThat(links(feed)).isEmpty();
            }
            assertThat(store.feeds().feed(missing.id()).orElseThrow().health().lastStatus()).isEqualTo(404);
            assertThat(store.feeds().feed(garbage.id()).orElseThrow().health().lastError()).startsWith("not a feed");
            assertThat(store.feeds().feed(slow.id()).orElseThrow().health().lastError()).contains("no complete response within");

            int total = store.articles().page(ArticleQuery.all(), null, 1000).articles().size();
            assertThat(total).isEqualTo(FEEDS * (ITEMS + ROUNDS - 1) + faults.generation.get() + 1);
            assertThat(metrics.render()).contains("tidings_new_articles_total " + total + "\n");
            assertThat(store.integrityCheck()).isEqualTo("ok");
        }
    }

    private Feed subscribe(String url) {
        return store.feeds().add(Subscription.of(url), clock.instant()).feed();
    }

    private List<String> links(Feed feed) {
        List<String> links = new ArrayList<>();
        PageCursor cursor = null;
        while (true) {
            ArticlePage<Article> page = store.articles().page(ArticleQuery.all().inFeed(feed.id()), cursor, 100);
            for (Article article : page.articles()) {
                links.add(article.link());
            }
            if (page.next().isEmpty()) {
                return links;
            }
            cursor = page.next().get();
        }
    }

    /** Broken feeds: 500 for the first requests then fine, a hang past the timeout, 404, garbage. */
    static final class FaultServer implements AutoCloseable {
        final AtomicInteger generation = new AtomicInteger();
        private final HttpServer server;
        private final ExecutorService executor = Executors.newCachedThreadPool();
        private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

        FaultServer() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(executor);
            server.createContext("/", this::handle);
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        int requests(String path) {
            AtomicInteger count = requests.get(path);
            return count == null ? 0 : count.get();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                int n = requests.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
                switch (path) {
                    case "/flaky.xml" -> {
                        if (n <= FLAKY_FAILURES) {
                            exchange.sendResponseHeaders(500, -1);
                        } else {
                            send(exchange, "application/rss+xml", flaky(generation.get()).getBytes(StandardCharsets.UTF_8));
                        }
                    }
                    case "/slow.xml" -> {
                        try {
                            Thread.sleep(4_000);
                        } catch (InterruptedException e) {
                            return;
                        }
                        exchange.sendResponseHeaders(500, -1);
                    }
                    case "/garbage.xml" -> {
                        byte[] junk = new byte[2048];
                        new Random(n).nextBytes(junk);
                        send(exchange, "application/rss+xml", junk);
                    }
                    default -> exchange.sendResponseHeaders(404, -1);
                }
            }
        }

        private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }

        private static String flaky(int generation) {
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Flaky</title>");
            for (int n = generation; n >= 0; n--) {
                xml.append("<item><title>Flaky ").append(n).append("</title><link>http://flaky.test/item/").append(n)
                        .append("</link><guid>http://flaky.test/item/").append(n).append("</guid><pubDate>")
                        .append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                java.time.ZonedDateTime.parse("2026-02-01T00:00:00Z").plusHours(n)))
                        .append("</pubDate></item>");
            }
            return xml.append("</channel></rss>").toString();
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
