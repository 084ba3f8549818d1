package org.tidings.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.fetch.FetchConfig;
import org.tidings.fetch.HttpFetcher;
import org.tidings.model.Article;
import org.tidings.model.Feed;
import org.tidings.model.FullText;
import org.tidings.model.Subscription;
import org.tidings.page.PageExtractor;
import org.tidings.parse.FeedParser;
import org.tidings.store.ArticleQuery;
import org.tidings.store.Store;
import org.tidings.testing.NewsSite;

/** Sync of lead-only feeds with full text on: pages fetched once, after the feeds, through the same fetcher. */
class FullTextSyncTest {
    @TempDir Path dir;

    private final InstantSource clock = InstantSource.system();
    private NewsSite site;
    private Store store;
    private HttpFetcher fetcher;
    private FullTextFetcher pages;
    private Syncer syncer;
    private final List<FullTextFetcher.Summary> summaries = new java.util.ArrayList<>();
    private final List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Syncer.Listener listener = new Syncer.Listener() {
        @Override
        public void finished(FeedOutcome outcome, int done, int total) {
            events.add("feed");
        }

        @Override
        public void pagesFinished(FullTextFetcher.Summary summary) {
            summaries.add(summary);
            events.add("pages");
        }
    };

    @BeforeEach
    void open() throws Exception {
        site = NewsSite.start(3, 4);
        store = Store.open(dir.resolve("tidings.db"));
        FetchConfig config = FetchConfig.defaults("test", "http://tidings.test")
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(20))
                .withMaxBodyBytes(2L * 1024 * 1024);
        fetcher = new HttpFetcher(config, clock);
        pages = new FullTextFetcher(store, fetcher, new PageExtractor(), clock);
        syncer = new Syncer(store, fetcher, new FeedParser(), new PollScheduler(PollPolicy.DEFAULT, clock),
                new Backoff(BackoffPolicy.DEFAULT, clock, new Random(1)), clock, new Syncer.Extras(facts -> org.tidings.model.Curation.NONE, pages));
    }

    @AfterEach
    void close() throws Exception {
        syncer.close();
        pages.close();
        fetcher.close();
        store.close();
        site.close();
    }

    private Feed subscribe(String url, boolean fullText) {
        Feed feed = store.feeds().add(Subscription.of(url), clock.instant()).feed();
        store.fullText().setEnabled(feed.id(), fullText);
        return feed;
    }

    private List<Article> articles(Feed feed) {
        return store.articles().page(ArticleQuery.all().inFeed(feed.id()), null, 100).articles();
    }

    @Test
    void storesTheArticleParagraphsAndNoneOfThePageAround() throws Exception {
        Feed feed = subscribe(site.feedUrl(1), true);
        syncer.sync(List.of(store.feeds().feed(feed.id()).orElseThrow()), listener);

        List<Article> stored = articles(feed);
        assertThat(stored).hasSize(4);
        assertThat(summaries).containsExactly(new FullTextFetcher.Summary(4, 4, 0, 0));
        for (Article article : stored) {
            int item = Integer.parseInt(article.link().replaceAll(".*/(\\d+)\\.html$", "$1"));
            FullText fullText = store.fullText().get(article.id()).orElseThrow();
            assertThat(fullText.status()).isEqualTo(FullText.Status.OK);
            for (int p = 1; p <= 6; p++) {
                assertThat(fullText.text()).contains(NewsSite.paragraph(1, item, p).substring(0, 60));
            }
            for (String boilerplate : NewsSite.BOILERPLATE) {
                assertThat(fullText.html()).doesNotContain(boilerplate);
            }
            assertThat(fullText.html())
                    .doesNotContain("<script", "<style", "<iframe", "onclick", "onerror", "pixel.example", "<form")
                    .contains("href=\"" + site.base() + "/news/1/background.html\"")
                    .contains("src=\"" + site.base() + "/img/" + item + ".jpg\"");
            // the feed's own content is left as it was
            assertThat(store.articles().content(article.id()).orElseThrow().text()).isEqualTo(NewsSite.lead(1, item));
        }
    }

    @Test
    void pagesComeAfterEveryFeedOfTheRoundOneAtATimePerHostWithTheFetchersUserAgent() throws Exception {
        Feed one = subscribe(site.feedUrl(0), true);
        Feed two = subscribe(site.feedUrl(1), true);
        Feed three = subscribe(site.feedUrl(2), false);
        syncer.sync(List.of(store.feeds().feed(one.id()).orElseThrow(), store.feeds().feed(two.id()).orElseThrow(),
                store.feeds().feed(three.id()).orElseThrow()), listener);

        assertThat(events).containsExactly("feed", "feed", "feed", "pages");
        assertThat(summaries).containsExactly(new FullTextFetcher.Summary(8, 8, 0, 0));
        assertThat(site.maxPagesInFlight()).isEqualTo(1);
        assertThat(site.pageUserAgents()).containsExactly(fetcher.config().userAgent());
    }

    @Test
    void fetchesEachPageOnceNotOnEveryPoll() throws Exception {
        Feed feed = subscribe(site.feedUrl(1), true);
        syncer.sync(List.of(store.feeds().feed(feed.id()).orElseThrow()), listener);
        syncer.sync(List.of(store.feeds().feed(feed.id()).orElseThrow()), listener);

        assertThat(site.hits("/feed/1.xml")).isEqualTo(2);
        for (int item = 0; item < 4; item++) {
            assertThat(site.hits("/news/1/" + item + ".html")).isEqualTo(1);
        }
        assertThat(summaries).hasSize(1);
    }

    @Test
    void feedsWithoutFullTextFetchNoPages() throws Exception {
        Feed feed = subscribe(site.feedUrl(2), false);
        syncer.sync(List.of(store.feeds().feed(feed.id()).orElseThrow()), listener);

        assertThat(articles(feed)).hasSize(4);
        assertThat(site.pageHits()).isZero();
        assertThat(store.fullText().get(articles(feed).get(0).id())).isEmpty();
    }

    @Test
    void failingPagesLeaveTheArticleWithAReasonAndAreNotRetried() throws Exception {
        Feed feed = subscribe(site.brokenFeedUrl(), true);
        syncer.sync(List.of(store.feeds().feed(feed.id()).orElseThrow()), listener);

        Map<String, FullText> byPage = new HashMap<>();
        for (Article article : articles(feed)) {
            byPage.put(article.link().substring(article.link().lastIndexOf('/') + 1), store.fullText().get(article.id()).orElseThrow());
            assertThat(store.articles().content(article.id()).orElseThrow().text()).startsWith("Officials in district 99");
        }
        assertThat(byPage).hasSize(7);
        assertThat(byPage.values()).allSatisfy(fullText -> {
            assertThat(fullText.status()).isEqualTo(FullText.Status.FAILED);
            assertThat(fullText.html()).isNull();
        });
        assertThat(byPage.get("missing.html").reason()).isEqualTo("HTTP 404 Not Found");
        assertThat(byPage.get("huge.html").reason()).startsWith("page too large");
        assertThat(byPage.get("index.html").reason()).isEqualTo("no article text found on the page");
        assertThat(byPage.get("loop-a.html").reason()).startsWith("redirect loop");
        assertThat(byPage.get("report.pdf").reason()).isEqualTo("not an HTML page: application/pdf");
        assertThat(byPage.get("paywall.html").reason()).isEqualTo("no article text found on the page");
        assertThat(byPage.get("members.html").reason()).isEqualTo("HTTP 403 Forbidden (paywall or login)");
        assertThat(byPage.get("missing.html").describe()).isEqualTo("no full text: HTTP 404 Not Found");

        syncer.sync(List.of(store.feeds().feed(feed.id()).orElseThrow()), listener);
        assertThat(site.hits("/fail/missing.html")).isEqualTo(1);
        assertThat(site.hits("/fail/report.pdf")).isEqualTo(1);
    }

    @Test
    void onDemandFetchStoresTheFullTextOfAnyArticle() throws Exception {
        Feed feed = subscribe(site.feedUrl(0), false);
        syncer.sync(List.of(store.feeds().feed(feed.id()).orElseThrow()), listener);
        Article article = articles(feed).get(0);

        FullText fullText = pages.fetchNow(article.id()).orElseThrow();

        assertThat(fullText.status()).isEqualTo(FullText.Status.OK);
        assertThat(fullText.text()).contains("paragraph 6");
        assertThat(pages.fetchNow(article.id())).contains(fullText); // stored: not fetched again
        assertThat(site.pageHits()).isEqualTo(1);
    }

    @Test
    void pagesCutShortByShutdownStayQueued() throws Exception {
        Feed feed = subscribe(site.feedUrl(2), true);
        try (Syncer feedsOnly = new Syncer(store, fetcher, new FeedParser(), new PollScheduler(PollPolicy.DEFAULT, clock),
                new Backoff(BackoffPolicy.DEFAULT, clock, new Random(1)), clock)) {
            feedsOnly.sync(List.of(store.feeds().feed(feed.id()).orElseThrow()), listener);
        }
        assertThat(store.fullText().pendingCount()).isEqualTo(4);
        HttpFetcher closed = new HttpFetcher(FetchConfig.defaults("test", "http://tidings.test"), clock);
        closed.close();
        try (FullTextFetcher stopping = new FullTextFetcher(store, closed, new PageExtractor(), clock)) {
            assertThat(stopping.fetchPending(10)).isEqualTo(new FullTextFetcher.Summary(4, 0, 4, 4));
        }
        assertThat(store.fullText().pendingCount()).isEqualTo(4);
        assertThat(pages.fetchPending(10)).isEqualTo(new FullTextFetcher.Summary(4, 4, 0, 0));
    }
}
