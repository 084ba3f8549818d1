package org.tidings.store;

import java.util.Collection;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Handle;

/**
 * A writer's in-memory superset of the keys in {@code story_keys} (a Bloom filter), so that
 * {@link StoryGrouper} asks the table only for keys that may be there: most keys of a new article
 * are in no other article, and looking each up was a sixth of the writer's time.
 *
 * <p>A key the filter says is absent must be absent from the table. Keys added by this process
 * are added here as they are written (a rolled-back write leaves a key too many, which costs only
 * a look-up); deleted keys stay (same). Keys other writers added are seen through {@code
 * story_key_writes}: every write of story keys sets its one row to a new random token (on dialects
 * where {@link Dialect#storyKeyFilter()} is on), and the filter, which remembers the token of its
 * own last write, reloads from the table when it finds another one. Where writers run at once
 * (PostgreSQL workers) a shared token row would make them wait for each other, so there the filter
 * is off and every key is looked up.
 *
 * <p>Loaded lazily: only after a writer has looked up {@code loadAfterKeys} keys, so that a short
 * sync on a large database does not read every key for a few articles. One filter serves every
 * grouper of a store (the ingest's and the full-text fetch's), under its monitor.
 */
final class StoryKeyFilter {
    /** Bits per key: with {@link #HASHES} probes, about 1 false "maybe" in 1,700. */
    private static final int BITS_PER_KEY = 16;
    private static final int HASHES = 8;
    private static final int MIN_BITS = 1 << 20;
    /** At most 128 MB of bits (67 million keys). */
    private static final int MAX_WORDS = 1 << 24;

    private boolean enabled;
    private final int loadAfterKeys;
    private final StatementCache statements = new StatementCache();
    private long keysLookedUp;
    private long[] bits = new long[0];
    private long mask;
    private long count;
    private long capacity;
    private long token;
    private boolean loaded;

    StoryKeyFilter(boolean enabled, int loadAfterKeys) {
        this.enabled = enabled;
        this.loadAfterKeys = loadAfterKeys;
    }

    /** The filter of a store on {@code dialect}; {@code tidings.storyKeyFilterAfter} keys before it loads (tests set 0). */
    static StoryKeyFilter of(Dialect dialect) {
        return new StoryKeyFilter(dialect.storyKeyFilter(), Integer.getInteger("tidings.storyKeyFilterAfter", 20_000));
    }

    /**
     * Makes the filter current for a write transaction about to look up {@code keys} keys: loads
     * it once enough keys were looked up, and reloads it when another writer added keys since.
     *
     * @return whether {@link #mightContain} may be used in this transaction
     */
    synchronized boolean prepare(Handle handle, int keys) {
        if (!enabled) {
            return false;
        }
        if (!loaded) {
            keysLookedUp += keys;
            if (keysLookedUp < loadAfterKeys) {
                return false;
            }
            load(handle);
            return true;
        }
        if (storedToken(handle) != token) {
            load(handle);
        }
        return true;
    }

    /** False when the key is certainly not in {@code story_keys} (after {@link #prepare} gave true). */
    synchronized boolean mightContain(long key) {
        long h2 = Long.rotateLeft(key, 32) * 0x9e3779b97f4a7c15L | 1;
        long h = key;
        for (int i = 0; i < HASHES; i++) {
            long bit = h & mask;
            if ((bits[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
            h += h2;
        }
        return true;
    }

    /**
     * Records keys just inserted into {@code story_keys} in the caller's transaction, and marks the
     * table as written by this filter (see the class comment).
     */
    synchronized void written(Handle handle, Collection<Long> keys) {
        if (!enabled || keys.isEmpty()) {
            return;
        }
        long next = ThreadLocalRandom.current().nextLong();
        try (Batch mark = statements.batch(handle, """
                INSERT INTO story_key_writes (id, token) VALUES (1, ?)
                ON CONFLICT (id) DO UPDATE SET token = excluded.token""")) {
            mark.integer(next).add();
            mark.execute();
        }
        token = next;
        if (!loaded) {
            return;
        }
        if (count + keys.size() > capacity) {
            loaded = false; // grown past its size: reloaded, larger, at the next prepare
            keysLookedUp = loadAfterKeys;
            return;
        }
        for (long key : keys) {
            add(key);
        }
    }

    private void load(Handle handle) {
        token = storedToken(handle);
        StoredKeys stored = new StoredKeys();
        handle.createQuery("SELECT key FROM story_keys").map((rs, ctx) -> rs.getLong(1)).forEach(stored::add);
        long wanted = Math.max(MIN_BITS, Long.highestOneBit(Math.max(1, (long) stored.size * 2 * BITS_PER_KEY)) << 1);
        bits = new long[(int) Math.min(MAX_WORDS, wanted >>> 6)];
        mask = (long) bits.length * 64 - 1;
        capacity = (long) bits.length * 64 / BITS_PER_KEY;
        count = 0;
        for (int i = 0; i < stored.size; i++) {
            add(stored.keys[i]);
        }
        loaded = count <= capacity;
        if (!loaded) {
            enabled = false; // more keys than the largest filter holds well: look every key up
            bits = new long[0];
        }
    }

    /** The keys read while loading, unboxed. */
    private static final class StoredKeys {
        long[] keys = new long[1024];
        int size;

        void add(long key) {
            if (size == keys.length) {
                keys = java.util.Arrays.copyOf(keys, size * 2);
            }
            keys[size++] = key;
        }
    }

    private void add(long key) {
        long h2 = Long.rotateLeft(key, 32) * 0x9e3779b97f4a7c15L | 1;
        long h = key;
        for (int i = 0; i < HASHES; i++) {
            long bit = h & mask;
            bits[(int) (bit >>> 6)] |= 1L << bit;
            h += h2;
        }
        count++;
    }

    private long storedToken(Handle handle) {
        long[] stored = {0};
        statements.query(handle, "SELECT token FROM story_key_writes WHERE id IN (<in>)", java.util.List.of(), java.util.List.of(1L),
                rs -> stored[0] = rs.getLong(1));
        return stored[0];
    }
}
