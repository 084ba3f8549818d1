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
 */
public final class PostgresIngestBenchmark {
    private PostgresIngestBenchmark() {}

    public static void main(String[] args) throws IOException {
        System.out.printf("java %s, %d cpus, PostgreSQL test server%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        StoreBenchmark.ingest(Path.of("ingest"), file -> Store.open(DatabaseLocation.parse(Postgres.database().url())));
        System.exit(0);
    }
}
