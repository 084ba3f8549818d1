package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.testing.Postgres;

/** Opening a PostgreSQL store: the URL forms, and each way it fails, in one line without the password. */
class PostgresStoreTest {
    @TempDir Path dir;

    @Test
    void hasTheTablesAndColumnsOfSqlite() {
        Set<String> sqlite = new TreeSet<>();
        try (Store store = Store.open(dir.resolve("t.db"))) {
            store.jdbi().useHandle(h -> h.createQuery("""
                            SELECT m.name || '.' || p.name FROM sqlite_master m, pragma_table_info(m.name) p
                             WHERE m.type = 'table' AND m.name NOT LIKE 'articles_fts%' AND m.name NOT LIKE 'sqlite_%'""")
                    .mapTo(String.class).forEach(sqlite::add));
        }
        Set<String> postgres = new TreeSet<>();
        try (Store store = Store.open(DatabaseLocation.parse(Postgres.database().url()))) {
            store.jdbi().useHandle(h -> h.createQuery("""
                            SELECT table_name || '.' || column_name FROM information_schema.columns
                             WHERE table_schema = current_schema() AND table_name NOT IN ('articles_search', 'tidings_schema')""")
                    .mapTo(String.class).forEach(postgres::add));
        }
        assertThat(postgres).isEqualTo(sqlite).contains("articles.content_html", "feeds.full_text");
    }

    @Test
    void idsOfDeletedArticlesAreNotHandedOutAgain() {
        try (Store store = Store.open(DatabaseLocation.parse(Postgres.database().url()))) {
            long first = store.jdbi().inTransaction(h -> {
                long id = store.dialect().nextId(h, "articles");
                h.execute("INSERT INTO articles (id, content_hash, sort_at, first_seen_at) VALUES (?, 0, 0, 0)", id);
                h.execute("INSERT INTO articles (id, content_hash, sort_at, first_seen_at) VALUES (?, 0, 0, 0)", id + 1);
                return id;
            });
            store.jdbi().useHandle(h -> h.execute("DELETE FROM articles WHERE id = ?", first + 1));
            long next = store.jdbi().inTransaction(h -> store.dialect().nextId(h, "articles"));
            assertThat(next).isEqualTo(first + 2);
        }
    }

