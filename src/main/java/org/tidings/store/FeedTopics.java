package org.tidings.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * The topic a user gives a feed ({@code feeds.topic_override}: NULL automatic, {@code ''} none,
 * else the name), and moving the feed's stored articles to it.
 */
final class FeedTopics {
    private FeedTopics() {}

    /** See {@link FeedStore#setTopic}. */
    static Optional<Optional<String>> set(Handle handle, long feedId, @Nullable String name) {
        Optional<Map<String, Object>> feed = handle.createQuery("SELECT url, feed_title, topic_id FROM feeds WHERE id = :id")
                .bind("id", feedId)
                .mapToMap()
                .findOne();
        if (feed.isEmpty()) {
            return Optional.empty();
        }
        String override = name == null ? null : Topics.displayName(name).orElse("");
        // ingest_hash = NULL: the next document is ingested in full even if unchanged (DocumentHash)
        handle.createUpdate("UPDATE feeds SET topic_override = :override, ingest_hash = NULL WHERE id = :id")
                .bind("override", override)
                .bind("id", feedId)
                .execute();
        Optional<String> topic = Topics.feedTopic(handle, feedId, (String) feed.get().get("url"),
                (String) feed.get().get("feed_title"));
        Long newTopic = topic.map(shown -> TopicIds.id(handle, shown, new HashMap<>())).orElse(null);
        Object old = feed.get().get("topic_id");
        Long oldTopic = old == null ? null : ((Number) old).longValue();
        if (!java.util.Objects.equals(oldTopic, newTopic)) {
            move(handle, feedId, oldTopic, newTopic);
        }
        return Optional.of(topic);
    }

    /**
     * Moves the feed's articles from its old topic to the new one. An article keeps the old topic
     * when another feed that carries it gives it that topic too. (A category of the article's own
     * with the old topic's name is not told apart from the feed's topic: it goes too.)
     */
    private static void move(Handle handle, long feedId, @Nullable Long oldTopic, @Nullable Long newTopic) {
        handle.createUpdate("UPDATE feeds SET topic_id = :topic WHERE id = :id").bind("topic", newTopic).bind("id", feedId).execute();
        if (oldTopic != null) {
            handle.createUpdate("""
                            DELETE FROM article_topics
                             WHERE topic_id = :old
                               AND article_id IN (SELECT article_id FROM appearances WHERE feed_id = :feed)
                               AND article_id NOT IN (SELECT p.article_id FROM appearances p JOIN feeds f ON f.id = p.feed_id
                                                       WHERE f.topic_id = :old AND f.id <> :feed)""")
                    .bind("old", oldTopic)
                    .bind("feed", feedId)
                    .execute();
        }
        if (newTopic != null) {
            handle.createUpdate("""
                            INSERT INTO article_topics (article_id, topic_id, sort_at)
                            SELECT p.article_id, :topic, p.sort_at FROM appearances p WHERE p.feed_id = :feed
                            ON CONFLICT (article_id, topic_id) DO NOTHING""")
                    .bind("topic", newTopic)
                    .bind("feed", feedId)
                    .execute();
        }
    }

    /** Records an imported topic (OPML); true when it changed the feed's. Null leaves the feed's as it is. */
    static boolean importTopic(Handle handle, long feedId, @Nullable String topic) {
        if (topic == null) {
            return false;
        }
        String override = Topics.displayName(topic).orElse("");
        boolean same = handle.createQuery("SELECT count(*) FROM feeds WHERE id = :id AND topic_override IS :override")
                .bind("override", override)
                .bind("id", feedId)
                .mapTo(Integer.class)
                .one() > 0;
        if (!same) {
            set(handle, feedId, override);
        }
        return !same;
    }

    static Map<Long, String> overrides(Handle handle) {
        Map<Long, String> overrides = new HashMap<>();
        handle.createQuery("SELECT id, topic_override FROM feeds WHERE topic_override IS NOT NULL")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> overrides.put(e.getKey(), e.getValue()));
        return overrides;
    }
}
