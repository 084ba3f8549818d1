package org.tidings.store;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** Stores of each dialect for the lease tests: a SQLite file, a fresh PostgreSQL database. */
final class LeaseStores {
    private static final AtomicInteger FILES = new AtomicInteger();

    private LeaseStores() {}

    static Stream<String> dialects() {
        return Stream.of("sqlite", "postgresql");
    }

    static Store open(String dialect, Path dir) {
        return switch (dialect) {
            case "sqlite" -> Store.open(dir.resolve("leases" + FILES.incrementAndGet() + ".db"));
            case "postgresql" -> Store.open(DatabaseLocation.parse(org.tidings.testing.Postgres.database().url()));
            default -> throw new IllegalArgumentException(dialect);
        };
    }
}
