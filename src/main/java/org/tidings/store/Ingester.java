package org.tidings.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Entry;
import org.tidings.model.Feed;
import org.tidings.model.ParsedFeed;
import org.tidings.model.Topic;

/**
 * Stores one parsed feed in one transaction, applying the identity rules of docs/DEDUP.md: looks
 * every key of every entry up in one query, then writes with batches prepared once.
 */
final class Ingester {
    /** Marks a category that names no topic in the per-document cache. */
    private static final Long NO_TOPIC = Long.MIN_VALUE;

    private final Dialect dialect;
    private final StoryGrouper stories;
    /** Prepared batch statements by connection (a connection is used by one thread at a time). */
    private final Map<Connection, Map<String, PreparedStatement>> prepared = new IdentityHashMap<>();

    Ingester(Dialect dialect, StoreOptions options) {
        this.dialect = dialect;
        this.stories = new StoryGrouper(dialect, options);
    }

    /** An entry read for storing. */
    private static final class Candidate {
        final Entry entry;
        Identity.@Nullable IdKey id;
        @Nullable String linkKey;
        @Nullable String hashKey;
        final @Nullable String title;
        final @Nullable String text;
        final long contentHash;
        final long sortAt;
        final @Nullable Long published;
        final Set<Long> topicIds = new LinkedHashSet<>();
        final String site;
        long articleId;

        Candidate(Entry entry, String feedSite, long now) {
            this.entry = entry;
            this.title = entry.title() == null || entry.title().isBlank() ? null : Text.collapse(entry.title());
            this.text = Bodies.searchText(entry.contentHtml(), entry.summary());
            this.contentHash = Text.hash64((title == null ? "" : title) + "\u0000" + (text == null ? "" : text));
            Instant date = entry.publishedOrUpdated();
            this.published = date == null ? null : date.toEpochMilli();
            this.sortAt = published == null ? now : Math.min(published, now);
            this.site = Identity.site(entry.link()).orElse(feedSite);
        }

        List<String> keys() {
            List<String> keys = new ArrayList<>(3);
            if (id != null) {
                keys.add(id.key());
            }
            if (linkKey != null) {
                keys.add(linkKey);
            }
            if (hashKey != null) {
                keys.add(hashKey);
            }
            return keys;
        }
    }

    /** An identity key found in the database; {@code articleId} null for a tombstone. */
    private record KeyHit(@Nullable Long articleId, @Nullable String idKey, @Nullable String idScope, long contentHash, long sortAt) {}

