package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tidings.store.Feeds.entry;
import static org.tidings.store.Feeds.feed;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.ParsedFeed;
import org.tidings.model.Subscription;

/** Documents prepared ahead of the writer store exactly what the same documents store inline. */
class PreparedFeedTest {
    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir Path dir;

    private static ParsedFeed document(String title) {
        return feed("A", "https://a.example/", entry("1", "https://a.example/1", title, "2026-11-20T08:00:00Z",
                        "<p>The senate passed the <b>budget</b> for 2027.</p>", "Politics"),
                entry("2", "https://a.example/2", "Naira rallies"));
    }

    @Test
    void aPreparedDocumentStoresWhatTheParsedOneStores() {
        try (Store inline = Store.open(dir.resolve("inline.db")); Store ahead = Store.open(dir.resolve("ahead.db"))) {
            long a = inline.feeds().add(Subscription.of("https://a.example/feed"), NOW).feed().id();
            long b = ahead.feeds().add(Subscription.of("https://a.example/feed"), NOW).feed().id();

            IngestResult parsed = inline.ingest(a, document("Senate passes budget"), NOW);
            IngestResult prepared = ahead.ingest(b, PreparedFeed.of(document("Senate passes budget")).prepareEntries(), NOW,
                    Store.NO_RULES);

            assertThat(prepared).isEqualTo(parsed);
            assertThat(ahead.articles().content(prepared.addedIds().get(0)).orElseThrow().html())
                    .isEqualTo(inline.articles().content(parsed.addedIds().get(0)).orElseThrow().html());
            assertThat(ahead.counts().unreadByTopic()).isEqualTo(inline.counts().unreadByTopic());
        }
    }

    @Test
    void storedAsIsTellsWhetherIngestingAgainWouldWriteNothing() {
        try (Store store = Store.open(dir.resolve("t.db"))) {
            long feed = store.feeds().add(Subscription.of("https://a.example/feed"), NOW).feed().id();
            assertThat(store.storedAsIs(feed, PreparedFeed.of(document("Senate passes budget")))).isFalse();

            store.ingest(feed, document("Senate passes budget"), NOW);

            assertThat(store.storedAsIs(feed, PreparedFeed.of(document("Senate passes budget")))).isTrue();
            assertThat(store.storedAsIs(feed, PreparedFeed.of(document("Senate passes the budget")))).isFalse();
            // an unprepared document equal to the last one is stored as known, without preparing it
            IngestResult again = store.ingest(feed, PreparedFeed.of(document("Senate passes budget")), NOW.plusSeconds(60),
                    Store.NO_RULES);
            assertThat(again.added()).isZero();
            assertThat(again.unchanged()).isEqualTo(2);
            // another document stored since: the first is no longer the last one
            store.ingest(feed, document("Senate passes the budget"), NOW.plusSeconds(120));
            assertThat(store.storedAsIs(feed, PreparedFeed.of(document("Senate passes budget")))).isFalse();
            assertThat(store.storedAsIs(feed, PreparedFeed.of(document("Senate passes the budget")))).isTrue();
        }
    }
}
