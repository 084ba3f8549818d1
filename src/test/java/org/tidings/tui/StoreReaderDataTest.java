package org.tidings.tui;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Entry;
import org.tidings.model.FeedFormat;
import org.tidings.model.FeedHints;
import org.tidings.model.ParsedFeed;
import org.tidings.model.Subscription;
import org.tidings.store.Store;

/**
 * The reader's data port on the real SQLite store meets the same contract as the fake the UI
 * tests use. Each seed feed is a different outlet (host); articles of one story share a body long
 * enough for near-duplicate detection to group them.
 */
class StoreReaderDataTest extends ReaderDataContract {
    @TempDir Path dir;

    private Store store;
    private Path file;
    private final Map<Long, Long> feedIds = new HashMap<>();
    private final Map<Long, List<Entry>> entriesByFeed = new HashMap<>();
    private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-11-27T08:00:00Z"));

    /** Opens the database, again for another process's connection (the PostgreSQL variant overrides it). */
    protected Store openStore() {
        return Store.open(file);
    }

    /** The file the reader watches for other processes' writes; null on a server database. */
    protected Path watchedFile() {
        return file;
    }

    @Override
    protected ReaderData create(List<SeedFeed> feeds, List<SeedArticle> articles) {
        file = dir.resolve("reader.db");
        store = openStore();
        for (SeedFeed feed : feeds) {
            long id = store.feeds().add(new Subscription("https://outlet" + feed.key() + ".example/feed/", feed.title(),
                    null, feed.folder(), List.of()), clock.instant()).feed().id();
            feedIds.put(feed.key(), id);
        }
        for (SeedArticle article : articles) {
            entriesByFeed.computeIfAbsent(article.feedKey(), k -> new ArrayList<>()).add(entry(article));
        }
        entriesByFeed.forEach(this::ingest);
        return new StoreReaderData(store, watchedFile(), clock);
    }

    @Override
    protected void addFromAnotherProcess(SeedArticle article) {
        // A second Store on the same file is a second connection, as another process has.
        Store other = openStore();
        List<Entry> entries = entriesByFeed.computeIfAbsent(article.feedKey(), k -> new ArrayList<>());
        entries.add(entry(article));
        other.ingest(feedIds.get(article.feedKey()), parsed(entries), clock.instant());
    }

    private void ingest(long feedKey, List<Entry> entries) {
        store.ingest(feedIds.get(feedKey), parsed(entries), clock.instant());
    }

    private static ParsedFeed parsed(List<Entry> entries) {
        return new ParsedFeed(FeedFormat.RSS_20, "feed", null, null, null, entries, FeedHints.NONE, false, List.of());
    }

    private static Entry entry(SeedArticle article) {
        // Each outlet on its own host, as at different news sites.
        String link = "https://outlet" + article.feedKey() + ".example/" + article.storyKey() + "/" + article.feedKey();
        String body = storyBody(article.storyKey());
        return new Entry(link, link, article.title(), article.published(), null, article.author(), article.topics(),
                List.of(), List.of(), article.html() + "<p>" + body + "</p>", body, null);
    }

    /** A body shared by every copy of a story, distinct between stories. */
    private static String storyBody(long storyKey) {
        String[] words = {"lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "do",
                "eiusmod", "tempor", "incididunt", "ut", "labore", "et", "dolore", "magna", "aliqua", "enim"};
        StringBuilder body = new StringBuilder();
        long state = storyKey * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < 60; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            body.append(words[(int) ((state >>> 33) % words.length)]).append(' ');
        }
        return body.toString().strip();
    }
}
