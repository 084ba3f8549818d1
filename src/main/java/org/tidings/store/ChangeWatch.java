package org.tidings.store;

import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Tells a reader that other processes, on any machine, changed the articles (new ones, read or
 * starred marks, deletions), on a server database: writers' transactions send a notice when they
 * commit (triggers of migration 10 on PostgreSQL), and this watch listens for it on a connection
 * of its own. {@link #version()} grows with every notice received; a reconnection counts as a
 * change too, as notices sent meanwhile were missed. SQLite readers watch the database file
 * instead (docs/ARCHITECTURE.md).
 */
public final class ChangeWatch implements AutoCloseable {
    private final Jdbi jdbi;
    private final Dialect dialect;
    private @Nullable Handle session;
    private long version;

    ChangeWatch(Jdbi jdbi, Dialect dialect) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /**
     * A number that changes when other processes changed the articles since the last call (it
     * may also change without that, never the other way round). Never throws: while the database
     * cannot be reached the number stays, and it moves once it is back.
     */
    public synchronized long version() {
        try {
            if (session == null) {
                Handle opened = jdbi.open();
                try {
                    opened.execute(dialect.listenSql());
                } catch (RuntimeException e) {
                    opened.close();
                    throw e;
                }
                session = opened;
                version++; // whatever happened before listening is unknown
            }
            version += dialect.changeNotices(session);
        } catch (RuntimeException e) {
            drop();
        }
        return version;
    }

    private void drop() {
        if (session != null) {
            try {
                session.close();
            } catch (RuntimeException ignored) {
                // already broken
            }
            session = null;
        }
    }

    @Override
    public synchronized void close() {
        drop();
    }
}
