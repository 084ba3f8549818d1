package org.tidings.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * PostgreSQL, for a database several processes and machines share: connections from a HikariCP
 * pool, the schema version in the table {@code tidings_schema}, full-text search in {@code
 * articles_search} (a {@code tsvector} per article with a GIN index; the text computed and its
 * accents folded in Java ({@link SearchFolding}), as SQLite's contentless index folds them), migrations serialized by an advisory lock.
 */
public final class PostgresDialect implements Dialect {
    /** The first key of the advisory locks the store takes (the second names what is locked). */
    static final int LOCK_SPACE = 0x7469; // "ti"
    private static final int MIGRATION_LOCK = 0;
    private static final String CONFIGURATION = "'simple'";

    @Override
    public String name() {
        return "postgresql";
    }

    /** Opens and migrates the store at {@code location} (see {@link Store#open(DatabaseLocation, StoreOptions)}). */
    static Store open(DatabaseLocation location, StoreOptions options) {
        HikariDataSource pool = dataSource(location);
        try {
            return Store.open(Jdbi.create(pool), new PostgresDialect(), location, options, pool);
        } catch (StoreException e) {
            pool.close();
            throw e;
        } catch (JdbiException e) {
            pool.close();
            throw openingFailure(location, e);
        }
    }

    /**
     * A pool of connections to the database, tried once at once: an unreachable server, wrong
     * credentials or a missing database are a {@link StoreException} with a one-line message
     * naming the problem (never the password).
     */
    static HikariDataSource dataSource(DatabaseLocation location) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("tidings");
        config.setJdbcUrl(location.jdbcUrl());
        config.setUsername(location.user());
        if (location.password() != null) {
            config.setPassword(location.password());
        }
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(1);
        config.addDataSourceProperty("ApplicationName", "tidings");
        config.addDataSourceProperty("connectTimeout", "10");
        // no parallel query workers: tidings' queries are short, and a worker is a new server
        // process per query that pays for every shared page it touches (the reader's unread count
        // at 1,000,000 articles: 186 ms with two workers, 70 ms without)
        config.addDataSourceProperty("options", "-c max_parallel_workers_per_gather=0");
        // a batch of single-row inserts goes as multi-row inserts: ingest writes in batches
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw openingFailure(location, e);
        }
    }

    /** What went wrong opening {@code location}, in one line without the password. */
    static StoreException openingFailure(DatabaseLocation location, Throwable failure) {
        SQLException sql = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException found) {
                sql = found;
                break;
            }
        }
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        String problem;
        if (hasCause(failure, ConnectException.class)) {
            problem = "cannot reach the PostgreSQL server at " + location.hostAndPort() + " (connection refused)";
        } else if (hasCause(failure, UnknownHostException.class)) {
            problem = "unknown host " + location.host();
        } else if (state.equals("28P01") || (state.startsWith("28") && String.valueOf(sql.getMessage()).contains("password"))) {
            problem = "wrong password for user " + location.user() + " (password authentication failed)";
        } else if (state.equals("3D000")) {
            problem = "no database \"" + location.database() + "\" on the server " + location.hostAndPort() + " (create it first)";
        } else if (state.equals("08004") && String.valueOf(sql.getMessage()).contains("no password")) {
            problem = "the server asks for a password for user " + location.user()
                    + ": give it in the URL, in PGPASSWORD or in ~/.pgpass";
        } else if (state.startsWith("08")) {
            problem = "cannot reach the PostgreSQL server at " + location.hostAndPort() + ": " + firstLine(sql.getMessage());
        } else {
            Throwable cause = sql != null ? sql : failure;
            problem = firstLine(cause.getMessage());
        }
        return new StoreException(location.withoutPassword("cannot open the database " + location.display() + ": " + problem), failure);
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message).strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }

    @Override
    public int schemaVersion(Handle handle) {
        boolean exists = handle.createQuery("SELECT to_regclass('tidings_schema') IS NOT NULL").mapTo(Boolean.class).one();
        if (!exists) {
            return 0;
        }
        return handle.createQuery("SELECT coalesce(max(version), 0) FROM tidings_schema").mapTo(Integer.class).one();
    }

    @Override
    public void setSchemaVersion(Handle handle, int version) {
        handle.execute("CREATE TABLE IF NOT EXISTS tidings_schema (version integer NOT NULL)");
        handle.execute("DELETE FROM tidings_schema");
        handle.createUpdate("INSERT INTO tidings_schema (version) VALUES (:version)").bind("version", version).execute();
    }

    @Override
    public void lockForMigration(Handle handle) {
        handle.createQuery("SELECT pg_advisory_xact_lock(:space, :key)")
                .bind("space", LOCK_SPACE)
                .bind("key", MIGRATION_LOCK)
                .mapTo(String.class)
                .one();
    }

    /**
     * Holds the table's id lock to the end of the transaction, then starts after the highest id
     * ever given: the row's or the identity sequence's, which a trigger raises on every insert
     * (V001), so ids of deleted rows are not handed out again.
     */
    @Override
    public long nextId(Handle handle, String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("table: " + table);
        }
        handle.createQuery("SELECT pg_advisory_xact_lock(:space, hashtext(:table))")
                .bind("space", LOCK_SPACE)
                .bind("table", "ids." + table)
                .mapTo(String.class)
                .one();
        return handle.createQuery("SELECT greatest((SELECT coalesce(max(id), 0) FROM " + table + "),"
                        + " (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM " + table + "_id_seq)) + 1")
                .mapTo(Long.class)
                .one();
    }

    @Override
    public String searchInsertSql() {
        return "INSERT INTO articles_search (article_id, document) VALUES (?, " + document("?", "?", "?") + ")"
                + " ON CONFLICT (article_id) DO UPDATE SET document = excluded.document";
    }

    private static String document(String title, String author, String text) {
        return "to_tsvector(" + CONFIGURATION + ", concat_ws(' ', " + title + "::text, " + author + "::text, " + text + "::text))";
    }

    /** Accents folded in Java ({@link SearchFolding}), for documents and queries alike. */
    @Override
    public @Nullable String searchValue(@Nullable String value) {
        return SearchFolding.fold(value);
    }

    @Override
    public void reindex(Handle handle, List<SearchRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Batch batch = new Batch(handle, searchInsertSql())) {
            for (SearchRow row : rows) {
                batch.integer(row.articleId()).text(searchValue(row.title())).text(searchValue(row.author()))
                        .text(searchValue(row.text())).add();
            }
            batch.execute();
        }
    }

    /** PostgreSQL checks its pages itself; this checks that the schema answers. */
    @Override
    public String integrityCheck(Handle handle) {
        handle.createQuery("SELECT count(*) FROM tidings_schema").mapTo(Long.class).one();
        return "ok";
    }

    @Override
    public String tryAdvisoryLockSql() {
        return "SELECT pg_try_advisory_lock(:key)";
    }

    @Override
    public String advisoryUnlockSql() {
        return "SELECT pg_advisory_unlock(:key)";
    }

    @Override
    public String listenSql() {
        return "LISTEN tidings_changes";
    }

    @Override
    public int changeNotices(Handle session) {
        try {
            // a round trip reads what the server has sent meanwhile
            session.createQuery("SELECT 1").mapTo(Integer.class).one();
            org.postgresql.PGNotification[] notices =
                    session.getConnection().unwrap(org.postgresql.PGConnection.class).getNotifications();
            return notices == null ? 0 : notices.length;
        } catch (java.sql.SQLException e) {
            throw new StoreException("cannot read change notices: " + e.getMessage(), e);
        }
    }

    @Override
    public String advisoryUnlockAllSql() {
        return "SELECT pg_advisory_unlock_all()";
    }

    @Override
    public String skipLocked() {
        return " FOR UPDATE SKIP LOCKED";
    }

    @Override
    public String fullTextCondition() {
        return "a.id IN (SELECT article_id FROM articles_search WHERE document @@ to_tsquery(" + CONFIGURATION + ", :search))";
    }

    @Override
    public FullTextSource fullTextSource() {
        return new FullTextSource("articles_search f CROSS JOIN articles a",
                "a.id = f.article_id AND f.document @@ to_tsquery(" + CONFIGURATION + ", :search)", "f.article_id");
    }

    /** Every word as a quoted lexeme (a {@code *} at its end a prefix match), joined by AND. */
    @Override
    public String fullTextQuery(String userQuery) {
        List<String> terms = new ArrayList<>();
        for (SearchWord word : Dialect.searchWords(userQuery)) {
            String quoted = SearchFolding.fold(word.text()).toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("'", "''");
            terms.add("'" + quoted + "'" + (word.prefix() ? ":*" : ""));
        }
        return String.join(" & ", terms);
    }

    // -- db copy (DatabaseCopy)

    /**
     * Every table of the schema except the version table, the search index (articles_search,
     * derived) and the sync workers at work (schema 10: processes, not data a copy carries).
     */
    @Override
    public List<String> dataTables(Handle handle) {
        return handle.createQuery("""
                        SELECT table_name FROM information_schema.tables
                         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                           AND table_name NOT IN ('tidings_schema', 'articles_search', 'workers')
                         ORDER BY table_name""")
                .mapTo(String.class)
                .list();
    }

    /**
     * {@code ALTER TABLE ... DISABLE TRIGGER USER} (the tables' owner may; it is transactional and
     * locks the table, which a copy into an empty database can afford): per-row and per-statement
     * counter triggers made a copy into PostgreSQL spend most of its time in them.
     */
    @Override
    public void setTriggersEnabled(Handle handle, String table, boolean enabled) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("table: " + table);
        }
        handle.execute("ALTER TABLE " + table + (enabled ? " ENABLE" : " DISABLE") + " TRIGGER USER");
    }

    /** {@code ANALYZE} runs inside a transaction and sees the rows it has written. */
    @Override
    public void analyze(Handle handle, List<String> tables) {
        for (String table : tables) {
            if (!table.matches("[a-z_]+")) {
                throw new IllegalArgumentException("table: " + table);
            }
        }
        if (!tables.isEmpty()) {
            handle.execute("ANALYZE " + String.join(", ", tables));
        }
    }

    /** Must run first in its transaction: every later statement of it reads the same snapshot. */
    @Override
    public void beginSnapshot(Handle handle) {
        handle.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    }

    /**
     * Rows inserted with their ids leave an identity's sequence where it was: moves it on so the
     * next id it gives is {@code nextId} (or after the highest id, if that is higher).
     */
    @Override
    public void restartIdentity(Handle handle, String table, long nextId) {
        String sequence = handle.createQuery("SELECT pg_get_serial_sequence(:table, 'id')")
                .bind("table", table)
                .mapTo(String.class)
                .findOne()
                .orElse(null);
        if (sequence == null || !table.matches("[a-z_]+")) {
            return;
        }
        long last = Math.max(nextId - 1, handle.createQuery("SELECT coalesce(max(id), 0) FROM " + table).mapTo(Long.class).one());
        if (last > 0) {
            handle.createQuery("SELECT setval(:sequence, :last)")
                    .bind("sequence", sequence)
                    .bind("last", last)
                    .mapTo(Long.class)
                    .one();
        }
    }
}
