package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.tidings.store.Feeds.entry;
import static org.tidings.store.Feeds.feed;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Article;
import org.tidings.model.Entry;
import org.tidings.model.FeedRef;
import org.tidings.model.ParsedFeed;
import org.tidings.model.Subscription;
import org.tidings.model.UnreadCount;

@ParameterizedClass
@EnumSource(Backend.class)
class IngestTest {
    @Parameter Backend backend;
    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    static final String SITE = "https://nigerianews24.com.ng";

    @TempDir Path dir;
    Store store;

    @BeforeEach
    void open() {
        store = backend.open(dir);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    long subscribe(String url) {
        return store.feeds().add(Subscription.of(url), NOW).feed().id();
    }

    List<Article> all() {
        return store.articles().page(ArticleQuery.all(), null, 1000).articles();
    }

    Article only() {
        List<Article> articles = all();
        assertThat(articles).hasSize(1);
        return articles.get(0);
    }

    @Nested
    class CategoryFeedsOfOneSite {
        final Entry post = entry(SITE + "/?p=4521", SITE + "/2026/11/20/senate-confirms-envoys/",
                "Senate confirms 12 ambassadorial nominees", "2026-11-20T07:30:00Z",
                "<p>The Senate on Thursday confirmed twelve ambassadorial nominees.</p>", "Politics", "foreign ");

        @Test
        void storesThePostOnceWithEveryFeedAndTopic() {
            long main = subscribe(SITE + "/feed/");
            long foreign = subscribe(SITE + "/category/foreign/feed/");
            long politics = subscribe(SITE + "/category/politics/feed/");

            IngestResult first = store.ingest(main, feed("Nigerianews24", SITE, post), NOW);
            IngestResult second = store.ingest(foreign, feed("Foreign Archives - Nigerianews24", SITE, post), NOW);
            IngestResult third = store.ingest(politics, feed("Politics Archives - Nigerianews24", SITE, post), NOW);

            assertThat(first.added()).isEqualTo(1);
            assertThat(second.added()).isZero();
            assertThat(second.unchanged()).isEqualTo(1);
            assertThat(third.added()).isZero();
            Article article = only();
            assertThat(article.feeds()).extracting(FeedRef::id).containsExactly(main, foreign, politics);
            assertThat(article.topics()).containsExactly("Foreign", "Politics");
            assertThat(article.updated()).isFalse();
            assertThat(store.articles().unreadByTopic()).extracting(UnreadCount::name, UnreadCount::unread)
                    .containsExactly(tuple("Foreign", 1), tuple("Politics", 1));
        }

        @Test
        void markingReadOnceClearsEveryFeedAndTopic() {
            long main = subscribe(SITE + "/feed/");
            long foreign = subscribe(SITE + "/category/foreign/feed/");
            store.ingest(main, feed("Nigerianews24", SITE, post), NOW);
            store.ingest(foreign, feed("Foreign Archives - Nigerianews24", SITE, post), NOW);

            store.articles().mark(List.of(only().id()), Mark.READ, NOW);

            assertThat(store.articles().unreadByFeed()).extracting(UnreadCount::unread).containsExactly(0, 0);
            assertThat(store.articles().unreadByTopic()).extracting(UnreadCount::unread).containsOnly(0);
            assertThat(store.feeds().summaries()).extracting(s -> s.total()).containsExactly(1, 1);
        }
    }

    @Test
    void opaqueIdsAreTrustedOnlyWithinOneSite() {
        long a = subscribe("https://a.example/feed");
        long b = subscribe("https://b.example/feed");
        long a2 = subscribe("https://a.example/category/sport/feed");
        store.ingest(a, feed("A", "https://a.example/", entry("1", "https://a.example/one", "One at A")), NOW);
        store.ingest(b, feed("B", "https://b.example/", entry("1", "https://b.example/one", "One at B")), NOW);
        store.ingest(a2, feed("A sport", "https://a.example/", entry("1", "https://a.example/one?utm_source=rss", "One at A")), NOW);

        assertThat(all()).extracting(Article::title).containsExactlyInAnyOrder("One at A", "One at B");
    }

    @Test
    void sameCanonicalLinkAcrossSitesIsOneArticle() {
        long a = subscribe("https://a.example/feed");
        long b = subscribe("https://aggregator.example/feed");
        store.ingest(a, feed("A", "https://a.example/", entry("a-77", "https://a.example/story/", "Story")), NOW);
        store.ingest(b, feed("Agg", "https://aggregator.example/",
                entry("agg-1", "http://A.example/story?utm_source=agg&fbclid=1#top", "Story")), NOW);

        assertThat(only().feeds()).hasSize(2);
    }

    @Test
    void sameLinkWithDifferentIdsOfOneSiteStaysTwoArticles() {
        long a = subscribe("https://a.example/feed");
        store.ingest(a, feed("A", "https://a.example/", entry("post-1", "https://a.example/", "First")), NOW);
        store.ingest(a, feed("A", "https://a.example/", entry("post-2", "https://a.example/", "Second")), NOW.plusSeconds(60));

        assertThat(all()).extracting(Article::title).containsExactlyInAnyOrder("First", "Second");
    }

    @Test
    void entriesWithoutIdAreKnownByLinkAndWithoutLinkByTitleAndDate() {
        long a = subscribe("https://a.example/feed");
        ParsedFeed document = feed("A", "https://a.example/",
                entry(null, "https://a.example/x", "By link"),
                entry(null, null, "By hash", "2026-11-19T10:00:00Z", "<p>text</p>"),
                entry(null, null, "By hash", "2026-11-18T10:00:00Z", "<p>text</p>"));
        assertThat(store.ingest(a, document, NOW).added()).isEqualTo(3);
        IngestResult again = store.ingest(a, document, NOW.plusSeconds(600));
        assertThat(again.added()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
    }

    @Test
    void idSharedByDifferentEntriesOfADocumentIsNotTrusted() {
        long a = subscribe("https://a.example/feed");
        store.ingest(a, feed("A", "https://a.example/",
                entry("https://a.example/", "https://a.example/1", "One"),
                entry("https://a.example/", "https://a.example/2", "Two")), NOW);

        assertThat(all()).extracting(Article::title).containsExactlyInAnyOrder("One", "Two");
    }

    @Test
    void sameEntryTwiceInADocumentIsStoredOnce() {
        long a = subscribe("https://a.example/feed");
        Entry entry = entry("x", "https://a.example/x", "X");
        assertThat(store.ingest(a, feed("A", "https://a.example/", entry, entry), NOW).added()).isEqualTo(1);
    }

    @Nested
    class Updates {
        @Test
        void changedTitleUpdatesInPlaceKeepingReadState() {
            long a = subscribe("https://a.example/feed");
            store.ingest(a, feed("A", null, entry("x", "https://a.example/x", "Old title")), NOW);
            store.articles().mark(List.of(only().id()), Mark.READ, NOW);

            IngestResult result = store.ingest(a, feed("A", null, entry("x", "https://a.example/x", "New title")), NOW.plusSeconds(60));

            assertThat(result.updated()).isEqualTo(1);
            Article article = only();
            assertThat(article.title()).isEqualTo("New title");
            assertThat(article.read()).isTrue();
            assertThat(article.updated()).isTrue();
        }

        @Test
        void anotherFeedsDifferentCopyIsNotAnUpdate() {
            long a = subscribe("https://a.example/feed");
            long b = subscribe("https://a.example/category/x/feed");
            store.ingest(a, feed("A", null, entry("x", "https://a.example/x", "T", "2026-11-20T08:00:00Z", "<p>full text</p>")), NOW);
            IngestResult result = store.ingest(b, feed("A", null,
                    entry("x", "https://a.example/x", "T", "2026-11-20T08:00:00Z", "<p>excerpt</p>")), NOW);
            store.ingest(a, feed("A", null, entry("x", "https://a.example/x", "T", "2026-11-20T08:00:00Z", "<p>full text</p>")), NOW.plusSeconds(60));

            assertThat(result.updated()).isZero();
            assertThat(only().updated()).isFalse();
        }
    }

    @Nested
    class Retention {
        Entry old = entry("old", "https://a.example/old", "Old", "2026-10-01T00:00:00Z", "<p>old</p>");
        Entry fresh = entry("new", "https://a.example/new", "New", "2026-11-20T00:00:00Z", "<p>new</p>");

        @Test
        void neverResurrectsAnArticleItRemoved() {
            long a = subscribe("https://a.example/feed");
            Instant then = Instant.parse("2026-10-01T01:00:00Z");
            store.ingest(a, feed("A", null, old), then);
            store.articles().mark(List.of(only().id()), Mark.READ, then);
            store.ingest(a, feed("A", null, fresh), NOW); // old is no longer in the feed

            CleanupResult cleanup = store.cleanup(Duration.ofDays(30), NOW);
            IngestResult again = store.ingest(a, feed("A", null, old, fresh), NOW.plusSeconds(60));

            assertThat(cleanup.deleted()).isEqualTo(1);
            assertThat(again.added()).isZero();
            assertThat(again.skipped()).isEqualTo(1);
            assertThat(only().title()).isEqualTo("New");
        }

        @Test
        void keepsStarredAndStillPresentArticles() {
            long a = subscribe("https://a.example/feed");
            Instant then = Instant.parse("2026-10-01T01:00:00Z");
            Entry starred = entry("s", "https://a.example/s", "Starred", "2026-10-01T00:00:00Z", "<p>s</p>");
            store.ingest(a, feed("A", null, old, starred), then);
            long starredId = all().stream().filter(x -> x.title().equals("Starred")).findFirst().orElseThrow().id();
            store.articles().mark(List.of(starredId), Mark.STAR, then);

            assertThat(store.cleanup(Duration.ofDays(30), NOW)).isEqualTo(new CleanupResult(0, 2));
            store.ingest(a, feed("A", null, fresh), NOW);
            assertThat(store.cleanup(Duration.ofDays(30), NOW)).isEqualTo(new CleanupResult(1, 1));
            assertThat(all()).extracting(Article::title).containsExactlyInAnyOrder("Starred", "New");
            assertThat(store.feeds().summaries().get(0).total()).isEqualTo(2);
            assertThat(store.integrityCheck()).isEqualTo("ok");
        }
    }

    @Test
    void emptyDocumentKeepsArticlesPresent() {
        long a = subscribe("https://a.example/feed");
        Instant then = Instant.parse("2026-10-01T01:00:00Z");
        store.ingest(a, feed("A", null, entry("o", "https://a.example/o", "O", "2026-10-01T00:00:00Z", "<p>o</p>")), then);
        store.ingest(a, feed("A", null), NOW);
        assertThat(store.cleanup(Duration.ofDays(30), NOW).deleted()).isZero();
    }

    @Test
    void futureDatesSortAsNow() {
        long a = subscribe("https://a.example/feed");
        store.ingest(a, feed("A", null,
                entry("f", "https://a.example/f", "Future", "2030-01-01T00:00:00Z", "<p>f</p>"),
                entry("p", "https://a.example/p", "Past", "2026-11-20T09:00:00Z", "<p>p</p>")), NOW);
        assertThat(all()).extracting(Article::title).containsExactly("Future", "Past");
        assertThat(all().get(0).published()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void unknownFeedIsRefused() {
        assertThatThrownBy(() -> store.ingest(99, feed("A", null), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no feed with id 99");
    }
}
