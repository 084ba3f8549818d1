package org.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.fetch.FetchConfig;
import org.tidings.fetch.HttpFetcher;
import org.tidings.model.FullText;
import org.tidings.model.Subscription;
import org.tidings.page.PageExtractor;
import org.tidings.parse.FeedParser;
import org.tidings.store.Store;
import org.tidings.sync.Backoff;
import org.tidings.sync.BackoffPolicy;
import org.tidings.sync.FullTextFetcher;
import org.tidings.sync.PollPolicy;
import org.tidings.sync.PollScheduler;
import org.tidings.sync.Syncer;
import org.tidings.testing.NewsSite;

/** The reader's f key on the real store: fetches and shows the open article's full text, or why there is none. */
class FullTextKeyTest {
    @TempDir Path dir;
    private final InstantSource clock = InstantSource.system();
    private NewsSite site;
    private Store store;
    private HttpFetcher fetcher;
    private FullTextFetcher pages;
    private DefaultVirtualTerminal terminal;
    private ReaderApp app;

    @BeforeEach
    void open() throws Exception {
        site = NewsSite.start(1, 1);
        store = Store.open(dir.resolve("tidings.db"));
        fetcher = new HttpFetcher(FetchConfig.defaults("test", "http://tidings.test"), clock);
        pages = new FullTextFetcher(store, fetcher, new PageExtractor(), clock);
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            app.stop();
        }
        pages.close();
        fetcher.close();
        store.close();
        site.close();
    }

    private void syncAndStart(String feedUrl) throws Exception {
        store.feeds().add(Subscription.of(feedUrl), clock.instant());
        try (Syncer syncer = new Syncer(store, fetcher, new FeedParser(), new PollScheduler(PollPolicy.DEFAULT, clock),
                new Backoff(BackoffPolicy.DEFAULT, clock, new Random(1)), clock)) {
            syncer.syncDue(new Syncer.Listener() {});
        }
        Reloader reloader = new Reloader() {
            @Override
            public Result reloadFeed(long feedId, Progress progress) {
                return new Result(0, 0, 0, Optional.empty());
            }

            @Override
            public Result reloadAll(Progress progress) {
                return reloadFeed(0, progress);
            }

            @Override
            public Optional<FullText> fetchFullText(long articleId) {
                return pages.fetchNow(articleId);
            }
        };
        terminal = new DefaultVirtualTerminal(new TerminalSize(100, 40));
        app = new ReaderApp(new StoreReaderData(store, dir.resolve("tidings.db"), clock), reloader,
                new TerminalScreen(terminal), KeyMap.newsboatDefaults(), clock,
                new ReaderConfig(true, "", Duration.ofSeconds(3), ZoneOffset.UTC, 50), link -> { }, Runnable::run);
        app.start();
    }

    @Test
    void fFetchesAndShowsTheFullTextThenTogglesBack() throws Exception {
        syncAndStart(site.feedUrl(0));
        press("ENTER", "ENTER");
        assertThat(screen()).contains(NewsSite.lead(0, 0)).doesNotContain("paragraph 1");

        press("f");
        String full = screen();
        assertThat(full).contains("Full text: shown", "This is story 0-0, paragraph 1.").doesNotContain("Accept all cookies");

        press("f");
        assertThat(screen()).contains(NewsSite.lead(0, 0), "Full text: fetched (f shows it)").doesNotContain("paragraph 1.");
        assertThat(site.hits("/news/0/0.html")).isEqualTo(1);
    }

    @Test
    void fOnAPageThatFailsShowsTheReason() throws Exception {
        syncAndStart(site.brokenFeedUrl());
        press("ENTER", "ENTER"); // the first article of All unread
        String link = store.articles().page(org.tidings.store.ArticleQuery.all(), null, 1).articles().get(0).link();

        press("f");

        String reason = store.fullText().get(store.articles().page(org.tidings.store.ArticleQuery.all(), null, 1)
                .articles().get(0).id()).orElseThrow().describe();
        assertThat(reason).startsWith("no full text: ");
        assertThat(screen()).contains("Full text: " + reason.substring(0, 30)).contains("Officials in district 99");
        assertThat(link).contains("/fail/");
    }

    private void press(String... keys) {
        for (String key : keys) {
            KeyStroke stroke = key.equals("ENTER") ? new KeyStroke(KeyType.Enter) : new KeyStroke(key.charAt(0), false, false);
            terminal.addInput(stroke);
            app.step();
            app.step();
        }
    }

    private String screen() {
        app.step();
        StringBuilder text = new StringBuilder();
        TerminalSize size = terminal.getTerminalSize();
        for (int y = 0; y < size.getRows(); y++) {
            for (int x = 0; x < size.getColumns(); x++) {
                text.append(terminal.getCharacter(x, y).getCharacterString());
            }
            text.append('\n');
        }
        return text.toString();
    }
}
