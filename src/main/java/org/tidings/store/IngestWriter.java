package org.tidings.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.tidings.store.IngestCandidates.Candidate;
import org.tidings.store.IngestMatch.Known;

/**
 * Writes one document's matched candidates with batches prepared once per connection: known
 * articles (appearance, topics, new keys; updated in place when this feed changed them) and fresh
 * ones (the article, its search row, keys, appearance, topics, enclosures). Only SQL: everything
 * derived from the entries was computed ahead ({@link PreparedFeed}).
 */
final class IngestWriter implements AutoCloseable {
    private final Handle handle;
    private final Dialect dialect;
    private final StatementCache statements;
    private final long feedId;
    private final long now;
    private final Batch keys;
    private final Batch appearances;
    private final Batch topics;
    private final List<StoryGrouper.Change> storyChanges = new ArrayList<>();

    IngestWriter(Handle handle, Dialect dialect, StatementCache statements, long feedId, long now) {
        this.handle = handle;
        this.dialect = dialect;
        this.statements = statements;
        this.feedId = feedId;
        this.now = now;
        this.keys = statements.batch(handle, "INSERT INTO article_keys (key, article_id) VALUES (?, ?) ON CONFLICT (key) DO NOTHING");
        this.appearances = statements.batch(handle, """
                INSERT INTO appearances (feed_id, article_id, first_seen_at, last_seen_at, present, content_hash, sort_at)
                VALUES (?, ?, ?, ?, 1, ?, ?)
                ON CONFLICT (feed_id, article_id)
                DO UPDATE SET last_seen_at = excluded.last_seen_at, present = 1, content_hash = excluded.content_hash""");
        this.topics = statements.batch(handle, """
                INSERT INTO article_topics (article_id, topic_id, sort_at) VALUES (?, ?, ?)
                ON CONFLICT (article_id, topic_id) DO NOTHING""");
    }

    /** The new and changed articles written, for story grouping. */
    List<StoryGrouper.Change> storyChanges() {
        return storyChanges;
    }

    /**
     * Records the known articles as appearing in this feed, updating in place those this feed
     * changed (its previous appearance had another content hash, and so does the article).
     *
     * @param hits every key found, so that only the candidate's new keys are added
     * @param appearanceHashes this feed's previous content hash of each known article, if any
     * @return how many were updated (the rest are unchanged)
     */
    int known(List<Known> known, Map<String, IngestMatch.KeyHit> hits, Map<Long, Long> appearanceHashes) {
        if (known.isEmpty()) {
            return 0;
        }
        int updated = 0;
        List<Dialect.SearchRow> reindexed = new ArrayList<>();
        try (Batch updates = statements.batch(handle, """
                UPDATE articles SET title = ?, title_key = ?, author = ?, summary = ?,
                       content_html = ?, content_text = ?, comments_url = ?, content_hash = ?,
                       source_updated_at = ?, updated = 1, changed_at = ?
                 WHERE id = ?""")) {
            for (Known k : known) {
                Candidate candidate = k.candidate();
                PreparedFeed.Item item = candidate.item();
                Long previous = appearanceHashes.get(k.articleId());
                if (previous != null && previous != item.contentHash() && k.hit().contentHash() != item.contentHash()) {
                    updated++;
                    storyChanges.add(storyChange(candidate, k.articleId(), false));
                    reindexed.add(new Dialect.SearchRow(k.articleId(), item.title(), item.entry().author(), item.text()));
                    updates.text(item.title())
                            .text(item.titleKey())
                            .text(item.entry().author())
                            .text(item.entry().summary())
                            .bytes(item.body())
                            .text(null) // derived from the HTML (see Bodies)
                            .text(item.entry().commentsUrl())
                            .integer(item.contentHash())
                            .integer(Rows.millis(item.entry().updated()))
                            .integer(now)
                            .integer(k.articleId())
                            .add();
                }
                for (String key : candidate.keys()) {
                    if (!hits.containsKey(key)) {
                        keys.text(key).integer(k.articleId()).add();
                    }
                }
                appear(candidate, k.articleId(), k.hit().sortAt());
            }
            updates.execute();
            dialect.reindex(handle, reindexed);
        }
        return updated;
    }

    /** Stores the fresh candidates as new articles with ids from {@code firstId} on; returns their ids. */
    List<Long> fresh(List<Candidate> fresh, long firstId) {
        List<Long> ids = new ArrayList<>(fresh.size());
        if (fresh.isEmpty()) {
            return ids;
        }
        long nextId = firstId;
        try (Batch articles = statements.batch(handle, """
                INSERT INTO articles (id, id_key, id_scope, site, title, title_key, link, author, published_at,
                                      source_updated_at, summary, content_html, content_text, comments_url,
                                      content_hash, signature, sort_at, first_seen_at, read, read_at, story_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                Batch search = statements.batch(handle, dialect.searchInsertSql())) {
            for (Candidate candidate : fresh) {
                long articleId = nextId++;
                ids.add(articleId);
                PreparedFeed.Item item = candidate.item();
                storyChanges.add(storyChange(candidate, articleId, true));
                articles.integer(articleId)
                        .text(candidate.id() == null ? null : candidate.id().key())
                        .text(candidate.id() == null ? null : candidate.id().scope())
                        .text(candidate.site())
                        .text(item.title())
                        .text(item.titleKey())
                        .text(item.entry().link())
                        .text(item.entry().author())
                        .integer(candidate.published())
                        .integer(Rows.millis(item.entry().updated()))
                        .text(item.entry().summary())
                        .bytes(item.body())
                        .text(null) // derived from the HTML (see Bodies)
                        .text(item.entry().commentsUrl())
                        .integer(item.contentHash())
                        .bytes(null)
                        .integer(candidate.sortAt())
                        .integer(now)
                        .integer(0)
                        .integer((Long) null)
                        .integer((Long) null)
                        .add();
                search.integer(articleId).text(dialect.searchValue(item.title())).text(dialect.searchValue(item.entry().author()))
                        .text(dialect.searchValue(item.text())).add();
                for (String key : candidate.keys()) {
                    keys.text(key).integer(articleId).add();
                }
                appear(candidate, articleId, candidate.sortAt());
            }
            articles.execute();
            search.execute();
        }
        Map<Long, List<org.tidings.model.Enclosure>> enclosures = new java.util.HashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            enclosures.putIfAbsent(ids.get(i), fresh.get(i).entry().enclosures());
        }
        Enclosures.insert(handle, enclosures);
        return ids;
    }

    private void appear(Candidate candidate, long articleId, long sortAt) {
        appearances.integer(feedId).integer(articleId).integer(now).integer(now).integer(candidate.contentHash()).integer(sortAt).add();
        for (long topic : candidate.topicIds()) {
            topics.integer(articleId).integer(topic).integer(sortAt).add();
        }
    }

    private static StoryGrouper.Change storyChange(Candidate candidate, long articleId, boolean added) {
        return new StoryGrouper.Change(articleId, candidate.site(), candidate.item().story(), candidate.published(), added);
    }

    /** Executes the key, appearance and topic rows of both kinds: after {@link #known} and {@link #fresh}. */
    void finish() {
        keys.execute();
        appearances.execute();
        topics.execute();
    }

    @Override
    public void close() {
        try (keys; appearances; topics) {
            // closing leaves the cached statements open
        }
    }
}