    @Test
    void splitsFunctionBodiesInDollarQuotesAsOneStatement() {
        assertThat(Migrations.statements("""
                CREATE TABLE t (a bigint);
                CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE t SET a = a + 1;

                    -- a comment inside
                    RETURN NULL;
                END $$;
                CREATE TRIGGER g AFTER INSERT ON t
                FOR EACH ROW EXECUTE FUNCTION f();
                """)).hasSize(3).element(1).asString().startsWith("CREATE FUNCTION").endsWith("END $$;");
    }
    @Test
    void parsesLibpqAndJdbcUrlsAndNeverShowsThePassword() {
        DatabaseLocation url = DatabaseLocation.parse("postgresql://ann:s%40cret@db.example:6543/news?sslmode=require", Map.of());
        assertThat(url.isPostgres()).isTrue();
        assertThat(url).extracting(DatabaseLocation::host, DatabaseLocation::port, DatabaseLocation::database,
                DatabaseLocation::user, DatabaseLocation::password).containsExactly("db.example", 6543, "news", "ann", "s@cret");
        assertThat(url.display()).isEqualTo("postgresql://ann@db.example:6543/news?sslmode=require").doesNotContain("cret");
        assertThat(url.toString()).doesNotContain("cret");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/news?sslmode=require");

        DatabaseLocation jdbc = DatabaseLocation.parse("jdbc:postgresql://h/db?user=bob&password=pw", Map.of());
        assertThat(jdbc).extracting(DatabaseLocation::host, DatabaseLocation::port, DatabaseLocation::user, DatabaseLocation::password)
                .containsExactly("h", 5432, "bob", "pw");
        assertThat(DatabaseLocation.parse("postgres://bob@h/db", Map.of("PGPASSWORD", "fromenv")).password()).isEqualTo("fromenv");
        assertThat(DatabaseLocation.parse("postgres://bob:inurl@h/db", Map.of("PGPASSWORD", "fromenv")).password()).isEqualTo("inurl");
        assertThat(DatabaseLocation.parse("postgres://bob@h/db", Map.of()).password()).isNull();

        DatabaseLocation file = DatabaseLocation.parse("data/tidings.db", Map.of());
        assertThat(file.isPostgres()).isFalse();
        assertThat(file.display()).isEqualTo("data/tidings.db");
        assertThatThrownBy(() -> DatabaseLocation.parse("postgresql://bob:topsecret@h:99999/db", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> DatabaseLocation.parse("postgresql://bob:topsecret@h", Map.of()))
                .hasMessageStartingWith("no database name").hasMessageNotContaining("topsecret");
    }

    @Test
    void opensMigratesAndReopensAPostgresDatabase() {
        Postgres.Database db = Postgres.database();
        DatabaseLocation location = DatabaseLocation.parse(db.url());
        try (Store store = Store.open(location)) {
            assertThat(store.dialect()).isInstanceOf(PostgresDialect.class);
            assertThat(store.location()).isEqualTo(location);
            assertThat(store.schemaVersion()).isEqualTo(new Migrations(new SqliteDialect()).latestVersion());
            assertThat(store.integrityCheck()).isEqualTo("ok");
        }
        try (Store again = Store.open(location)) {
            assertThat(again.schemaVersion()).isEqualTo(new Migrations(new PostgresDialect()).latestVersion());
        }
    }

    @Test
    void unreachableServerIsOneLine() throws Exception {
        Postgres.Database db = Postgres.database();
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String url = "postgresql://" + db.user() + ":" + db.password() + "@127.0.0.1:" + closed + "/" + db.name();
        assertThatThrownBy(() -> Store.open(DatabaseLocation.parse(url)))
                .isInstanceOf(StoreException.class)
                .hasMessage("cannot open the database postgresql://" + db.user() + "@127.0.0.1:" + closed + "/" + db.name()
                        + ": cannot reach the PostgreSQL server at 127.0.0.1:" + closed + " (connection refused)");
    }

    @Test
    void wrongPasswordIsOneLineWithoutIt() {
        Postgres.Database db = Postgres.database();
        String url = "postgresql://" + db.user() + ":not-the-password@" + db.host() + ":" + db.port() + "/" + db.name();
        assertThatThrownBy(() -> Store.open(DatabaseLocation.parse(url)))
                .isInstanceOf(StoreException.class)
                .hasMessageEndingWith(": wrong password for user " + db.user() + " (password authentication failed)")
                .hasMessageNotContaining("not-the-password")
                .hasMessageNotContaining("\n");
    }

    @Test
    void missingPasswordSaysWhereToGiveIt() {
        Postgres.Database db = Postgres.database();
        assertThatThrownBy(() -> Store.open(DatabaseLocation.parse(db.urlWithoutPassword(), Map.of())))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("asks for a password for user " + db.user());
    }

    @Test
    void missingDatabaseIsOneLine() {
        Postgres.Database db = Postgres.database();
        String url = "postgresql://" + db.user() + ":" + db.password() + "@" + db.host() + ":" + db.port() + "/nosuchdb";
        assertThatThrownBy(() -> Store.open(DatabaseLocation.parse(url)))
                .isInstanceOf(StoreException.class)
                .hasMessage("cannot open the database postgresql://" + db.user() + "@" + db.host() + ":" + db.port()
                        + "/nosuchdb: no database \"nosuchdb\" on the server " + db.host() + ":" + db.port() + " (create it first)");
    }

    @Test
    void refusesASchemaNewerThanKnown() throws Exception {
        Postgres.Database db = Postgres.database();
        DatabaseLocation location = DatabaseLocation.parse(db.url());
        Store.open(location).close();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE tidings_schema SET version = 99");
        }
        int latest = new Migrations(new PostgresDialect()).latestVersion();
        assertThatThrownBy(() -> Store.open(location))
                .isInstanceOf(StoreException.class)
                .hasMessage("the database has schema version 99, newer than this tidings knows (" + latest + ");"
                        + " use a newer tidings or another --db");
    }
}
