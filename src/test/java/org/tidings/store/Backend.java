package org.tidings.store;

import java.nio.file.Path;
import org.tidings.testing.Postgres;

/**
 * The two dialects the store's tests run on: {@code @ParameterizedClass @EnumSource(Backend.class)}
 * with a {@code @Parameter Backend backend} field, then {@link #open(Path)} in place of {@code
 * Store.open(file)}. PostgreSQL gets a fresh database each call (skipped without a server).
 */
enum Backend {
    SQLITE,
    POSTGRESQL;

    /** A new, empty store: a file in {@code dir}, or a fresh PostgreSQL database. */
    Store open(Path dir) {
        return open(dir, StoreOptions.DEFAULTS);
    }

    Store open(Path dir, StoreOptions options) {
        return Store.open(location(dir), options);
    }

    /** Where {@link #open(Path)} opens: call once per store. */
    DatabaseLocation location(Path dir) {
        return switch (this) {
            case SQLITE -> DatabaseLocation.sqlite(dir.resolve("tidings.db"));
            case POSTGRESQL -> DatabaseLocation.parse(Postgres.database().url());
        };
    }
}
