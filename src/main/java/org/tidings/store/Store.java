package org.tidings.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.tidings.model.ArticleFacts;
import org.tidings.model.Curation;
import org.tidings.model.ParsedFeed;

/**
 * The tidings database. Open one per process; it is safe to use from several threads and next
 * to other processes on the same file (a reader and a syncing process at once).
 *
 * <pre>{@code
 * Store store = Store.open(path);
 * long feedId = store.feeds().add(Subscription.of(url), now).feed().id();
 * IngestResult result = store.ingest(feedId, parsedFeed, now);
 * ArticlePage<Article> page = store.articles().page(ArticleQuery.all().unreadOnly(), null, 50);
 * }</pre>
 */
public final class Store implements AutoCloseable {
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final @Nullable DatabaseLocation location;
    private final StoreOptions options;
    private final FeedStore feeds;
    private final SubscriptionLists subscriptionLists;
    private final ArticleStore articles;
    private final ArticleCounts counts;
    private final ApiStore api;
    private final ApiUsers apiUsers;
    private final Ingester ingester;
    private final FullTextStore fullText;
    private final CurationStore curation;
    private final Leases leases;
    private final AutoCloseable resources;

    private Store(Jdbi jdbi, Dialect dialect, @Nullable DatabaseLocation location, StoreOptions options, AutoCloseable resources) {
        this.jdbi = jdbi;
        this.location = location;
        this.resources = resources;
        this.dialect = dialect;
        this.options = options;
        this.feeds = new FeedStore(jdbi);
        this.subscriptionLists = new SubscriptionLists(jdbi);
        this.articles = new ArticleStore(jdbi, dialect, options);
        this.counts = new ArticleCounts(jdbi, dialect);
        this.api = new ApiStore(jdbi, articles);
        this.apiUsers = new ApiUsers(jdbi);
        this.ingester = new Ingester(dialect, options);
        this.fullText = new FullTextStore(jdbi, new StoryGrouper(dialect, options));
        this.curation = new CurationStore(jdbi);
        this.leases = new Leases(jdbi, dialect);
    }

    /** Opens (creating it and its directories if needed) and migrates a SQLite database file. */
    public static Store open(Path file) {
        return open(file, StoreOptions.DEFAULTS);
    }

    public static Store open(Path file, StoreOptions options) {
        return open(DatabaseLocation.sqlite(file), options);
    }

    /** Opens (creating a SQLite file if needed) and migrates the database at {@code location}. */
    public static Store open(DatabaseLocation location) {
        return open(location, StoreOptions.DEFAULTS);
    }

    /**
     * Opens and migrates a SQLite file (creating it and its directories if needed) or a
     * PostgreSQL database (which must exist). Failures are a {@link StoreException} with a
     * one-line message naming the problem and {@link DatabaseLocation#display()}, never the password.
     */
    public static Store open(DatabaseLocation location, StoreOptions options) {
        Objects.requireNonNull(location, "location");
        if (location.isPostgres()) {
            return PostgresDialect.open(location, options); // HikariCP is loaded for PostgreSQL only
        }
        Path file = location.file();
        PooledConnections connections = SqliteDialect.pooledConnections(file);
        try {
            return open(Jdbi.create(connections), new SqliteDialect(), location, options, connections);
        } catch (StoreException e) {
            connections.close();
            throw e;
        } catch (JdbiException e) {
            connections.close();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new StoreException("cannot open the database " + file + ": " + cause.getMessage(), e);
        }
    }

    /**
     * Opens a database through any Jdbi and its dialect, migrating it to the newest schema.
     * Throws {@link StoreException} when the database is newer than this code.
     */
    public static Store open(Jdbi jdbi, Dialect dialect, StoreOptions options) {
        return open(jdbi, dialect, null, options, () -> { });
    }

    static Store open(Jdbi jdbi, Dialect dialect, @Nullable DatabaseLocation location, StoreOptions options,
            AutoCloseable resources) {
        Objects.requireNonNull(jdbi, "jdbi");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(options, "options");
        new Migrations(dialect).migrate(jdbi);
        return new Store(jdbi, dialect, location, options, resources);
    }

