package org.tidings.store;

import org.jdbi.v3.core.Handle;

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
     * The next free id of an {@code AUTOINCREMENT}/identity table; called inside a write
     * transaction, so ids handed out are not raced by another writer.
     */
    long nextId(Handle handle, String table);

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
}
