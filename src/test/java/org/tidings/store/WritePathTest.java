package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.tidings.store.Feeds.entry;
import static org.tidings.store.Feeds.feed;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Article;
import org.tidings.model.ArticleContent;
import org.tidings.model.Entry;
import org.tidings.model.ParsedFeed;
import org.tidings.model.Subscription;

/** The write path (V007): compressed bodies, derived search text, unchanged documents skipped, group commit. */
class WritePathTest {
    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir Path dir;

    private static List<Long> search(Store store, String words) {
        return store.articles().page(ArticleQuery.all().matching(words), null, 50).articles().stream().map(Article::id).toList();
    }

    private static void assertHealthy(Store store) {
        assertThat(store.integrityCheck()).isEqualTo("ok");
        assertThatCode(() -> store.jdbi().useHandle(h -> h.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")))
                .as("FTS5 integrity-check").doesNotThrowAnyException();
    }

    @Test
    void upgradesVersionFourDatabaseKeepingSearchAndBodies() {
        Path file = dir.resolve("v4.db");
        Jdbi jdbi = SqliteDialect.jdbi(file);
        new Migrations(new SqliteDialect()).migrate(jdbi, 4);
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO feeds (id, url, url_key, added_at) VALUES (1, 'https://a.example/feed', '//a.example/feed', 0)");
            h.execute("INSERT INTO articles (id, title, author, content_html, content_text, content_hash, sort_at, first_seen_at)"
                    + " VALUES (1, 'Senate passes budget', 'Ade', '<p>The senate passed the budget</p>',"
                    + " 'The senate passed the budget', 0, 0, 0)");
            h.execute("INSERT INTO appearances (feed_id, article_id, first_seen_at, last_seen_at, content_hash, sort_at)"
                    + " VALUES (1, 1, 0, 0, 0, 0)");
        });

        try (Store store = Store.open(file)) {
            assertThat(store.schemaVersion()).isEqualTo(new Migrations(new SqliteDialect()).latestVersion());
            assertThat(search(store, "budget")).containsExactly(1L);
            assertThat(store.articles().content(1).orElseThrow().html()).isEqualTo("<p>The senate passed the budget</p>");
            store.ingest(1, feed("A", "https://a.example/", entry("n1", "https://a.example/n1", "Naira rallies", "2026-11-20T08:00:00Z",
                    "<p>The naira rallied against the <b>budget</b> worries.</p>")), NOW);
            assertThat(search(store, "budget")).hasSize(2);
            assertThat(search(store, "naira rallied")).hasSize(1);
            assertHealthy(store);
            store.cleanup(Duration.ZERO, NOW.plus(Duration.ofDays(400)));
            assertHealthy(store);
        }
    }

    @Test
    void bodiesAreStoredCompressedAndTheirTextDerived() {
        try (Store store = Store.open(dir.resolve("t.db"))) {
            long feed = store.feeds().add(Subscription.of("https://a.example/feed"), NOW).feed().id();
            String html = "<p>Lagos traffic &amp; the third mainland bridge</p>" + "<p>repeated words </p>".repeat(50)
                    + "<p>odd \uD800 surrogate</p>";
            store.ingest(feed, feed("A", "https://a.example/", entry("1", "https://a.example/1", "Traffic", "2026-11-20T08:00:00Z", html)), NOW);
            long id = search(store, "mainland").get(0);

            Object stored = store.jdbi().withHandle(h -> h.createQuery("SELECT content_html FROM articles WHERE id = :id")
                    .bind("id", id).map((rs, ctx) -> rs.getObject(1)).one());
            assertThat(stored).isInstanceOf(byte[].class);
            assertThat(((byte[]) stored).length).isLessThan(html.length() / 4);
            ArticleContent content = store.articles().content(id).orElseThrow();
            assertThat(content.html()).startsWith("<p>Lagos traffic &amp; the third mainland bridge</p>");
            assertThat(content.text()).startsWith("Lagos traffic & the third mainland bridge repeated words");
            assertHealthy(store);

            // changed in place: the update trigger re-derives the text it indexed
            store.ingest(feed, feed("A", "https://a.example/", entry("1", "https://a.example/1", "Traffic eases", "2026-11-20T08:00:00Z",
                    "<p>Ikorodu road reopens</p>")), NOW.plusSeconds(60));
            assertThat(search(store, "mainland")).isEmpty();
            assertThat(search(store, "ikorodu")).containsExactly(id);
            assertHealthy(store);
            store.feeds().remove(feed, true);
            assertThat(search(store, "ikorodu")).isEmpty();
            assertHealthy(store);
        }
    }

