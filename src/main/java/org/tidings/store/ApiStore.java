package org.tidings.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Article;

/**
 * What the daemon's sync API (Google Reader API) asks of the database: its users and their
 * tokens, streams of article ids in pages (keyset, either order, time bounds), articles with
 * their bodies by id, the newest article per feed, mark-all-as-read up to a time, and folder
 * renames. Read and unread marks go through {@link ArticleStore#mark}, so a story's copies are
 * marked together as in the reader.
 */
public final class ApiStore {
    /** The largest page {@link #stream} returns. */
    public static final int MAX_PAGE = 10_000;

    private final Jdbi jdbi;
    private final ArticleStore articles;

    ApiStore(Jdbi jdbi, ArticleStore articles) {
        this.jdbi = jdbi;
        this.articles = articles;
    }

    /** An API user as listed: never the password hash. */
    public record ApiUser(String name, Instant createdAt, int tokens) {}

    /** A user's stored password hash, to check a login against. */
    public record Credentials(long userId, String name, String passwordHash) {}

    /**
     * Which articles a stream holds; filters combine with AND.
     *
     * @param feedId articles carried by this feed
     * @param folderId articles carried by any feed of this folder
     * @param topicId articles with this topic
     * @param read only read (true) or only unread (false) articles
     * @param starred only starred (true) or only unstarred (false) articles
     * @param from only articles dated at or after this (epoch ms)
     * @param to only articles dated at or before this (epoch ms)
     * @param oldestFirst order oldest first instead of newest first
     */
    public record StreamQuery(@Nullable Long feedId, @Nullable Long folderId, @Nullable Long topicId,
            @Nullable Boolean read, @Nullable Boolean starred, @Nullable Long from, @Nullable Long to,
            boolean oldestFirst) {
        public static final StreamQuery ALL = new StreamQuery(null, null, null, null, null, null, null, false);

        public StreamQuery withRead(@Nullable Boolean value) {
            return new StreamQuery(feedId, folderId, topicId, value, starred, from, to, oldestFirst);
        }

        public StreamQuery withStarred(@Nullable Boolean value) {
            return new StreamQuery(feedId, folderId, topicId, read, value, from, to, oldestFirst);
        }

        public StreamQuery between(@Nullable Long fromMillis, @Nullable Long toMillis) {
            return new StreamQuery(feedId, folderId, topicId, read, starred, fromMillis, toMillis, oldestFirst);
        }

        public StreamQuery oldestFirst(boolean value) {
            return new StreamQuery(feedId, folderId, topicId, read, starred, from, to, value);
        }
    }

    /** One article of a stream: its id and its date (epoch ms), the stream's order key. */
    public record StreamRef(long id, long sortAt) {}

    /** One page of a stream and where the next page starts. */
    public record StreamPage(List<StreamRef> refs, Optional<PageCursor> next) {
        public StreamPage {
            refs = List.copyOf(refs);
            Objects.requireNonNull(next, "next");
        }
    }

    /**
     * An article in full for a client.
     *
     * @param crawled when tidings first saw it
     * @param folders the folders of the feeds that carried it, sorted
     * @param siteUrl the web site of the first feed that carried it, if known
     */
    public record StreamItem(Article article, @Nullable String contentHtml, Instant crawled, List<String> folders,
            @Nullable String siteUrl) {
        public StreamItem {
            Objects.requireNonNull(article, "article");
            folders = List.copyOf(folders);
        }
    }

    // ---- users and tokens

    /** Adds a user; false when the name is taken. */
    public boolean addUser(String name, String passwordHash, Instant now) {
        return addUser(name, passwordHash, null, now);
    }

