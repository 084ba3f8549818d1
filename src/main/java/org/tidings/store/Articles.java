package org.tidings.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/** Statements on articles shared by several stores. */
final class Articles {
    /** Ids bound per {@code IN (...)} list. */
    static final int CHUNK = 500;

    private Articles() {}

    static <T> List<List<T>> chunks(Collection<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        List<T> current = new ArrayList<>(Math.min(CHUNK, items.size()));
        for (T item : items) {
            current.add(item);
            if (current.size() == CHUNK) {
                chunks.add(current);
                current = new ArrayList<>(CHUNK);
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /**
     * Deletes articles. With {@code tombstoneAt} their identity keys stay behind as tombstones
     * (retention); without, the keys go too (purge: subscribing again restores them). Rows that
     * counters depend on are deleted before the articles, so the counter triggers see them.
     */
    static void delete(Handle handle, Collection<Long> ids, @Nullable Instant tombstoneAt) {
        for (List<Long> chunk : chunks(ids)) {
            if (tombstoneAt != null) {
                handle.createUpdate("UPDATE article_keys SET article_id = NULL, tombstoned_at = :now WHERE article_id IN (<ids>)")
                        .bind("now", tombstoneAt.toEpochMilli())
                        .bindList("ids", chunk)
                        .execute();
            }
            // The feeds' last documents named these articles: they must be ingested in full again.
            handle.createUpdate("UPDATE feeds SET ingest_hash = NULL WHERE id IN (SELECT feed_id FROM appearances WHERE article_id IN (<ids>))")
                    .bindList("ids", chunk)
                    .execute();
            for (String table : List.of("appearances", "article_topics", "story_keys", "article_keys")) {
                handle.createUpdate("DELETE FROM " + table + " WHERE article_id IN (<ids>)").bindList("ids", chunk).execute();
            }
            handle.createUpdate("DELETE FROM articles WHERE id IN (<ids>)").bindList("ids", chunk).execute();
        }
        if (!ids.isEmpty()) {
            handle.execute("DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM articles WHERE story_id IS NOT NULL)");
        }
    }
}
