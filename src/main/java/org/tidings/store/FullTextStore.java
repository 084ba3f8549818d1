package org.tidings.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.tidings.model.FullText;

/**
 * The pages behind articles (docs/FULLTEXT.md): which feeds want them, the queue of pages to
 * fetch, and what came of each. A page is fetched once: a failure is kept with its reason and not
 * queued again by later polls.
 */
public final class FullTextStore {
    private final Jdbi jdbi;
    private final StoryGrouper stories;

    FullTextStore(Jdbi jdbi, StoryGrouper stories) {
        this.stories = stories;
        this.jdbi = jdbi;
    }

    /** A page waiting to be fetched, with the feed's own text to compare the extraction with. */
    public record PendingPage(long articleId, String url, @Nullable String feedText) {
        public PendingPage {
            Objects.requireNonNull(url, "url");
        }
    }

    /** Turns full text on or off for a feed; false when there is no such feed. */
    public boolean setEnabled(long feedId, boolean on) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE feeds SET full_text = :on WHERE id = :id")
                .bind("on", on ? 1 : 0)
                .bind("id", feedId)
                .execute()) > 0;
    }

    public boolean enabled(long feedId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT full_text FROM feeds WHERE id = :id")
                .bind("id", feedId)
                .mapTo(Integer.class)
                .findOne()
                .orElse(0)) != 0;
    }

    /** Ids of the feeds with full text on (for export). */
    public List<Long> enabledFeeds() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM feeds WHERE full_text = 1 ORDER BY id")
                .mapTo(Long.class)
                .list());
    }

    /**
     * Queues the pages of new articles of a feed that has full text on (those with an http(s)
     * link and no page yet, and not hidden by a rule); called in the ingest transaction, after
     * the rules. Returns how many were queued.
     */
    static int queueNew(Handle handle, long feedId, Collection<Long> articleIds, Instant now) {
        if (articleIds.isEmpty()) {
            return 0;
        }
        boolean on = handle.createQuery("SELECT full_text FROM feeds WHERE id = :id")
                .bind("id", feedId)
                .mapTo(Integer.class)
                .findOne()
                .orElse(0) != 0;
        if (!on) {
            return 0;
        }
        int queued = 0;
        for (List<Long> chunk : Articles.chunks(articleIds)) {
            queued += handle.createUpdate("""
                            INSERT INTO article_full_text (article_id, status, url, queued_at)
                            SELECT id, 'pending', link, :now FROM articles
                             WHERE id IN (<ids>) AND hidden = 0 AND (link LIKE 'http://%' OR link LIKE 'https://%')
                            ON CONFLICT (article_id) DO NOTHING""")
                    .bind("now", now.toEpochMilli())
                    .bindList("ids", chunk)
                    .execute();
        }
        return queued;
    }

    /**
     * Queues one article's page on demand, again if it failed before; empty when the article has
     * no http(s) link or does not exist.
     */
    public Optional<PendingPage> request(long articleId, Instant now) {
        return jdbi.inTransaction(handle -> {
            Optional<PendingPage> page = handle.createQuery("SELECT id, link, " + Bodies.textColumns("") + "\n" + """
                             FROM articles
                             WHERE id = :id AND (link LIKE 'http://%' OR link LIKE 'https://%')""")
                    .bind("id", articleId)
                    .map((rs, ctx) -> new PendingPage(rs.getLong(1), rs.getString(2), Bodies.text(rs, 3)))
                    .findOne();
            page.ifPresent(p -> handle.createUpdate("""
                            INSERT INTO article_full_text (article_id, status, url, queued_at) VALUES (:id, 'pending', :url, :now)
                            ON CONFLICT (article_id) DO UPDATE SET status = 'pending', url = excluded.url, reason = NULL,
                                   queued_at = excluded.queued_at
                             WHERE article_full_text.status <> 'ok'""")
                    .bind("id", articleId)
                    .bind("url", p.url())
                    .bind("now", now.toEpochMilli())
                    .execute());
            return page;
        });
    }

    /** The oldest queued pages, at most {@code limit}. */
    public List<PendingPage> pending(int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT q.article_id, q.url, " + Bodies.textColumns("a.") + "\n" + """
                         FROM article_full_text q
                          JOIN articles a ON a.id = q.article_id
                         WHERE q.status = 'pending'
                         ORDER BY q.queued_at, q.article_id
                         LIMIT :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> new PendingPage(rs.getLong(1), rs.getString(2), Bodies.text(rs, 3)))
                .list());
    }

    /** How many pages are queued. */
    public int pendingCount() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM article_full_text WHERE status = 'pending'")
                .mapTo(Integer.class)
                .one());
    }

    /**
     * Stores the extracted main text of an article's page. The article's story fingerprint is
     * recomputed from its title and the full text, so later copies of the story at other outlets
     * are compared with the whole article rather than its lead.
     */
    public void saveText(long articleId, String html, Instant now) {
        Objects.requireNonNull(html, "html");
        String text = Text.plain(html);
        jdbi.useTransaction(handle -> {
            int changed = handle.createUpdate("""
                            UPDATE article_full_text SET status = 'ok', html = :html, text = :text, reason = NULL,
                                   attempted_at = :now
                             WHERE article_id = :id""")
                    .bind("html", html)
                    .bind("text", text)
                    .bind("now", now.toEpochMilli())
                    .bind("id", articleId)
                    .execute();
            if (changed > 0 && text != null) {
                regroup(handle, articleId, text);
            }
        });
    }

    /** Records why an article's page gave no full text; the article stays as it was. */
    public void saveFailure(long articleId, String reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        jdbi.useHandle(handle -> handle.createUpdate("""
                        UPDATE article_full_text SET status = 'failed', html = NULL, text = NULL, reason = :reason,
                               attempted_at = :now
                         WHERE article_id = :id""")
                .bind("reason", reason)
                .bind("now", now.toEpochMilli())
                .bind("id", articleId)
                .execute());
    }

    /** The page of an article, when one was queued or fetched. */
    public Optional<FullText> get(long articleId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT article_id, status, url, html, text, reason, attempted_at FROM article_full_text
                         WHERE article_id = :id""")
                .bind("id", articleId)
                .map((rs, ctx) -> new FullText(rs.getLong(1), FullText.Status.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), Rows.instant(rs, "attempted_at")))
                .findOne());
    }

    /** Story grouping on the full text: the article is grouped anew with the page's text as its body. */
    private void regroup(Handle handle, long articleId, String fullText) {
        handle.createQuery("SELECT site, title, coalesce(published_at, first_seen_at) AS at FROM articles WHERE id = :id")
                .bind("id", articleId)
                .map((rs, ctx) -> new StoryGrouper.Change(articleId, String.valueOf(rs.getString(1)), rs.getString(2),
                        fullText, rs.getLong(3), false))
                .findOne()
                .ifPresent(change -> stories.group(handle, List.of(change), System.currentTimeMillis()));
    }
}
