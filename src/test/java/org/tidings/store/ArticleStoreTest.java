package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tidings.store.Feeds.entry;
import static org.tidings.store.Feeds.feed;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Article;
import org.tidings.model.Entry;
import org.tidings.model.Subscription;
import org.tidings.model.UnreadCount;

@ParameterizedClass
@EnumSource(Backend.class)
class ArticleStoreTest {
    @Parameter Backend backend;
    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir Path dir;
    Store store;
    long a;
    long b;

    @BeforeEach
    void fill() {
        store = backend.open(dir);
        a = store.feeds().add(new Subscription("https://a.example/feed", null, null, "News/Nigeria", List.of()), NOW).feed().id();
        b = store.feeds().add(new Subscription("https://b.example/feed", "Bee", null, "Tech", List.of()), NOW).feed().id();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // pairs share a date so the id breaks ties
            entries.add(entry("a" + i, "https://a.example/" + i, "Lagos story " + i,
                    Instant.parse("2026-11-01T00:00:00Z").plusSeconds(3600L * (i / 2)).toString(),
                    "<p>Article number " + i + " about the harbour.</p>", i % 2 == 0 ? "Even" : "Odd"));
        }
        store.ingest(a, feed("A", "https://a.example/", entries.toArray(Entry[]::new)), NOW);
        store.ingest(b, feed("B", "https://b.example/",
                entry("b1", "https://b.example/1", "Abuja budget vote", "2026-11-19T00:00:00Z", "<p>Senators voted on the budget.</p>", "Politics")),
                NOW);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    List<Long> ids(ArticleQuery query) {
        List<Long> ids = new ArrayList<>();
        PageCursor after = null;
        do {
            ArticlePage<Article> page = store.articles().page(query, after, 10);
            page.articles().forEach(article -> ids.add(article.id()));
            after = page.next().orElse(null);
        } while (after != null);
        return ids;
    }

    @Test
    void pagesAreKeysetOrderedNewestFirstWithoutGapsOrRepeats() {
        List<Long> paged = ids(ArticleQuery.all());
        List<Long> whole = store.articles().page(ArticleQuery.all(), null, 1000).articles().stream().map(Article::id).toList();

        assertThat(paged).hasSize(26).doesNotHaveDuplicates().isEqualTo(whole);
        List<Article> articles = store.articles().page(ArticleQuery.all(), null, 1000).articles();
        for (int i = 1; i < articles.size(); i++) {
            assertThat(articles.get(i).published()).isBeforeOrEqualTo(articles.get(i - 1).published());
        }
        assertThat(articles.get(0).title()).isEqualTo("Abuja budget vote");
    }

