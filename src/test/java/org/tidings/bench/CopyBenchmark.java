package org.tidings.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.tidings.store.BenchmarkData;
import org.tidings.store.DatabaseCopy;
import org.tidings.store.DatabaseLocation;
import org.tidings.store.Store;
import org.tidings.testing.Postgres;

/**
 * {@code db copy} throughput: a SQLite database of {@code FEEDS x PER_FEED} articles (built by
 * {@link BenchmarkData}: 20 folders, 50 topics, 70% read) copied to a new SQLite file, to
 * PostgreSQL (the tests' server, when its binaries are installed) and back. Prints wall time and
 * this JVM's CPU time (the PostgreSQL server's own CPU is not in it). Results: docs/BENCHMARKS.md.
 *
 * <pre>
 * mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) org.tidings.bench.CopyBenchmark [FEEDS PER_FEED]
 * </pre>
 */
public final class CopyBenchmark {
    private CopyBenchmark() {}

    public static void main(String[] args) throws IOException {
        int feeds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int perFeed = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path dir = Files.createTempDirectory("tidings-copy-bench");
        System.out.printf("java %s, %d cpus, %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Instant.now());
        Path source = dir.resolve("source.db");
        try (Store store = Store.open(source)) {
            BenchmarkData.load(store, feeds, perFeed, 20, 50, 70, Instant.parse("2026-11-20T00:00:00Z"));
        }
        System.out.printf("source: %,d articles, %,d bytes%n", (long) feeds * perFeed, Files.size(source));
        time("SQLite -> SQLite", DatabaseLocation.sqlite(source), DatabaseLocation.sqlite(dir.resolve("copy.db")));
        if (Postgres.available()) {
            DatabaseLocation postgres = DatabaseLocation.parse(Postgres.database().url());
            time("SQLite -> PostgreSQL", DatabaseLocation.sqlite(source), postgres);
            time("PostgreSQL -> SQLite", postgres, DatabaseLocation.sqlite(dir.resolve("back.db")));
        } else {
            System.out.println("PostgreSQL not installed: its copies skipped");
        }
        System.exit(0); // the test PostgreSQL stops in its shutdown hook
    }

    private static void time(String name, DatabaseLocation from, DatabaseLocation to) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        DatabaseCopy.Result result;
        try (Store in = Store.open(from); Store out = Store.open(to)) {
            result = DatabaseCopy.copy(in, out, DatabaseCopy.Listener.NONE);
        }
        double seconds = (System.nanoTime() - wall) / 1e9;
        System.out.printf("%-22s %,d rows in %.1f s wall (%,.0f rows/s), %.1f s JVM CPU%n", name, result.rows(), seconds,
                result.rows() / seconds, (os.getProcessCpuTime() - cpu) / 1e9);
    }
}
