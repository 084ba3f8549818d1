package org.tidings.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.tidings.model.Entry;
import org.tidings.model.FeedFormat;
import org.tidings.model.FeedHints;
import org.tidings.model.ParsedFeed;
import org.tidings.model.Subscription;
import org.tidings.store.ArticleQuery;
import org.tidings.store.BenchmarkData;
import org.tidings.store.IngestResult;
import org.tidings.store.Store;

/**
 * Store benchmarks (a main class: the 1,000,000-article database takes minutes to build, too long
 * for JMH forks). Results are recorded in docs/BENCHMARKS.md under "## Store".
 *
 * <pre>
 * mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx2g -cp target/test-classes:target/classes:$(cat target/cp.txt) org.tidings.bench.StoreBenchmark [ingest|queries|all] [DIR]
 * </pre>
 *
 * <ul>
 *   <li>ingest: 100,000 items from 1,000 feeds (100 per document), 30% of them also in other
 *       feeds (10% the same post in category feeds of one site by guid, 20% the same story
 *       linked by two sites, with tracking parameters), ingested through {@link Store#ingest};
 *       then every document ingested again an hour later, unchanged (the common case of a sync).
 *   <li>queries: 1,000,000 articles (1,000 feeds x 1,000, 20 folders, 50 topics, 70% read; built
 *       in SQLite by {@link BenchmarkData}), then unread counts per feed, folder and topic and
 *       first pages, each timed 50 times after 10 warm-ups.
 * </ul>
 */
public final class StoreBenchmark {
    static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");
    static final String[] WORDS = words();

    private StoreBenchmark() {}

