package org.tidings.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import org.tidings.store.ArticleQuery;
import org.tidings.store.BenchmarkData;
import org.tidings.store.SqliteDialect;
import org.tidings.store.Store;

/**
 * Builds the reader benchmarks' database once: the store benchmark's 1,000,000 articles (1,000
 * feeds x 1,000, 20 folders, 50 topics, 70% read, built by {@link BenchmarkData}), plus what the
 * reader's counts must handle: 5% of the articles are copies of a story at three outlets (the
 * same position in three neighbouring feeds, one read state per story) and 10% also appear in a
 * second feed of the same folder (category feeds of one site).
 *
 * <pre>
 * java -cp ... org.tidings.bench.ReaderBenchData FILE   # does nothing when FILE exists
 * </pre>
 */
public final class ReaderBenchData {
    static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");

    private ReaderBenchData() {}

    public static void main(String[] args) {
        Path db = Path.of(args.length > 0 ? args[0] : "reader-bench.db");
        if (Files.exists(db) && SqliteDialect.jdbi(db).withHandle(h -> h.createQuery("SELECT count(*) FROM stories")
                .mapTo(Integer.class).one()) > 0) {
            System.out.println(db + " is built; delete it to rebuild");
            return;
        }
        long start = System.nanoTime();
        build(db);
        System.out.printf(Locale.ROOT, "built %s in %.0f s%n", db, (System.nanoTime() - start) / 1e9);
    }

    /** Builds the database at {@code db} (the articles only if it has none yet). */
    public static void build(Path db) {
        try (Store store = Store.open(db)) {
            if (store.articles().page(ArticleQuery.all(), null, 1).articles().isEmpty()) {
                BenchmarkData.load(store, 1000, 1000, 20, 50, 70, NOW);
            }
        }
        Jdbi jdbi = SqliteDialect.jdbi(db);
        jdbi.useTransaction(h -> {
            // Stories: articles at the same position j (j % 20 == 0) of feeds 3m, 3m+1, 3m+2.
            String story = "((id - 1) / 3000) * 1000 + (id - 1) % 1000 + 1";
            String copies = "id % 20 = 0 AND (id - 1) / 1000 < 999";
            h.createUpdate("INSERT INTO stories (id, created_at) SELECT DISTINCT " + story + ", :now FROM articles WHERE " + copies)
                    .bind("now", NOW.toEpochMilli()).execute();
            h.execute("UPDATE articles SET story_id = " + story + " WHERE " + copies);
            // One read state per story: the first copy's.
            h.execute("UPDATE articles SET read = (SELECT f.read FROM articles f WHERE f.id = (SELECT min(id) FROM articles g"
                    + " WHERE g.story_id = articles.story_id)) WHERE story_id IS NOT NULL");
            // Category feeds: 10% of the articles also appear in feed f + 20 (same folder).
            h.execute("""
                    INSERT INTO appearances (feed_id, article_id, first_seen_at, last_seen_at, present, content_hash, sort_at)
                    SELECT (SELECT min(id) FROM feeds) + ((p.feed_id - (SELECT min(id) FROM feeds) + 20) % 1000),
                           p.article_id, p.first_seen_at, p.last_seen_at, 1, p.content_hash, p.sort_at
                      FROM appearances p WHERE p.article_id % 10 = 3""");
        });
        jdbi.useHandle(h -> {
            h.execute("PRAGMA optimize");
            h.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        });
    }
}
