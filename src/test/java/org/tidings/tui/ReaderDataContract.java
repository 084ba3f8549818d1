package org.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tidings.store.ArticlePage;
import org.tidings.store.PageCursor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReaderData} must do, written against titles so any store can pass it: extend
 * this class, create the given feeds and articles in your store (ids are yours), and return a
 * ReaderData over them. {@link FakeReaderDataTest} runs it on the in-memory fake; the store's
 * implementation should run it on a real SQLite file.
 */
public abstract class ReaderDataContract {
    /** A feed to create; {@code key} only links articles to it. */
    public record SeedFeed(long key, String title, @Nullable String folder) {}

    /** An article to create; articles with the same {@code storyKey} are one story at several outlets. */
    public record SeedArticle(long feedKey, long storyKey, Instant published, String title, String author,
            String html, String link, List<String> topics) {}

    /** Creates the feeds and articles (all unread, none starred) and returns a ReaderData over them. */
    protected abstract ReaderData create(List<SeedFeed> feeds, List<SeedArticle> articles);

    /** Adds one more article as another process would (e.g. through a second connection). */
    protected abstract void addFromAnotherProcess(SeedArticle article);

    private ReaderData data;

    static final List<SeedFeed> FEEDS = List.of(
            new SeedFeed(1, "Nigeria News 24", "News"),
            new SeedFeed(2, "Vanguard", "News"),
            new SeedFeed(3, "People's Daily", null));

    static final List<SeedArticle> ARTICLES = List.of(
            article(1, 100, "2026-11-26T10:00:00Z", "Senate passes budget (NN24)", "Politics", "Nigeria"),
            article(3, 100, "2026-11-26T11:00:00Z", "Senate passes budget (PD)", "Politics"),
            article(2, 200, "2026-11-25T09:00:00Z", "Naira falls", "Economy"),
            article(1, 300, "2026-11-24T18:30:00Z", "Super Eagles win", "Sport"),
            article(3, 400, "2026-11-23T07:00:00Z", "Trade talks", "Politics", "World"));

    static SeedArticle article(long feed, long story, String published, String title, String... topics) {
        return new SeedArticle(feed, story, Instant.parse(published), title, "Reporter",
                "<p>" + title + " body</p>", "https://example.org/" + story + "/" + feed, List.of(topics));
    }

    @BeforeEach
    void createWorld() {
        data = create(FEEDS, ARTICLES);
    }

    private List<String> titles(Selection selection, boolean unreadOnly) {
        List<String> titles = new ArrayList<>();
        Optional<PageCursor> after = Optional.empty();
        do {
            ArticlePage<ArticleRow> page = data.articles(selection, unreadOnly, after, 2);
            page.articles().forEach(row -> titles.add(row.title()));
            after = page.next();
        } while (after.isPresent());
        return titles;
    }

    private ArticleRow row(String title) {
        return data.articles(new Selection.AllUnread(), false, Optional.empty(), 100).articles().stream()
                .filter(row -> row.title().equals(title) || row.alsoAt().stream().anyMatch(c -> c.title().equals(title)))
                .findFirst().orElseThrow();
    }

    private long idOf(String title) {
        ArticleRow row = row(title);
        return row.title().equals(title) ? row.id()
                : row.alsoAt().stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow().articleId();
    }

    private Selection.Feed feed(String title) {
        SourcesOverview overview = data.sources();
        return overview.folders().stream().flatMap(f -> f.feeds().stream())
                .filter(f -> f.title().equals(title)).findFirst()
                .or(() -> overview.topLevelFeeds().stream().filter(f -> f.title().equals(title)).findFirst())
                .map(f -> new Selection.Feed(f.feedId(), f.title())).orElseThrow();
    }

