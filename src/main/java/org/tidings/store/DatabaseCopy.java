package org.tidings.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Copies a whole database into an empty one, between dialects (SQLite to PostgreSQL and back) or
 * within one: every data table ({@link Dialect#dataTables}) in foreign-key order, rows with their
 * ids, in batches; then the ids each table hands out next, the counters triggers keep, and the
 * full-text search rows are made in the target.
 *
 * <p>The source is read in one snapshot ({@link Dialect#beginSnapshot}) and the target written in
 * one transaction: a copy that fails (a full disk, a lost connection) leaves the target as empty
 * as it was, never half copied and looking complete. One transaction for all tables rather than
 * one per table, because a copy is only useful whole: a target with its feeds and without its
 * articles must not look like a finished copy.
 *
 * <pre>{@code
 * try (Store from = Store.open(source); Store to = Store.open(target)) {
 *     DatabaseCopy.Result result = DatabaseCopy.copy(from, to, DatabaseCopy.Listener.NONE);
 * }
 * }</pre>
 */
public final class DatabaseCopy {
    /** Rows sent to the target in one JDBC batch. */
    static final int BATCH_ROWS = 1000;

    /** Hears how the copy goes, table by table. */
    public interface Listener {
        Listener NONE = new Listener() {};

        /** {@code rows} rows of {@code table} copied so far (at every batch of big tables, and once at its end). */
        default void copying(String table, long rows) {}

        /** All {@code rows} rows of {@code table} copied. */
        default void copied(String table, long rows) {}

        /** The rows are in; the ids, counters and search data are being made. */
        default void finishing() {}
    }

    /** What was copied. */
    public record Result(int tables, long rows) {}

    private DatabaseCopy() {}

    /**
     * Copies everything in {@code from} into {@code to}, both open stores (so both migrated to the
     * newest schema of their dialects). Throws {@link StoreException} with a one-line message when
     * {@code to} holds any row, when its schema lacks a table or column of {@code from}'s, or when
     * reading or writing fails; {@code to} then holds nothing copied.
     */
    public static Result copy(Store from, Store to, Listener listener) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(listener, "listener");
        try {
            return from.jdbi().inTransaction(source -> {
                from.dialect().beginSnapshot(source);
                return to.jdbi().inTransaction(target -> copy(from.dialect(), source, to.dialect(), target, listener));
            });
        } catch (JdbiException e) {
            Throwable cause = e.getCause() instanceof SQLException sql ? sql : e;
            throw new StoreException("copy failed, nothing was copied: " + firstLine(cause.getMessage()), e);
        }
    }

    private static Result copy(Dialect fromDialect, Handle source, Dialect toDialect, Handle target, Listener listener) {
        List<String> sourceTables = fromDialect.dataTables(source);
        Set<String> targetTables = new LinkedHashSet<>(toDialect.dataTables(target));
        for (String table : sourceTables) {
            if (!targetTables.contains(table)) {
                throw new StoreException("the target's schema has no table " + table + "; is it made by another tidings version?");
            }
        }
        for (String table : targetTables) {
            if (hasRows(target, table)) {
                throw new StoreException("the target database is not empty (table " + table
                        + " has rows); db copy writes only into a new or empty database");
            }
        }
        if (sourceTables.stream().noneMatch(table -> hasRows(source, table))) {
            throw new StoreException("the source database holds nothing to copy");
        }
        long total = 0;
        List<String> ordered = foreignKeyOrder(target, sourceTables);
        for (String table : ordered) {
            toDialect.setTriggersEnabled(target, table, false);
        }
        for (String table : ordered) {
            long rows = copyTable(table, source, toDialect, target, listener);
            listener.copied(table, rows);
            total += rows;
        }
        listener.finishing();
        for (String table : ordered) {
            toDialect.setTriggersEnabled(target, table, true);
        }
        for (String table : ordered) {
            if (columns(source, table).containsKey("id")) {
                toDialect.restartIdentity(target, table, fromDialect.nextId(source, table));
            }
        }
        toDialect.analyze(target, ordered);
        recount(target);
        index(source, toDialect, target);
        toDialect.analyze(target, List.of("articles_search"));
        return new Result(ordered.size(), total);
    }

    private static long copyTable(String table, Handle source, Dialect toDialect, Handle target,
            Listener listener) {
        Map<String, Integer> sourceColumns = columns(source, table);
        Map<String, Integer> targetColumns = columns(target, table);
        List<String> copied = new ArrayList<>();
        for (String column : sourceColumns.keySet()) {
            if (targetColumns.containsKey(column)) {
                copied.add(column);
            } else {
                throw new StoreException("the target's table " + table + " has no column " + column
                        + "; is it made by another tidings version?");
            }
        }
        String list = String.join(", ", copied.stream().map(DatabaseCopy::quote).toList());
        String select = "SELECT " + list + " FROM " + quote(table);
        String insert = "INSERT INTO " + quote(table) + " (" + list + ") VALUES ("
                + String.join(", ", copied.stream().map(column -> "?").toList()) + ")";
        int[] types = copied.stream().mapToInt(targetColumns::get).toArray();
        long rows = 0;
        try (Statement reading = source.getConnection().createStatement();
                PreparedStatement writing = target.getConnection().prepareStatement(insert)) {
            reading.setFetchSize(BATCH_ROWS);
            try (ResultSet result = reading.executeQuery(select)) {
                int pending = 0;
                while (result.next()) {
                    for (int i = 0; i < types.length; i++) {
                        bind(writing, i + 1, result.getObject(i + 1), types[i], toDialect.dynamicTypes());
                    }
                    writing.addBatch();
                    rows++;
                    if (++pending == BATCH_ROWS) {
                        writing.executeBatch();
                        pending = 0;
                        listener.copying(table, rows);
                    }
                }
                if (pending > 0) {
                    writing.executeBatch();
                }
            }
        } catch (SQLException e) {
            SQLException first = e.getNextException() != null ? e.getNextException() : e;
            throw new StoreException("cannot copy table " + table + ", nothing was copied: " + firstLine(first.getMessage()), e);
        }
        return rows;
    }

    /**
     * Binds one value for a column of JDBC type {@code type}. A typed target gets article bodies
     * in its column's form: a body stored as text (rows before schema 7) into a binary column is
     * packed, a packed body into a text column unpacked (see {@link Bodies}).
     */
    private static void bind(PreparedStatement statement, int index, Object value, int type, boolean dynamic)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, type);
        } else if (dynamic) {
            statement.setObject(index, value instanceof Boolean flag ? (flag ? 1L : 0L) : value);
        } else if (value instanceof String text && binary(type)) {
            statement.setBytes(index, Bodies.pack(text));
        } else if (value instanceof byte[] bytes && !binary(type)) {
            statement.setString(index, Bodies.unpack(bytes));
        } else {
            statement.setObject(index, value, type);
        }
    }

    private static boolean binary(int type) {
        return type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB;
    }

    /** The columns of {@code table} and their JDBC types, in table order. */
    private static Map<String, Integer> columns(Handle handle, String table) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        try (Statement statement = handle.getConnection().createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM " + quote(table) + " WHERE 1 = 0")) {
            ResultSetMetaData meta = result.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.put(meta.getColumnName(i), meta.getColumnType(i));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the columns of " + table + ": " + firstLine(e.getMessage()), e);
        }
        return columns;
    }

    private static boolean hasRows(Handle handle, String table) {
        return handle.createQuery("SELECT 1 FROM " + quote(table) + " LIMIT 1").mapTo(Integer.class).findOne().isPresent();
    }

    /**
     * The tables ordered so that every table comes after the tables its foreign keys point to (by
     * the target's own schema), ties by name.
     */
    static List<String> foreignKeyOrder(Handle handle, List<String> tables) {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        try {
            Connection connection = handle.getConnection();
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            for (String table : tables) {
                Set<String> referenced = new TreeSet<>();
                try (ResultSet keys = meta.getImportedKeys(null, schema, table)) {
                    while (keys.next()) {
                        String parent = keys.getString("PKTABLE_NAME");
                        if (!parent.equals(table) && tables.contains(parent)) {
                            referenced.add(parent);
                        }
                    }
                }
                parents.put(table, referenced);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the foreign keys of the target: " + firstLine(e.getMessage()), e);
        }
        List<String> ordered = new ArrayList<>();
        Set<String> left = new TreeSet<>(tables);
        while (!left.isEmpty()) {
            String next = left.stream().filter(table -> ordered.containsAll(parents.get(table))).findFirst()
                    .orElseThrow(() -> new StoreException("the tables' foreign keys form a cycle: " + left));
            ordered.add(next);
            left.remove(next);
        }
        return ordered;
    }

    /**
     * Sets the counters the schema's triggers keep (unread and total per feed, unread per folder
     * and topic, feeds per article) from the copied rows: where triggers ran during the copy
     * (SQLite) they counted each inserted row on top of the counts copied with the rows; where
     * they were off, nothing kept the counts.
     *
     * <p>Set-based: one grouped query per counter, joined to its table, rather than a correlated
     * count per row (which on a million articles ran for minutes). Articles, the one big table,
     * are only written where their count differs, so a copy whose counts came right with the
     * rows (triggers off) rewrites none of them.
     */
    static void recount(Handle handle) {
        handle.execute("""
                UPDATE articles SET feed_count = c.n
                  FROM (SELECT article_id, count(*) AS n FROM appearances GROUP BY article_id) c
                 WHERE articles.id = c.article_id AND articles.feed_count <> c.n""");
        handle.execute("""
                UPDATE articles SET feed_count = 0
                 WHERE feed_count <> 0 AND NOT EXISTS (SELECT 1 FROM appearances p WHERE p.article_id = articles.id)""");
        handle.execute("UPDATE feeds SET total = 0, unread = 0 WHERE total <> 0 OR unread <> 0");
        handle.execute("""
                UPDATE feeds SET total = c.total, unread = c.unread
                  FROM (SELECT p.feed_id, count(*) AS total, sum(CASE WHEN a.read = 0 THEN 1 ELSE 0 END) AS unread
                          FROM appearances p LEFT JOIN articles a ON a.id = p.article_id
                         GROUP BY p.feed_id) c
                 WHERE feeds.id = c.feed_id""");
        handle.execute("UPDATE folders SET unread = 0 WHERE unread <> 0");
        handle.execute("""
                UPDATE folders SET unread = c.unread
                  FROM (SELECT f.folder_id, count(DISTINCT p.article_id) AS unread
                          FROM feeds f
                          JOIN appearances p ON p.feed_id = f.id
                          JOIN articles a ON a.id = p.article_id AND a.read = 0
                         WHERE f.folder_id IS NOT NULL
                         GROUP BY f.folder_id) c
                 WHERE folders.id = c.folder_id""");
        handle.execute("UPDATE topics SET unread = 0 WHERE unread <> 0");
        handle.execute("""
                UPDATE topics SET unread = c.unread
                  FROM (SELECT t.topic_id, count(*) AS unread
                          FROM article_topics t JOIN articles a ON a.id = t.article_id AND a.read = 0
                         GROUP BY t.topic_id) c
                 WHERE topics.id = c.topic_id""");
    }

    /**
     * Makes the target's full-text rows of every article (the text computed in Java, as at
     * ingest: see {@link Bodies}), reading the articles from the source.
     */
    private static void index(Handle source, Dialect toDialect, Handle target) {
        String select = "SELECT id, title, author, " + Bodies.textColumns("") + " FROM articles";
        try (Statement reading = source.getConnection().createStatement();
                Batch search = new Batch(target, toDialect.searchInsertSql())) {
            reading.setFetchSize(BATCH_ROWS);
            try (ResultSet row = reading.executeQuery(select)) {
                while (row.next()) {
                    search.integer(row.getLong(1)).text(toDialect.searchValue(row.getString(2)))
                            .text(toDialect.searchValue(row.getString(3))).text(toDialect.searchValue(Bodies.text(row, 4))).add();
                    if (search.size() == BATCH_ROWS) {
                        search.execute();
                    }
                }
                search.execute();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot make the search index of the copy: " + firstLine(e.getMessage()), e);
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("");
    }
}
