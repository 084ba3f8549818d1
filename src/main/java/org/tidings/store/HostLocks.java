package org.tidings.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Slots per host shared by every worker on a server database, so a host's limit of requests in
 * flight ({@code fetch.per_host}) holds across workers instead of being multiplied by their
 * number. A slot is a session-level advisory lock (host hash + slot number) held on a connection
 * of its own: the database releases it when the worker dies or its connection drops, so a crash
 * never leaves a host blocked. One instance per worker; its methods are synchronized because
 * they share that connection. Locks the worker takes itself are counted here, as the database's
 * session locks are re-entrant within one session.
 */
public final class HostLocks implements AutoCloseable {
    /** The top 16 bits of every slot's key: keeps them apart from other advisory locks. */
    private static final long KEY_SPACE = 0x7468L << 48;

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final Set<Long> held = new HashSet<>();
    private @Nullable Handle session;

    HostLocks(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    /**
     * Takes a free slot of {@code host}'s {@code slots}, if one is free across all workers;
     * empty when all are taken. Throws when the database cannot be
     * reached (the caller decides whether to fetch anyway).
     */
    public synchronized OptionalInt tryTake(String host, int slots) {
        Objects.requireNonNull(host, "host");
        try {
            for (int slot = 0; slot < slots; slot++) {
                long key = key(host, slot);
                if (held.contains(key)) {
                    continue;
                }
                boolean taken = session().createQuery(dialect.tryAdvisoryLockSql()).bind("key", key).mapTo(Boolean.class).one();
                if (taken) {
                    held.add(key);
                    return OptionalInt.of(slot);
                }
            }
            return OptionalInt.empty();
        } catch (RuntimeException e) {
            drop();
            throw e;
        }
    }

    /** Frees a slot taken by {@link #tryTake}. */
    public synchronized void give(String host, int slot) {
        long key = key(host, slot);
        if (!held.remove(key) || session == null) {
            return; // the connection dropped meanwhile, and the lock with it
        }
        try {
            session.createQuery(dialect.advisoryUnlockSql()).bind("key", key).mapTo(Boolean.class).one();
        } catch (RuntimeException e) {
            drop();
        }
    }

    private Handle session() {
        if (session == null) {
            session = jdbi.open();
        }
        return session;
    }

    /**
     * Gives back every slot and the connection. A pooled connection outlives its use, and so
     * would its session locks: they are released first (on a broken connection the database
     * released them when it dropped, and the pool discards it).
     */
    private void drop() {
        if (session != null && !held.isEmpty()) {
            try {
                session.execute(dialect.advisoryUnlockAllSql());
            } catch (RuntimeException broken) {
                // the connection is gone, and its locks with it
            }
        }
        held.clear();
        if (session != null) {
            try {
                session.close();
            } catch (RuntimeException ignored) {
                // already broken
            }
            session = null;
        }
    }

    static long key(String host, int slot) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(host.getBytes(StandardCharsets.UTF_8));
            long hash = 0;
            for (int i = 0; i < 5; i++) {
                hash = (hash << 8) | (digest[i] & 0xff);
            }
            return KEY_SPACE | (hash << 8) | (slot & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Releases every slot (closing the connection does). */
    @Override
    public synchronized void close() {
        drop();
    }
}
