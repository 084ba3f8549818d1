package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Article;
import org.tidings.model.ArticleFacts;
import org.tidings.model.Curation;
import org.tidings.model.Subscription;
import org.tidings.model.UnreadCount;

/** Rules' actions on the real store: hidden articles leave lists and counts and come back. */
@ParameterizedClass
@EnumSource(Backend.class)
class CurationStoreTest {
    @Parameter Backend backend;
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final Curation HIDE = new Curation(true, false, false, List.of());

    @TempDir Path dir;
    private Store store;
    private long news;
    private long world;

    @BeforeEach
    void open() {
        store = backend.open(dir);
        news = store.feeds().add(new Subscription("https://a.example/feed", "A", null, "News", List.of()), NOW).feed().id();
        world = store.feeds().add(new Subscription("https://a.example/world/feed", "A World", null, "News", List.of()), NOW).feed().id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Function<ArticleFacts, Curation> hideTitled(String prefix) {
        return facts -> facts.title() != null && facts.title().startsWith(prefix) ? HIDE : Curation.NONE;
    }

    private void ingest(long feed, Function<ArticleFacts, Curation> rules, String... titles) {
        var entries = java.util.Arrays.stream(titles)
                .map(title -> Feeds.entry(title, "https://a.example/" + title.replace(' ', '-'), title, "2026-12-01T08:00:00Z",
                        "<p>" + title + " body.</p>", "Politics"))
                .toArray(org.tidings.model.Entry[]::new);
        store.ingest(feed, Feeds.feed("A", "https://a.example/", entries), NOW, rules);
    }

    private Map<String, Integer> counts(List<UnreadCount> counts) {
        return counts.stream().collect(Collectors.toMap(UnreadCount::name, UnreadCount::unread));
    }

    private List<String> titles(ArticleQuery query) {
        return store.articles().page(query, null, 100).articles().stream().map(Article::title).toList();
    }

    @Test
    void hiddenArticlesLeaveEveryListAndCount() {
        ingest(news, hideTitled("Sponsored"), "Budget passes", "Sponsored phones");
        ingest(world, hideTitled("Sponsored"), "Sponsored phones", "Envoy visits");

        assertThat(titles(ArticleQuery.all())).containsExactlyInAnyOrder("Budget passes", "Envoy visits");
        assertThat(titles(ArticleQuery.all().inFeed(world))).containsExactly("Envoy visits");
        assertThat(titles(ArticleQuery.all().inFolder("News").unreadOnly())).hasSize(2);
        assertThat(titles(ArticleQuery.all().inTopic("Politics"))).hasSize(2);
        assertThat(titles(ArticleQuery.all().matching("phones"))).isEmpty();
        assertThat(titles(ArticleQuery.all().hiddenOnly())).containsExactly("Sponsored phones");
        assertThat(counts(store.articles().unreadByFeed())).isEqualTo(Map.of("A", 1, "A World", 1));
        assertThat(counts(store.articles().unreadByFolder())).isEqualTo(Map.of("News", 2));
        assertThat(counts(store.articles().unreadByTopic())).containsEntry("Politics", 2);
        assertThat(store.articles().unreadTotal()).isEqualTo(2);
    }

    @Test
    void restoringBringsBackTheReadStateItHad() {
        ingest(news, hideTitled("Sponsored"), "Sponsored phones", "Sponsored laptops");
        List<Article> hidden = store.articles().page(ArticleQuery.all().hiddenOnly(), null, 10).articles();
        long laptops = hidden.stream().filter(a -> a.title().contains("laptops")).findFirst().orElseThrow().id();
        long phones = hidden.stream().filter(a -> a.title().contains("phones")).findFirst().orElseThrow().id();
        store.curation().show(List.of(laptops));
        store.articles().mark(List.of(laptops), Mark.READ, NOW);
        store.curation().hide(List.of(laptops), NOW);

        assertThat(store.curation().show(List.of(phones, laptops, 999L))).isEqualTo(2);

        assertThat(store.articles().article(phones).orElseThrow().read()).isFalse();
        assertThat(store.articles().article(laptops).orElseThrow().read()).isTrue();
        assertThat(counts(store.articles().unreadByFeed())).containsEntry("A", 1);
        assertThat(counts(store.articles().unreadByFolder())).containsEntry("News", 1);
        assertThat(titles(ArticleQuery.all().hiddenOnly())).isEmpty();
    }

    @Test
    void markingAStoryUnreadLeavesItsHiddenCopiesAlone() {
        ingest(news, hideTitled("Sponsored"), "Sponsored phones");
        long id = store.articles().page(ArticleQuery.all().hiddenOnly(), null, 1).articles().get(0).id();
        assertThat(store.articles().mark(List.of(id), Mark.UNREAD, NOW)).isZero();
        assertThat(store.articles().unreadTotal()).isZero();
    }

    @Test
    void readStarAndTopicActionsKeepCountsRight() {
        ingest(news, facts -> new Curation(false, true, true, List.of("Ads", "ads")), "Sponsored phones");
        Article article = store.articles().page(ArticleQuery.all(), null, 1).articles().get(0);

        assertThat(article.read()).isTrue();
        assertThat(article.starred()).isTrue();
        assertThat(article.topics()).containsExactly("Ads", "Politics");
        assertThat(counts(store.articles().unreadByTopic())).containsEntry("Ads", 0).containsEntry("Politics", 0);
        assertThat(counts(store.articles().unreadByFeed())).containsEntry("A", 0);
    }

    @Test
    void applyAllRunsRulesOnStoredArticlesOnceAndFactsCarryFeedsFoldersAndTopics() {
        ingest(news, facts -> Curation.NONE, "Sponsored phones", "Budget passes");
        List<ArticleFacts> seen = new java.util.ArrayList<>();
        Function<ArticleFacts, Curation> rules = facts -> {
            seen.add(facts);
            return hideTitled("Sponsored").apply(facts);
        };

        CurationStore.Applied first = store.curation().applyAll(rules, NOW);
        CurationStore.Applied second = store.curation().applyAll(rules, NOW);

        assertThat(first).isEqualTo(new CurationStore.Applied(1, 1, 0, 0, 0));
        assertThat(second).isEqualTo(new CurationStore.Applied(0, 0, 0, 0, 0));
        ArticleFacts facts = seen.get(0);
        assertThat(facts.feeds()).extracting(f -> f.url()).containsExactly("https://a.example/feed");
        assertThat(facts.folders()).containsExactly("News");
        assertThat(facts.topics()).containsExactly("Politics");
        assertThat(facts.content()).endsWith("body.");
    }

    @Test
    void aRuleThatThrowsIsSkippedAndTheIngestGoesOn() {
        ingest(news, facts -> {
            throw new IllegalStateException("broken rule");
        }, "Budget passes");
        assertThat(titles(ArticleQuery.all())).containsExactly("Budget passes");
    }

    @Test
    void matchingListsNewestFirstUpToTheLimit() {
        ingest(news, facts -> Curation.NONE, "One", "Two", "Three");
        assertThat(store.curation().matching(facts -> true, 2)).hasSize(2);
        assertThat(store.curation().matching(facts -> "Two".equals(facts.title()), 10)).hasSize(1);
    }
}
