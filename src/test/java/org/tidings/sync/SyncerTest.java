package org.tidings.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
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
    private final InstantSource clock = InstantSource.system();
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

            Instant now = clock.instant();
            for (Feed feed : List.of(missing, html, dead)) {
                Feed after = store.feeds().feed(feed.id()).orElseThrow();
                assertThat(after.health().consecutiveFailures()).isEqualTo(1);
                assertThat(after.health().lastError()).isNotBlank();
                assertThat(after.nextPollAt()).isAfter(now);
            }
            assertThat(store.feeds().feed(missing.id()).orElseThrow().health().lastStatus()).isEqualTo(404);
        } finally {
            broken.stop(0);
        }
    }
}
