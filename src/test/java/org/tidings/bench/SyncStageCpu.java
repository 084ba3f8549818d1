package org.tidings.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.tidings.model.ParsedFeed;
import org.tidings.parse.FeedParser;
import org.tidings.parse.FeedParseException;
import org.tidings.store.PreparedFeed;

/**
 * A sync's parser-thread stage alone: every document of a {@code bench-sync.sh} corpus parsed
 * ({@link FeedParser}, with the Content-Type its server sends) and prepared for storing ({@link
 * PreparedFeed}), on one thread, timed by that thread's CPU (no GC or JIT threads, no database):
 * the steadiest figure on a shared machine. Results in docs/BENCHMARKS.md, "Cold sync CPU, fifth
 * pass". Arguments: the corpus's {@code feeds} folder, then the number of passes (default 2).
 * Run it with the sync's JVM flags ({@code bin/tidings}), e.g.
 * {@code java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx128m -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * org.tidings.bench.SyncStageCpu CACHE/corpus-n1000-m50-s1/feeds} (CACHE: bench-sync.sh -c).
 */
public final class SyncStageCpu {
    private SyncStageCpu() {}

    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of(args[0]))) {
            files = listing.sorted().toList();
        }
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        FeedParser parser = new FeedParser();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int pass = 1; pass <= passes; pass++) {
            long parsing = 0;
            long preparing = 0;
            long items = 0;
            for (Path file : files) {
                byte[] body = Files.readAllBytes(file);
                String type = file.toString().endsWith(".atom") ? "application/atom+xml; charset=utf-8"
                        : "application/rss+xml; charset=utf-8";
                long start = threads.getCurrentThreadCpuTime();
                ParsedFeed document;
                try {
                    document = parser.parse(body, URI.create("http://127.0.0.1/" + file.getFileName()), type);
                } catch (FeedParseException e) {
                    continue;
                }
                long parsed = threads.getCurrentThreadCpuTime();
                PreparedFeed.of(document).prepareEntries();
                preparing += threads.getCurrentThreadCpuTime() - parsed;
                parsing += parsed - start;
                items += document.entries().size();
            }
            System.out.printf(Locale.ROOT, "pass %d: %d documents, %d items, thread CPU %.2f s (parse %.2f s, prepare %.2f s)%n",
                    pass, files.size(), items, (parsing + preparing) / 1e9, parsing / 1e9, preparing / 1e9);
        }
    }
}