    @Test
    void newDatabaseHasEightKilobytePagesAndWal() {
        try (Store store = Store.open(dir.resolve("new.db"))) {
            int pageSize = store.jdbi().withHandle(h -> h.createQuery("PRAGMA page_size").mapTo(Integer.class).one());
            String journal = store.jdbi().withHandle(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
            assertThat(pageSize).isEqualTo(8192);
            assertThat(journal).isEqualTo("wal");
        }
    }

    @Test
    void unchangedDocumentIsNotIngestedAgainUntilOneOfItsArticlesIsDeleted() {
        try (Store store = Store.open(dir.resolve("t.db"))) {
            long one = store.feeds().add(Subscription.of("https://a.example/feed"), NOW).feed().id();
            long two = store.feeds().add(Subscription.of("https://a.example/category/x/feed"), NOW).feed().id();
            Entry shared = entry("https://a.example/?p=1", "https://a.example/1", "Shared post");
            Entry own = entry("https://a.example/?p=2", "https://a.example/2", "Own post");
            ParsedFeed document = feed("A", "https://a.example/", shared, own, own);

            IngestResult first = store.ingest(one, document, NOW);
            IngestResult again = store.ingest(one, document, NOW.plusSeconds(3600));
            assertThat(first.added()).isEqualTo(2);
            assertThat(again).isEqualTo(new IngestResult(0, 0, 2, 0, List.of()));
            Long hash = store.jdbi().withHandle(h -> h.createQuery("SELECT ingest_hash FROM feeds WHERE id = :id")
                    .bind("id", one).mapTo(Long.class).one());
            assertThat(hash).isNotNull();

            // the other feed carries "shared"; purging the first feed deletes only "own"
            store.ingest(two, feed("A x", "https://a.example/", shared), NOW);
            store.feeds().remove(one, true);
            long three = store.feeds().add(Subscription.of("https://a.example/feed"), NOW).feed().id();
            assertThat(store.ingest(three, document, NOW.plusSeconds(7200)).added()).isEqualTo(1);
            assertThat(store.ingest(two, feed("A x", "https://a.example/", shared), NOW.plusSeconds(7200)).unchanged()).isEqualTo(1);
            assertThat(store.articles().page(ArticleQuery.all(), null, 10).articles()).hasSize(2);
        }
    }

    @Test
    void groupCommitKeepsNothingOfAFailedGroup() {
        try (Store store = Store.open(dir.resolve("t.db"))) {
            long feed = store.feeds().add(Subscription.of("https://a.example/feed"), NOW).feed().id();
            assertThatCode(() -> store.writeTogether(() -> {
                store.ingest(feed, feed("A", "https://a.example/", entry("1", "https://a.example/1", "One")), NOW);
                store.ingest(999, feed("B", null, entry("2", "https://b.example/2", "Two")), NOW);
                return null;
            })).isInstanceOf(IllegalArgumentException.class);
            assertThat(store.articles().page(ArticleQuery.all(), null, 10).articles()).isEmpty();

            List<IngestResult> results = store.writeTogether(() -> List.of(
                    store.ingest(feed, feed("A", "https://a.example/", entry("1", "https://a.example/1", "One")), NOW),
                    store.ingest(feed, feed("A", "https://a.example/", entry("1", "https://a.example/1", "One"),
                            entry("2", "https://a.example/2", "Two")), NOW.plusSeconds(1))));
            assertThat(results).extracting(IngestResult::added).containsExactly(1, 1);
            assertHealthy(store);
        }
    }
}
