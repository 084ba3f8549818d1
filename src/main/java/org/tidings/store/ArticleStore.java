package org.tidings.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Article;
import org.tidings.model.ArticleContent;
import org.tidings.model.FeedRef;
import org.tidings.model.Topic;
import org.tidings.model.UnreadCount;

/** What the reader asks: article pages, bodies, unread counts, and read/starred marks. */
public final class ArticleStore {
    /** The largest page {@link #page} returns. */
    public static final int MAX_PAGE = 1000;
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

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final StoreOptions options;

    ArticleStore(Jdbi jdbi, Dialect dialect, StoreOptions options) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.options = options;
    }

    /**
     * One page of the articles matching {@code query}, newest first; {@code after} is the previous
     * page's {@link ArticlePage#next()} (null for the first page). An unknown feed, folder, topic
     * or story gives an empty page; search words that cannot be searched throw {@link
     * StoreException}.
     */
    public ArticlePage<Article> page(ArticleQuery query, @Nullable PageCursor after, int limit) {
        Objects.requireNonNull(query, "query");
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_PAGE + ": " + limit);
        }
        return jdbi.withHandle(handle -> {
            Optional<Selection> selection = select(handle, query);
            if (selection.isEmpty()) {
                return ArticlePage.empty();
            }
            Selection s = selection.get();
            StringBuilder sql = new StringBuilder("SELECT a.id, a.title, a.link, a.author, a.summary, a.published_at,"
                    + " a.first_seen_at, a.read, a.starred, a.updated, a.story_id, " + s.sortColumn + " AS sort_key FROM ")
                    .append(s.from).append(" WHERE ").append(s.where);
            boolean single = s.sortColumn.equals(s.idColumn);
            if (after != null) {
                if (single) {
                    sql.append(" AND ").append(s.idColumn).append(" < :afterId");
                } else {
                    sql.append(" AND ").append(s.sortColumn).append(" <= :afterSort AND (").append(s.sortColumn)
                            .append(" < :afterSort OR ").append(s.idColumn).append(" < :afterId)");
                }
            }
            sql.append(" ORDER BY ").append(s.sortColumn).append(" DESC");
            if (!single) {
                sql.append(", ").append(s.idColumn).append(" DESC");
            }
            sql.append(" LIMIT :limit");
            Query q = handle.createQuery(sql.toString()).bind("limit", limit + 1);
            s.bind(q);
            if (after != null) {
                q.bind("afterId", after.id());
                if (!single) {
                    q.bind("afterSort", after.sortAt());
                }
            }
            List<Row> rows = q.map((rs, ctx) -> new Row(
                            rs.getLong("id"), rs.getString("title"), rs.getString("link"), rs.getString("author"),
                            rs.getString("summary"),
                            Instant.ofEpochMilli(Optional.ofNullable(Rows.longOrNull(rs, "published_at")).orElse(rs.getLong("first_seen_at"))),
                            rs.getInt("read") != 0, rs.getInt("starred") != 0, rs.getInt("updated") != 0,
                            Rows.longOrNull(rs, "story_id"), rs.getLong("sort_key")))
                    .list();
            Optional<PageCursor> next = Optional.empty();
            if (rows.size() > limit) {
                rows = rows.subList(0, limit);
                Row last = rows.get(limit - 1);
                next = Optional.of(new PageCursor(last.sortKey, last.id));
            }
            return new ArticlePage<>(articles(handle, rows), next);
        });
    }

    /** One article as lists show it. */
    public Optional<Article> article(long id) {
        return jdbi.withHandle(handle -> {
            List<Row> rows = handle.createQuery("""
                            SELECT id, title, link, author, summary, coalesce(published_at, first_seen_at) AS published,
                                   read, starred, updated, story_id, sort_at FROM articles WHERE id = :id""")
                    .bind("id", id)
                    .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("title"), rs.getString("link"),
                            rs.getString("author"), rs.getString("summary"), Instant.ofEpochMilli(rs.getLong("published")),
                            rs.getInt("read") != 0, rs.getInt("starred") != 0, rs.getInt("updated") != 0,
                            Rows.longOrNull(rs, "story_id"), rs.getLong("sort_at")))
                    .list();
            return articles(handle, rows).stream().findFirst();
        });
    }

    /** The enclosures of an article (podcast audio, video, images), in document order. */
    public List<org.tidings.model.Enclosure> enclosures(long articleId) {
        return jdbi.withHandle(handle -> Enclosures.of(handle, articleId));
    }

    /** The body of an article, to show it. */
    public Optional<ArticleContent> content(long id) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id, content_html, content_text, summary, comments_url FROM articles WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> {
                    // schema 7: the HTML deflated, the text derived from it (see Bodies)
                    String html = Bodies.unpack(rs.getObject(2));
                    String summary = rs.getString(4);
                    String text = rs.getString(3) != null ? rs.getString(3) : Bodies.searchText(html, summary);
                    return new ArticleContent(rs.getLong(1), html, text, summary, rs.getString(5));
                })
                .findOne());
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

    /**
     * Marks articles; read and unread also mark the copies of their stories when {@link
     * StoreOptions#markStoryCopies()}. Returns how many articles changed.
     */
    public int mark(Collection<Long> ids, Mark mark, Instant now) {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(mark, "mark");
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbi.inTransaction(handle -> {
            int changed = 0;
            for (List<Long> chunk : Articles.chunks(ids)) {
                var update = handle.createUpdate(markSql(mark, "<ids>")).bindList("ids", chunk);
                if (mark == Mark.READ) {
                    update.bind("now", now.toEpochMilli());
                }
                changed += update.execute();
            }
            return changed;
        });
    }

    /** Marks every article matching {@code query}; see {@link #mark}. */
    public int markAll(ArticleQuery query, Mark mark, Instant now) {
        Objects.requireNonNull(query, "query");
        return jdbi.inTransaction(handle -> {
            Optional<Selection> selection = select(handle, query);
            if (selection.isEmpty()) {
                return 0;
            }
            Selection s = selection.get();
            var update = handle.createUpdate(markSql(mark, "SELECT a.id FROM " + s.from + " WHERE " + s.where));
            if (mark == Mark.READ) {
                update.bind("now", now.toEpochMilli());
            }
            s.bindings.forEach(update::bind);
            return update.execute();
        });
    }

    private String markSql(Mark mark, String ids) {
        boolean copies = options.markStoryCopies();
        String matching = "id IN (" + ids + ")";
        String withCopies = copies
                ? "(" + matching + " OR story_id IN (SELECT story_id FROM articles WHERE story_id IS NOT NULL AND id IN (" + ids + ")))"
                : matching;
        return switch (mark) {
            case READ -> "UPDATE articles SET read = 1, read_at = :now WHERE read = 0 AND " + withCopies;
            case UNREAD -> "UPDATE articles SET read = 0, read_at = NULL WHERE read = 1 AND hidden = 0 AND " + withCopies;
            case STAR -> "UPDATE articles SET starred = 1 WHERE starred = 0 AND " + matching;
            case UNSTAR -> "UPDATE articles SET starred = 0 WHERE starred = 1 AND " + matching;
        };
    }

    /** The tables and conditions of a query; empty when it names something that does not exist. */
    private Optional<Selection> select(Handle handle, ArticleQuery query) {
        Selection s;
        List<String> where = new ArrayList<>();
        Map<String, Object> bindings = new HashMap<>();
        Optional<Long> topicId = Optional.empty();
        if (query.topic() != null) {
            topicId = topic(handle, query.topic());
            if (topicId.isEmpty()) {
                return Optional.empty();
            }
        }
        Optional<Long> folderId = Optional.empty();
        if (query.folder() != null) {
            folderId = handle.createQuery("SELECT id FROM folders WHERE name = :name")
                    .bind("name", Text.collapse(query.folder()))
                    .mapTo(Long.class)
                    .findOne();
            if (folderId.isEmpty()) {
                return Optional.empty();
            }
        }
        if (query.unread() && noneUnread(handle, query.feedId(), topicId.orElse(null))) {
            return Optional.empty();
        }
        if (query.feedId() != null) {
            // CROSS JOIN keeps SQLite from driving by an articles index and sorting (portable SQL).
            s = new Selection("appearances s CROSS JOIN articles a", "s.sort_at", "s.article_id");
            where.add("a.id = s.article_id");
            where.add("s.feed_id = :feed");
            bindings.put("feed", query.feedId());
            topicId.ifPresent(id -> {
                where.add("EXISTS (SELECT 1 FROM article_topics t WHERE t.article_id = a.id AND t.topic_id = :topic)");
                bindings.put("topic", id);
            });
        } else if (topicId.isPresent()) {
            s = new Selection("article_topics s CROSS JOIN articles a", "s.sort_at", "s.article_id");
            where.add("a.id = s.article_id");
            where.add("s.topic_id = :topic");
            bindings.put("topic", topicId.get());
        } else if (query.search() != null) {
            // Driven by the full-text index, newest stored first: a common word matches many
            // articles, and walking them in index order stops after one page.
            Dialect.FullTextSource source = dialect.fullTextSource();
            s = new Selection(source.from(), source.order(), source.order());
            where.add(source.condition());
            bindings.put("search", dialect.fullTextQuery(query.search()));
        } else {
            s = new Selection("articles a", "a.sort_at", "a.id");
        }
        folderId.ifPresent(id -> {
            where.add("EXISTS (SELECT 1 FROM appearances p JOIN feeds f ON f.id = p.feed_id"
                    + " WHERE p.article_id = a.id AND f.folder_id = :folder)");
            bindings.put("folder", id);
        });
        where.add(query.hidden() ? "a.hidden <> 0" : "a.hidden = 0");
        if (query.unread()) {
            where.add("a.read = 0");
        }
        if (query.starred()) {
            where.add("a.starred = 1");
        }
        if (query.storyId() != null) {
            where.add("a.story_id = :story");
            bindings.put("story", query.storyId());
        }
        if (query.search() != null && !bindings.containsKey("search")) {
            where.add(dialect.fullTextCondition());
            bindings.put("search", dialect.fullTextQuery(query.search()));
        }
        s.where = where.isEmpty() ? "1 = 1" : String.join(" AND ", where);
        s.bindings = bindings;
        return Optional.of(s);
    }

    /**
     * Whether the counters say the feed or topic has no unread article: an unread list of a
     * read feed or topic is then empty without scanning its articles.
     */
    private static boolean noneUnread(Handle handle, @Nullable Long feedId, @Nullable Long topicId) {
        if (feedId != null && handle.createQuery("SELECT unread FROM feeds WHERE id = :id").bind("id", feedId)
                .mapTo(Integer.class).findOne().orElse(0) == 0) {
            return true;
        }
        return topicId != null && handle.createQuery("SELECT unread FROM topics WHERE id = :id").bind("id", topicId)
                .mapTo(Integer.class).findOne().orElse(0) == 0;
    }

    private static Optional<Long> topic(Handle handle, String name) {
        return handle.createQuery("SELECT id FROM topics WHERE name_key = :key")
                .bind("key", Topics.key(name))
                .mapTo(Long.class)
                .findOne();
    }

    private static final class Selection {
        final String from;
        final String sortColumn;
        final String idColumn;
        String where = "1 = 1";
        Map<String, Object> bindings = Map.of();

        Selection(String from, String sortColumn, String idColumn) {
            this.from = from;
            this.sortColumn = sortColumn;
            this.idColumn = idColumn;
        }

        void bind(Query query) {
            bindings.forEach(query::bind);
        }
    }

    /** An article row before its feeds and topics are added (shared with {@link ApiStore}). */
    record Row(long id, @Nullable String title, @Nullable String link, @Nullable String author,
            @Nullable String summary, Instant published, boolean read, boolean starred, boolean updated,
            @Nullable Long story, long sortKey) {}

    /** Adds feeds and topics to rows: two queries for the whole page. */
    static List<Article> articles(Handle handle, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<FeedRef>> feeds = new HashMap<>();
        handle.createQuery("""
                        SELECT p.article_id, f.id, coalesce(f.custom_title, f.feed_title, f.url) AS title, f.url
                          FROM appearances p JOIN feeds f ON f.id = p.feed_id
                         WHERE p.article_id IN (<ids>)
                         ORDER BY p.first_seen_at, f.id""")
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new FeedRef(rs.getLong(2), rs.getString(3), rs.getString(4))))
                .forEach(e -> feeds.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, List<String>> topics = new HashMap<>();
        handle.createQuery("""
                        SELECT at.article_id, t.name FROM article_topics at JOIN topics t ON t.id = at.topic_id
                         WHERE at.article_id IN (<ids>)
                         ORDER BY t.name_key""")
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> topics.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, Article> byId = new LinkedHashMap<>();
        for (Row row : rows) {
            byId.put(row.id, new Article(row.id, row.title, row.link, row.published, row.author, row.summary,
                    feeds.getOrDefault(row.id, List.of()), topics.getOrDefault(row.id, List.of()),
                    row.read, row.starred, row.updated, row.story));
        }
        return List.copyOf(byId.values());
    }
}
