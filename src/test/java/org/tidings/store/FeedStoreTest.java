package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tidings.store.Feeds.entry;
import static org.tidings.store.Feeds.feed;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Feed;
import org.tidings.model.FeedHealth;
import org.tidings.model.Subscription;

@ParameterizedClass
@EnumSource(Backend.class)
class FeedStoreTest {
    @Parameter Backend backend;
    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir Path dir;
    Store store;
    FeedStore feeds;

    @BeforeEach
    void open() {
        store = backend.open(dir);
        feeds = store.feeds();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void addsAndRefusesTheSameUrlTwice() {
        AddResult first = feeds.add(new Subscription("https://a.example/feed/", "My A", "https://a.example/", "News", List.of()), NOW);
        AddResult again = feeds.add(Subscription.of("http://A.example/feed"), NOW);

        assertThat(first).isInstanceOf(AddResult.Added.class);
        assertThat(again).isInstanceOf(AddResult.AlreadySubscribed.class);
        assertThat(again.feed().id()).isEqualTo(first.feed().id());
        Feed feed = first.feed();
        assertThat(feed.url()).isEqualTo("https://a.example/feed/");
        assertThat(feed.title()).isEqualTo("My A");
        assertThat(feed.folder()).isEqualTo("News");
        assertThat(feed.health()).isEqualTo(FeedHealth.NEW);
        assertThat(feed.addedAt()).isEqualTo(NOW);
        assertThat(feeds.list()).hasSize(1);
    }

    @Test
    void renamesAndMovesAndForgetsEmptyFolders() {
        long id = feeds.add(new Subscription("https://a.example/feed", null, null, "Old", List.of()), NOW).feed().id();
        assertThat(feeds.feed(id).orElseThrow().title()).isEqualTo("https://a.example/feed");
        store.ingest(id, feed("Feed's own title", null), NOW);
        assertThat(feeds.feed(id).orElseThrow().title()).isEqualTo("Feed's own title");

        assertThat(feeds.rename(id, "Mine")).isTrue();
        assertThat(feeds.move(id, "New/Sub")).isTrue();
        assertThat(feeds.feed(id).orElseThrow()).extracting(Feed::title, Feed::feedTitle, Feed::folder)
                .containsExactly("Mine", "Feed's own title", "New/Sub");
        assertThat(feeds.folders()).containsExactly("New/Sub");
        feeds.rename(id, " ");
        feeds.move(id, null);
        assertThat(feeds.feed(id).orElseThrow().title()).isEqualTo("Feed's own title");
        assertThat(feeds.folders()).isEmpty();
        assertThat(feeds.rename(999, "x")).isFalse();
    }

    @Test
    void recordsFetchStateAndHealth() {
        long id = feeds.add(Subscription.of("https://a.example/feed"), NOW).feed().id();
        Instant next = NOW.plusSeconds(1800);
        feeds.recordSuccess(id, 200, "\"v1\"", "Fri, 20 Nov 2026 09:00:00 GMT", NOW, next);
        assertThat(feeds.recordFailure(id, 503, "HTTP 503 Service Unavailable", NOW.plusSeconds(1), next)).isEqualTo(1);
        assertThat(feeds.recordFailure(id, null, "connection timed out", NOW.plusSeconds(2), next)).isEqualTo(2);

        Feed feed = feeds.feed(id).orElseThrow();
        assertThat(feed.etag()).isEqualTo("\"v1\"");
        assertThat(feed.lastModified()).isEqualTo("Fri, 20 Nov 2026 09:00:00 GMT");
        assertThat(feed.health()).isEqualTo(new FeedHealth(null, NOW.plusSeconds(2), NOW, "connection timed out", 2));
        assertThat(feed.nextPollAt()).isEqualTo(next);

        feeds.recordNotModified(id, NOW.plusSeconds(3), next);
        assertThat(feeds.feed(id).orElseThrow().health()).isEqualTo(new FeedHealth(304, NOW.plusSeconds(3), NOW.plusSeconds(3), null, 0));
        assertThat(feeds.recordFailure(999, null, "x", NOW, NOW)).isZero();
    }

    @Test
    void dueFeedsSkipDisabledAndFutureOnes() {
        long a = feeds.add(Subscription.of("https://a.example/feed"), NOW).feed().id();
        long b = feeds.add(Subscription.of("https://b.example/feed"), NOW).feed().id();
        long c = feeds.add(Subscription.of("https://c.example/feed"), NOW).feed().id();
        feeds.scheduleNextPoll(a, NOW.minusSeconds(10));
        feeds.scheduleNextPoll(b, NOW.plusSeconds(10));
        feeds.disable(c, "410 Gone");

        assertThat(feeds.due(NOW)).extracting(Feed::id).containsExactly(a);
        assertThat(feeds.feed(c).orElseThrow()).extracting(Feed::disabled, Feed::disabledReason).containsExactly(true, "410 Gone");
        feeds.enable(c);
        assertThat(feeds.due(NOW)).extracting(Feed::id).containsExactly(c, a);
    }

    @Test
    void changesUrlUnlessTaken() {
        long a = feeds.add(Subscription.of("https://a.example/feed"), NOW).feed().id();
        feeds.add(Subscription.of("https://b.example/feed"), NOW);
        feeds.recordSuccess(a, 200, "e", null, NOW, NOW);
        feeds.setRedirectCandidate(a, "https://a.example/new-feed");
        assertThat(feeds.feed(a).orElseThrow().redirectCandidate()).isEqualTo("https://a.example/new-feed");

        assertThat(feeds.changeUrl(a, "https://b.example/feed/")).isFalse();
        assertThat(feeds.changeUrl(a, "https://a.example/new-feed")).isTrue();
        Feed moved = feeds.feed(a).orElseThrow();
        assertThat(moved.url()).isEqualTo("https://a.example/new-feed");
        assertThat(moved.etag()).isNull();
        assertThat(moved.redirectCandidate()).isNull();
        assertThat(feeds.feedByUrl("http://a.example/new-feed/")).isPresent();
    }

    @Test
    void removeWithPurgeKeepsStarredAndSharedArticles() {
        long a = feeds.add(Subscription.of("https://a.example/feed"), NOW).feed().id();
        long b = feeds.add(Subscription.of("https://a.example/category/x/feed"), NOW).feed().id();
        store.ingest(a, feed("A", null,
                entry("1", "https://a.example/1", "Only in A"),
                entry("2", "https://a.example/2", "Starred in A"),
                entry("3", "https://a.example/3", "In both")), NOW);
        store.ingest(b, feed("X", null, entry("3", "https://a.example/3", "In both")), NOW);
        long starred = store.articles().page(ArticleQuery.all().matching("starred"), null, 10).articles().get(0).id();
        store.articles().mark(List.of(starred), Mark.STAR, NOW);

        assertThat(feeds.remove(a, true)).isTrue();

        assertThat(store.articles().page(ArticleQuery.all(), null, 10).articles())
                .extracting(x -> x.title())
                .containsExactlyInAnyOrder("Starred in A", "In both");
        assertThat(feeds.summaries()).extracting(s -> s.unread()).containsExactly(1);
        // purged articles leave no tombstone: subscribing again brings them back
        long again = feeds.add(Subscription.of("https://a.example/feed"), NOW).feed().id();
        assertThat(store.ingest(again, feed("A", null, entry("1", "https://a.example/1", "Only in A")), NOW).added()).isEqualTo(1);
        assertThat(store.integrityCheck()).isEqualTo("ok");
    }

    @Test
    void removeWithoutPurgeKeepsArticles() {
        long a = feeds.add(Subscription.of("https://a.example/feed"), NOW).feed().id();
        store.ingest(a, feed("A", null, entry("1", "https://a.example/1", "One")), NOW);
        assertThat(feeds.remove(a, false)).isTrue();
        assertThat(feeds.list()).isEmpty();
        assertThat(store.articles().page(ArticleQuery.all(), null, 10).articles()).hasSize(1);
        assertThat(feeds.remove(a, false)).isFalse();
    }
}
