package org.tidings.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite: one file, WAL journal (readers never block the writer), foreign keys on, a busy timeout
 * so a second process waits instead of failing, and {@code BEGIN IMMEDIATE} transactions so a
 * writer takes its lock up front (a deferred transaction that upgrades to a write gets {@code
 * SQLITE_BUSY} at once, whatever the timeout). The schema version lives in {@code PRAGMA
 * user_version}.
 */
public final class SqliteDialect implements Dialect {
    /** How long a connection waits for another process's write lock. */
    public static final int BUSY_TIMEOUT_MILLIS = 30_000;

    @Override
    public String name() {
        return "sqlite";
    }

    /**
     * A Jdbi on the file, creating its parent directories. On POSIX file systems, directories it
     * creates are private to the user (0700) and so is a new database file (0600; SQLite gives its
     * -wal and -shm files the same mode): on a shared server, other users cannot read what one
     * reads. Existing directories and files keep their modes.
     */
    public static Jdbi jdbi(Path file) {
        SQLiteDataSource dataSource = dataSource(file);
        return Jdbi.create(() -> {
            java.sql.Connection connection = dataSource.getConnection();
            Bodies.register(connection);
            return connection;
        });
    }

    /** Connections to the file keeping a few idle ones open, for {@link Store}. */
    static PooledConnections pooledConnections(Path file) {
        return new PooledConnections(dataSource(file), 4);
    }

    private static SQLiteDataSource dataSource(Path file) {
        Objects.requireNonNull(file, "file");
        Path parent = file.toAbsolutePath().getParent();
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (parent != null && !Files.isDirectory(parent)) {
                if (posix) {
                    Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(parent);
                }
            }
            if (posix && !Files.exists(file)) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: fine
                }
            }
            if (!Files.exists(file) || Files.size(file) == 0) {
                setPageSize(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + file + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // A 32 MB page cache per connection and no memory-mapped I/O: pages read through mmap
        // count in the process's resident memory (a sync of 50,000 articles reached 550 MB), while
        // the operating system's page cache serves plain reads as fast.
        config.setCacheSize(-32_000);
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, "0");
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource;
    }

    /**
     * Gives a new, empty database file 8 KB pages: article rows of a few KB (deflated bodies) fill
     * them with less left over than 4 KB pages (about 12% smaller files at equal content). The
     * page size is fixed by the first write, and WAL mode (set by every connection) is a write, so
     * it is set here first, on a plain connection. Existing files keep their page size.
     */
    private static void setPageSize(Path file) {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA page_size = " + Integer.getInteger("tidings.pageSize", 8192));
            statement.execute("PRAGMA journal_mode = WAL");
        } catch (java.sql.SQLException e) {
            // another process is creating it at the same moment, or the file is not usable: the
            // normal open reports what is wrong
        }
    }

    @Override
    public int schemaVersion(Handle handle) {
        return handle.createQuery("PRAGMA user_version").mapTo(Integer.class).one();
    }

    @Override
    public void setSchemaVersion(Handle handle, int version) {
        handle.execute("PRAGMA user_version = " + version);
    }

    @Override
    public long nextId(Handle handle, String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("table: " + table);
        }
        long sequence = handle.createQuery("SELECT seq FROM sqlite_sequence WHERE name = :table")
                .bind("table", table)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L);
        long max = handle.createQuery("SELECT coalesce(max(id), 0) FROM " + table).mapTo(Long.class).one();
        return Math.max(sequence, max) + 1;
    }

    @Override
    public String indexedBy(String index) {
        if (!index.matches("[a-z_]+")) {
            throw new IllegalArgumentException("index: " + index);
        }
        return " INDEXED BY " + index;
    }

    @Override
    public String orderedJoin() {
        return "CROSS JOIN";
    }

    @Override
    public String searchInsertSql() {
        return "INSERT INTO articles_fts (rowid, title, author, content_text) VALUES (?, ?, ?, ?)";
    }

    /** Nothing to do: the articles_fts_update trigger re-indexes (V007__write_path). */
    @Override
    public void reindex(Handle handle, List<SearchRow> rows) {
    }

    /**
     * {@code PRAGMA integrity_check}, in one read transaction that first opens a cursor on the
     * full-text index: FTS5 keeps the index's structure cached per connection and refreshes it
     * when a cursor opens, but its integrity check does not, so on a pooled connection that
     * searched earlier while another process wrote it reported {@code fts5: corruption found} on a
     * healthy file (the historical two-process failure; TwoProcessTest).
     */
    @Override
    public String integrityCheck(Handle handle) {
        List<String> problems = handle.inTransaction(h -> {
            h.createQuery("SELECT count(*) FROM articles_fts WHERE rowid = 0").mapTo(Long.class).one();
            return h.createQuery("PRAGMA integrity_check").mapTo(String.class).list();
        });
        return String.join("; ", problems);
    }

    @Override
    public String fullTextCondition() {
        return "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :search)";
    }

    @Override
    public FullTextSource fullTextSource() {
        return new FullTextSource("articles_fts f CROSS JOIN articles a", "a.id = f.rowid AND articles_fts MATCH :search", "f.rowid");
    }

    @Override
    public String fullTextQuery(String userQuery) {
        List<String> terms = new ArrayList<>();
        for (SearchWord word : Dialect.searchWords(userQuery)) {
            terms.add('"' + word.text().replace("\"", "\"\"") + '"' + (word.prefix() ? "*" : ""));
        }
        return String.join(" AND ", terms);
    }

    @Override
    public List<String> dataTables(Handle handle) {
        // sqlite_% are SQLite's own (sqlite_sequence); articles_fts% the search index and its shadow tables;
        // workers (schema 10) are the processes at work on this database, not data a copy carries
        return handle.createQuery("""
                        SELECT name FROM sqlite_master
                         WHERE type = 'table' AND name NOT GLOB 'sqlite_*' AND name NOT GLOB 'articles_fts*'
                           AND name NOT IN ('flyway_schema_history', 'workers')
                         ORDER BY name""")
                .mapTo(String.class)
                .list();
    }

    @Override
    public boolean dynamicTypes() {
        return true;
    }

    /**
     * Nothing to do: a transaction reads one snapshot (WAL), and the store's transactions begin
     * {@code IMMEDIATE}, so writers of other processes wait until the copy is read.
     */
    @Override
    public void beginSnapshot(Handle handle) {
        // the transaction itself is the snapshot
    }

    /**
     * Only {@code AUTOINCREMENT} tables remember ids handed out before (in {@code sqlite_sequence});
     * the others hand out the largest id + 1 anyway.
     */
    @Override
    public void restartIdentity(Handle handle, String table, long nextId) {
        boolean autoincrement = handle.createQuery("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :table")
                .bind("table", table)
                .mapTo(String.class)
                .findOne()
                .map(sql -> sql.toUpperCase(java.util.Locale.ROOT).contains("AUTOINCREMENT"))
                .orElse(false);
        if (!autoincrement || nextId <= 1) {
            return;
        }
        handle.createUpdate("""
                        INSERT INTO sqlite_sequence (name, seq) SELECT :table, :seq
                         WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = :table)""")
                .bind("table", table)
                .bind("seq", nextId - 1)
                .execute();
        handle.createUpdate("UPDATE sqlite_sequence SET seq = :seq WHERE name = :table AND seq < :seq")
                .bind("table", table)
                .bind("seq", nextId - 1)
                .execute();
    }
}
