package org.tidings.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.tidings.fetch.FetchConfig;
import org.tidings.fetch.HttpFetcher;
import org.tidings.model.Subscription;
import org.tidings.parse.FeedParser;
import org.tidings.store.Store;
import org.tidings.sync.Backoff;
import org.tidings.sync.BackoffPolicy;
import org.tidings.sync.PollPolicy;
import org.tidings.sync.PollScheduler;
import org.tidings.sync.SyncSummary;
import org.tidings.sync.Syncer;

/**
 * Helpers of the end-to-end sync benchmark ({@code src/test/scripts/sync-bench.sh}, which times
 * the real {@code tidings} command line against {@code FeedServer} in its own JVM).
 *
 * <ul>
 *   <li>{@code opml URLS_FILE OUT}: writes an OPML file of the URLs, for {@code tidings import}.
 *   <li>{@code profile URLS_FILE DB CONCURRENCY PER_HOST}: a cold then a warm sync in this JVM,
 *       with the CPU time of each thread group (fetch, parse, store, ...) printed after each: a
 *       simple breakdown of where a sync spends its time.
 * </ul>
 */
public final class SyncBench {
    private SyncBench() {}

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "opml" -> opml(Path.of(args[1]), Path.of(args[2]));
            case "profile" -> profile(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            default -> {
                System.err.println("usage: SyncBench opml URLS_FILE OUT | profile URLS_FILE DB CONCURRENCY PER_HOST");
                System.exit(2);
            }
        }
    }

    static void opml(Path urls, Path out) throws Exception {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n"
                + "<head><title>sync benchmark</title></head>\n<body>\n");
        int n = 0;
        for (String url : Files.readAllLines(urls)) {
            if (!url.isBlank()) {
                xml.append("<outline type=\"rss\" text=\"Feed ").append(n++).append("\" xmlUrl=\"")
                        .append(url.strip().replace("&", "&amp;")).append("\"/>\n");
            }
        }
        Files.writeString(out, xml.append("</body>\n</opml>\n"), StandardCharsets.UTF_8);
    }

    static void profile(Path urls, Path db, int concurrency, int perHost) throws Exception {
        InstantSource clock = InstantSource.system();
        Store store = Store.open(db);
        List<Subscription> subscriptions = Files.readAllLines(urls).stream().filter(u -> !u.isBlank()).map(Subscription::of).toList();
        store.subscriptionLists().importAll(subscriptions, clock.instant());
        FetchConfig config = FetchConfig.defaults("bench", "https://example.test/tidings").withConcurrency(concurrency, perHost);
        try (HttpFetcher fetcher = new HttpFetcher(config, clock);
                Syncer syncer = new Syncer(store, fetcher, new FeedParser(), new PollScheduler(PollPolicy.DEFAULT, clock),
                        new Backoff(BackoffPolicy.DEFAULT, clock, new Random()), clock)) {
            for (String phase : List.of("cold", "warm")) {
                Map<String, Long> before = cpuByThreadGroup();
                long t0 = System.nanoTime();
                SyncSummary summary = syncer.sync(store.feeds().list(), new Syncer.Listener() {});
                long wall = System.nanoTime() - t0;
                Map<String, Long> after = cpuByThreadGroup();
                System.out.printf("%s: wall %.2f s; %s%n", phase, wall / 1e9, summary.line());
                after.forEach((group, nanos) -> {
                    long spent = nanos - before.getOrDefault(group, 0L);
                    if (spent > 5_000_000) {
                        System.out.printf("  cpu %-28s %6.2f s%n", group, spent / 1e9);
                    }
                });
            }
        }
        System.out.println("at " + Instant.now());
    }

    /** CPU time of the live threads, summed by name without its trailing number. */
    private static Map<String, Long> cpuByThreadGroup() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> groups = new TreeMap<>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                groups.merge(info.getThreadName().replaceAll("[-_ #]?\\d+$", ""), cpu, Long::sum);
            }
        }
        return groups;
    }
}