    public static void main(String[] args) throws IOException {
        String what = args.length > 0 ? args[0] : "all";
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("tidings-bench");
        System.out.printf("java %s, %d cpus, %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Instant.now());
        if (what.equals("ingest") || what.equals("all")) {
            ingest(dir.resolve("ingest.db"));
        }
        if (what.equals("queries") || what.equals("all")) {
            queries(dir.resolve("million.db"));
        }
    }

    static void ingest(Path db) throws IOException {
        Files.deleteIfExists(db);
        Files.deleteIfExists(db.resolveSibling("warmup.db"));
        ingest(db, Store::open);
    }

    /** The ingest benchmark on stores {@code open} gives for the two files' names (PostgreSQL: PostgresIngestBenchmark). */
    static void ingest(Path db, java.util.function.Function<Path, Store> open) throws IOException {
        Store store = open.apply(db);
        int feeds = Integer.getInteger("bench.feeds", 1000);
        int perFeed = 100;
        long[] ids = subscribe(store, feeds, 20);
        Random random = new Random(1);
        List<ParsedFeed> documents = new ArrayList<>();
        for (int f = 0; f < feeds; f++) {
            List<Entry> entries = new ArrayList<>();
            int site = f / 5; // five feeds per site: main feed + category feeds
            for (int k = 0; k < perFeed; k++) {
                Entry entry;
                if (k < 10) {
                    // the same post in the site's category feeds: same guid and link
                    int post = site * 1000 + (f % 5 == 0 ? k : (k + f % 5 * 2) % 10);
                    entry = entry("https://site" + site + ".example/?p=" + post, "https://site" + site + ".example/post/" + post + "/",
                            post, random, 80);
                } else if (k < 30) {
                    // a story linked by two sites (wire copy), tracking parameters on one side
                    int story = (f / 2) * 20 + (k - 10);
                    String link = "https://wire.example/story/" + story + (f % 2 == 0 ? "" : "?utm_source=rss&utm_medium=feed");
                    entry = entry("site" + site + "-w" + story, link, 10_000_000 + story, random, 80);
                } else {
                    int post = f * 1000 + k;
                    entry = entry("site" + site + "-" + post, "https://site" + site + ".example/own/" + post, 20_000_000 + post,
                            random, 80);
                }
                entries.add(entry);
            }
            documents.add(document(f, entries));
        }
        // warm-up on a separate file so the JIT has compiled the hot paths
        Path warm = db.resolveSibling("warmup.db");
        Store warmStore = open.apply(warm);
        long[] warmIds = subscribe(warmStore, 100, 20);
        for (int f = 0; f < 100; f++) {
            warmStore.ingest(warmIds[f], documents.get(f), NOW);
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        int added = 0;
        int known = 0;
        // group commit as the sync writer does it: up to bench.group feeds per transaction
        int group = Integer.getInteger("bench.group", 32);
        for (int first = 0; first < feeds; first += group) {
            int from = first;
            List<IngestResult> results = store.writeTogether(() -> {
                List<IngestResult> done = new ArrayList<>();
                for (int f = from; f < Math.min(feeds, from + group); f++) {
                    done.add(store.ingest(ids[f], documents.get(f), NOW.plusSeconds(f)));
                }
                return done;
            });
            for (IngestResult result : results) {
                added += result.added();
                known += result.unchanged() + result.updated();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        int items = feeds * perFeed;
        System.out.printf(Locale.ROOT, "ingest: %,d items from %,d feeds in %.2f s = %,.0f items/s wall;"
                        + " %.2f s CPU = %,.0f items/s per core (%,d articles stored, %,d already known)%n",
                items, feeds, seconds, items / seconds, cpuSeconds, items / cpuSeconds, added, known);
        // the common case of a sync: every feed fetched again an hour later, nothing changed
        cpuStart = threads.getCurrentThreadCpuTime();
        start = System.nanoTime();
        int unchanged = 0;
        for (int first = 0; first < feeds; first += group) {
            int from = first;
            unchanged += store.writeTogether(() -> {
                int same = 0;
                for (int f = from; f < Math.min(feeds, from + group); f++) {
                    same += store.ingest(ids[f], documents.get(f), NOW.plusSeconds(3600 + f)).unchanged();
                }
                return same;
            });
        }
        seconds = (System.nanoTime() - start) / 1e9;
        cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "re-fetch: %,d items in %.2f s = %,.0f items/s wall; %.2f s CPU = %,.0f items/s per core"
                + " (%,d unchanged)%n", items, seconds, items / seconds, cpuSeconds, items / cpuSeconds, unchanged);
    }

    static void queries(Path db) throws IOException {
        boolean build = !Files.exists(db);
        Store store = Store.open(db);
        if (build) {
            long start = System.nanoTime();
            BenchmarkData.load(store, 1000, 1000, 20, 50, 70, NOW);
            System.out.printf(Locale.ROOT, "built 1,000,000 articles (1,000 feeds, 20 folders, 50 topics, 70%% read) in %.0f s%n",
                    (System.nanoTime() - start) / 1e9);
        }
        System.out.printf(Locale.ROOT, "database: %,d unread of 1,000,000; file %,d MB%n", store.articles().unreadTotal(),
                Files.size(db) / 1_000_000);
        long feedId = store.feeds().list().get(500).id();
        time("unread counts per feed (1,000 feeds)", () -> store.articles().unreadByFeed());
        time("unread counts per topic (50 topics)", () -> store.articles().unreadByTopic());
        time("first page (50) of all unread", () -> store.articles().page(ArticleQuery.all().unreadOnly(), null, 50));
        time("first page (50) of all", () -> store.articles().page(ArticleQuery.all(), null, 50));
        time("first page (50) of one feed, unread", () -> store.articles().page(ArticleQuery.all().inFeed(feedId).unreadOnly(), null, 50));
        time("first page (50) of one topic, unread", () -> store.articles().page(ArticleQuery.all().inTopic("Topic 7").unreadOnly(), null, 50));
        time("first page (50) of one folder", () -> store.articles().page(ArticleQuery.all().inFolder("Folder 3"), null, 50));
        time("first page (20) of a search", () -> store.articles().page(ArticleQuery.all().matching("harbour"), null, 20));
        time("unread counts per folder (20 folders)", () -> store.articles().unreadByFolder());
    }

    static void time(String name, Supplier<?> query) {
        for (int i = 0; i < 10; i++) {
            query.get();
        }
        long[] nanos = new long[50];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            query.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-40s median %7.2f ms  p95 %7.2f ms%n", name, nanos[25] / 1e6, nanos[47] / 1e6);
    }

    static long[] subscribe(Store store, int feeds, int folders) {
        long[] ids = new long[feeds];
        for (int f = 0; f < feeds; f++) {
            String url = "https://site" + f + ".example/" + (f % 5 == 0 ? "feed/" : "category/cat" + (f % 5) + "/feed/");
            ids[f] = store.feeds().add(new Subscription(url, null, null, "Folder " + (f % folders), List.of()), NOW).feed().id();
        }
        return ids;
    }

    static ParsedFeed document(int feed, List<Entry> entries) {
        return new ParsedFeed(FeedFormat.RSS_20, "Site " + feed, "https://site" + feed + ".example/", null, null, entries,
                FeedHints.NONE, false, List.of());
    }

    static Entry entry(String id, String link, int n, Random random, int bodyWords) {
        StringBuilder body = new StringBuilder("<p>");
        for (int w = 0; w < bodyWords; w++) {
            body.append(WORDS[random.nextInt(WORDS.length)]).append(w % 12 == 11 ? ".</p><p>" : " ");
        }
        body.append("</p>");
        String title = WORDS[n % WORDS.length] + " " + WORDS[(n / 7) % WORDS.length] + " " + WORDS[(n / 49) % WORDS.length]
                + " story " + n;
        return new Entry(id, link, title, NOW.minus(Duration.ofMinutes(n % 100_000)), null, "Reporter " + (n % 300),
                List.of("Topic " + (n % 50)), List.of(), List.of(), body.toString(), null, null);
    }

    static String[] words() {
        String text = "the of and to in a is that for it as was with be by on not he i this are or his from at which but have an they"
                + " you were her she there been one all we their has would when if so no will more can said who about up what out"
                + " its into than them only some could other time new people two may first then do any like my now over such our"
                + " man me even most made after also did many before must through back years where much your way well down should"
                + " because each just those how too little state good very make world still own see men work long get here between"
                + " both life being under never day same another know while last might us great old year off come since against go"
                + " came right used take three lagos abuja senate budget harbour minister governor naira oil market election court"
                + " police farmers rain flood port trade school health football league bank price fuel power road rail village";
        return text.split(" ");
    }
}