    /** Closes the connections kept open; the store must not be used afterwards. */
    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            throw new StoreException("cannot close the database: " + e.getMessage(), e);
        }
    }

    public FeedStore feeds() {
        return feeds;
    }

    /** Whole subscription lists: import in one transaction, tags and topics for export. */
    public SubscriptionLists subscriptionLists() {
        return subscriptionLists;
    }

    public ArticleStore articles() {
        return articles;
    }

    /** Unread and starred counts per feed, topic and folder, and unread stories' corrections. */
    public ArticleCounts counts() {
        return counts;
    }

    /** What the daemon's sync API asks of articles: streams, items, marks up to a time. */
    public ApiStore api() {
        return api;
    }

    /** Who may use the daemon's sync API: users, login tokens, Fever keys. */
    public ApiUsers apiUsers() {
        return apiUsers;
    }

    /** Full text of articles: the per-feed switch, the page queue, the pages. */
    public FullTextStore fullText() {
        return fullText;
    }

    /** Rules' actions: hide, read, star, topics; hidden articles shown again. */
    public CurationStore curation() {
        return curation;
    }

    /**
     * Slots per host shared with the other workers on the database, on a connection of their own
     * (close them when done); empty where the database has no session locks (SQLite).
     */
    public java.util.Optional<HostLocks> hostLocks() {
        return dialect.tryAdvisoryLockSql() == null ? java.util.Optional.empty() : java.util.Optional.of(new HostLocks(jdbi, dialect));
    }

    /**
     * A watch on other processes' changes to the articles, on a connection of its own (close it
     * when done); empty where readers watch the database file instead (SQLite).
     */
    public java.util.Optional<ChangeWatch> changeWatch() {
        return dialect.listenSql() == null ? java.util.Optional.empty() : java.util.Optional.of(new ChangeWatch(jdbi, dialect));
    }

    /**
     * Takes the right to run one-of-a-kind work named {@code job} (the full-text pages after a
     * round) among the workers on a server database: empty while another worker holds it; the
     * right ends when the returned handle is closed or the worker dies (a session advisory lock).
     * On SQLite, where one sync runs at a time per file, it is always granted.
     */
    public java.util.Optional<AutoCloseable> tryExclusive(String job) {
        Objects.requireNonNull(job, "job");
        String lock = dialect.tryAdvisoryLockSql();
        if (lock == null) {
            return java.util.Optional.of(() -> { });
        }
        long key = HostLocks.key("job:" + job, 0);
        org.jdbi.v3.core.Handle session = jdbi.open();
        try {
            if (!session.createQuery(lock).bind("key", key).mapTo(Boolean.class).one()) {
                session.close();
                return java.util.Optional.empty();
            }
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return java.util.Optional.of(() -> {
            try {
                session.createQuery(dialect.advisoryUnlockSql()).bind("key", key).mapTo(Boolean.class).one();
            } finally {
                session.close();
            }
        });
    }

    /** Leases on due feeds and the workers holding them, for several sync workers on one database. */
    public Leases leases() {
        return leases;
    }

    public StoreOptions options() {
        return options;
    }

    /** The SQL dialect of the database (SQLite or PostgreSQL). */
    public Dialect dialect() {
        return dialect;
    }

    /** Where the database is; null for a store opened on a Jdbi. */
    public @Nullable DatabaseLocation location() {
        return location;
    }

    /**
     * Stores a fetched and parsed document of feed {@code feedId} in one transaction: new
     * articles added, known ones (by the identity rules of docs/DEDUP.md, across all feeds)
     * recorded as appearing in this feed and updated in place when this feed changed them, topics
     * attached, story copies grouped, and articles no longer in the document marked absent.
     * Throws IllegalArgumentException when there is no such feed.
     */
    public IngestResult ingest(long feedId, ParsedFeed feed, Instant now) {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(now, "now");
        return ingest(feedId, feed, now, NO_RULES);
    }

    /**
     * The rules of a user who has none: every article {@link Curation#NONE}. Ingest given these
     * does not read the new articles' facts at all.
     */
    public static final Function<ArticleFacts, Curation> NO_RULES = facts -> Curation.NONE;

    /**
     * {@link #ingest(long, ParsedFeed, Instant)}, then, in the same transaction, the new articles
     * get what {@code rules} decide for them (docs/RULES.md) and, when the feed has full text on,
     * their pages are queued (docs/FULLTEXT.md).
     */
    public IngestResult ingest(long feedId, ParsedFeed feed, Instant now, Function<ArticleFacts, Curation> rules) {
        Objects.requireNonNull(feed, "feed");
        return ingest(feedId, PreparedFeed.of(feed), now, rules);
    }

    /**
     * {@link #ingest(long, ParsedFeed, Instant, Function)} of a document prepared ahead ({@link
     * PreparedFeed#of}, on any thread): what this call does is only matching and SQL, so a sync's
     * single writer thread spends its time writing.
     */
    public IngestResult ingest(long feedId, PreparedFeed feed, Instant now, Function<ArticleFacts, Curation> rules) {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(rules, "rules");
        return jdbi.inTransaction(handle -> {
            IngestResult result = ingester.ingest(handle, feedId, feed, now);
            // -- fulltext/rules: only the articles this document added (kept apart from the write path)
            if (rules != NO_RULES) {
                CurationStore.apply(handle, result.addedIds(), rules, now);
            }
            FullTextStore.queueNew(handle, feedId, result.addedIds(), now);
            return result;
        });
    }

    /**
     * Whether feed {@code feedId}'s last stored document is this one, so that ingesting it again
     * would write nothing: a read, to skip preparing the entries of an unchanged document ahead.
     */
    public boolean storedAsIs(long feedId, PreparedFeed feed) {
        Objects.requireNonNull(feed, "feed");
        return jdbi.withHandle(handle -> Ingester.storedAsIs(handle, feedId, feed));
    }

    /**
     * Runs {@code work} as one write transaction: the store calls it makes on this thread
     * ({@link #ingest}, {@code feeds().record...}) join it and commit together (group commit),
     * which costs one commit instead of one per feed. When {@code work} throws, none of it is kept.
     */
    public <T> T writeTogether(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        return jdbi.inTransaction(handle -> work.get());
    }

    /**
     * Retention: deletes articles first seen and dated more than {@code keep} before {@code now},
     * except starred ones and ones still in a feed's current document. Deleted articles leave
     * tombstones, so a feed carrying them again does not bring them back. Runs in small
     * transactions so a sync running meanwhile is not held up.
     */
    public CleanupResult cleanup(Duration keep, Instant now) {
        Objects.requireNonNull(keep, "keep");
        if (keep.isNegative()) {
            throw new IllegalArgumentException("keep < 0: " + keep);
        }
        long cutoff = now.minus(keep).toEpochMilli();
        List<Long> doomed = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT a.id FROM articles a
                         WHERE a.sort_at < :cutoff AND a.first_seen_at < :cutoff AND a.starred = 0
                           AND NOT EXISTS (SELECT 1 FROM appearances p WHERE p.article_id = a.id AND p.present = 1)""")
                .bind("cutoff", cutoff)
                .mapTo(Long.class)
                .list());
        int old = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM articles WHERE sort_at < :cutoff AND first_seen_at < :cutoff")
                .bind("cutoff", cutoff)
                .mapTo(Integer.class)
                .one());
        for (List<Long> chunk : Articles.chunks(doomed)) {
            jdbi.useTransaction(handle -> {
                // Re-check inside the transaction: a sync may have seen or starred one meanwhile.
                List<Long> still = handle.createQuery("""
                                SELECT a.id FROM articles a
                                 WHERE a.id IN (<ids>) AND a.starred = 0
                                   AND NOT EXISTS (SELECT 1 FROM appearances p WHERE p.article_id = a.id AND p.present = 1)""")
                        .bindList("ids", chunk)
                        .mapTo(Long.class)
                        .list();
                Articles.delete(handle, still, now);
            });
        }
        long storyCutoff = now.minus(options.storyWindow()).toEpochMilli();
        jdbi.useHandle(handle -> handle.createUpdate(
                        "DELETE FROM story_keys WHERE article_id IN (SELECT id FROM articles WHERE first_seen_at < :cutoff)")
                .bind("cutoff", storyCutoff)
                .execute());
        return new CleanupResult(doomed.size(), old - doomed.size());
    }

    /** The dialect's health check (SQLite's {@code PRAGMA integrity_check}): "ok" when healthy. */
    public String integrityCheck() {
        return jdbi.withHandle(dialect::integrityCheck);
    }

    /** The schema version of the database (after migration, the newest this code knows). */
    public int schemaVersion() {
        return jdbi.withHandle(dialect::schemaVersion);
    }

    /**
     * Whether {@code error} says the connection to the database was lost or could not be made (a
     * server stopping or restarting, a network cut): SQL states of class 08 (connection
     * exception) and 57P (operator intervention), or a pool that found no connection in time.
     * Such a call may succeed when tried again later; other errors will not.
     */
    public static boolean connectionLost(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** The Jdbi underneath, for tests and benchmarks of this package only. */
    Jdbi jdbi() {
        return jdbi;
    }
}
