package org.tidings.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.tidings.model.Topic;
import org.tidings.model.UnreadCount;

/**
 * The numbers beside the reader's lists: unread articles per feed, topic and folder (counters kept
 * by triggers), the unread and starred totals, and the corrections that turn unread articles into
 * unread stories (a story's extra unread copies, overall and per topic or folder); also the topics
 * by name.
 */
public final class ArticleCounts {
    private final Jdbi jdbi;
    private final Dialect dialect;

    ArticleCounts(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    /**
     * Stories with more than one unread copy and their number of unread copies ({@code n}), read
     * from the articles_story index (story_id, read) alone.
     */
    // The story corrections below join with CROSS JOIN so that SQLite keeps the join order: the
    // few unread stories with several copies drive the loop. Left to the planner, it scanned the
    // story index once per story (40 s on 1,000,000 articles instead of 0.1 s).
    private String unreadStories() {
        return "SELECT story_id, count(*) AS n FROM articles" + dialect.indexedBy("articles_story") + """

                 WHERE story_id IS NOT NULL AND read = 0
                 GROUP BY story_id HAVING count(*) > 1""";
    }

    /** Unread articles per feed (every feed, by title), in one query. */
    public List<UnreadCount> unreadByFeed() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, coalesce(custom_title, feed_title, url) AS name, unread FROM feeds
                         ORDER BY lower(coalesce(custom_title, feed_title, url)), id""")
                .map((rs, ctx) -> new UnreadCount(rs.getLong(1), rs.getString(2), rs.getInt(3)))
                .list());
    }

    /** Unread articles per topic (every topic, by name), in one query. */
    public List<UnreadCount> unreadByTopic() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, name, unread FROM topics ORDER BY name_key")
                .map((rs, ctx) -> new UnreadCount(rs.getLong(1), rs.getString(2), rs.getInt(3)))
                .list());
    }

    /**
     * Unread articles per folder (every folder, by name), in one query; an article in several
     * feeds of a folder counts once (a counter kept by triggers, like the feeds' and topics').
     */
    public List<UnreadCount> unreadByFolder() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, name, unread FROM folders ORDER BY name")
                .map((rs, ctx) -> new UnreadCount(rs.getLong(1), rs.getString(2), rs.getInt(3)))
                .list());
    }

    /** All unread articles. */
    public int unreadTotal() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM articles WHERE read = 0").mapTo(Integer.class).one());
    }

    /**
     * Unread articles that are extra copies of a story: for each story with {@code n > 1} unread
     * copies, {@code n - 1}. Unread stories = {@link #unreadTotal()} minus this. Reads only the
     * (few) articles that belong to stories, through the story index.
     */
    public int unreadExtraCopies() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT coalesce(sum(n - 1), 0) FROM (" + unreadStories() + ") u")
                .mapTo(Integer.class)
                .one());
    }

    /** {@link #unreadExtraCopies()} per topic name (topics with none are left out). */
    public Map<String, Integer> unreadExtraCopiesByTopic() {
        return jdbi.withHandle(handle -> {
            Map<String, Integer> extra = new HashMap<>();
            handle.createQuery("WITH s AS (" + unreadStories() + ")\n" + """
                            SELECT t.name, sum(c.n - 1) FROM (
                                SELECT at.topic_id AS topic_id, count(*) AS n
                                  FROM s %1$s articles a ON a.story_id = s.story_id AND a.read = 0
                                  %1$s article_topics at ON at.article_id = a.id
                                 GROUP BY at.topic_id, a.story_id HAVING count(*) > 1) c
                              JOIN topics t ON t.id = c.topic_id
                             GROUP BY t.id, t.name""".formatted(dialect.orderedJoin()))
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                    .forEach(row -> extra.put(row.getKey(), row.getValue()));
            return extra;
        });
    }

    /** {@link #unreadExtraCopies()} per folder name (folders with none are left out). */
    public Map<String, Integer> unreadExtraCopiesByFolder() {
        return jdbi.withHandle(handle -> {
            Map<String, Integer> extra = new HashMap<>();
            handle.createQuery("WITH s AS (" + unreadStories() + ")\n" + """
                            SELECT fo.name, sum(c.n - 1) FROM (
                                SELECT f.folder_id AS folder_id, count(DISTINCT a.id) AS n
                                  FROM s %1$s articles a ON a.story_id = s.story_id AND a.read = 0
                                  %1$s appearances p ON p.article_id = a.id
                                  %1$s feeds f ON f.id = p.feed_id
                                 WHERE f.folder_id IS NOT NULL
                                 GROUP BY f.folder_id, a.story_id HAVING count(DISTINCT a.id) > 1) c
                              JOIN folders fo ON fo.id = c.folder_id
                             GROUP BY fo.id, fo.name""".formatted(dialect.orderedJoin()))
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                    .forEach(row -> extra.put(row.getKey(), row.getValue()));
            return extra;
        });
    }

    /** All starred articles. */
    public int starredTotal() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM articles WHERE starred = 1 AND hidden = 0").mapTo(Integer.class).one());
    }

    public List<Topic> topics() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, name FROM topics ORDER BY name_key")
                .map((rs, ctx) -> new Topic(rs.getLong(1), rs.getString(2)))
                .list());
    }

    /** The topic with this name, ignoring case and spacing. */
    public Optional<Topic> topic(String name) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, name FROM topics WHERE name_key = :key")
                .bind("key", Topics.key(name))
                .map((rs, ctx) -> new Topic(rs.getLong(1), rs.getString(2)))
                .findOne());
    }
}