    /** Adds a user, with a Fever API key (null: no Fever access); false when the name is taken. */
    public boolean addUser(String name, String passwordHash, @Nullable String feverKey, Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        INSERT INTO api_users (name, password_hash, fever_key, created_at) VALUES (:name, :hash, :fever, :now)
                        ON CONFLICT DO NOTHING""")
                .bind("name", name)
                .bind("hash", passwordHash)
                .bind("fever", feverKey)
                .bind("now", now.toEpochMilli())
                .execute() > 0);
    }

    /** Removes a user and its tokens; false when there is no such user. */
    public boolean removeUser(String name) {
        return jdbi.inTransaction(handle -> {
            handle.createUpdate("DELETE FROM api_tokens WHERE user_id IN (SELECT id FROM api_users WHERE name = :name)")
                    .bind("name", name)
                    .execute();
            return handle.createUpdate("DELETE FROM api_users WHERE name = :name").bind("name", name).execute() > 0;
        });
    }

    /** Revokes every token of a user; empty when there is no such user, else how many went. */
    public Optional<Integer> revokeTokens(String name) {
        return jdbi.inTransaction(handle -> {
            Optional<Long> id = handle.createQuery("SELECT id FROM api_users WHERE name = :name")
                    .bind("name", name)
                    .mapTo(Long.class)
                    .findOne();
            return id.map(userId -> handle.createUpdate("DELETE FROM api_tokens WHERE user_id = :id")
                    .bind("id", userId)
                    .execute());
        });
    }

    public List<ApiUser> users() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT u.name, u.created_at, (SELECT count(*) FROM api_tokens t WHERE t.user_id = u.id)
                          FROM api_users u ORDER BY u.name""")
                .map((rs, ctx) -> new ApiUser(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getInt(3)))
                .list());
    }

    public boolean hasUsers() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT CASE WHEN EXISTS (SELECT 1 FROM api_users) THEN 1 ELSE 0 END")
                .mapTo(Integer.class)
                .one() != 0);
    }

    public Optional<Credentials> credentials(String name) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, name, password_hash FROM api_users WHERE name = :name")
                .bind("name", name)
                .map((rs, ctx) -> new Credentials(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .findOne());
    }

    /** Stores a token's hash for a user. */
    public void addToken(long userId, String tokenHash, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "INSERT INTO api_tokens (token_hash, user_id, created_at) VALUES (:hash, :user, :now)")
                .bind("hash", tokenHash)
                .bind("user", userId)
                .bind("now", now.toEpochMilli())
                .execute());
    }

    /** The name of the user with this Fever API key. */
    public Optional<String> feverUser(String key) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT name FROM api_users WHERE fever_key = :key")
                .bind("key", key)
                .mapTo(String.class)
                .findOne());
    }

    /** The name of the user a token hash belongs to. */
    public Optional<String> tokenUser(String tokenHash) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT u.name FROM api_tokens t JOIN api_users u ON u.id = t.user_id WHERE t.token_hash = :hash")
                .bind("hash", tokenHash)
                .mapTo(String.class)
                .findOne());
    }

    // ---- labels

    public Optional<Long> folderId(String name) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM folders WHERE name = :name")
                .bind("name", Text.collapse(name))
                .mapTo(Long.class)
                .findOne());
    }

    public Optional<Long> topicId(String name) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM topics WHERE name_key = :key")
                .bind("key", Topics.key(name))
                .mapTo(Long.class)
                .findOne());
    }

    /**
     * Renames a folder; when a folder of the new name exists the two are merged. False when there
     * is no folder {@code from}.
     */
    public boolean renameFolder(String from, String to) {
        String target = Text.collapse(to);
        if (target.isEmpty()) {
            throw new IllegalArgumentException("empty folder name");
        }
        return jdbi.inTransaction(handle -> {
            Optional<Long> source = handle.createQuery("SELECT id FROM folders WHERE name = :name")
                    .bind("name", Text.collapse(from)).mapTo(Long.class).findOne();
            if (source.isEmpty()) {
                return false;
            }
            Optional<Long> existing = handle.createQuery("SELECT id FROM folders WHERE name = :name")
                    .bind("name", target).mapTo(Long.class).findOne();
            if (existing.isEmpty()) {
                handle.createUpdate("UPDATE folders SET name = :name WHERE id = :id")
                        .bind("name", target).bind("id", source.get()).execute();
                return true;
            }
            if (!existing.get().equals(source.get())) {
                handle.createUpdate("UPDATE feeds SET folder_id = :to WHERE folder_id = :from")
                        .bind("to", existing.get()).bind("from", source.get()).execute();
                handle.createUpdate("DELETE FROM folders WHERE id = :id").bind("id", source.get()).execute();
            }
            return true;
        });
    }

    /** Deletes a folder, its feeds moving to the top level; false when there is no such folder. */
    public boolean deleteFolder(String name) {
        return jdbi.inTransaction(handle -> {
            Optional<Long> id = handle.createQuery("SELECT id FROM folders WHERE name = :name")
                    .bind("name", Text.collapse(name)).mapTo(Long.class).findOne();
            if (id.isEmpty()) {
                return false;
            }
            handle.createUpdate("UPDATE feeds SET folder_id = NULL WHERE folder_id = :id").bind("id", id.get()).execute();
            handle.createUpdate("DELETE FROM folders WHERE id = :id").bind("id", id.get()).execute();
            return true;
        });
    }

    /** The date (epoch ms) of the newest article of each feed that has any. */
    public Map<Long, Long> newestByFeed() {
        return jdbi.withHandle(handle -> {
            Map<Long, Long> newest = new HashMap<>();
            // one seek per feed on appearances (feed_id, sort_at DESC, ...), not a scan of them all
            handle.createQuery("""
                            SELECT f.id, (SELECT p.sort_at FROM appearances p WHERE p.feed_id = f.id
                                           ORDER BY p.sort_at DESC LIMIT 1) AS newest
                              FROM feeds f""")
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                    .forEach(e -> {
                        if (e.getValue() > 0) {
                            newest.put(e.getKey(), e.getValue());
                        }
                    });
            return newest;
        });
    }

    // ---- streams

    /**
     * One page of a stream's article ids; {@code after} is the previous page's {@link
     * StreamPage#next()} (null for the first page).
     */
    public StreamPage stream(StreamQuery query, @Nullable PageCursor after, int limit) {
        Objects.requireNonNull(query, "query");
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_PAGE + ": " + limit);
        }
        return jdbi.withHandle(handle -> {
            Selection s = select(query);
            StringBuilder sql = new StringBuilder("SELECT ").append(s.idColumn).append(" AS id, ").append(s.sortColumn)
                    .append(" AS sort_key FROM ").append(s.from).append(" WHERE ").append(s.where);
            String cmp = query.oldestFirst() ? ">" : "<";
            String dir = query.oldestFirst() ? " ASC" : " DESC";
            if (after != null) {
                sql.append(" AND ").append(s.sortColumn).append(' ').append(cmp).append("= :afterSort AND (")
                        .append(s.sortColumn).append(' ').append(cmp).append(" :afterSort OR ")
                        .append(s.idColumn).append(' ').append(cmp).append(" :afterId)");
            }
            sql.append(" ORDER BY ").append(s.sortColumn).append(dir).append(", ").append(s.idColumn).append(dir)
                    .append(" LIMIT :limit");
            Query q = handle.createQuery(sql.toString()).bind("limit", limit + 1);
            s.bindings.forEach(q::bind);
            if (after != null) {
                q.bind("afterSort", after.sortAt()).bind("afterId", after.id());
            }
            List<StreamRef> refs = q.map((rs, ctx) -> new StreamRef(rs.getLong("id"), rs.getLong("sort_key"))).list();
            Optional<PageCursor> next = Optional.empty();
            if (refs.size() > limit) {
                refs = refs.subList(0, limit);
                StreamRef last = refs.get(limit - 1);
                next = Optional.of(new PageCursor(last.sortAt(), last.id()));
            }
            return new StreamPage(refs, next);
        });
    }

    /**
     * Marks read every unread article of the stream dated at or before {@code upTo}, with their
     * story copies as {@link ArticleStore#mark} does. Returns how many articles changed.
     */
    public int markAllRead(StreamQuery query, Instant upTo, Instant now) {
        Objects.requireNonNull(query, "query");
        StreamQuery unread = query.withRead(false).between(query.from(), upTo.toEpochMilli());
        List<Long> ids = allIds(unread);
        return articles.mark(ids, Mark.READ, now);
    }

    /**
     * Article ids in id order, as the Fever API pages: above {@code sinceId} ascending, else
     * below {@code maxId} descending, else the newest ids descending.
     */
    public List<Long> idsAround(@Nullable Long sinceId, @Nullable Long maxId, int limit) {
        return jdbi.withHandle(handle -> {
            if (sinceId != null) {
                return handle.createQuery("SELECT id FROM articles WHERE id > :id ORDER BY id LIMIT :limit")
                        .bind("id", sinceId).bind("limit", limit).mapTo(Long.class).list();
            }
            if (maxId != null) {
                return handle.createQuery("SELECT id FROM articles WHERE id < :id ORDER BY id DESC LIMIT :limit")
                        .bind("id", maxId).bind("limit", limit).mapTo(Long.class).list();
            }
            return handle.createQuery("SELECT id FROM articles ORDER BY id DESC LIMIT :limit")
                    .bind("limit", limit).mapTo(Long.class).list();
        });
    }

    /** Every article id of a stream (no paging), newest first. */
    public List<Long> allIds(StreamQuery query) {
        return jdbi.withHandle(handle -> {
            Selection s = select(query);
            Query q = handle.createQuery("SELECT " + s.idColumn + " FROM " + s.from + " WHERE " + s.where
                    + " ORDER BY " + s.sortColumn + " DESC, " + s.idColumn + " DESC");
            s.bindings.forEach(q::bind);
            return q.mapTo(Long.class).list();
        });
    }

    /** The number of articles (Fever's {@code total_items}). */
    public int articleCount() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM articles").mapTo(Integer.class).one());
    }

    /** The ids among {@code ids} that name stored articles. */
    public Set<Long> existing(Collection<Long> ids) {
        Set<Long> found = new LinkedHashSet<>();
        jdbi.useHandle(handle -> {
            for (List<Long> chunk : Articles.chunks(ids)) {
                found.addAll(handle.createQuery("SELECT id FROM articles WHERE id IN (<ids>)")
                        .bindList("ids", chunk).mapTo(Long.class).list());
            }
        });
        return found;
    }

    /** Articles in full, in the order of {@code ids}; ids of no article are left out. */
    public List<StreamItem> items(List<Long> ids) {
        Objects.requireNonNull(ids, "ids");
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> {
            Map<Long, StreamItem> byId = new HashMap<>();
            for (List<Long> chunk : Articles.chunks(new LinkedHashSet<>(ids))) {
                Map<Long, String[]> extra = new HashMap<>();
                List<ArticleStore.Row> rows = handle.createQuery("""
                                SELECT id, title, link, author, summary, coalesce(published_at, first_seen_at) AS published,
                                       read, starred, updated, story_id, sort_at, content_html, first_seen_at
                                  FROM articles WHERE id IN (<ids>)""")
                        .bindList("ids", chunk)
                        .map((rs, ctx) -> {
                            extra.put(rs.getLong("id"), new String[] {Bodies.unpack(rs.getObject("content_html")), rs.getString("first_seen_at")});
                            return new ArticleStore.Row(rs.getLong("id"), rs.getString("title"), rs.getString("link"),
                                    rs.getString("author"), rs.getString("summary"), Instant.ofEpochMilli(rs.getLong("published")),
                                    rs.getInt("read") != 0, rs.getInt("starred") != 0, rs.getInt("updated") != 0,
                                    Rows.longOrNull(rs, "story_id"), rs.getLong("sort_at"));
                        })
                        .list();
                Map<Long, List<String>> folders = new HashMap<>();
                Map<Long, String> sites = new HashMap<>();
                handle.createQuery("""
                                SELECT p.article_id, f.site_url, fo.name FROM appearances p
                                  JOIN feeds f ON f.id = p.feed_id LEFT JOIN folders fo ON fo.id = f.folder_id
                                 WHERE p.article_id IN (<ids>) ORDER BY p.first_seen_at, f.id""")
                        .bindList("ids", chunk)
                        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                        .forEach(row -> {
                            long id = Long.parseLong(row[0]);
                            if (row[1] != null) {
                                sites.putIfAbsent(id, row[1]);
                            }
                            if (row[2] != null) {
                                List<String> list = folders.computeIfAbsent(id, k -> new ArrayList<>());
                                if (!list.contains(row[2])) {
                                    list.add(row[2]);
                                }
                            }
                        });
                for (Article article : ArticleStore.articles(handle, rows)) {
                    String[] more = extra.get(article.id());
                    List<String> names = new ArrayList<>(folders.getOrDefault(article.id(), List.of()));
                    names.sort(null);
                    byId.put(article.id(), new StreamItem(article, more[0], Instant.ofEpochMilli(Long.parseLong(more[1])),
                            names, sites.get(article.id())));
                }
            }
            Map<Long, StreamItem> ordered = new LinkedHashMap<>();
            for (Long id : ids) {
                StreamItem item = byId.get(id);
                if (item != null) {
                    ordered.putIfAbsent(id, item);
                }
            }
            return List.copyOf(ordered.values());
        });
    }

    private record Selection(String from, String sortColumn, String idColumn, String where, Map<String, Object> bindings) {}

    private static Selection select(StreamQuery query) {
        List<String> where = new ArrayList<>();
        Map<String, Object> bindings = new HashMap<>();
        String from;
        String sort;
        String id;
        // CROSS JOIN keeps SQLite driving by the feed's or topic's (sort_at, article_id) index.
        if (query.feedId() != null || query.topicId() != null) {
            boolean feed = query.feedId() != null;
            from = (feed ? "appearances" : "article_topics") + " s CROSS JOIN articles a";
            sort = "s.sort_at";
            id = "s.article_id";
            where.add("a.id = s.article_id");
            where.add(feed ? "s.feed_id = :owner" : "s.topic_id = :owner");
            bindings.put("owner", feed ? query.feedId() : query.topicId());
        } else {
            from = "articles a";
            sort = "a.sort_at";
            id = "a.id";
        }
        where.add("a.hidden = 0"); // rules' hidden articles stay out of every stream, as in the reader
        if (query.folderId() != null) {
            where.add("EXISTS (SELECT 1 FROM appearances p JOIN feeds f ON f.id = p.feed_id"
                    + " WHERE p.article_id = a.id AND f.folder_id = :folder)");
            bindings.put("folder", query.folderId());
        }
        if (query.read() != null) {
            where.add(query.read() ? "a.read = 1" : "a.read = 0");
        }
        if (query.starred() != null) {
            where.add(query.starred() ? "a.starred = 1" : "a.starred = 0");
        }
        if (query.from() != null) {
            where.add(sort + " >= :from");
            bindings.put("from", query.from());
        }
        if (query.to() != null) {
            where.add(sort + " <= :to");
            bindings.put("to", query.to());
        }
        return new Selection(from, sort, id, where.isEmpty() ? "1 = 1" : String.join(" AND ", where), bindings);
    }
}
