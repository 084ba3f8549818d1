package org.tidings.store;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.tidings.model.Enclosure;

/** The enclosures table: written with a new article, read for the article view. */
final class Enclosures {
    /** At most this many enclosures are kept per article (a hostile feed cannot flood the table). */
    static final int LIMIT = 20;

    private Enclosures() {}

    /** Stores the enclosures of new articles, article id to its enclosures in document order. */
    static void insert(Handle handle, Map<Long, List<Enclosure>> byArticle) {
        if (byArticle.values().stream().allMatch(List::isEmpty)) {
            return;
        }
        try (Batch rows = new Batch(handle, """
                INSERT INTO enclosures (article_id, position, url, type, length) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (article_id, position) DO NOTHING""")) {
            byArticle.forEach((articleId, enclosures) -> {
                for (int i = 0; i < Math.min(LIMIT, enclosures.size()); i++) {
                    Enclosure enclosure = enclosures.get(i);
                    rows.integer(articleId).integer(i).text(enclosure.url()).text(enclosure.type())
                            .integer(enclosure.length()).add();
                }
            });
            rows.execute();
        }
    }

    static List<Enclosure> of(Handle handle, long articleId) {
        return handle.createQuery("SELECT url, type, length FROM enclosures WHERE article_id = :id ORDER BY position")
                .bind("id", articleId)
                .map((rs, ctx) -> new Enclosure(rs.getString(1), rs.getString(2), Rows.longOrNull(rs, "length")))
                .list();
    }
}
