package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Subscription;

class MigrationsTest {
    @TempDir Path dir;

    private final Migrations migrations = new Migrations(new SqliteDialect());

    private static String pragma(Jdbi jdbi, String name) {
        return jdbi.withHandle(h -> h.createQuery("PRAGMA " + name).mapTo(String.class).one());
    }

    @Test
    void opensNewDatabaseInMissingDirectoriesAtLatestVersion() {
        Path file = dir.resolve("a/b/tidings.db");
        Store store = Store.open(file);
        assertThat(file).exists();
        assertThat(store.schemaVersion()).isEqualTo(migrations.latestVersion());
    }

    @Test
    void configuresWalForeignKeysAndBusyTimeout() {
        Store store = Store.open(dir.resolve("t.db"));
        Jdbi jdbi = store.jdbi();
        assertThat(pragma(jdbi, "journal_mode")).isEqualTo("wal");
        assertThat(pragma(jdbi, "foreign_keys")).isEqualTo("1");
        assertThat(pragma(jdbi, "busy_timeout")).isEqualTo(String.valueOf(SqliteDialect.BUSY_TIMEOUT_MILLIS));
    }

    @Test
    void upgradesVersionOneDatabaseInPlaceKeepingData() {
        Path file = dir.resolve("old.db");
        Jdbi jdbi = SqliteDialect.jdbi(file);
        migrations.migrate(jdbi, 1);
        assertThat(pragma(jdbi, "user_version")).isEqualTo("1");
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO feeds (id, url, url_key, added_at) VALUES (1, 'https://a.example/feed', '//a.example/feed', 0)");
            h.execute("INSERT INTO articles (id, title, author, content_text, content_hash, sort_at, first_seen_at)"
                    + " VALUES (1, 'Senate passes budget', 'Ade', 'The senate passed the budget on Tuesday', 0, 0, 0)");
            h.execute("INSERT INTO appearances (feed_id, article_id, first_seen_at, last_seen_at, content_hash, sort_at)"
                    + " VALUES (1, 1, 0, 0, 0, 0)");
        });

        Store store = Store.open(file);

        assertThat(store.schemaVersion()).isEqualTo(migrations.latestVersion());
        assertThat(store.feeds().feedByUrl("https://a.example/feed")).isPresent();
        assertThat(store.counts().unreadByFeed()).extracting(c -> c.unread()).containsExactly(1);
        // the FTS table added by version 2 indexed the existing article
        assertThat(store.articles().page(ArticleQuery.all().matching("budget"), null, 10).articles())
                .extracting(a -> a.id())
                .containsExactly(1L);
        assertThat(store.integrityCheck()).isEqualTo("ok");
    }

    @Test
    void refusesDatabaseNewerThanKnown() {
        Path file = dir.resolve("new.db");
        Store.open(file);
        SqliteDialect.jdbi(file).useHandle(h -> h.execute("PRAGMA user_version = 99"));

        assertThatThrownBy(() -> Store.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessage("the database has schema version 99, newer than this tidings knows (" + migrations.latestVersion() + ");"
                        + " use a newer tidings or another --db");
    }

    @Test
    void fileThatIsNotADatabaseIsAClearError() throws Exception {
        Path file = dir.resolve("notes.db");
        java.nio.file.Files.writeString(file, "these are my notes, not a database\n".repeat(200));

        assertThatThrownBy(() -> Store.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open the database " + file + ": ")
                .hasMessageContaining("not a database");
        assertThat(java.nio.file.Files.readString(file)).startsWith("these are my notes");
    }

    @Test
    void reopeningIsIdempotent() {
        Path file = dir.resolve("t.db");
        Store.open(file).feeds().add(Subscription.of("https://a.example/feed"), Instant.EPOCH);
        Store again = Store.open(file);
        assertThat(again.feeds().list()).hasSize(1);
        assertThat(again.schemaVersion()).isEqualTo(migrations.latestVersion());
    }

    @Test
    void splitsScriptsKeepingTriggerBodiesWhole() {
        String script = """
                -- comment
                CREATE TABLE a (x INTEGER);
                CREATE TRIGGER t AFTER INSERT ON a
                BEGIN
                    UPDATE a SET x = 1;
                    UPDATE a SET x = 2;
                END;
                CREATE INDEX i ON a (x);
                """;
        assertThat(Migrations.statements(script)).hasSize(3);
        assertThat(Migrations.statements(script).get(1)).startsWith("CREATE TRIGGER").endsWith("END;");
    }
}
