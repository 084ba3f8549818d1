package org.tidings.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * Keeps story groups (docs/DEDUP.md, "Stories across outlets"): a story is a connected group of
 * articles that {@link StoryRules} says are copies of each other. Called once per stored document
 * with its new and changed articles (already written), it finds their candidates through the
 * {@code story_keys} index ({@link StoryFingerprint#candidateKeys()}), recomputes the groups of
 * everything they touch, and writes the differences. Because a group is always the connected
 * component of the rules' graph, the groups do not depend on the order articles arrive in: a new
 * article linking two groups merges them, an edited one leaves a group it no longer matches (which
 * splits when that article held it together).
 */
final class StoryGrouper {
    /**
     * A body key shared by more articles than this is boilerplate (a copyright line, a newsletter
     * footer), not a story: it finds no candidates. Headline keys are always followed.
     */
    static final int MAX_POSTINGS = 64;

    /** An article's text for comparing: the full text of its page when there is one, else its own body. */
    private static final String FULL_TEXT_AND_BODY = "(SELECT ft.text FROM article_full_text ft"
            + " WHERE ft.article_id = articles.id AND ft.status = 'ok') AS full_text, " + Bodies.textColumns("");

    private final Dialect dialect;
    private final StoreOptions options;
    private final StatementCache statements = new StatementCache();

    StoryGrouper(Dialect dialect, StoreOptions options) {
        this.dialect = dialect;
        this.options = options;
    }

    /**
     * A new or changed article, as just written.
     *
     * @param words what grouping reads of its title and text ({@link StoryFingerprint.Words#of})
     * @param published its publication time (epoch ms), or null
     * @param added new (else an existing article whose title or text changed)
     */
    record Change(long articleId, String site, StoryFingerprint.Words words, @Nullable Long published, boolean added) {
        Change(long articleId, String site, @Nullable String title, @Nullable String text, @Nullable Long published,
                boolean added) {
            this(articleId, site, StoryFingerprint.Words.of(title, text), published, added);
        }
    }

    /** What grouping reads of a stored article. */
    private record Stored(StoryFingerprint print, @Nullable Long story, boolean read) {}

    /** A posting of the index: an article under a key, with what decides whether to follow it. */
    private record Hit(long articleId, String outlet, long at, @Nullable Long story) {}

    void group(Handle handle, List<Change> changes, long now) {
        if (changes.isEmpty()) {
            return;
        }
        Map<Long, Stored> articles = new HashMap<>();
        Map<Long, Change> byId = new HashMap<>();
        Set<Long> changedIds = new HashSet<>();
        for (Change change : changes) {
            byId.put(change.articleId(), change);
            if (!change.added()) {
                changedIds.add(change.articleId());
            }
        }
        Map<Long, Stored> before = load(handle, changedIds, false);
        for (Change change : changes) {
            Stored old = before.get(change.articleId());
            long at = old != null ? old.print().at() : change.published() != null ? change.published() : now;
            StoryFingerprint print = StoryFingerprint.of(change.words(), change.site(), at);
            articles.put(change.articleId(), new Stored(print, old == null ? null : old.story(), old != null && old.read()));
        }

        // Keys to look up: the changed articles' and, for changed ones, the keys they had (an old
        // headline that stops being generic, or a group they leave).
        Map<Long, Set<Long>> inputsByKey = new HashMap<>();
        for (Change change : changes) {
            for (long key : articles.get(change.articleId()).print().candidateKeys()) {
                inputsByKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(change.articleId());
            }
        }
        if (!changedIds.isEmpty()) {
            for (List<Long> chunk : Articles.chunks(changedIds)) {
                handle.createQuery("SELECT key, article_id FROM story_keys WHERE article_id IN (<ids>)")
                        .bindList("ids", chunk)
                        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                        .forEach(e -> inputsByKey.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>()).add(e.getValue()));
                handle.createUpdate("DELETE FROM story_keys WHERE article_id IN (<ids>)").bindList("ids", chunk).execute();
            }
        }
        Set<Long> titleKeys = new HashSet<>();
        for (Stored stored : articles.values()) {
            titleKeys.add(StoryFingerprint.titleHash(stored.print().titleKey()));
        }

        // Follow the postings that can matter: headline keys always (genericity), body keys to
        // articles at another outlet within the window of an article that has the key.
        Set<Long> scope = new LinkedHashSet<>(byId.keySet());
        Set<Long> stories = new TreeSet<>();
        for (Stored stored : articles.values()) {
            if (stored.story() != null) {
                stories.add(stored.story());
            }
        }
        Map<Long, List<Hit>> postings = postings(handle, inputsByKey.keySet(), byId.keySet());
        for (Map.Entry<Long, List<Hit>> posting : postings.entrySet()) {
            boolean title = titleKeys.contains(posting.getKey());
            if (!title && posting.getValue().size() > MAX_POSTINGS) {
                continue;
            }
            for (Hit hit : posting.getValue()) {
                boolean follow = title;
                for (long input : inputsByKey.get(posting.getKey())) {
                    Stored mine = articles.get(input);
                    follow |= mine != null && !mine.print().outlet().equals(hit.outlet())
                            && Math.abs(mine.print().at() - hit.at()) <= StoryRules.WINDOW.toMillis();
                }
                if (follow && scope.add(hit.articleId()) && hit.story() != null) {
                    stories.add(hit.story());
                }
            }
        }
        boolean inputsShareKeys = inputsByKey.values().stream().anyMatch(inputs -> inputs.size() > 1);
        if (scope.size() == byId.size() && stories.isEmpty() && !inputsShareKeys) {
            insertKeys(handle, changes, articles);
            return; // nothing to compare with: the common case
        }
        if (!stories.isEmpty()) {
            for (List<Long> chunk : Articles.chunks(stories)) {
                scope.addAll(handle.createQuery("SELECT id FROM articles WHERE story_id IN (<stories>)")
                        .bindList("stories", chunk)
                        .mapTo(Long.class)
                        .list());
            }
        }
        Set<Long> toLoad = new LinkedHashSet<>(scope);
        toLoad.removeAll(articles.keySet());
        articles.putAll(load(handle, toLoad, true));
        scope.retainAll(articles.keySet());

        Set<String> recurring = recurringTitles(handle, scope, articles);
        List<Long> ids = new ArrayList<>(new TreeSet<>(scope));
        int[] parent = new int[ids.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < ids.size(); i++) {
            StoryFingerprint one = articles.get(ids.get(i)).print();
            for (int j = i + 1; j < ids.size(); j++) {
                StoryFingerprint other = articles.get(ids.get(j)).print();
                // Only pairs the index can find are compared, so that groups do not depend on
                // which other articles happened to be in scope.
                if (find(parent, i) != find(parent, j) && !one.outlet().equals(other.outlet()) && one.sharesKey(other)
                        && StoryRules.decide(one, other, recurring::contains).same) {
                    parent[find(parent, j)] = find(parent, i);
                }
            }
        }
        Map<Integer, List<Long>> components = new java.util.TreeMap<>();
        for (int i = 0; i < ids.size(); i++) {
            components.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(ids.get(i));
        }
        write(handle, components.values(), articles, byId, stories, now);
        insertKeys(handle, changes, articles);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Writes the groups: existing story ids kept where they can be, the rest created or dropped. */
    private void write(Handle handle, Collection<List<Long>> components, Map<Long, Stored> articles,
            Map<Long, Change> byId, Set<Long> oldStories, long now) {
        Set<Long> kept = new HashSet<>();
        long nextStory = -1;
        try (Batch assign = statements.batch(handle, "UPDATE articles SET story_id = ? WHERE id = ?");
                Batch created = statements.batch(handle, "INSERT INTO stories (id, created_at) VALUES (?, ?)");
                Batch read = statements.batch(handle, "UPDATE articles SET read = 1, read_at = ? WHERE id = ? AND read = 0")) {
            for (List<Long> component : components) {
                Long story = null;
                if (component.size() > 1) {
                    TreeSet<Long> existing = new TreeSet<>();
                    for (long id : component) {
                        Long old = articles.get(id).story();
                        if (old != null && !kept.contains(old)) {
                            existing.add(old);
                        }
                    }
                    if (!existing.isEmpty()) {
                        story = existing.first();
                    } else {
                        if (nextStory < 0) {
                            nextStory = dialect.nextId(handle, "stories");
                        }
                        story = nextStory++;
                        created.integer(story).integer(now).add();
                    }
                    kept.add(story);
                }
                boolean anyRead = false;
                for (long id : component) {
                    anyRead |= articles.get(id).read();
                }
                for (long id : component) {
                    Stored stored = articles.get(id);
                    if (!java.util.Objects.equals(stored.story(), story)) {
                        assign.integer(story).integer(id).add();
                    }
                    Change change = byId.get(id);
                    if (story != null && anyRead && options.markStoryCopies() && change != null && change.added()) {
                        read.integer(now).integer(id).add();
                    }
                }
            }
            created.execute();
            assign.execute();
            read.execute();
        }
        Set<Long> dropped = new TreeSet<>(oldStories);
        dropped.removeAll(kept);
        for (List<Long> chunk : Articles.chunks(dropped)) {
            handle.createUpdate("DELETE FROM stories WHERE id IN (<ids>)").bindList("ids", chunk).execute();
        }
    }

    private void insertKeys(Handle handle, List<Change> changes, Map<Long, Stored> articles) {
        try (Batch keys = statements.batch(handle, "INSERT INTO story_keys (key, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (Change change : changes) {
                for (long key : articles.get(change.articleId()).print().candidateKeys()) {
                    keys.integer(key).integer(change.articleId()).add();
                }
            }
            keys.execute();
        }
    }

    /** The stored articles under the keys, but {@code except}. */
    private Map<Long, List<Hit>> postings(Handle handle, Set<Long> keys, Set<Long> except) {
        Map<Long, List<Hit>> postings = new HashMap<>();
        Map<String, String> outlets = new HashMap<>();
        for (List<Long> chunk : Articles.chunks(keys)) {
            statements.query(handle, """
                    SELECT sk.key, a.id, a.site, coalesce(a.published_at, a.first_seen_at) AS at, a.story_id
                      FROM story_keys sk JOIN articles a ON a.id = sk.article_id
                     WHERE sk.key IN (<in>)""", List.of(), chunk, rs -> {
                long articleId = rs.getLong(2);
                if (!except.contains(articleId)) {
                    String outlet = outlets.computeIfAbsent(String.valueOf(rs.getString(3)), Outlets::of);
                    postings.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Hit(articleId, outlet, rs.getLong(4), Rows.longOrNull(rs, "story_id")));
                }
            });
        }
        return postings;
    }

    /** Stored articles by id; their text only when {@code withText}. */
    private Map<Long, Stored> load(Handle handle, Collection<Long> ids, boolean withText) {
        Map<Long, Stored> stored = new HashMap<>();
        for (List<Long> chunk : Articles.chunks(ids)) {
            statements.query(handle, "SELECT id, site, title, coalesce(published_at, first_seen_at) AS at, story_id, read, "
                            + (withText ? FULL_TEXT_AND_BODY : "NULL AS full_text") + " FROM articles WHERE id IN (<in>)",
                    List.of(), chunk, rs -> stored.put(rs.getLong(1), new Stored(
                            StoryFingerprint.of(rs.getString(3), withText ? fullTextOrBody(rs) : null, String.valueOf(rs.getString(2)),
                                    rs.getLong(4)),
                            Rows.longOrNull(rs, "story_id"), rs.getInt(6) != 0)));
        }
        return stored;
    }

    /** An article's text for comparing: the full text of its page when there is one, else its own body. */
    private static @Nullable String fullTextOrBody(java.sql.ResultSet row) throws java.sql.SQLException {
        String full = row.getString(7);
        return full != null ? full : Bodies.text(row, 8);
    }

    /**
     * The headlines in scope that recur on different articles of one outlet ("Markets at a
     * glance"), counting every indexed article with the headline.
     */
    private static Set<String> recurringTitles(Handle handle, Set<Long> scope, Map<Long, Stored> articles) {
        Map<String, Map<String, Set<Long>>> byTitle = new HashMap<>();
        Map<String, Set<String>> outletsByTitle = new HashMap<>();
        for (long id : scope) {
            StoryFingerprint print = articles.get(id).print();
            if (print.titleWords().size() >= StoryRules.MIN_TITLE_WORDS) {
                outletsByTitle.computeIfAbsent(print.titleKey(), k -> new HashSet<>()).add(print.outlet());
                byTitle.computeIfAbsent(print.titleKey(), k -> new HashMap<>())
                        .computeIfAbsent(print.outlet(), k -> new HashSet<>()).add(id);
            }
        }
        Map<Long, String> wanted = new HashMap<>();
        outletsByTitle.forEach((title, outlets) -> {
            if (outlets.size() > 1) {
                wanted.put(StoryFingerprint.titleHash(title), title);
            }
        });
        for (List<Long> chunk : Articles.chunks(wanted.keySet())) {
            handle.createQuery("""
                            SELECT sk.key, a.id, a.site FROM story_keys sk JOIN articles a ON a.id = sk.article_id
                             WHERE sk.key IN (<keys>)""")
                    .bindList("keys", chunk)
                    .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getLong(2), String.valueOf(rs.getString(3))})
                    .forEach(row -> byTitle.get(wanted.get((Long) row[0]))
                            .computeIfAbsent(Outlets.of((String) row[2]), k -> new HashSet<>()).add((Long) row[1]));
        }
        Set<String> recurring = new HashSet<>();
        byTitle.forEach((title, outlets) -> {
            if (outlets.values().stream().anyMatch(ids -> ids.size() > 1)) {
                recurring.add(title);
            }
        });
        return recurring;
    }
}
