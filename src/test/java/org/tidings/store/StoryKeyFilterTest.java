package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tidings.store.Feeds.entry;
import static org.tidings.store.Feeds.feed;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Article;
import org.tidings.model.Entry;
import org.tidings.model.Subscription;

/**
 * The writer's story key filter on SQLite: never rules out a key that is in {@code story_keys},
 * also when another writer added it, and story grouping through it finds what the table finds.
 */
class StoryKeyFilterTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final String PORT = "The Lekki Deep Sea Port handled a record 52,000 containers in October, its operator said"
            + " on Thursday, as shipping lines moved more cargo away from congested Apapa and exporters of cocoa and sesame"
            + " began using the port.";

    @TempDir Path dir;
    private Store store;

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("t.db"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static void insertKeys(Handle handle, StoryKeyFilter filter, List<Long> keys) {
        long article = handle.createQuery("SELECT min(id) FROM articles").mapTo(Long.class).one();
        for (long key : keys) {
            handle.execute("INSERT INTO story_keys (key, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING", key, article);
        }
        filter.written(handle, keys);
    }

    private void oneArticle() {
        long feed = store.feeds().add(Subscription.of("https://a.example/feed"), NOW).feed().id();
        store.ingest(feed, feed("a.example", "https://a.example/", entry("https://a.example/1", "https://a.example/1",
                "Lekki Deep Sea Port handles record container volume", "2026-11-20T08:00:00Z", "<p>" + PORT + "</p>")), NOW);
    }

    private static List<Long> randomKeys(Random random, int n) {
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(random.nextLong());
        }
        return keys;
    }

    @Test
    void neverRulesOutAStoredKeyAndRulesOutMostOthers() {
        oneArticle();
        Random random = new Random(7);
        List<Long> stored = randomKeys(random, 5_000);
        store.jdbi().useTransaction(h -> insertKeys(h, new StoryKeyFilter(true, Integer.MAX_VALUE), stored));
        StoryKeyFilter filter = new StoryKeyFilter(true, 0);

        List<Long> all = store.jdbi().inTransaction(h -> {
            assertThat(filter.prepare(h, 1)).isTrue();
            return h.createQuery("SELECT key FROM story_keys").mapTo(Long.class).list();
        });

        assertThat(all).hasSizeGreaterThan(5_000).allMatch(filter::mightContain);
        long maybes = randomKeys(random, 100_000).stream().filter(filter::mightContain).count();
        assertThat(maybes).isLessThan(100); // about 1 in 1,700 expected
    }

    @Test
    void keysWrittenSinceLoadingAreNotRuledOutAlsoPastItsFirstSize() {
        oneArticle();
        StoryKeyFilter filter = new StoryKeyFilter(true, 0);
        store.jdbi().useTransaction(h -> filter.prepare(h, 1));
        List<Long> keys = randomKeys(new Random(3), 200_000); // more than the first size holds

        store.jdbi().useTransaction(h -> insertKeys(h, filter, keys));

        store.jdbi().useTransaction(h -> assertThat(filter.prepare(h, 1)).isTrue());
        assertThat(keys).allMatch(filter::mightContain);
    }

    @Test
    void reloadsWhenAnotherWriterAddedKeys() {
        oneArticle();
        StoryKeyFilter mine = new StoryKeyFilter(true, 0);
        StoryKeyFilter theirs = new StoryKeyFilter(true, 0);
        store.jdbi().useTransaction(h -> mine.prepare(h, 1));
        List<Long> keys = randomKeys(new Random(5), 1_000);

        store.jdbi().useTransaction(h -> insertKeys(h, theirs, keys));

        store.jdbi().useTransaction(h -> mine.prepare(h, 1));
        assertThat(keys).allMatch(mine::mightContain);
    }

    @Test
    void reloadsAfterItsOwnWriteWasRolledBack() {
        oneArticle();
        StoryKeyFilter mine = new StoryKeyFilter(true, 0);
        StoryKeyFilter theirs = new StoryKeyFilter(true, 0);
        store.jdbi().useTransaction(h -> mine.prepare(h, 1));
        try {
            store.jdbi().useTransaction(h -> {
                insertKeys(h, mine, randomKeys(new Random(9), 10));
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // the token mine remembers was never committed
        }
        List<Long> keys = randomKeys(new Random(11), 1_000);
        store.jdbi().useTransaction(h -> insertKeys(h, theirs, keys));

        store.jdbi().useTransaction(h -> mine.prepare(h, 1));
        assertThat(keys).allMatch(mine::mightContain);
    }

    @Test
    void isOffWhereSeveralWritersWriteAtOnce() {
        StoryKeyFilter filter = StoryKeyFilter.of(new PostgresDialect());
        boolean used = store.jdbi().inTransaction(h -> filter.prepare(h, 1_000_000));
        assertThat(used).isFalse();
    }

    @Test
    void groupsCopiesWrittenByAnotherStoreOnTheSameFile() {
        try (Store first = withFilterAtOnce(dir.resolve("shared.db")); Store second = withFilterAtOnce(dir.resolve("shared.db"))) {
            // a and b share their body, b and c their headline: c finds the story only through
            // b's keys, which the other store wrote
            long a = ingest(first, "en.people.cn", "Port operator reports strong October at Lekki", PORT);
            long b = ingest(second, "punchng.com", "Lekki deep sea port handles record container volume", PORT);
            long c = ingest(first, "guardian.ng", "LEKKI DEEP SEA PORT HANDLES RECORD CONTAINER VOLUME",
                    "Shipping lines said on Friday that they would add two weekly calls to West Africa next year.");

            List<Article> articles = first.articles().page(ArticleQuery.all(), null, 10).articles();
            assertThat(articles).extracting(Article::id).containsExactlyInAnyOrder(a, b, c);
            assertThat(articles).extracting(Article::story).doesNotContainNull().containsOnly(articles.get(0).story());
        }
    }

    @Test
    void upgradesASchema11DatabaseAndFindsTheStoryKeysItHolds() {
        Path file = dir.resolve("old.db");
        Migrations migrations = new Migrations(new SqliteDialect());
        org.jdbi.v3.core.Jdbi old = SqliteDialect.jdbi(file);
        migrations.migrate(old, 11);
        String title = "Lekki Deep Sea Port handles record container volume";
        long published = Instant.parse("2026-11-20T08:00:00Z").toEpochMilli();
        old.useTransaction(h -> {
            h.execute("INSERT INTO articles (id, site, title, link, content_text, content_hash, published_at, sort_at, first_seen_at)"
                    + " VALUES (1, 'en.people.cn', ?, 'https://en.people.cn/port', ?, 1, ?, ?, ?)", title, PORT, published, published,
                    published);
            for (long key : StoryFingerprint.of(title, PORT, "en.people.cn", published).candidateKeys()) {
                h.execute("INSERT INTO story_keys (key, article_id) VALUES (?, 1)", key);
            }
        });

        try (Store upgraded = withFilterAtOnce(file)) {
            assertThat(upgraded.schemaVersion()).isEqualTo(migrations.latestVersion());
            long copy = ingest(upgraded, "punchng.com", "Lekki deep sea port handles record container volume", "Short.");

            List<Article> articles = upgraded.articles().page(ArticleQuery.all(), null, 10).articles();
            assertThat(articles).extracting(Article::id).containsExactlyInAnyOrder(1L, copy);
            assertThat(articles).extracting(Article::story).doesNotContainNull().containsOnly(articles.get(0).story());
            assertThat(upgraded.integrityCheck()).isEqualTo("ok");
        }
    }

    /** A store whose story key filter loads at its first write (not after 20,000 keys). */
    private static Store withFilterAtOnce(Path file) {
        String before = System.getProperty("tidings.storyKeyFilterAfter");
        System.setProperty("tidings.storyKeyFilterAfter", "0");
        try {
            return Store.open(file);
        } finally {
            if (before == null) {
                System.clearProperty("tidings.storyKeyFilterAfter");
            } else {
                System.setProperty("tidings.storyKeyFilterAfter", before);
            }
        }
    }

    private static long ingest(Store store, String site, String title, String body) {
        long feed = store.feeds().add(Subscription.of("https://" + site + "/feed"), NOW).feed().id();
        Entry entry = entry("https://" + site + "/port", "https://" + site + "/port", title, "2026-11-20T08:00:00Z",
                "<p>" + body + "</p>");
        return store.ingest(feed, feed(site, "https://" + site + "/", entry), NOW).addedIds().get(0);
    }
}
