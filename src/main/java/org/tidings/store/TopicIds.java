package org.tidings.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.tidings.model.Topic;

/**
 * Topic names to topic ids, creating topics on first use; names equal ignoring case and spacing
 * ({@link Topics#key}) are one topic. One per document (or other unit of work): it caches what it
 * read and can read a document's names in one query ahead ({@link #prefetch}).
 */
final class TopicIds {
    private final Handle handle;
    private final Map<String, Long> cache;
    /** Names read ahead by key; empty: no such topic yet. */
    private final Map<String, Optional<Topic>> stored = new HashMap<>();
    /** Ids by the name as given (saves normalizing a name each time it recurs). */
    private final Map<String, Long> byName = new HashMap<>();

    TopicIds(Handle handle, Map<String, Long> cache) {
        this.handle = handle;
        this.cache = cache;
    }

    /** The id of a topic, created on first use. */
    static long id(Handle handle, String name, Map<String, Long> cache) {
        return new TopicIds(handle, cache).id(name);
    }

    /** Reads the stored topics of these names in one query instead of one per name. */
    TopicIds prefetch(Collection<String> names) {
        Set<String> keys = new LinkedHashSet<>();
        for (String name : names) {
            String key = Topics.key(name);
            if (!cache.containsKey(key) && !stored.containsKey(key)) {
                keys.add(key);
            }
        }
        for (List<String> chunk : Articles.chunks(keys)) {
            for (String key : chunk) {
                stored.put(key, Optional.empty());
            }
            handle.createQuery("SELECT id, name, name_key FROM topics WHERE name_key IN (<keys>)")
                    .bindList("keys", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString(3), new Topic(rs.getLong(1), rs.getString(2))))
                    .forEach(e -> stored.put(e.getKey(), Optional.of(e.getValue())));
        }
        return this;
    }

    /** The id of the topic {@code name}, created on first use. */
    long id(String name) {
        Long known = byName.get(name);
        if (known == null) {
            known = idOfKey(name, Topics.key(name));
            byName.put(name, known);
        }
        return known;
    }

    private long idOfKey(String name, String key) {
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
