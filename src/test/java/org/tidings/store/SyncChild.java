package org.tidings.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tidings.model.Entry;
import org.tidings.model.ParsedFeed;
import org.tidings.model.Subscription;

/**
 * A syncing process for the two-process and crash tests: subscribes {@code FEEDS} feeds and
 * ingests rounds of documents (new entries each round, some shared by every feed, some changed
 * in place), printing {@code round N} after each. Runs until {@code rounds} rounds are done (0: for
 * ever, until killed).
 *
 * <p>Usage: {@code SyncChild DB ROUNDS [group]} ({@code group}: each round in one transaction)
 */
public final class SyncChild {
    static final int FEEDS = 8;
    static final int ENTRIES = 30;

    private SyncChild() {}

    public static void main(String[] args) {
        Path db = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        boolean together = args.length > 2 && args[2].equals("group");
        Store store = Store.open(db);
        List<Long> feeds = new ArrayList<>();
        for (int f = 0; f < FEEDS; f++) {
            feeds.add(store.feeds().add(Subscription.of("https://site" + f + ".example/feed"), Instant.EPOCH).feed().id());
        }
        int start = store.articles().page(ArticleQuery.all(), null, 1).articles().isEmpty() ? 0
                : store.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM articles").mapTo(Integer.class).one()) / 4;
        System.out.println("ready");
        System.out.flush();
        for (int round = start; rounds == 0 || round < start + rounds; round++) {
            Instant now = Instant.parse("2026-11-20T00:00:00Z").plusSeconds(60L * round);
            int r = round;
            if (together) {
                // group commit, as the sync writer does it: a whole round in one transaction
                store.writeTogether(() -> {
                    for (int f = 0; f < FEEDS; f++) {
                        store.ingest(feeds.get(f), document(f, r), now);
                    }
                    return null;
                });
            } else {
                for (int f = 0; f < FEEDS; f++) {
                    store.ingest(feeds.get(f), document(f, round), now);
                }
            }
            System.out.println("round " + round);
            System.out.flush();
            // a real sync has gaps between writes (network, parsing): the reader's writes get in then
            pause(10);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ParsedFeed document(int feed, int round) {
        List<Entry> entries = new ArrayList<>();
        for (int k = 0; k < ENTRIES; k++) {
            int n = round * 3 + k;
            boolean shared = n % 4 == 0;
            String link = shared ? "https://wire.example/story/" + n : "https://site" + feed + ".example/post/" + n;
            String id = shared ? link : "site" + feed + "-" + n;
            // every fifth round the newest posts get an edited title: updates in place
            String title = (shared ? "Wire story " : "Post ") + n + (round % 5 == 0 && k < 3 ? " (updated)" : "");
            entries.add(new Entry(id, link, title, Instant.parse("2026-11-01T00:00:00Z").plusSeconds(600L * n), null,
                    "Reporter " + feed, List.of("Topic " + (n % 7)), List.of(), List.of(),
                    "<p>Body of item " + n + " from feed " + (shared ? "wire" : feed) + " with some words to index.</p>",
                    null, null));
        }
        return new ParsedFeed(org.tidings.model.FeedFormat.RSS_20, "Site " + feed, "https://site" + feed + ".example/",
                null, null, entries, org.tidings.model.FeedHints.NONE, false, List.of());
    }
}
