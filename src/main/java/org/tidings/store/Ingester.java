package org.tidings.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.tidings.model.Feed;
import org.tidings.store.IngestCandidates.Candidate;
import org.tidings.store.IngestMatch.KeyHit;
import org.tidings.store.IngestMatch.Known;

/**
 * Stores one prepared document in the caller's transaction, applying the identity rules of
 * docs/DEDUP.md, in five steps: read the entries as candidates ({@link IngestCandidates}), look
 * every key up in one query and match ({@link IngestMatch}, pure), write known and fresh articles
 * ({@link IngestWriter}), group stories ({@link StoryGrouper}), mark absent what the document no
 * longer carries. A document equal to the last one this feed stored costs one query.
 */
final class Ingester {
    private final Dialect dialect;
    private final StoryGrouper stories;
    private final StatementCache statements = new StatementCache();

    Ingester(Dialect dialect, StoreOptions options) {
        this.dialect = dialect;
        this.stories = new StoryGrouper(dialect, options);
    }

    IngestResult ingest(Handle handle, long feedId, PreparedFeed prepared, Instant now) {
        Feed feed = FeedStore.byId(handle, feedId)
                .orElseThrow(() -> new IllegalArgumentException("no feed with id " + feedId));
        long documentHash = DocumentHash.forFeed(feed.url(), prepared.documentHash());
        Optional<IngestResult> same = sameAsLastTime(handle, feedId, documentHash);
        if (same.isPresent()) {
            return same.get();
        }
        IngestResult result = store(handle, feed, prepared, now);
        handle.createUpdate("UPDATE feeds SET ingest_hash = :hash, ingest_known = :known, ingest_skipped = :skipped WHERE id = :id")
                .bind("hash", documentHash)
                .bind("known", result.added() + result.updated() + result.unchanged())
                .bind("skipped", result.skipped())
                .bind("id", feedId)
                .execute();
        return result;
    }

    /** Whether the feed's last stored document is this one: ingesting it would write nothing. */
    static boolean storedAsIs(Handle handle, long feedId, PreparedFeed prepared) {
        return handle.createQuery("SELECT url, ingest_hash FROM feeds WHERE id = :id")
                .bind("id", feedId)
                .map((rs, ctx) -> rs.getObject(2) != null
                        && rs.getLong(2) == DocumentHash.forFeed(rs.getString(1), prepared.documentHash()))
                .findOne()
                .orElse(false);
    }

    /**
     * The result of ingesting this document again when it hashes as the last one this feed stored:
     * every entry known and unchanged. Articles deleted since (retention, purge) clear the hash of
     * the feeds that carried them (see {@link Articles#delete}).
     */
    private static Optional<IngestResult> sameAsLastTime(Handle handle, long feedId, long documentHash) {
        return handle.createQuery("SELECT ingest_known, ingest_skipped FROM feeds WHERE id = :id AND ingest_hash = :hash")
                .bind("id", feedId)
                .bind("hash", documentHash)
                .map((rs, ctx) -> new IngestResult(0, 0, rs.getInt(1), rs.getInt(2), List.of()))
                .findOne();
    }

    private IngestResult store(Handle handle, Feed feed, PreparedFeed prepared, Instant now) {
        long feedId = feed.id();
        long nowMs = now.toEpochMilli();
        String title = prepared.document().title();
        String link = prepared.document().link();
        String feedTitle = title == null || title.isBlank() ? feed.feedTitle() : Text.collapse(title);
        String siteUrl = link != null && !link.isBlank() ? link.strip() : feed.siteUrl();
        String feedSite = Identity.site(siteUrl).or(() -> Identity.site(feed.url())).orElse(feed.url());
        TopicIds topics = new TopicIds(handle, new HashMap<>());
        Long feedTopic = Topics.feedTopic(handle, feedId, feed.url(), feedTitle).map(topics::id).orElse(null);
        handle.createUpdate("UPDATE feeds SET feed_title = :title, site_url = :site, topic_id = :topic WHERE id = :id")
                .bind("title", feedTitle)
                .bind("site", siteUrl)
                .bind("topic", feedTopic)
                .bind("id", feedId)
                .execute();

        List<String> topicNames = new ArrayList<>();
        for (PreparedFeed.Item item : prepared.entries()) {
            topicNames.addAll(item.topicNames());
        }
        topics.prefetch(topicNames);
        List<Candidate> candidates = IngestCandidates.of(prepared, feedSite, feedTopic, topics::id, nowMs);
        Map<String, KeyHit> hits = lookUp(handle, candidates);
        IngestMatch.Result match = IngestMatch.match(candidates, hits);

        int updated;
        List<Long> addedIds;
        List<StoryGrouper.Change> storyChanges;
        try (IngestWriter writer = new IngestWriter(handle, dialect, statements, feedId, nowMs)) {
            updated = writer.known(match.known(), hits, appearanceHashes(handle, feedId, match.known()));
            long firstId = match.fresh().isEmpty() ? 0 : dialect.nextId(handle, "articles");
            addedIds = writer.fresh(match.fresh(), firstId);
            writer.finish();
            storyChanges = writer.storyChanges();
        }
        stories.group(handle, storyChanges, nowMs);
        if (!prepared.document().entries().isEmpty()) {
            markAbsent(handle, feedId, nowMs);
        }
        return new IngestResult(addedIds.size(), updated, match.known().size() - updated, match.skipped(), addedIds);
    }

    /** Every stored key of the candidates, with what matching reads of its article. */
    private Map<String, KeyHit> lookUp(Handle handle, List<Candidate> candidates) {
        Set<String> keys = new LinkedHashSet<>();
        for (Candidate candidate : candidates) {
            keys.addAll(candidate.keys());
        }
        Map<String, KeyHit> hits = new HashMap<>();
        for (List<String> chunk : Articles.chunks(keys)) {
            statements.query(handle, """
                    SELECT k.key, k.article_id, a.id_key, a.id_scope, a.content_hash, a.sort_at
                      FROM article_keys k LEFT JOIN articles a ON a.id = k.article_id
                     WHERE k.key IN (<in>)""", List.of(), chunk, rs -> hits.put(rs.getString(1), new KeyHit(
                    Rows.longOrNull(rs, "article_id"), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6))));
        }
        return hits;
    }

    /** This feed's last content hash of each known article it carried before. */
    private Map<Long, Long> appearanceHashes(Handle handle, long feedId, List<Known> known) {
        Map<Long, Long> hashes = new HashMap<>();
        List<Long> ids = new ArrayList<>(known.size());
        for (Known k : known) {
            ids.add(k.articleId());
        }
        for (List<Long> chunk : Articles.chunks(ids)) {
            statements.query(handle, "SELECT article_id, content_hash FROM appearances WHERE feed_id = ? AND article_id IN (<in>)",
                    List.of(feedId), chunk, rs -> hashes.put(rs.getLong(1), rs.getLong(2)));
        }
        return hashes;
    }

    /**
     * The feed's articles not in this document are no longer present in it. (Not called for a
     * document with no entries at all: that is more often broken than emptied.)
     */
    private static void markAbsent(Handle handle, long feedId, long now) {
        handle.createUpdate("UPDATE appearances SET present = 0 WHERE feed_id = :feed AND present = 1 AND last_seen_at < :now")
                .bind("feed", feedId)
                .bind("now", now)
                .execute();
    }
}
