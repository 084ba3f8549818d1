package org.tidings.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.tidings.fetch.FetchConfig;
import org.tidings.fetch.HttpFetcher;
import org.tidings.model.Curation;
import org.tidings.model.Subscription;
import org.tidings.page.PageExtractor;
import org.tidings.page.PageText;
import org.tidings.parse.FeedParser;
import org.tidings.store.Store;
import org.tidings.sync.Backoff;
import org.tidings.sync.BackoffPolicy;
import org.tidings.sync.FeedOutcome;
import org.tidings.sync.FullTextFetcher;
import org.tidings.sync.PollPolicy;
import org.tidings.sync.PollScheduler;
import org.tidings.sync.SyncSummary;
import org.tidings.sync.Syncer;
import org.tidings.testing.NewsSite;

/**
 * Full-text figures for docs/BENCHMARKS.md (a timing harness, not JMH):
 *
 * <ol>
 *   <li>pages extracted per second: {@link PageExtractor} on {@code NewsSite}'s article pages (a
 *       realistic news page of about 7 KB), CPU time of the extracting thread;
 *   <li>a sync of FEEDS lead-only feeds x ITEMS items from {@code NewsSite} on 127.0.0.1 into a new
 *       database, with full text off and on: wall time, process CPU time, and when the feeds were
 *       all stored (the pages come after).
 * </ol>
 *
 * <pre>{@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.tidings.bench.FullTextBench [PAGES FEEDS ITEMS]}</pre>
 */
public final class FullTextBench {
    private FullTextBench() {}

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int feeds = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int items = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        extraction(pages);
        try (NewsSite site = NewsSite.start(feeds, items)) {
            sync(site, feeds, false); // warm-up of the JIT and the server
            for (boolean fullText : new boolean[] {false, true, false, true}) {
                sync(site, feeds, fullText);
            }
        }
    }

    private static void extraction(int pages) {
        PageExtractor extractor = new PageExtractor();
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            bodies.add(NewsSite.articlePage(i % 10, i).getBytes(StandardCharsets.UTF_8));
        }
        long bytes = bodies.stream().mapToLong(b -> b.length).sum() / bodies.size();
        for (int i = 0; i < 500; i++) {
            extractor.extract(bodies.get(i % 100), "http://127.0.0.1/news/1/" + i + ".html", "text/html", "utf-8", null);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        int ok = 0;
        for (int i = 0; i < pages; i++) {
            PageText text = extractor.extract(bodies.get(i % 100), "http://127.0.0.1/news/1/" + i + ".html", "text/html",
                    "utf-8", NewsSite.lead(1, i));
            ok += text instanceof PageText.Extracted ? 1 : 0;
        }
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        double wallSeconds = (System.nanoTime() - wall) / 1e9;
        System.out.printf("extract: %d pages (%d B each, %d extracted), one thread: %.0f pages/s CPU, %.0f pages/s wall%n",
                pages, bytes, ok, pages / cpuSeconds, pages / wallSeconds);
    }

    private static void sync(NewsSite site, int feeds, boolean fullText) throws Exception {
        Path dir = Files.createTempDirectory("fulltext-bench");
        InstantSource clock = InstantSource.system();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Store store = Store.open(dir.resolve("bench.db"));
                HttpFetcher fetcher = new HttpFetcher(FetchConfig.defaults("bench", "http://tidings.test")
                        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)), clock);
                FullTextFetcher pages = new FullTextFetcher(store, fetcher, new PageExtractor(), clock)) {
            for (int f = 0; f < feeds; f++) {
                long id = store.feeds().add(Subscription.of(site.feedUrl(f)), clock.instant()).feed().id();
                store.fullText().setEnabled(id, fullText);
            }
            AtomicLong feedsDone = new AtomicLong();
            long[] pagesSeen = new long[3];
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            SyncSummary summary;
            try (Syncer syncer = new Syncer(store, fetcher, new FeedParser(), new PollScheduler(PollPolicy.DEFAULT, clock),
                    new Backoff(BackoffPolicy.DEFAULT, clock, new Random(1)), clock,
                    new Syncer.Extras(facts -> Curation.NONE, fullText ? pages : null))) {
                summary = syncer.sync(store.feeds().list(), new Syncer.Listener() {
                    @Override
                    public void finished(FeedOutcome outcome, int done, int total) {
                        if (done == total) {
                            feedsDone.set(System.nanoTime());
                        }
                    }

                    @Override
                    public void pagesFinished(FullTextFetcher.Summary summary) {
                        pagesSeen[0] = summary.pages();
                        pagesSeen[1] = summary.extracted();
                        pagesSeen[2] = summary.failed();
                    }
                });
            }
            double wallSeconds = (System.nanoTime() - wall) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
            System.out.printf("sync %d feeds, full text %s: %d new articles; feeds stored after %.2f s; total %.2f s wall, "
                            + "%.2f s CPU; pages %d (%d extracted, %d failed)%n",
                    feeds, fullText ? "on " : "off", summary.newArticles(), (feedsDone.get() - wall) / 1e9, wallSeconds, cpuSeconds,
                    pagesSeen[0], pagesSeen[1], pagesSeen[2]);
            if (fullText) {
                // the pages left for later rounds, drained at once: all on one host, so one at a time
                long drainCpu = os.getProcessCpuTime();
                long drainWall = System.nanoTime();
                FullTextFetcher.Summary rest = pages.fetchPending(Integer.MAX_VALUE);
                double restWall = (System.nanoTime() - drainWall) / 1e9;
                System.out.printf("  the other %d pages (one host, one at a time): %.2f s wall (%.0f pages/s), %.2f s CPU%n",
                        rest.pages(), restWall, rest.pages() / restWall, (os.getProcessCpuTime() - drainCpu) / 1e9);
            }
        }
    }
}