    @Test
    void countsUnreadStoriesOncePerSourceAndFolder() {
        SourcesOverview overview = data.sources();
        assertThat(overview.allUnread()).isEqualTo(4);
        assertThat(overview.starred()).isZero();
        assertThat(overview.folders()).hasSize(1);
        SourcesOverview.FolderNode news = overview.folders().get(0);
        assertThat(news.path()).isEqualTo("News");
        assertThat(news.unread()).isEqualTo(3);
        assertThat(news.feeds()).extracting(SourcesOverview.FeedNode::title, SourcesOverview.FeedNode::unread)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Nigeria News 24", 2),
                        org.assertj.core.groups.Tuple.tuple("Vanguard", 1));
        assertThat(overview.topLevelFeeds()).extracting(SourcesOverview.FeedNode::title, SourcesOverview.FeedNode::unread)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("People's Daily", 2));
    }

    @Test
    void sortsTopicsByUnreadThenName() {
        assertThat(data.topics()).containsExactly(new TopicCount("Politics", 2), new TopicCount("Economy", 1),
                new TopicCount("Nigeria", 1), new TopicCount("Sport", 1), new TopicCount("World", 1));
    }

    @Test
    void listsNewestFirstOneRowPerStoryAcrossPages() {
        assertThat(titles(new Selection.AllUnread(), true))
                .containsExactly("Senate passes budget (PD)", "Naira falls", "Super Eagles win", "Trade talks");
        ArticleRow budget = row("Senate passes budget (PD)");
        assertThat(budget.source()).isEqualTo("People's Daily");
        assertThat(budget.alsoAt()).extracting(StoryCopy::source, StoryCopy::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Nigeria News 24", "Senate passes budget (NN24)"));
    }

    @Test
    void listsAFeedWithItsOwnCopyOfAStory() {
        assertThat(titles(feed("Nigeria News 24"), true)).containsExactly("Senate passes budget (NN24)", "Super Eagles win");
    }

    @Test
    void listsFoldersTopicsAndSearches() {
        assertThat(titles(new Selection.Folder("News"), true))
                .containsExactly("Senate passes budget (NN24)", "Naira falls", "Super Eagles win");
        assertThat(titles(new Selection.Topic("Politics"), true)).hasSize(2).contains("Trade talks");
        assertThat(titles(new Selection.Search("naira"), true)).containsExactly("Naira falls");
    }

    @Test
    void marksTheWholeStoryReadAndUnread() {
        data.setRead(idOf("Senate passes budget (NN24)"), true);
        assertThat(data.sources().allUnread()).isEqualTo(3);
        assertThat(titles(new Selection.AllUnread(), true)).containsExactly("Naira falls", "Super Eagles win", "Trade talks");
        assertThat(titles(feed("People's Daily"), true)).containsExactly("Trade talks");
        assertThat(titles(feed("People's Daily"), false)).containsExactly("Senate passes budget (PD)", "Trade talks");
        assertThat(data.article(idOf("Senate passes budget (PD)")).orElseThrow().read()).isTrue();

        data.setRead(idOf("Senate passes budget (PD)"), false);
        assertThat(data.sources().allUnread()).isEqualTo(4);
    }

    @Test
    void marksAllOfASelectionRead() {
        assertThat(data.markAllRead(feed("People's Daily"))).isEqualTo(2);
        assertThat(data.sources().allUnread()).isEqualTo(2);
        assertThat(data.topics().get(0)).isEqualTo(new TopicCount("Economy", 1));
        assertThat(data.markAllRead(feed("People's Daily"))).isZero();
    }

    @Test
    void starsArticles() {
        long id = idOf("Naira falls");
        data.setStarred(id, true);
        assertThat(data.sources().starred()).isEqualTo(1);
        assertThat(titles(new Selection.Starred(), true)).containsExactly("Naira falls");
        assertThat(data.article(id).orElseThrow().starred()).isTrue();
        data.setStarred(id, false);
        assertThat(titles(new Selection.Starred(), false)).isEmpty();
    }

    @Test
    void givesOneArticleInFull() {
        ArticleDetail detail = data.article(idOf("Senate passes budget (NN24)")).orElseThrow();
        assertThat(detail.title()).isEqualTo("Senate passes budget (NN24)");
        assertThat(detail.sources()).containsExactly("Nigeria News 24");
        assertThat(detail.topics()).containsExactlyInAnyOrder("Politics", "Nigeria");
        assertThat(detail.author()).isEqualTo("Reporter");
        assertThat(detail.published()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
        assertThat(detail.html()).startsWith("<p>Senate passes budget (NN24) body</p>");
        assertThat(detail.link()).endsWith("/100/1");
        assertThat(detail.copies()).extracting(StoryCopy::source).containsExactly("People's Daily");
        assertThat(data.article(-42)).isEmpty();
    }

    @Test
    void changesTheDataVersionOnEveryWriteIncludingOtherProcesses() {
        long start = data.dataVersion();
        data.setStarred(idOf("Naira falls"), true);
        long afterStar = data.dataVersion();
        assertThat(afterStar).isNotEqualTo(start);
        addFromAnotherProcess(article(2, 500, "2026-11-27T06:00:00Z", "Fuel price drops", "Economy"));
        assertThat(data.dataVersion()).isNotEqualTo(afterStar);
        assertThat(titles(new Selection.AllUnread(), true).get(0)).isEqualTo("Fuel price drops");
    }
}
