package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tidings.model.Subscription;
import org.tidings.testing.Postgres;

/**
 * A copy that fails half way leaves nothing in the target, on both dialects; the counters a copy
 * sets afterwards come from the rows alone.
 */
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

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theRecountSetsEveryCounterFromTheRows(Backend backend) {
        try (Store store = backend.open(dir)) {
            long one = store.feeds().add(new Subscription("http://127.0.0.1:9/one.xml", null, null, "News", List.of()), NOW)
                    .feed().id();
            long two = store.feeds().add(new Subscription("http://127.0.0.1:9/two.xml", null, null, "News", List.of()), NOW)
                    .feed().id();
            store.feeds().add(Subscription.of("http://127.0.0.1:9/empty.xml"), NOW);
            store.ingest(one, Feeds.feed("One", null,
                    Feeds.entry(null, "http://127.0.0.1:9/a", "Shared", "2026-11-20T08:00:00Z", "<p>x</p>", "Politics"),
                    Feeds.entry("b", "http://127.0.0.1:9/b", "Only one", "2026-11-20T08:00:00Z", "<p>y</p>", "Politics")), NOW);
            store.ingest(two, Feeds.feed("Two", null,
                    Feeds.entry(null, "http://127.0.0.1:9/a", "Shared", "2026-11-20T08:00:00Z", "<p>x</p>"),
                    Feeds.entry("c", "http://127.0.0.1:9/c", "Only two", "2026-11-20T08:00:00Z", "<p>z</p>", "Sport")), NOW);
            long onlyOne = store.articles().page(ArticleQuery.all().matching("only one"), null, 1).articles().get(0).id();
            store.articles().mark(List.of(onlyOne), Mark.READ, NOW);
            String before = counters(store);

            store.jdbi().useHandle(handle -> {
                handle.execute("UPDATE feeds SET unread = 99, total = 99");
                handle.execute("UPDATE folders SET unread = 42");
                handle.execute("UPDATE topics SET unread = 7");
                handle.execute("UPDATE articles SET feed_count = 5");
            });
            assertThat(counters(store)).isNotEqualTo(before);
            store.jdbi().useHandle(DatabaseCopy::recount);

            assertThat(counters(store)).isEqualTo(before)
                    .contains("feed one.xml 1/2", "feed two.xml 2/2", "feed empty.xml 0/0", "folder News 2",
                            "topic Politics 1", "topic Sport 1", "articles 2,1,1");
        }
    }

    /** Every counter the triggers keep, as text. */
    private static String counters(Store store) {
        return store.jdbi().withHandle(handle -> String.join("\n",
                handle.createQuery("SELECT 'feed ' || substr(url, 20) || ' ' || unread || '/' || total FROM feeds ORDER BY id")
                        .mapTo(String.class).list())
                + "\n" + String.join("\n", handle.createQuery("SELECT 'folder ' || name || ' ' || unread FROM folders ORDER BY name")
                        .mapTo(String.class).list())
                + "\n" + String.join("\n", handle.createQuery("SELECT 'topic ' || name || ' ' || unread FROM topics ORDER BY name")
                        .mapTo(String.class).list())
                + "\narticles " + String.join(",", handle.createQuery("SELECT feed_count FROM articles ORDER BY feed_count DESC, id")
                        .mapTo(String.class).list()));
    }
}
