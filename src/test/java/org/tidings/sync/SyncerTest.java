package org.tidings.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.fetch.FetchConfig;
import org.tidings.fetch.HttpFetcher;
import org.tidings.model.Feed;
import org.tidings.model.Subscription;
import org.tidings.parse.FeedParser;
import org.tidings.store.ArticleQuery;
import org.tidings.store.Store;
import org.tidings.testing.FeedServer;

class SyncerTest {
    @TempDir Path dir;

    private Store store;
    private HttpFetcher fetcher;
    private Syncer syncer;
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    /** The default policy's first delay (30 minutes) with equal jitter lies in its upper half. */
    private static final Duration FIRST_DELAY = BackoffPolicy.DEFAULT.base();

    private final ManualClock clock = new ManualClock(START);
    private final List<FeedOutcome> outcomes = new ArrayList<>();
    private final Syncer.Listener listener = new Syncer.Listener() {
        @Override
        public void finished(FeedOutcome outcome, int done, int total) {
            outcomes.add(outcome);
        }
    };

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("tidings.db"));
        FetchConfig config = FetchConfig.defaults("test", "http://tidings.test")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5));
        fetcher = new HttpFetcher(config, clock);
        syncer = new Syncer(store, fetcher, new FeedParser(), new PollScheduler(PollPolicy.DEFAULT, clock),
                new Backoff(BackoffPolicy.DEFAULT, clock, new Random(1)), clock);
    }

    @AfterEach
    void close() throws Exception {
        syncer.close();
        fetcher.close();
        store.close();
    }

    private Feed reload(Feed feed) {
        return store.feeds().feed(feed.id()).orElseThrow();
    }

    /** A loopback server whose paths answer what the test puts in {@code routes}: a status, a Location or a body. */
    private static HttpServer serve(java.util.Map<String, String[]> routes) throws java.io.IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String[] route = routes.get(exchange.getRequestURI().getPath());
            if (route == null) {
                exchange.sendResponseHeaders(404, -1);
            } else if (route[0].equals("301")) {
                exchange.getResponseHeaders().add("Location", route[1]);
                exchange.sendResponseHeaders(301, -1);
            } else {
                byte[] body = route[1].getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
                exchange.sendResponseHeaders(Integer.parseInt(route[0]), body.length == 0 ? -1 : body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String rss(String... guids) {
        StringBuilder items = new StringBuilder();
        for (String guid : guids) {
            items.append("<item><guid>").append(guid).append("</guid><title>Item ").append(guid)
                    .append("</title><link>https://site.example/").append(guid).append("</link></item>");
        }
        return "<rss version=\"2.0\"><channel><title>T</title><link>https://site.example/</link>"
                + items + "</channel></rss>";
    }

    private Feed subscribe(String url) {
        return store.feeds().add(Subscription.of(url), clock.instant()).feed();
    }

    private int articleCount() {
        return store.articles().page(ArticleQuery.all(), null, 1000).articles().size();
    }

    @Test
    void coldThenWarmThenNewItems() throws Exception {
        try (FeedServer server = FeedServer.start(12, 5, 3, Duration.ZERO)) {
            server.feedUrls().forEach(this::subscribe);

            SyncSummary cold = syncer.syncDue(listener);
            assertThat(cold.due()).isEqualTo(12);
            assertThat(cold.fetched()).isEqualTo(12);
            assertThat(cold.failed()).isZero();
            assertThat(cold.newArticles()).isEqualTo(60);
            assertThat(articleCount()).isEqualTo(60);
            assertThat(outcomes).hasSize(12);

            // Nothing is due right after a sync: the scheduler moved every feed ahead.
            assertThat(store.feeds().due(clock.instant())).isEmpty();

            server.resetCounters();
            SyncSummary warm = syncer.sync(store.feeds().list(), listener);
            assertThat(warm.notModified()).isEqualTo(12);
            assertThat(warm.newArticles()).isZero();
            assertThat(server.notModified()).isEqualTo(12);

            server.publish();
            SyncSummary fresh = syncer.sync(store.feeds().list(), listener);
            assertThat(fresh.fetched()).isEqualTo(12);
            assertThat(fresh.newArticles()).isEqualTo(12);
            assertThat(articleCount()).isEqualTo(72);
        }
    }

    private static final String HTML_ERROR = "not a feed: nothing in the broken document reads as RSS or Atom";

    @Test
    void goneFeedIsDisabledWithItsMessageAndKeepsItsArticles() throws Exception {
        java.util.Map<String, String[]> routes = new java.util.concurrent.ConcurrentHashMap<>();
        routes.put("/feed", new String[] {"200", rss("a", "b")});
        HttpServer server = serve(routes);
        try {
            Feed feed = subscribe("http://127.0.0.1:" + server.getAddress().getPort() + "/feed");
            assertThat(syncer.syncDue(listener).newArticles()).isEqualTo(2);

            routes.put("/feed", new String[] {"410", ""});
            clock.advance(Duration.ofHours(2));
            Instant now = clock.instant();
            SyncSummary summary = syncer.sync(List.of(reload(feed)), listener);

            assertThat(summary.failed()).isEqualTo(1);
            Feed gone = reload(feed);
            String message = "HTTP 410 Gone: the feed was removed";
            assertThat(outcomes.get(outcomes.size() - 1).error()).isEqualTo(message);
            assertThat(gone.disabled()).isTrue();
            assertThat(gone.disabledReason()).isEqualTo(message);
            assertThat(gone.health().lastError()).isEqualTo(message);
            assertThat(gone.health().lastStatus()).isEqualTo(BackoffPolicy.GONE_STATUS);
            assertThat(gone.health().consecutiveFailures()).isEqualTo(1);
            assertThat(gone.health().lastSuccessAt()).isEqualTo(START);
            assertThat(gone.nextPollAt()).isEqualTo(now.plus(BackoffPolicy.DEFAULT.gone()));
            assertThat(articleCount()).isEqualTo(2);
            assertThat(store.feeds().due(now.plus(Duration.ofDays(400)))).isEmpty();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void permanentRedirectIsAdoptedOnItsSecondSighting() throws Exception {
        java.util.Map<String, String[]> routes = new java.util.concurrent.ConcurrentHashMap<>();
        HttpServer server = serve(routes);
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            routes.put("/old", new String[] {"301", base + "/new"});
            routes.put("/new", new String[] {"200", rss("a")});
            Feed feed = subscribe(base + "/old");

            syncer.syncDue(listener);
            Feed seen = reload(feed);
            assertThat(seen.url()).isEqualTo(base + "/old");
            assertThat(seen.redirectCandidate()).isEqualTo(base + "/new");
            assertThat(articleCount()).isEqualTo(1);

            clock.advance(Duration.ofHours(2));
            syncer.sync(List.of(seen), listener);
            Feed moved = reload(feed);
            assertThat(moved.url()).isEqualTo(base + "/new");
            assertThat(moved.redirectCandidate()).isNull();
            assertThat(moved.health().consecutiveFailures()).isZero();
            assertThat(articleCount()).isEqualTo(1);

            // a redirect seen once and then gone is forgotten, not adopted
            routes.put("/new", new String[] {"301", base + "/newer"});
            routes.put("/newer", new String[] {"200", rss("a")});
            clock.advance(Duration.ofHours(2));
            syncer.sync(List.of(reload(feed)), listener);
            assertThat(reload(feed).redirectCandidate()).isEqualTo(base + "/newer");
            routes.put("/new", new String[] {"200", rss("a")});
            clock.advance(Duration.ofHours(2));
            syncer.sync(List.of(reload(feed)), listener);
            assertThat(reload(feed).url()).isEqualTo(base + "/new");
            assertThat(reload(feed).redirectCandidate()).isNull();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void brokenFeedsFailAloneAndBackOff() throws Exception {
        HttpServer broken = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        broken.createContext("/404", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        broken.createContext("/html", exchange -> {
            byte[] body = "<html><body>Not a feed".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        broken.start();
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        String base = "http://127.0.0.1:" + broken.getAddress().getPort();
        try (FeedServer server = FeedServer.start(3, 4, 1, Duration.ZERO)) {
            server.feedUrls().forEach(this::subscribe);
            Feed missing = subscribe(base + "/404");
            Feed html = subscribe(base + "/html");
            Feed dead = subscribe("http://127.0.0.1:" + deadPort + "/feed");

            SyncSummary summary = syncer.syncDue(listener);
            assertThat(summary.fetched()).isEqualTo(3);
            assertThat(summary.failed()).isEqualTo(3);
            assertThat(summary.newArticles()).isEqualTo(12);

            assertThat(reload(missing).health().lastError()).isEqualTo("HTTP 404 Not Found");
            assertThat(reload(missing).health().lastStatus()).isEqualTo(404);
            assertThat(reload(html).health().lastError()).isEqualTo(HTML_ERROR);
            assertThat(reload(html).health().lastStatus()).isEqualTo(200);
            assertThat(reload(dead).health().lastError()).isEqualToIgnoringCase("cannot connect: connection refused");
            assertThat(reload(dead).health().lastStatus()).isNull();
            for (Feed feed : List.of(missing, html, dead)) {
                Feed after = reload(feed);
                assertThat(after.health().consecutiveFailures()).isEqualTo(1);
                assertThat(after.health().lastAttemptAt()).isEqualTo(START);
                assertThat(after.health().lastSuccessAt()).isNull();
                assertThat(after.disabled()).isFalse();
                // first failure: equal jitter over the base delay, never the success schedule
                assertThat(after.nextPollAt()).isBetween(START.plus(FIRST_DELAY.dividedBy(2)), START.plus(FIRST_DELAY));
            }

            // a second failure in a row doubles the window
            clock.advance(Duration.ofHours(1));
            Instant second = clock.instant();
            syncer.sync(List.of(reload(missing)), listener);
            Feed twice = reload(missing);
            assertThat(twice.health().consecutiveFailures()).isEqualTo(2);
            assertThat(twice.nextPollAt()).isBetween(second.plus(FIRST_DELAY), second.plus(FIRST_DELAY.multipliedBy(2)));
        } finally {
            broken.stop(0);
        }
    }
}
