package org.tidings.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.tidings.fetch.FetchConfig;
import org.tidings.fetch.HttpFetcher;
import org.tidings.model.FeedSummary;
import org.tidings.model.Subscription;
import org.tidings.parse.FeedParser;
import org.tidings.store.DatabaseLocation;
import org.tidings.store.Store;
import org.tidings.testing.FeedServer;
import org.tidings.testing.Postgres;

/**
 * Sync workers in one JVM on one PostgreSQL database (each with its own store, like separate
 * processes): they share the due feeds, and a worker whose database goes away mid-sync waits for
 * it and finishes without losing or doubling anything.
 */
class WorkersTest {
    private static final int ITEMS = 4;
    private final InstantSource clock = InstantSource.system();

    /** One worker: its store, fetcher and syncer. */
    private final class Worker implements AutoCloseable {
        final Store store;
        final HttpFetcher fetcher;
        final Syncer syncer;

        Worker(String url, Duration lease) {
            store = Store.open(DatabaseLocation.parse(url));
            FetchConfig config = FetchConfig.defaults("test", "http://tidings.test")
                    .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10));
            fetcher = new HttpFetcher(config, clock);
            syncer = new Syncer(store, fetcher, new FeedParser(), new PollScheduler(PollPolicy.DEFAULT, clock),
                    new Backoff(BackoffPolicy.DEFAULT, clock, new Random(1)), clock, Syncer.Extras.NONE,
                    new SyncWorker(store, "sync", lease, clock));
        }

        @Override
        public void close() throws Exception {
            syncer.close();
            fetcher.close();
            store.close();
        }
    }

    @Test
    void workersInOneProcessShareTheDueFeeds() throws Exception {
        Postgres.Database db = Postgres.database();
        int feeds = 40;
        try (FeedServer server = FeedServer.start(feeds, ITEMS, 2, Duration.ofMillis(20));
                Worker a = new Worker(db.url(), SyncWorker.DEFAULT_LEASE);
                Worker b = new Worker(db.url(), SyncWorker.DEFAULT_LEASE)) {
            subscribe(a.store, server);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<SyncSummary> first = pool.submit(() -> a.syncer.syncDue(new Syncer.Listener() {}));
                Future<SyncSummary> second = pool.submit(() -> b.syncer.syncDue(new Syncer.Listener() {}));
                SyncSummary one = first.get();
                SyncSummary two = second.get();
                assertThat(one.due() + two.due()).isEqualTo(feeds);
                assertThat(one.failed() + two.failed()).isZero();
            } finally {
                pool.shutdownNow();
            }
            for (int feed = 0; feed < feeds; feed++) {
                assertThat(server.requestsFor(feed)).as("requests for feed %d", feed).isEqualTo(1);
            }
            assertThat(total(a.store)).isEqualTo(feeds * ITEMS);
        }
    }

    @Test
    void aWorkerThatLosesTheDatabaseMidSyncWaitsForItAndLosesNothing() throws Exception {
        Postgres.Database db = Postgres.database();
        int feeds = 30;
        try (FeedServer server = FeedServer.start(feeds, ITEMS, 3, Duration.ofMillis(400));
                Worker worker = new Worker(db.url(), Duration.ofSeconds(30))) {
            subscribe(worker.store, server);
            java.util.List<String> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<SyncSummary> round = pool.submit(() -> worker.syncer.syncDue(new Syncer.Listener() {
                    @Override
                    public void notice(String line) {
                        notices.add(line);
                    }
                }));
                while (server.requests() == 0) {
                    Thread.sleep(10);
                }
                Postgres.server().stopNow(); // mid-fetch: the results have nowhere to go
                Thread.sleep(1500);
                Postgres.server().restart();
                SyncSummary summary = round.get();
                assertThat(summary.due()).isEqualTo(feeds);
                // One line when a call was cut off; none when every call in the outage only waited for
                // a connection (the pool waits up to its timeout, longer than the outage).
                assertThat(notices).hasSizeLessThanOrEqualTo(1).allSatisfy(line -> assertThat(line)
                        .startsWith("database connection lost").doesNotContain(db.password()).doesNotContain("\n"));
            } finally {
                pool.shutdownNow();
            }
            // every feed recorded once, or left due for the next round: none lost, none doubled
            SyncSummary again = worker.syncer.syncDue(new Syncer.Listener() {});
            assertThat(again.failed()).isZero();
            assertThat(worker.store.feeds().list()).allSatisfy(feed -> assertThat(feed.health().lastSuccessAt()).isNotNull());
            assertThat(total(worker.store)).isEqualTo(feeds * ITEMS);
            assertThat(worker.store.counts().unreadTotal()).isEqualTo(feeds * ITEMS);
        }
    }

    private static void subscribe(Store store, FeedServer server) {
        Instant now = Instant.now();
        for (String url : server.feedUrls()) {
            store.feeds().add(Subscription.of(url), now);
        }
    }

    private static int total(Store store) {
        return store.feeds().summaries().stream().mapToInt(FeedSummary::total).sum();
    }
}
