package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tidings.store.Feeds.entry;
import static org.tidings.store.Feeds.feed;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Entry;
import org.tidings.model.Subscription;
import org.tidings.model.UnreadCount;

/** folders.unread (kept by triggers) always equals a recount: an article in several feeds of a folder counts once. */
@ParameterizedClass
@EnumSource(Backend.class)
class FolderUnreadCountsTest {
    @Parameter Backend backend;
    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir Path dir;
    Store store;
    long main;
    long politics;
    long other;

    @BeforeEach
    void fill() {
        store = backend.open(dir);
        main = add("https://site.example/feed/", "News");
        politics = add("https://site.example/category/politics/feed/", "News");
        other = add("https://other.example/feed/", "World");
        Entry shared = entry("https://site.example/?p=1", "https://site.example/post/1/", "Senate passes budget",
                "2026-11-19T00:00:00Z", "<p>The senate passed the budget.</p>", "Politics");
        Entry own = entry("https://site.example/?p=2", "https://site.example/post/2/", "Rain in Lagos",
                "2026-11-19T01:00:00Z", "<p>It rained.</p>", "Weather");
        store.ingest(main, feed("Site", "https://site.example/", shared, own), NOW);
        store.ingest(politics, feed("Site politics", "https://site.example/", shared), NOW);
        store.ingest(other, feed("Other", "https://other.example/",
                entry("o1", "https://other.example/1", "Port reopens", "2026-11-19T02:00:00Z", "<p>Ships.</p>", "Trade")), NOW);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    long add(String url, String folder) {
        return store.feeds().add(new Subscription(url, null, null, folder, List.of()), NOW).feed().id();
    }

    Map<String, Integer> counters() {
        Map<String, Integer> counts = new TreeMap<>();
        for (UnreadCount count : store.articles().unreadByFolder()) {
            counts.put(count.name(), count.unread());
        }
        return counts;
    }

    Map<String, Integer> recount() {
        Map<String, Integer> counts = new TreeMap<>();
        store.jdbi().useHandle(h -> h.createQuery("""
                        SELECT fo.name, (SELECT count(DISTINCT p.article_id) FROM feeds f
                                           JOIN appearances p ON p.feed_id = f.id
                                           JOIN articles a ON a.id = p.article_id AND a.read = 0
                                          WHERE f.folder_id = fo.id) FROM folders fo""")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    long articleTitled(String title) {
        return store.articles().page(ArticleQuery.all(), null, 100).articles().stream()
                .filter(a -> title.equals(a.title())).findFirst().orElseThrow().id();
    }

    @Test
    void anArticleInTwoFeedsOfAFolderCountsOnce() {
        assertThat(counters()).isEqualTo(Map.of("News", 2, "World", 1)).isEqualTo(recount());
    }

    @Test
    void readAndUnreadMarksMoveTheFolderCountOnce() {
        long shared = articleTitled("Senate passes budget");
        store.articles().mark(List.of(shared), Mark.READ, NOW);
        assertThat(counters()).isEqualTo(Map.of("News", 1, "World", 1)).isEqualTo(recount());
        store.articles().mark(List.of(shared), Mark.UNREAD, NOW);
        assertThat(counters()).isEqualTo(Map.of("News", 2, "World", 1)).isEqualTo(recount());
        store.articles().markAll(ArticleQuery.all().inFolder("News"), Mark.READ, NOW);
        assertThat(counters()).isEqualTo(Map.of("News", 0, "World", 1)).isEqualTo(recount());
    }

    @Test
    void movingAFeedRecountsBothFolders() {
        store.feeds().move(politics, "World");
        assertThat(counters()).isEqualTo(Map.of("News", 2, "World", 2)).isEqualTo(recount());
        store.feeds().move(main, "World");
        assertThat(counters()).isEqualTo(Map.of("World", 3)).isEqualTo(recount());
        store.feeds().move(other, null);
        assertThat(counters()).isEqualTo(Map.of("World", 2)).isEqualTo(recount());
    }

    @Test
    void removingAFeedKeepsTheFolderCountTrue() {
        store.feeds().remove(politics, false);
        assertThat(counters()).isEqualTo(Map.of("News", 2, "World", 1)).isEqualTo(recount());
        store.feeds().remove(main, true);
        assertThat(counters()).isEqualTo(Map.of("World", 1)).isEqualTo(recount());
    }

    @Test
    void purgingAFeedWhoseArticlesAnotherFeedCarriesKeepsThem() {
        store.feeds().remove(main, true);
        assertThat(counters()).isEqualTo(Map.of("News", 1, "World", 1)).isEqualTo(recount());
    }

    @Test
    void retentionKeepsTheFolderCountTrue() {
        store.ingest(main, feed("Site", "https://site.example/"), NOW.plusSeconds(60));
        store.ingest(politics, feed("Site politics", "https://site.example/"), NOW.plusSeconds(60));
        store.cleanup(java.time.Duration.ofDays(1), NOW.plus(java.time.Duration.ofDays(30)));
        assertThat(counters()).isEqualTo(recount());
        assertThat(counters().get("World")).isEqualTo(1);
    }
}
