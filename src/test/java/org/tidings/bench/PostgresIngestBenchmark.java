package org.tidings.bench;

import java.io.IOException;
import java.nio.file.Path;
import org.tidings.store.DatabaseLocation;
import org.tidings.store.Store;
import org.tidings.testing.Postgres;

/**
 * {@link StoreBenchmark}'s ingest on PostgreSQL: the test server of {@link Postgres} (started from
 * the machine's binaries, fsync off as in the tests), a fresh database per store. Run as
 * StoreBenchmark says, with this class: {@code java ... org.tidings.bench.PostgresIngestBenchmark}.
 * {@code -Dbench.pgUrl=postgresql://user@host:port/} runs it on a server of your own instead (one
 * empty database {@code ingest1}, {@code ingest2}, ... per store, made first with {@code createdb}),
 * e.g. one with {@code pg_stat_statements} loaded, to see which statements the server spends on.
 */
public final class PostgresIngestBenchmark {
    private PostgresIngestBenchmark() {}

    public static void main(String[] args) throws IOException {
        System.out.printf("java %s, %d cpus, PostgreSQL test server%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        String server = System.getProperty("bench.pgUrl");
        int[] made = {0};
        StoreBenchmark.ingest(Path.of("ingest"), file -> Store.open(DatabaseLocation.parse(
                server == null ? Postgres.database().url() : server + "ingest" + ++made[0])));
        System.exit(0);
    }
}
