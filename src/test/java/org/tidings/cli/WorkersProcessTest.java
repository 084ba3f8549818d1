package org.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Article;
import org.tidings.model.Feed;
import org.tidings.model.FeedSummary;
import org.tidings.model.Subscription;
import org.tidings.store.ArticleQuery;
import org.tidings.store.DatabaseLocation;
import org.tidings.store.Mark;
import org.tidings.store.Store;
import org.tidings.testing.FeedServer;
import org.tidings.testing.Postgres;

/**
 * Several {@code tidings sync} processes (real child JVMs) on one PostgreSQL database share the
 * due feeds: each due feed is fetched once per round, nothing is stored twice, read state stays;
 * a worker killed with SIGKILL while holding leases loses them when they end and the others take
 * its feeds over; a host's limit holds across the workers.
 */
class WorkersProcessTest {
    private static final int ITEMS = 5;

    @TempDir Path dir;
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void threeWorkersFetchEachDueFeedOncePerRound() throws Exception {
        Postgres.Database db = Postgres.database();
        int feeds = 90;
        try (FeedServer server = FeedServer.start(feeds, ITEMS, 3, Duration.ofMillis(30));
                Store store = Store.open(DatabaseLocation.parse(db.url()))) {
            subscribe(store, server);
            runRound(db, 3, Map.of());
            assertEachFeedRequestedOnce(server, feeds);
            assertThat(totalArticles(store)).isEqualTo(feeds * ITEMS);
            assertThat(store.feeds().list()).allSatisfy(feed -> assertThat(feed.health().lastSuccessAt()).isNotNull());

            // read state survives the next round, which brings one new item per feed
            List<Long> read = store.articles().page(ArticleQuery.all(), null, 7).articles().stream().map(Article::id).toList();
            store.articles().mark(read, Mark.READ, Instant.now());
            server.publish();
            server.resetCounters();
            makeAllDue(store);
            runRound(db, 3, Map.of());
            assertEachFeedRequestedOnce(server, feeds);
            assertThat(totalArticles(store)).isEqualTo(feeds * (ITEMS + 1));
            assertThat(store.counts().unreadTotal()).isEqualTo(feeds * (ITEMS + 1) - read.size());
            assertThat(store.leases().workers()).isEmpty(); // each worker left, releasing what it held
        }
    }