    IngestResult ingest(Handle handle, long feedId, ParsedFeed parsed, Instant now) {
        Feed feed = FeedStore.byId(handle, feedId)
                .orElseThrow(() -> new IllegalArgumentException("no feed with id " + feedId));
        long documentHash = DocumentHash.of(feed.url(), parsed);
        Optional<IngestResult> same = sameAsLastTime(handle, feedId, documentHash);
        if (same.isPresent()) {
            return same.get();
        }
        IngestResult result = store(handle, feed, parsed, now);
        handle.createUpdate("UPDATE feeds SET ingest_hash = :hash, ingest_known = :known, ingest_skipped = :skipped WHERE id = :id")
                .bind("hash", documentHash)
                .bind("known", result.added() + result.updated() + result.unchanged())
                .bind("skipped", result.skipped())
                .bind("id", feedId)
                .execute();
        return result;
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

    private IngestResult store(Handle handle, Feed feed, ParsedFeed parsed, Instant now) {
        long feedId = feed.id();
        long nowMs = now.toEpochMilli();
        String feedTitle = parsed.title() == null || parsed.title().isBlank() ? feed.feedTitle() : Text.collapse(parsed.title());
        String siteUrl = parsed.link() != null && !parsed.link().isBlank() ? parsed.link().strip() : feed.siteUrl();
        String feedSite = Identity.site(siteUrl).or(() -> Identity.site(feed.url())).orElse(feed.url());
        Map<String, Long> topicCache = new HashMap<>();
        Long feedTopic = Topics.feedTopic(handle, feedId, feed.url(), feedTitle).map(name -> topicId(handle, name, topicCache)).orElse(null);
        handle.createUpdate("UPDATE feeds SET feed_title = :title, site_url = :site, topic_id = :topic WHERE id = :id")
                .bind("title", feedTitle)
                .bind("site", siteUrl)
                .bind("topic", feedTopic)
                .bind("id", feedId)
                .execute();

        List<Candidate> candidates = candidates(handle, parsed, feedSite, feedTopic, topicCache, nowMs);
        Map<String, KeyHit> hits = lookUp(handle, candidates);
        Map<Long, Long> appearanceHashes = new HashMap<>();

        List<Candidate> fresh = new ArrayList<>();
        List<Candidate> known = new ArrayList<>();
        Map<Long, KeyHit> knownHits = new HashMap<>();
        Set<String> claimed = new HashSet<>();
        int skipped = 0;
        for (Candidate candidate : candidates) {
            Optional<KeyHit> match = Optional.empty();
            boolean tombstoned = false;
            for (String key : candidate.keys()) {
                KeyHit hit = hits.get(key);
                if (hit == null) {
                    continue;
                }
                if (hit.articleId() == null) {
                    tombstoned = true;
                    break;
                }
                if (compatible(candidate, hit)) {
                    match = Optional.of(hit);
                    break;
                }
            }
            if (match.isPresent()) {
                long articleId = match.get().articleId();
                if (knownHits.putIfAbsent(articleId, match.get()) == null) {
                    candidate.articleId = articleId;
                    known.add(candidate);
                }
            } else if (tombstoned) {
                skipped++;
            } else if (candidate.keys().stream().noneMatch(claimed::contains)) {
                claimed.addAll(candidate.keys());
                fresh.add(candidate);
            }
        }
        if (!known.isEmpty()) {
            for (List<Long> chunk : Articles.chunks(knownHits.keySet())) {
                handle.createQuery("SELECT article_id, content_hash FROM appearances WHERE feed_id = :feed AND article_id IN (<ids>)")
                        .bind("feed", feedId)
                        .bindList("ids", chunk)
                        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                        .forEach(e -> appearanceHashes.put(e.getKey(), e.getValue()));
            }
        }

        int updated = 0;
        int unchanged = 0;
        List<Long> addedIds = new ArrayList<>();
        List<StoryGrouper.Change> storyChanges = new ArrayList<>();
        List<Dialect.SearchRow> reindexed = new ArrayList<>();
        try (Batch keys = batch(handle, "INSERT INTO article_keys (key, article_id) VALUES (?, ?) ON CONFLICT (key) DO NOTHING");
                Batch appearances = batch(handle, """
                        INSERT INTO appearances (feed_id, article_id, first_seen_at, last_seen_at, present, content_hash, sort_at)
                        VALUES (?, ?, ?, ?, 1, ?, ?)
                        ON CONFLICT (feed_id, article_id)
                        DO UPDATE SET last_seen_at = excluded.last_seen_at, present = 1, content_hash = excluded.content_hash""");
                Batch topics = batch(handle, """
                        INSERT INTO article_topics (article_id, topic_id, sort_at) VALUES (?, ?, ?)
                        ON CONFLICT (article_id, topic_id) DO NOTHING""")) {
            if (!known.isEmpty()) {
                try (Batch updates = batch(handle, """
                        UPDATE articles SET title = ?, title_key = ?, author = ?, summary = ?,
                               content_html = ?, content_text = ?, comments_url = ?, content_hash = ?,
                               source_updated_at = ?, updated = 1, changed_at = ?
                         WHERE id = ?""")) {
                    for (Candidate candidate : known) {
                        KeyHit hit = knownHits.get(candidate.articleId);
                        Long previous = appearanceHashes.get(candidate.articleId);
                        boolean changed = previous != null && previous != candidate.contentHash && hit.contentHash() != candidate.contentHash;
                        if (changed) {
                            updated++;
                            storyChanges.add(storyChange(candidate, false));
                            reindexed.add(new Dialect.SearchRow(candidate.articleId, candidate.title, candidate.entry.author(), candidate.text));
                            updates.text(candidate.title)
                                    .text(candidate.title == null ? null : StoryFingerprint.titleKey(candidate.title))
                                    .text(candidate.entry.author())
                                    .text(candidate.entry.summary())
                                    .bytes(Bodies.pack(candidate.entry.contentHtml()))
                                    .text(null) // derived from the HTML (see Bodies)
                                    .text(candidate.entry.commentsUrl())
                                    .integer(candidate.contentHash)
                                    .integer(Rows.millis(candidate.entry.updated()))
                                    .integer(nowMs)
                                    .integer(candidate.articleId)
                                    .add();
                        } else {
                            unchanged++;
                        }
                        for (String key : candidate.keys()) {
                            if (!hits.containsKey(key)) {
                                keys.text(key).integer(candidate.articleId).add();
                            }
                        }
                        appearances.integer(feedId).integer(candidate.articleId).integer(nowMs).integer(nowMs)
                                .integer(candidate.contentHash).integer(hit.sortAt()).add();
                        for (long topic : candidate.topicIds) {
                            topics.integer(candidate.articleId).integer(topic).integer(hit.sortAt()).add();
                        }
                    }
                    updates.execute();
                    dialect.reindex(handle, reindexed);
                }
            }

            if (!fresh.isEmpty()) {
                long nextId = dialect.nextId(handle, "articles");
                for (Candidate candidate : fresh) {
                    candidate.articleId = nextId++;
                    addedIds.add(candidate.articleId);
                }
                try (Batch articles = batch(handle, """
                        INSERT INTO articles (id, id_key, id_scope, site, title, title_key, link, author, published_at,
                                              source_updated_at, summary, content_html, content_text, comments_url,
                                              content_hash, signature, sort_at, first_seen_at, read, read_at, story_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                        Batch search = batch(handle, dialect.searchInsertSql())) {
                    for (Candidate candidate : fresh) {
                        storyChanges.add(storyChange(candidate, true));
                        articles.integer(candidate.articleId)
                                .text(candidate.id == null ? null : candidate.id.key())
                                .text(candidate.id == null ? null : candidate.id.scope())
                                .text(candidate.site)
                                .text(candidate.title)
                                .text(candidate.title == null ? null : StoryFingerprint.titleKey(candidate.title))
                                .text(candidate.entry.link())
                                .text(candidate.entry.author())
                                .integer(candidate.published)
                                .integer(Rows.millis(candidate.entry.updated()))
                                .text(candidate.entry.summary())
                                .bytes(Bodies.pack(candidate.entry.contentHtml()))
                                .text(null) // derived from the HTML (see Bodies)
                                .text(candidate.entry.commentsUrl())
                                .integer(candidate.contentHash)
                                .bytes(null)
                                .integer(candidate.sortAt)
                                .integer(nowMs)
                                .integer(0)
                                .integer((Long) null)
                                .integer((Long) null)
                                .add();
                        search.integer(candidate.articleId).text(candidate.title).text(candidate.entry.author()).text(candidate.text).add();
                        for (String key : candidate.keys()) {
                            keys.text(key).integer(candidate.articleId).add();
                        }
                        appearances.integer(feedId).integer(candidate.articleId).integer(nowMs).integer(nowMs)
                                .integer(candidate.contentHash).integer(candidate.sortAt).add();
                        for (long topic : candidate.topicIds) {
                            topics.integer(candidate.articleId).integer(topic).integer(candidate.sortAt).add();
                        }
                    }
                    articles.execute();
                    search.execute();
                }
                Enclosures.insert(handle, fresh.stream().collect(java.util.stream.Collectors.toMap(
                        candidate -> candidate.articleId, candidate -> candidate.entry.enclosures(), (a, b) -> a)));
            }
            keys.execute();
            appearances.execute();
            topics.execute();
        }
        stories.group(handle, storyChanges, nowMs);
        if (!parsed.entries().isEmpty()) {
            // A document with no entries at all is more often broken than emptied: keep presence.
            handle.createUpdate("UPDATE appearances SET present = 0 WHERE feed_id = :feed AND present = 1 AND last_seen_at < :now")
                    .bind("feed", feedId)
                    .bind("now", nowMs)
                    .execute();
        }
        return new IngestResult(fresh.size(), updated, unchanged, skipped, addedIds);
    }

    /**
     * A batch of {@code sql} on the handle's connection, prepared once per connection and reused
     * by every later ingest on it (preparing costs more than binding a feed's rows).
     */
    private Batch batch(Handle handle, String sql) {
        Connection connection = handle.getConnection();
        try {
            Map<String, PreparedStatement> statements;
            synchronized (prepared) {
                statements = prepared.get(connection);
                if (statements == null) {
                    // Connections closed by the pool since: drop their statements.
                    prepared.keySet().removeIf(Ingester::isClosed);
                    statements = new HashMap<>();
                    prepared.put(connection, statements);
                }
            }
            PreparedStatement statement = statements.get(sql);
            if (statement == null || statement.isClosed()) {
                statement = connection.prepareStatement(sql);
                statements.put(sql, statement);
            }
            return Batch.reusing(statement, sql);
        } catch (SQLException e) {
            throw new StoreException("cannot prepare " + sql.strip().lines().findFirst().orElse(sql) + ": " + e.getMessage(), e);
        }
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /**
     * Reads the entries: keys, topics, text. Ids that several different entries of the document
     * share are not trusted (some feeds give every item the same guid), nor are links shared by
     * entries with different ids (some give every item the home page as link); the same entry
     * twice in a document is stored once.
     */
    private List<Candidate> candidates(Handle handle, ParsedFeed parsed, String feedSite, @Nullable Long feedTopic,
            Map<String, Long> topicCache, long now) {
        List<Candidate> candidates = new ArrayList<>(parsed.entries().size());
        Map<String, Set<String>> linksById = new HashMap<>();
        Map<String, Set<String>> idsByLink = new HashMap<>();
        Map<String, Long> categoryTopics = new HashMap<>();
        Map<String, Optional<String>> categoryNames = new HashMap<>();
        for (Entry entry : parsed.entries()) {
            for (String category : entry.categories()) {
                categoryNames.computeIfAbsent(category, Topics::displayName);
            }
        }
        Map<String, Optional<Topic>> stored = storedTopics(handle, categoryNames.values(), topicCache);
        for (Entry entry : parsed.entries()) {
            Candidate candidate = new Candidate(entry, feedSite, now);
            if (entry.id() != null && !entry.id().isBlank()) {
                candidate.id = Identity.idKey(entry.id(), feedSite);
            }
            if (entry.link() != null && !entry.link().isBlank()) {
                candidate.linkKey = Identity.linkKey(entry.link());
            }
            if (candidate.id == null && candidate.linkKey == null) {
                if (candidate.title == null && candidate.published == null && candidate.text == null) {
                    continue; // nothing to know it by
                }
                candidate.hashKey = Identity.hashKey(feedSite, candidate.title != null ? candidate.title : candidate.text,
                        candidate.published);
            }
            String shape = candidate.linkKey != null ? candidate.linkKey : String.valueOf(candidate.title);
            if (candidate.id != null) {
                linksById.computeIfAbsent(candidate.id.key(), k -> new HashSet<>()).add(shape);
                if (candidate.linkKey != null) {
                    idsByLink.computeIfAbsent(candidate.linkKey, k -> new HashSet<>()).add(candidate.id.key());
                }
            }
            if (feedTopic != null) {
                candidate.topicIds.add(feedTopic);
            }
            for (String category : entry.categories()) {
                Long topic = categoryTopics.computeIfAbsent(category,
                        raw -> categoryNames.get(raw).map(name -> topicId(handle, name, topicCache, stored)).orElse(NO_TOPIC));
                if (!NO_TOPIC.equals(topic)) {
                    candidate.topicIds.add(topic);
                }
            }
            candidates.add(candidate);
        }
        for (Candidate candidate : candidates) {
            if (candidate.id != null && linksById.get(candidate.id.key()).size() > 1) {
                candidate.id = null;
            }
            if (candidate.linkKey != null && idsByLink.getOrDefault(candidate.linkKey, Set.of()).size() > 1) {
                candidate.linkKey = null;
            }
            if (candidate.id == null && candidate.linkKey == null && candidate.hashKey == null) {
                candidate.hashKey = Identity.hashKey(feedSite, candidate.title != null ? candidate.title : candidate.text,
                        candidate.published);
            }
        }
        return candidates;
    }

    private static Map<String, KeyHit> lookUp(Handle handle, List<Candidate> candidates) {
        Set<String> keys = new LinkedHashSet<>();
        for (Candidate candidate : candidates) {
            keys.addAll(candidate.keys());
        }
        Map<String, KeyHit> hits = new HashMap<>();
        for (List<String> chunk : Articles.chunks(keys)) {
            handle.createQuery("""
                            SELECT k.key, k.article_id, a.id_key, a.id_scope, a.content_hash, a.sort_at
                              FROM article_keys k LEFT JOIN articles a ON a.id = k.article_id
                             WHERE k.key IN (<keys>)""")
                    .bindList("keys", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), new KeyHit(
                            Rows.longOrNull(rs, "article_id"), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6))))
                    .forEach(e -> hits.put(e.getKey(), e.getValue()));
        }
        return hits;
    }

    /**
     * An article found by link is not this entry's when both have ids trusted in the same scope
     * and the ids differ: two posts of one site that share a link.
     */
    private static boolean compatible(Candidate candidate, KeyHit hit) {
        if (candidate.id == null || hit.idKey() == null) {
            return true;
        }
        return candidate.id.key().equals(hit.idKey()) || !candidate.id.scope().equals(hit.idScope());
    }

    private static StoryGrouper.Change storyChange(Candidate candidate, boolean added) {
        return new StoryGrouper.Change(candidate.articleId, candidate.site, candidate.title, candidate.text, candidate.published, added);
    }

    /**
     * The stored topics of the document's category names (by name key), read in one query instead
     * of one per name; keys already in {@code cache} are left out. A key mapped to empty has no
     * topic yet.
     */
    private static Map<String, Optional<Topic>> storedTopics(Handle handle, Collection<Optional<String>> names,
            Map<String, Long> cache) {
        Set<String> keys = new LinkedHashSet<>();
        for (Optional<String> name : names) {
            name.map(Topics::key).filter(key -> !cache.containsKey(key)).ifPresent(keys::add);
        }
        Map<String, Optional<Topic>> stored = new HashMap<>();
        for (List<String> chunk : Articles.chunks(keys)) {
            for (String key : chunk) {
                stored.put(key, Optional.empty());
            }
            handle.createQuery("SELECT id, name, name_key FROM topics WHERE name_key IN (<keys>)")
                    .bindList("keys", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString(3), new Topic(rs.getLong(1), rs.getString(2))))
                    .forEach(e -> stored.put(e.getKey(), Optional.of(e.getValue())));
        }
        return stored;
    }

    /** The id of a topic, created on first use; names equal ignoring case and spacing are one. */
    static long topicId(Handle handle, String name, Map<String, Long> cache) {
        return topicId(handle, name, cache, Map.of());
    }

    /** {@link #topicId(Handle, String, Map)} with the topics already read by {@link #storedTopics}. */
    private static long topicId(Handle handle, String name, Map<String, Long> cache, Map<String, Optional<Topic>> stored) {
        String key = Topics.key(name);
        Long cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<Topic> prefetched = stored.get(key);
        Optional<Topic> existing = prefetched != null ? prefetched
                : handle.createQuery("SELECT id, name FROM topics WHERE name_key = :key")
                        .bind("key", key)
                        .map((rs, ctx) -> new Topic(rs.getLong(1), rs.getString(2)))
                        .findOne();
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            String shown = existing.get().name();
            if (shown.equals(shown.toLowerCase(Locale.ROOT)) && !name.equals(name.toLowerCase(Locale.ROOT))) {
                // "foreign" seen first, "Foreign" later: show the capitalized form.
                handle.createUpdate("UPDATE topics SET name = :name WHERE id = :id").bind("name", name).bind("id", id).execute();
            }
        } else {
            id = handle.createQuery("INSERT INTO topics (name, name_key) VALUES (:name, :key) RETURNING id")
                    .bind("name", name)
                    .bind("key", key)
                    .mapTo(Long.class)
                    .one();
        }
        cache.put(key, id);
        return id;
    }
}
