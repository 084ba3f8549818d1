package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.tidings.model.Article;
import org.tidings.model.Curation;
import org.tidings.model.Entry;
import org.tidings.model.FullText;
import org.tidings.model.ParsedFeed;
import org.tidings.model.Subscription;

@ParameterizedClass
@EnumSource(Backend.class)
class FullTextStoreTest {
    @Parameter Backend backend;
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final String STORY = """
            The river authority opened the new flood barrier on Tuesday after six years of construction work \
            along the lower valley. Engineers said the barrier can hold back a surge of four metres and protect \
            about twelve thousand homes in the towns downstream. The project cost more than the first estimate \
            because the ground under the eastern gate had to be strengthened twice. Residents who lost houses \
            in the floods of the past decade attended the ceremony, and several said they would finally insure \
            their homes again. The authority will test the gates every spring before the snow melts in the hills.""";

    @TempDir Path dir;
    private Store store;

    @BeforeEach
    void open() {
        store = backend.open(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long feed(String url, boolean fullText) {
        long id = store.feeds().add(Subscription.of(url), NOW).feed().id();
        store.fullText().setEnabled(id, fullText);
        return id;
    }

    private static ParsedFeed document(String link, String title, String html) {
        Entry entry = new Entry(link, link, title, NOW.minusSeconds(3600), null, null, List.of(), List.of(), List.of(),
                html, null, null);
        return Feeds.feed("Outlet", link, entry);
    }

    private Article only(long feedId) {
        return store.articles().page(ArticleQuery.all().inFeed(feedId), null, 10).articles().get(0);
    }

    @Test
    void queuesPagesOnlyForNewArticlesOfFullTextFeeds() {
        long on = feed("https://lead.example/feed", true);
        long off = feed("https://other.example/feed", false);
        store.ingest(on, document("https://lead.example/a/1", "Barrier opens", "<p>The barrier opened.</p>"), NOW);
        store.ingest(off, document("https://other.example/b/1", "Barrier opens", "<p>The barrier opened.</p>"), NOW);
        store.ingest(on, document("https://lead.example/a/1", "Barrier opens", "<p>The barrier opened.</p>"), NOW);

        assertThat(store.fullText().pending(10)).extracting(FullTextStore.PendingPage::url)
                .containsExactly("https://lead.example/a/1");
        assertThat(store.fullText().get(only(on).id()).orElseThrow().status()).isEqualTo(FullText.Status.PENDING);
        assertThat(store.fullText().get(only(off).id())).isEmpty();
    }

    @Test
    void failedPagesAreKeptWithTheirReasonAndLeaveTheQueue() {
        long on = feed("https://lead.example/feed", true);
        store.ingest(on, document("https://lead.example/a/1", "Barrier opens", "<p>The barrier opened.</p>"), NOW);
        long id = only(on).id();

        store.fullText().saveFailure(id, "HTTP 404 Not Found", NOW);

        assertThat(store.fullText().pending(10)).isEmpty();
        assertThat(store.fullText().get(id)).contains(new FullText(id, FullText.Status.FAILED, "https://lead.example/a/1",
                null, null, "HTTP 404 Not Found", NOW));
        // on demand it is asked for again
        assertThat(store.fullText().request(id, NOW)).isPresent();
        assertThat(store.fullText().pending(10)).hasSize(1);
    }

    @Test
    void storyGroupingUsesTheFullTextWhenThereIsOne() {
        long lead = feed("https://lead.example/feed", true);
        long full = feed("https://full.example/feed", false);
        String title = "New flood barrier opens in the lower valley";
        store.ingest(lead, document("https://lead.example/a/1", title, "<p>The river authority opened the barrier.</p>"), NOW);
        long leadArticle = only(lead).id();
        store.fullText().saveText(leadArticle, "<p>" + STORY + "</p>", NOW);

        store.ingest(full, document("https://full.example/n/9", "Valley barrier finished after six years", "<p>" + STORY + "</p>"), NOW);

        Article copy = only(full);
        assertThat(copy.story()).isNotNull();
        assertThat(store.articles().article(leadArticle).orElseThrow().story()).isEqualTo(copy.story());
    }

    @Test
    void ingestWithRulesAppliesThemToNewArticlesOnly() {
        long on = feed("https://lead.example/feed", false);
        store.ingest(on, document("https://lead.example/a/1", "Sponsored: buy", "<p>x</p>"), NOW,
                facts -> new Curation(false, false, true, List.of()));
        assertThat(only(on).starred()).isTrue();
        store.articles().mark(List.of(only(on).id()), Mark.UNSTAR, NOW);
        store.ingest(on, document("https://lead.example/a/1", "Sponsored: buy", "<p>x</p>"), NOW,
                facts -> new Curation(false, false, true, List.of()));
        assertThat(only(on).starred()).isFalse();
    }

    @Test
    void articlesHiddenByARuleAreNotQueued() {
        long on = feed("https://lead.example/feed", true);
        store.ingest(on, document("https://lead.example/a/1", "Sponsored", "<p>Buy.</p>"), NOW,
                facts -> new Curation(true, false, false, List.of()));
        assertThat(store.fullText().pending(10)).isEmpty();
    }
}