    @Test
    void lastPageHasNoNextCursor() {
        ArticlePage<Article> page = store.articles().page(ArticleQuery.all().inFeed(b), null, 10);
        assertThat(page.articles()).hasSize(1);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void filtersByFeedFolderTopicAndUnread() {
        assertThat(ids(ArticleQuery.all().inFeed(a))).hasSize(25);
        assertThat(ids(ArticleQuery.all().inFolder("Tech"))).hasSize(1);
        assertThat(ids(ArticleQuery.all().inFolder("News/Nigeria"))).hasSize(25);
        assertThat(ids(ArticleQuery.all().inTopic("EVEN "))).hasSize(13);
        assertThat(ids(ArticleQuery.all().inTopic("Even").inFeed(a))).hasSize(13);
        List<Long> odd = ids(ArticleQuery.all().inTopic("odd"));
        store.articles().mark(odd.subList(0, 5), Mark.READ, NOW);
        assertThat(ids(ArticleQuery.all().unreadOnly().inTopic("odd"))).hasSize(7);
        assertThat(ids(ArticleQuery.all().unreadOnly().inFeed(a))).hasSize(20);
    }

    @Test
    void unknownFilterGivesEmptyPage() {
        assertThat(store.articles().page(ArticleQuery.all().inTopic("nope"), null, 10).articles()).isEmpty();
        assertThat(store.articles().page(ArticleQuery.all().inFolder("nope"), null, 10).articles()).isEmpty();
        assertThat(store.articles().page(ArticleQuery.all().inFeed(999), null, 10).articles()).isEmpty();
    }

    @Test
    void countsUnreadPerFeedFolderAndTopic() {
        store.articles().mark(ids(ArticleQuery.all().inTopic("Even")), Mark.READ, NOW);

        assertThat(store.articles().unreadByFeed()).extracting(UnreadCount::name, UnreadCount::unread)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", 12), org.assertj.core.groups.Tuple.tuple("Bee", 1));
        assertThat(store.articles().unreadByFolder()).extracting(UnreadCount::name, UnreadCount::unread)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("News/Nigeria", 12), org.assertj.core.groups.Tuple.tuple("Tech", 1));
        assertThat(store.articles().unreadByTopic()).extracting(UnreadCount::name, UnreadCount::unread)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Even", 0), org.assertj.core.groups.Tuple.tuple("Odd", 12),
                        org.assertj.core.groups.Tuple.tuple("Politics", 1));
        assertThat(store.articles().unreadTotal()).isEqualTo(13);
    }

    @Test
    void folderCountsArticlesOfSeveralFeedsOnce() {
        long c = store.feeds().add(new Subscription("https://a.example/category/even/feed/", null, null, "News/Nigeria", List.of()), NOW)
                .feed().id();
        store.ingest(c, feed("Even Archives - A", "https://a.example/",
                entry("a0", "https://a.example/0", "Lagos story 0"), entry("a2", "https://a.example/2", "Lagos story 2")), NOW);

        assertThat(store.articles().unreadByFeed()).extracting(UnreadCount::unread).containsExactly(25, 1, 2);
        assertThat(store.articles().unreadByFolder()).extracting(UnreadCount::name, UnreadCount::unread)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("News/Nigeria", 25), org.assertj.core.groups.Tuple.tuple("Tech", 1));
        store.articles().mark(ids(ArticleQuery.all().inFeed(c)).subList(0, 1), Mark.READ, NOW);
        assertThat(store.articles().unreadByFolder()).extracting(UnreadCount::unread).containsExactly(24, 1);
    }

    @Test
    void searchesTitleAuthorAndText() {
        assertThat(ids(ArticleQuery.all().matching("budget"))).hasSize(1);
        assertThat(ids(ArticleQuery.all().matching("harbour"))).hasSize(25);
        assertThat(ids(ArticleQuery.all().matching("harb*"))).hasSize(25);
        assertThat(ids(ArticleQuery.all().matching("staff senators"))).hasSize(1);
        assertThat(ids(ArticleQuery.all().matching("\"unbalanced AND ("))).isEmpty();
    }

    @Test
    void searchIgnoresAccentsAndCase() {
        store.ingest(b, feed("B", "https://b.example/",
                entry("b2", "https://b.example/2", "Café in Lomé reopens", "2026-11-19T01:00:00Z", "<p>Crème brûlée again.</p>", "Food")),
                NOW);
        assertThat(ids(ArticleQuery.all().matching("cafe lome"))).hasSize(1);
        assertThat(ids(ArticleQuery.all().matching("CAFÉ creme brul*"))).hasSize(1);
    }

    @Test
    void searchWithNothingSearchableIsAClearError() {
        assertThatThrownBy(() -> store.articles().page(ArticleQuery.all().matching(" *** "), null, 10))
                .isInstanceOf(StoreException.class)
                .hasMessage("nothing to search for in \"***\"");
    }

    @Test
    void marksStarsAndMarksAllWithFilters() {
        long first = ids(ArticleQuery.all().inFeed(b)).get(0);
        assertThat(store.articles().mark(List.of(first), Mark.STAR, NOW)).isEqualTo(1);
        assertThat(ids(ArticleQuery.all().starredOnly())).containsExactly(first);
        assertThat(store.articles().mark(List.of(first), Mark.STAR, NOW)).isZero();

        assertThat(store.articles().markAll(ArticleQuery.all().inFolder("News/Nigeria"), Mark.READ, NOW)).isEqualTo(25);
        assertThat(store.articles().unreadTotal()).isEqualTo(1);
        assertThat(store.articles().markAll(ArticleQuery.all(), Mark.UNREAD, NOW)).isEqualTo(25);
        assertThat(store.articles().unreadTotal()).isEqualTo(26);
    }

    @Test
    void loadsOneArticleAndItsContent() {
        long id = ids(ArticleQuery.all().inFeed(b)).get(0);
        Optional<Article> article = store.articles().article(id);
        assertThat(article).isPresent();
        assertThat(article.get().topics()).containsExactly("Politics");
        assertThat(article.get().feeds()).extracting(f -> f.title()).containsExactly("Bee");
        assertThat(store.articles().content(id).orElseThrow().text()).isEqualTo("Senators voted on the budget.");
        assertThat(store.articles().article(12345)).isEmpty();
    }

    @Test
    void pageLimitIsChecked() {
        assertThatThrownBy(() -> store.articles().page(ArticleQuery.all(), null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be 1..1000: 0");
    }
}