    @Test
    void aKilledWorkersFeedsAreTakenOverWhenItsLeasesEnd() throws Exception {
        Postgres.Database db = Postgres.database();
        int feeds = 24;
        Map<String, String> env = Map.of("TIDINGS_SYNC_LEASE", "3s", "TIDINGS_FETCH_USER_AGENT", "survivor");
        try (FeedServer server = FeedServer.start(feeds, ITEMS, 3, Duration.ofMillis(1500));
                Store store = Store.open(DatabaseLocation.parse(db.url()))) {
            subscribe(store, server);
            Process doomed = worker(db, "doomed", Map.of("TIDINGS_SYNC_LEASE", "3s", "TIDINGS_FETCH_USER_AGENT", "doomed"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (server.requests() == 0 || store.leases().workers().stream().mapToInt(w -> w.leases()).sum() == 0) {
                assertThat(doomed.isAlive()).as("the first worker ended early: %s", log("doomed")).isTrue();
                assertThat(System.nanoTime()).as("the first worker never fetched").isLessThan(deadline);
                Thread.sleep(20);
            }
            int leased = store.leases().workers().get(0).leases();
            doomed.destroyForcibly().waitFor(); // SIGKILL, mid-fetch, holding its leases
            Instant killed = Instant.now();
            server.resetCounters();
            assertThat(leased).isPositive();

            runRound(db, 2, env);
            // every feed recorded, each fetched once by the survivors, only after the leases ended
            for (int feed = 0; feed < feeds; feed++) {
                assertThat(server.requestsFor(feed, "survivor")).as("survivors' requests for feed %d; logs:\n%s\n%s", feed,
                        log(1), log(2)).isEqualTo(1);
            }
            assertThat(Duration.between(killed, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(store.feeds().list()).allSatisfy(feed -> {
                assertThat(feed.health().lastSuccessAt()).isNotNull();
                assertThat(feed.health().consecutiveFailures()).isZero();
            });
            assertThat(totalArticles(store)).isEqualTo(feeds * ITEMS);
            // the survivors left; the dead one's row stays until it is stale, holds nothing, and is
            // seen as lost (it missed two heartbeats, 1 s apart with a 3 s lease)
            assertThat(store.leases().workers()).hasSizeLessThanOrEqualTo(1).allSatisfy(w -> {
                assertThat(w.leases()).isZero();
                assertThat(w.lost(Instant.now())).isTrue();
            });
        }
    }

    @Test
    void aHostsLimitHoldsAcrossWorkers() throws Exception {
        Postgres.Database db = Postgres.database();
        int feeds = 30;
        try (FeedServer server = FeedServer.start(feeds, ITEMS, 1, Duration.ofMillis(150));
                Store store = Store.open(DatabaseLocation.parse(db.url()))) {
            subscribe(store, server);
            runRound(db, 3, Map.of("TIDINGS_FETCH_PER_HOST", "2"));
            assertEachFeedRequestedOnce(server, feeds);
            assertThat(server.maxInFlightPerHost()).isBetween(1, 2);
            assertThat(totalArticles(store)).isEqualTo(feeds * ITEMS);
        }
    }

    @Test
    void anUnreachableDatabaseAtStartIsOneLineAndExitTwo() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Path config = Files.writeString(dir.resolve("config.toml"), "");
        String url = "postgresql://tidings:hush-secret@127.0.0.1:" + closed + "/tidings";
        for (String command : List.of("sync", "daemon")) {
            org.tidings.testing.Cli.Result result = org.tidings.testing.Cli.run("--db", url, "--config", config.toString(), command);
            assertThat(result.code()).as(command).isEqualTo(2);
            assertThat(result.err().strip()).as(command).doesNotContain("\n").doesNotContain("hush-secret")
                    .contains("cannot reach the PostgreSQL server at 127.0.0.1:" + closed);
        }
    }

    @Test
    void onSqliteTheLeasesOfAKilledSyncDoNotHoldUpTheNext() throws Exception {
        Path file = dir.resolve("tidings.db");
        Path config = Files.writeString(dir.resolve("config.toml"), "");
        try (FeedServer server = FeedServer.start(3, ITEMS, 1, Duration.ZERO)) {
            try (Store store = Store.open(file)) {
                subscribe(store, server);
                Instant now = Instant.now();
                assertThat(store.leases().claimDue("killed", now, now.plus(Duration.ofHours(1)), 10)).hasSize(3);
            }
            long started = System.nanoTime();
            org.tidings.testing.Cli.Result result = org.tidings.testing.Cli.run("--db", file.toString(), "--config", config.toString(),
                    "sync", "--quiet");
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
            for (int feed = 0; feed < 3; feed++) {
                assertThat(server.requestsFor(feed)).isEqualTo(1);
            }
        }
    }

    private static void subscribe(Store store, FeedServer server) {
        Instant now = Instant.now();
        for (String url : server.feedUrls()) {
            store.feeds().add(Subscription.of(url), now);
        }
    }

    private static void makeAllDue(Store store) {
        Instant past = Instant.now().minusSeconds(1);
        for (Feed feed : store.feeds().list()) {
            store.feeds().scheduleNextPoll(feed.id(), past);
        }
    }

    private static int totalArticles(Store store) {
        return store.feeds().summaries().stream().mapToInt(FeedSummary::total).sum();
    }

    private static void assertEachFeedRequestedOnce(FeedServer server, int feeds) {
        for (int feed = 0; feed < feeds; feed++) {
            assertThat(server.requestsFor(feed)).as("requests for feed %d", feed).isEqualTo(1);
        }
    }

    /** Starts {@code count} workers at once and waits for each to end with exit code 0. */
    private void runRound(Postgres.Database db, int count, Map<String, String> env) throws Exception {
        List<Process> round = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            round.add(worker(db, "worker" + children.size(), env));
        }
        for (int i = 0; i < round.size(); i++) {
            Process process = round.get(i);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("worker %d ended", i).isTrue();
            assertThat(process.exitValue()).as("worker exit code; log:\n%s", log(children.indexOf(process))).isZero();
        }
    }

    private String log(int index) {
        return log("worker" + index);
    }

    private String log(String name) {
        try {
            return Files.readString(dir.resolve(name + ".err"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private Process worker(Postgres.Database db, String name, Map<String, String> extraEnv) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sync", "--quiet");
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("TIDINGS_") || key.startsWith("PG") || key.toLowerCase().endsWith("_proxy"));
        env.put("TIDINGS_DB", db.url());
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        env.put("XDG_DATA_HOME", dir.resolve("data").toString());
        env.putAll(extraEnv);
        builder.redirectError(dir.resolve(name + ".err").toFile());
        builder.redirectOutput(dir.resolve(name + ".out").toFile());
        Process process = builder.start();
        children.add(process);
        return process;
    }
}
