package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Subscription;
import org.tidings.testing.Postgres;

/** A copy that fails half way leaves nothing in the target, on both dialects. */
class DatabaseCopyTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir Path dir;

    private Store filled() {
        Store store = Store.open(dir.resolve("from.db"));
        long feed = store.feeds().add(Subscription.of("http://127.0.0.1:9/feed.xml"), NOW).feed().id();
        store.ingest(feed, Feeds.feed("Loopback", "http://127.0.0.1:9/",
                Feeds.entry("http://127.0.0.1:9/1", "http://127.0.0.1:9/1", "First report"),
                Feeds.entry("http://127.0.0.1:9/2", "http://127.0.0.1:9/2", "Second report"),
                Feeds.entry("http://127.0.0.1:9/3", "http://127.0.0.1:9/3", "Third report")), NOW);
        return store;
    }

    @Test
    void aFailedCopyLeavesTheSqliteTargetEmpty() {
        failHalfWay(DatabaseLocation.sqlite(dir.resolve("to.db")));
    }

    @Test
    void aFailedCopyLeavesThePostgresTargetEmpty() {
        failHalfWay(DatabaseLocation.parse(Postgres.database().url()));
    }

    private void failHalfWay(DatabaseLocation target) {
        try (Store from = filled(); Store to = Store.open(target)) {
            DatabaseCopy.Listener failing = new DatabaseCopy.Listener() {
                @Override
                public void copied(String table, long rows) {
                    if (table.equals("articles")) {
                        throw new StoreException("disk full (test)");
                    }
                }
            };
            assertThatThrownBy(() -> DatabaseCopy.copy(from, to, failing)).hasMessage("disk full (test)");
            assertThat(to.feeds().list()).isEmpty();
            assertThat(to.articles().page(ArticleQuery.all(), null, 10).articles()).isEmpty();
            // and it can be copied into afterwards
            DatabaseCopy.Result result = DatabaseCopy.copy(from, to, DatabaseCopy.Listener.NONE);
            assertThat(result.rows()).isPositive();
            assertThat(to.articles().page(ArticleQuery.all(), null, 10).articles()).hasSize(3);
            assertThat(to.articles().page(ArticleQuery.all().matching("second"), null, 10).articles()).hasSize(1);
        }
    }
}
