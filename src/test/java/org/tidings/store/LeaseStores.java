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

    /** A second store on the same PostgreSQL database, as another worker has. */
    static Store reopen(Store store) {
        return Store.open(URLS.get(store));
    }

    private static final java.util.Map<Store, DatabaseLocation> URLS = new java.util.concurrent.ConcurrentHashMap<>();

    static Store open(String dialect, Path dir) {
        return switch (dialect) {
            case "sqlite" -> Store.open(dir.resolve("leases" + FILES.incrementAndGet() + ".db"));
            case "postgresql" -> {
                DatabaseLocation location = DatabaseLocation.parse(org.tidings.testing.Postgres.database().url());
                Store store = Store.open(location);
                URLS.put(store, location);
                yield store;
            }
            default -> throw new IllegalArgumentException(dialect);
        };
    }
}
