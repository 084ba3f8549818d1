package org.tidings.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.fetch.FetchConfig;
import org.tidings.fetch.HttpFetcher;
import org.tidings.model.Subscription;
import org.tidings.parse.FeedParser;
import org.tidings.store.Store;
import org.tidings.testing.FeedServer;

/**
 * A bounded soak: the daemon loop runs 200 rounds back to back (a new item in every feed each
 * round) against the loopback server; afterwards the process holds no more threads, file
 * descriptors or live heap than after the first few rounds (small tolerances for the JIT and
 * connection churn).
 */
class SoakTest {
    private static final int ROUNDS = 200;
    private static final int BASELINE_ROUND = 10;
    private static final int FEEDS = 16;
    private static final Duration STEP = Duration.ofMinutes(1);

    @TempDir Path dir;

    private record Resources(int threads, long fds, long heap) {
        @Override
        public String toString() {
            return threads + " threads, " + fds + " fds, " + heap / 1024 + " KB heap after GC";
        }
    }

    @Test
    void twoHundredRoundsLeakNoThreadsFileDescriptorsOrHeap() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-01T00:00:00Z"));
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        EventLog log = new EventLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8), EventLog.Format.JSON, clock);
        SyncMetrics metrics = new SyncMetrics(() -> 0);
        Resources[] baseline = new Resources[1];
        AtomicInteger round = new AtomicInteger();
        try (FeedServer server = FeedServer.start(FEEDS, 5, 4, Duration.ZERO);
                Store store = Store.open(dir.resolve("soak.db"));
                HttpFetcher fetcher = new HttpFetcher(FetchConfig.defaults("test", "http://tidings.test"), clock);
                Syncer syncer = new Syncer(store, fetcher, new FeedParser(), new PollScheduler(new PollPolicy(STEP, STEP, STEP), clock),
                        new Backoff(BackoffPolicy.DEFAULT, clock, new Random(3)), clock)) {
            server.feedUrls().forEach(url -> store.feeds().add(Subscription.of(url), clock.instant()));
            Daemon[] daemon = new Daemon[1];
            daemon[0] = new Daemon(() -> {
                int r = round.incrementAndGet();
                server.publish();
                clock.advance(STEP);
                SyncSummary summary = syncer.syncDue(new Syncer.Listener() {});
                assertThat(summary.fetched()).as("round %d", r).isEqualTo(FEEDS);
                if (r == BASELINE_ROUND) {
                    baseline[0] = measure();
                }
                if (r == ROUNDS) {
                    daemon[0].stop();
                }
                return summary;
            }, log, metrics, clock, Duration.ofMillis(1));
            daemon[0].run();

            Resources last = measure();
            assertThat(metrics.rounds()).isEqualTo(ROUNDS);
            String growth = "after round " + BASELINE_ROUND + ": " + baseline[0] + "; after round " + ROUNDS + ": " + last;
            assertThat(last.threads()).as(growth).isLessThanOrEqualTo(baseline[0].threads() + 2);
            assertThat(last.fds()).as(growth).isLessThanOrEqualTo(baseline[0].fds() + 16);
            assertThat(last.heap()).as(growth).isLessThanOrEqualTo(baseline[0].heap() + 16L * 1024 * 1024);
            assertThat(logBytes.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("\"event\":\"round\""))).hasSize(ROUNDS);
            assertThat(store.integrityCheck()).isEqualTo("ok");
        }
    }

    /** Threads of the code under test (not the test server's pool nor the JIT), fds, heap after GC. */
    private static Resources measure() throws IOException, InterruptedException {
        long threads = Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> !name.startsWith("feed-server") && !name.contains("CompilerThread") && !name.startsWith("HTTP-Dispatcher")
                        && !name.equals("process reaper"))
                .count();
        long fds;
        try (Stream<Path> list = Files.list(Path.of("/proc/self/fd"))) {
            fds = list.count();
        }
        long heap = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            heap = Math.min(heap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return new Resources((int) threads, fds, heap);
    }
}
