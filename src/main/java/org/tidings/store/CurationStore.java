package org.tidings.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.tidings.model.ArticleFacts;
import org.tidings.model.Curation;
import org.tidings.model.FeedRef;

/**
 * Carries out what rules decide (docs/RULES.md): reads the {@link ArticleFacts} rules match on
 * and applies a {@link Curation} — hide, read, star, add topics. The matching itself is the
 * caller's (a pure function); this class only reads and writes.
 *
 * <p>Hidden articles are kept but marked read while hidden ({@code hidden} 1 = was read, 2 = was
 * unread), so the trigger-kept unread counters leave them out; lists leave them out by their
 * {@code hidden} flag. Showing one again restores its read state.
 */
public final class CurationStore {
    private static final System.Logger LOG = System.getLogger(CurationStore.class.getName());

    private final Jdbi jdbi;

    CurationStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What applying rules changed. */
    public record Applied(int articles, int hidden, int read, int starred, int topics) {
        static final Applied NONE = new Applied(0, 0, 0, 0, 0);

        Applied plus(Applied other) {
            return new Applied(articles + other.articles, hidden + other.hidden, read + other.read,
                    starred + other.starred, topics + other.topics);
        }
    }

    /**
     * Applies {@code rules} to every stored article (hidden ones included: they may gain topics or
     * stars). One transaction per chunk of articles.
     */
    public Applied applyAll(Function<ArticleFacts, Curation> rules, Instant now) {
        Objects.requireNonNull(rules, "rules");
        Applied total = Applied.NONE;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT id FROM articles WHERE id > :after ORDER BY id LIMIT " + Articles.CHUNK)
                    .bind("after", from)
                    .mapTo(Long.class)
                    .list());
            if (ids.isEmpty()) {
                return total;
            }
            total = total.plus(jdbi.inTransaction(handle -> apply(handle, ids, rules, now)));
            after = ids.get(ids.size() - 1);
        }
    }

    /** The ids of the stored articles {@code matches} accepts, newest first, at most {@code limit}. */
    public List<Long> matching(Predicate<ArticleFacts> matches, int limit) {
        Objects.requireNonNull(matches, "matches");
        List<Long> found = new ArrayList<>();
        Long before = Long.MAX_VALUE;
        while (found.size() < limit) {
            long upTo = before;
            List<ArticleFacts> chunk = jdbi.withHandle(handle -> facts(handle, handle.createQuery(
                            "SELECT id FROM articles WHERE id < :before ORDER BY id DESC LIMIT " + Articles.CHUNK)
                    .bind("before", upTo)
                    .mapTo(Long.class)
                    .list()));
            if (chunk.isEmpty()) {
                break;
            }
            for (ArticleFacts facts : chunk) {
                if (found.size() < limit && matches.test(facts)) {
                    found.add(facts.id());
                }
            }
            before = chunk.get(chunk.size() - 1).id();
        }
        return found;
    }

    /** What rules see of these articles (in descending id order). */
    public List<ArticleFacts> facts(Collection<Long> ids) {
        return jdbi.withHandle(handle -> facts(handle, ids));
    }

    /** Whether the article is hidden (false when there is no such article). */
    public boolean isHidden(long id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT hidden FROM articles WHERE id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .findOne()
                .orElse(0)) != 0;
    }

    /** Shows hidden articles again, with the read state they had; returns how many changed. */
    public int show(Collection<Long> ids) {
        return jdbi.inTransaction(handle -> {
            int changed = 0;
            for (List<Long> chunk : Articles.chunks(ids)) {
                changed += handle.createUpdate("""
                                UPDATE articles SET read = CASE hidden WHEN 2 THEN 0 ELSE read END,
                                       read_at = CASE hidden WHEN 2 THEN NULL ELSE read_at END, hidden = 0
                                 WHERE hidden <> 0 AND id IN (<ids>)""")
                        .bindList("ids", chunk)
                        .execute();
            }
            return changed;
        });
    }

    /** Hides articles by hand; returns how many changed. */
    public int hide(Collection<Long> ids, Instant now) {
        return jdbi.inTransaction(handle -> {
            int changed = 0;
            for (List<Long> chunk : Articles.chunks(ids)) {
                changed += hide(handle, chunk, now);
            }
            return changed;
        });
    }

    /**
     * Applies rules to the articles a document just added (in the ingest transaction). A rule that
     * throws is skipped for that article: no rule stops a sync.
     */
    static Applied apply(Handle handle, Collection<Long> ids, Function<ArticleFacts, Curation> rules, Instant now) {
        if (ids.isEmpty()) {
            return Applied.NONE;
        }
        Applied total = Applied.NONE;
        Map<String, Long> topicCache = new HashMap<>();
        for (ArticleFacts facts : facts(handle, ids)) {
            Curation curation;
            try {
                curation = rules.apply(facts);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "rules failed on article " + facts.id() + ": " + e);
                continue;
            }
            if (curation == null || curation.isNone()) {
                continue;
            }
            total = total.plus(apply(handle, facts.id(), curation, now, topicCache));
        }
        return total;
    }

    private static Applied apply(Handle handle, long id, Curation curation, Instant now, Map<String, Long> topicCache) {
        int topics = 0;
        for (String name : curation.topics()) {
            String shown = Text.collapse(name);
            if (shown.isEmpty()) {
                continue;
            }
            long topic = Ingester.topicId(handle, shown, topicCache);
            topics += handle.createUpdate("""
                            INSERT INTO article_topics (article_id, topic_id, sort_at)
                            SELECT id, :topic, sort_at FROM articles WHERE id = :id
                            ON CONFLICT (article_id, topic_id) DO NOTHING""")
                    .bind("topic", topic)
                    .bind("id", id)
                    .execute();
        }
        int starred = curation.star()
                ? handle.createUpdate("UPDATE articles SET starred = 1 WHERE id = :id AND starred = 0").bind("id", id).execute()
                : 0;
        int read = curation.read() && !curation.hide()
                ? handle.createUpdate("UPDATE articles SET read = 1, read_at = :now WHERE id = :id AND read = 0")
                        .bind("id", id).bind("now", now.toEpochMilli()).execute()
                : 0;
        int hidden = curation.hide() ? hide(handle, List.of(id), now) : 0;
        boolean changed = topics + starred + read + hidden > 0;
        return new Applied(changed ? 1 : 0, hidden, read, starred, topics);
    }

    private static int hide(Handle handle, List<Long> ids, Instant now) {
        return handle.createUpdate("""
                        UPDATE articles SET hidden = CASE read WHEN 1 THEN 1 ELSE 2 END, read = 1,
                               read_at = coalesce(read_at, :now)
                         WHERE hidden = 0 AND id IN (<ids>)""")
                .bind("now", now.toEpochMilli())
                .bindList("ids", ids)
                .execute();
    }

    /** Reads facts in three queries per chunk: articles (with full text), feeds and folders, topics. */
    private static List<ArticleFacts> facts(Handle handle, Collection<Long> ids) {
        List<ArticleFacts> out = new ArrayList<>();
        for (List<Long> chunk : Articles.chunks(new LinkedHashSet<>(ids))) {
            Map<Long, List<FeedRef>> feeds = new HashMap<>();
            Map<Long, Set<String>> folders = new HashMap<>();
            handle.createQuery("""
                            SELECT p.article_id, f.id, coalesce(f.custom_title, f.feed_title, f.url), f.url, fo.name
                              FROM appearances p JOIN feeds f ON f.id = p.feed_id
                              LEFT JOIN folders fo ON fo.id = f.folder_id
                             WHERE p.article_id IN (<ids>)
                             ORDER BY p.first_seen_at, f.id""")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> {
                        long article = rs.getLong(1);
                        feeds.computeIfAbsent(article, k -> new ArrayList<>())
                                .add(new FeedRef(rs.getLong(2), rs.getString(3), rs.getString(4)));
                        String folder = rs.getString(5);
                        if (folder != null) {
                            folders.computeIfAbsent(article, k -> new LinkedHashSet<>()).add(folder);
                        }
                        return article;
                    })
                    .list();
            Map<Long, List<String>> topics = new HashMap<>();
            handle.createQuery("""
                            SELECT at.article_id, t.name FROM article_topics at JOIN topics t ON t.id = at.topic_id
                             WHERE at.article_id IN (<ids>) ORDER BY t.name_key""")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> topics.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            handle.createQuery("SELECT a.id, a.title, a.author, " + Bodies.textColumns("a.") + """
                            , a.link, ft.text
                              FROM articles a LEFT JOIN article_full_text ft ON ft.article_id = a.id AND ft.status = 'ok'
                             WHERE a.id IN (<ids>) ORDER BY a.id DESC""")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> {
                        long id = rs.getLong(1);
                        String text = Bodies.text(rs, 4);
                        String content = text != null ? text : rs.getString(6);
                        String full = rs.getString(8);
                        if (full != null) {
                            content = content == null ? full : content + "\n" + full;
                        }
                        return new ArticleFacts(id, rs.getString(2), rs.getString(3), content, rs.getString(7),
                                feeds.getOrDefault(id, List.of()), List.copyOf(folders.getOrDefault(id, Set.of())),
                                topics.getOrDefault(id, List.of()));
                    })
                    .forEach(out::add);
        }
        return out;
    }
}
