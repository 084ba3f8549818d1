package org.tidings.store;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * What differs between SQL databases. Everything else in this package is portable SQL (standard
 * joins, {@code INSERT ... ON CONFLICT}, integer flags and epoch-millisecond times), so a second
 * dialect (PostgreSQL for servers) needs its own migration scripts and this interface only.
 */
public interface Dialect {
    /** A short name, also the folder of its migration scripts. */
    String name();

    /** The classpath folder holding {@code V001__name.sql}, {@code V002__name.sql}, ... */
    default String migrationFolder() {
        return "org/tidings/store/migration/" + name();
    }

    /** The schema version recorded in the database; 0 for an empty database. */
    int schemaVersion(Handle handle);

    /** Records the schema version; runs inside the migration's transaction. */
    void setSchemaVersion(Handle handle, int version);

    /**
     * The next free id of an {@code AUTOINCREMENT}/identity table ({@code articles}, {@code
     * stories}); called inside a write transaction, which may then use this id and the ones after
     * it until it commits: ids handed out are not raced by another writer, and ids of deleted rows
     * are not handed out again.
     */
    long nextId(Handle handle, String table);

    /** Runs first in each migration's transaction: keeps two processes from migrating at once. */
    default void lockForMigration(Handle handle) {
    }

    /** A planner hint after a table name: use this index (SQLite's {@code INDEXED BY}); "" where none. */
    default String indexedBy(String index) {
        return "";
    }

    /**
     * The join keyword, followed by {@code ON}, for a join whose order the planner must keep as
     * written (SQLite's {@code CROSS JOIN}); a plain {@code JOIN} where planners need no hint.
     */
    default String orderedJoin() {
        return "JOIN";
    }

    /**
     * The statement adding the full-text row of a new article, bound by position: article id,
     * title, author, text (the text computed in Java, see {@link Bodies}).
     */
    String searchInsertSql();

    /**
     * A title, author or text as {@link #searchInsertSql()} takes it: as it is where the index
     * folds accents itself (SQLite), folded where this code does it (PostgreSQL).
     */
    default @Nullable String searchValue(@Nullable String value) {
        return value;
    }

    /**
     * Brings the full-text rows of articles an update changed in line with their new title,
     * author and text; a no-op where a trigger does it.
     */
    void reindex(Handle handle, List<SearchRow> rows);

    /** What the full-text index holds of an article. */
    record SearchRow(long articleId, @Nullable String title, @Nullable String author, @Nullable String text) {}

    /** A health check of the whole database: "ok", else what is wrong. */
    String integrityCheck(Handle handle);

    /**
     * A condition on articles alias {@code a} that is true for matches of the full-text query
     * bound as {@code :search}.
     */
    String fullTextCondition();

    /**
     * Full-text matches joined to articles alias {@code a}, for searches not narrowed to a feed
     * or topic: {@code from} and {@code condition} (with {@code :search}) select them, {@code
     * order} is a column to page by (newest stored first) that the index yields in order.
     */
    FullTextSource fullTextSource();

    record FullTextSource(String from, String condition, String order) {}

    /**
     * Turns what a user typed into the dialect's full-text query: every word must occur, a word
     * ending in {@code *} is a prefix. Throws {@link StoreException} when nothing is searchable.
     */
    String fullTextQuery(String userQuery);

    /**
     * What ends the query that picks feeds to lease ({@link Leases}), so that workers claiming at
     * the same moment neither wait for each other nor take the same rows: PostgreSQL's {@code FOR
     * UPDATE SKIP LOCKED}. Empty where a write transaction already excludes other writers (SQLite).
     */
    default String skipLocked() {
        return "";
    }

    /**
     * A query taking the session-level advisory lock {@code :key} (a long) if it is free, giving
     * true when taken; null where the database has none (SQLite: one machine, the fetcher's
     * in-process limits suffice). See {@link HostLocks}.
     */
    default @org.jspecify.annotations.Nullable String tryAdvisoryLockSql() {
        return null;
    }

    /** A query releasing the session-level advisory lock {@code :key}; see {@link #tryAdvisoryLockSql()}. */
    default @org.jspecify.annotations.Nullable String advisoryUnlockSql() {
        return null;
    }

    /** A statement releasing every session-level advisory lock of the connection. */
    default @org.jspecify.annotations.Nullable String advisoryUnlockAllSql() {
        return null;
    }

    /** A word of a search: its text, and whether it is a prefix (typed with a {@code *} at its end). */
    record SearchWord(String text, boolean prefix) {}

    /**
     * The searchable words of what a user typed (at least one letter or digit each, stars
     * trimmed), for {@link #fullTextQuery}. Throws {@link StoreException} when there are none.
     */
    static List<SearchWord> searchWords(String userQuery) {
        List<SearchWord> words = new java.util.ArrayList<>();
        for (String word : userQuery.strip().split("\\s+")) {
            String bare = word.replaceAll("^\\*+|\\*+$", "");
            if (bare.codePoints().anyMatch(Character::isLetterOrDigit)) {
                words.add(new SearchWord(bare, word.endsWith("*")));
            }
        }
        if (words.isEmpty()) {
            throw new StoreException("nothing to search for in \"" + userQuery.strip() + "\"");
        }
        return words;
    }

    // -- db copy (store.DatabaseCopy): moving a whole database between dialects

    /**
     * The tables holding data, the ones a copy of the database carries: every table except the
     * schema's bookkeeping, the sync workers at work and the full-text index (derived: a copy makes it again with {@link #searchInsertSql}).
     */
    List<String> dataTables(Handle handle);

    /**
     * True when any column takes a value of any type as it comes (SQLite); false when values must
     * match the column's declared type, so a copy converts them (a body stored as text goes into
     * a binary column packed, and the other way round).
     */
    default boolean dynamicTypes() {
        return false;
    }

    /**
     * Starts reading a consistent snapshot: called first in the transaction a copy reads the whole
     * database in, so all tables are read as of one moment.
     */
    void beginSnapshot(Handle handle);

    /**
     * Makes the next id {@code table} hands out at least {@code nextId} (after rows were inserted
     * with their ids given), so ids of deleted rows are not handed out again.
     */
    void restartIdentity(Handle handle, String table, long nextId);

    /**
     * Switches the triggers of {@code table} off for a bulk copy into an empty database, and on
     * again, inside the copy's transaction; the copy then makes what they keep itself (ids,
     * counters). Where triggers cannot be switched off (SQLite) they run, and the copy's own
     * recount overwrites what they counted.
     */
    default void setTriggersEnabled(Handle handle, String table, boolean enabled) {
    }

    /**
     * The statement that subscribes a connection to the change notices writers send ({@link
     * ChangeWatch}); null where readers watch the database file instead (SQLite).
     */
    default @org.jspecify.annotations.Nullable String listenSql() {
        return null;
    }

    /** How many change notices reached {@code session} (subscribed by {@link #listenSql()}) since last asked. */
    default int changeNotices(Handle session) {
        return 0;
    }
}
