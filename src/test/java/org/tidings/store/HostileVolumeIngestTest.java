package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Entry;
import org.tidings.model.FeedFormat;
import org.tidings.model.FeedHints;
import org.tidings.model.ParsedFeed;
import org.tidings.model.Subscription;
import org.tidings.parse.FeedParser;
import org.tidings.parse.HostileFeeds;

/**
 * Volume attacks through parse and store: a feed of 100,000 items and an item with 10,000
 * categories, parsed and ingested into a real SQLite file, within the test JVM's 1 GB heap.
 */
class HostileVolumeIngestTest {
    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

    @TempDir Path dir;

    /**
     * Completing inside the test JVM's 1 GB heap is the bound; the figure recorded is the heap
     * still in use after a full GC with the parsed feed and the store both alive.
     */
    @Test
    @Timeout(300)
    void aFeedWithOneHundredThousandItemsIsParsedAndIngested() throws Exception {
        byte[] document = HostileFeeds.items(100_000);
        long before = liveHeap();
        long start = System.nanoTime();

        ParsedFeed parsed = new FeedParser().parse(document, null, "application/rss+xml");
        Store store = Store.open(dir.resolve("tidings.db"));
        long feedId = store.feeds().add(Subscription.of("https://many.example/feed"), NOW).feed().id();
        IngestResult result = store.ingest(feedId, parsed, NOW);

        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        long retained = liveHeap() - before;
        assertThat(parsed.entries()).hasSize(100_000);
        assertThat(result.added()).isEqualTo(100_000);
        assertThat(store.integrityCheck()).isEqualTo("ok");
        assertThat(retained).as("heap held by the parsed %d MB feed and the store", document.length >> 20)
                .isLessThan(512L * 1024 * 1024);
        org.tidings.fuzz.FuzzFigures.record("ingest-100k", "100,000 items (" + (document.length >> 20)
                + " MB): parse + ingest " + seconds + " s, heap retained after GC " + (retained >> 20) + " MB, database "
                + (Files.size(dir.resolve("tidings.db")) >> 20) + " MB");
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    @Timeout(120)
    void tenThousandCategoriesOnOneItemAreIngested() {
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            categories.add("topic " + i);
        }
        Entry entry = new Entry("urn:one", "https://cats.example/1", "Cats", NOW, null, null, categories, List.of(),
                List.of(), "<p>x</p>", null, null);
        Store store = Store.open(dir.resolve("tidings.db"));
        long feedId = store.feeds().add(Subscription.of("https://cats.example/feed"), NOW).feed().id();

        store.ingest(feedId, new ParsedFeed(FeedFormat.RSS_20, "Cats", null, null, null, List.of(entry), FeedHints.NONE,
                false, List.of()), NOW);

        assertThat(store.integrityCheck()).isEqualTo("ok");
    }
}
