package org.tidings.store;

import java.nio.file.Path;
import org.tidings.testing.Postgres;

/**
 * The two dialects the store's tests run on: {@code @ParameterizedClass @EnumSource(Backend.class)}
 * with a {@code @Parameter Backend backend} field, then {@link #open(Path)} in place of {@code
 * Store.open(file)}. PostgreSQL gets a fresh database each call (skipped without a server).
 */
public enum Backend {
    SQLITE,
    POSTGRESQL;

    /** A new, empty store: a file in {@code dir}, or a fresh PostgreSQL database. */
    public Store open(Path dir) {
        return open(dir, StoreOptions.DEFAULTS);
    }

    public Store open(Path dir, StoreOptions options) {
        return Store.open(location(dir), options);
    }

    /** Where {@link #open(Path)} opens: call once per store. */
    public DatabaseLocation location(Path dir) {
        return DatabaseLocation.parse(dbOption(dir));
    }

    /** What {@code --db} takes for a new store: a file in {@code dir}, or a fresh database's URL (with its password). */
    public String dbOption(Path dir) {
        return switch (this) {
            case SQLITE -> dir.resolve("tidings.db").toString();
            case POSTGRESQL -> Postgres.database().url();
        };
    }
}
