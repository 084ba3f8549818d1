package org.tidings.store;

import java.time.Instant;
import java.util.List;
import org.tidings.model.Subscription;

/**
 * Builds large databases for the store benchmarks quickly: rows generated inside SQLite (a
 * recursive CTE), bypassing {@link Store#ingest} (which the ingest benchmark measures). The
 * triggers still run, so counters and the full-text index are as ingest would leave them.
 */
public final class BenchmarkData {
    private BenchmarkData() {}

    /**
     * Adds {@code feeds} feeds (in {@code folders} folders) of {@code perFeed} articles each,
     * every article in one of {@code topics} topics, and marks {@code readPercent}% of them read.
     */
    public static void load(Store store, int feeds, int perFeed, int folders, int topics, int readPercent, Instant now) {
        long[] feedIds = new long[feeds];
        for (int f = 0; f < feeds; f++) {
            feedIds[f] = store.feeds().add(new Subscription("https://site" + f + ".example/feed", "Site " + f, null,
                    "Folder " + (f % folders), List.of()), now).feed().id();
        }
        var jdbi = store.jdbi();
        jdbi.useTransaction(h -> {
            for (int t = 0; t < topics; t++) {
                h.createUpdate("INSERT INTO topics (id, name, name_key) VALUES (:id, :name, lower(:name))")
                        .bind("id", t + 1).bind("name", "Topic " + t).execute();
            }
        });
        long base = now.toEpochMilli();
        for (int f = 0; f < feeds; f += 50) {
            long from = (long) f * perFeed + 1;
            long to = (long) Math.min(feeds, f + 50) * perFeed;
            jdbi.useTransaction(h -> {
                String range = "WITH RECURSIVE n(i) AS (SELECT :from UNION ALL SELECT i + 1 FROM n WHERE i < :to) ";
                h.createUpdate(range + """
                                INSERT INTO articles (id, id_key, id_scope, site, title, title_key, link, author, published_at,
                                                      summary, content_text, content_hash, sort_at, first_seen_at)
                                SELECT i, 'oid:s' || ((i - 1) / :per) || ':' || i, 's' || ((i - 1) / :per), 's' || ((i - 1) / :per),
                                       'Story ' || i || CASE i % 4 WHEN 0 THEN ' harbour' WHEN 1 THEN ' budget' WHEN 2 THEN ' rain' ELSE ' market' END,
                                       'story ' || i, 'https://site' || ((i - 1) / :per) || '.example/' || i, 'Reporter ' || (i % 300),
                                       :base - i * 1000, NULL,
                                       'Body of story ' || i || ' with a few words for the index', i, :base - i * 1000, :base
                                  FROM n""")
                        .bind("from", from).bind("to", to).bind("per", perFeed).bind("base", base).execute();
                // the store writes the full-text rows of new articles itself (schema 7, V007__write_path)
                h.createUpdate("INSERT INTO articles_fts (rowid, title, author, content_text)"
                                + " SELECT id, title, author, content_text FROM articles WHERE id BETWEEN :from AND :to")
                        .bind("from", from).bind("to", to).execute();
                h.createUpdate(range + """
                                INSERT INTO article_keys (key, article_id) SELECT 'oid:s' || ((i - 1) / :per) || ':' || i, i FROM n""")
                        .bind("from", from).bind("to", to).bind("per", perFeed).execute();
                h.createUpdate(range + """
                                INSERT INTO appearances (feed_id, article_id, first_seen_at, last_seen_at, present, content_hash, sort_at)
                                SELECT ((i - 1) / :per) + :firstFeed, i, :base, :base, 1, i, :base - i * 1000 FROM n""")
                        .bind("from", from).bind("to", to).bind("per", perFeed).bind("base", base).bind("firstFeed", feedIds[0])
                        .execute();
                h.createUpdate(range + """
                                INSERT INTO article_topics (article_id, topic_id, sort_at)
                                SELECT i, (i * 7) % :topics + 1, :base - i * 1000 FROM n""")
                        .bind("from", from).bind("to", to).bind("topics", topics).bind("base", base).execute();
                h.createUpdate("UPDATE articles SET read = 1, read_at = :base WHERE id BETWEEN :from AND :to AND ((id * 2654435761) % 1000003) % 100 < :pct")
                        .bind("from", from).bind("to", to).bind("pct", readPercent).bind("base", base).execute();
            });
        }
        jdbi.useHandle(h -> h.execute("PRAGMA optimize"));
    }
}
