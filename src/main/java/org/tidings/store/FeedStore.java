package org.tidings.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Feed;
import org.tidings.model.FeedSummary;
import org.tidings.model.Subscription;

/**
 * Subscriptions and their fetch state. Feeds are unique by canonical URL (see docs/DEDUP.md).
 * Methods taking a feed id return false (or empty) when there is no such feed: a feed may be
 * removed by the user while a sync is running.
 */
public final class FeedStore {
    private final Jdbi jdbi;

    FeedStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Subscribes, or returns the feed already subscribed under the same canonical URL. The
     * subscription's title becomes the feed's custom title, its folder is created as needed.
     */
    public AddResult add(Subscription subscription, Instant now) {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(now, "now");
        String url = subscription.url().strip();
        if (url.isEmpty()) {
            throw new IllegalArgumentException("empty feed URL");
        }
        return jdbi.inTransaction(handle -> {
            Optional<Feed> existing = byUrl(handle, url);
            if (existing.isPresent()) {
                return new AddResult.AlreadySubscribed(existing.get());
            }
            Long folderId = folderId(handle, subscription.folder());
            long id = handle.createQuery("""
                            INSERT INTO feeds (url, url_key, custom_title, site_url, folder_id, added_at)
                            VALUES (:url, :key, :title, :site, :folder, :now)
                            RETURNING id""")
                    .bind("url", url)
                    .bind("key", Identity.canonicalLink(url))
                    .bind("title", blankToNull(subscription.title()))
                    .bind("site", blankToNull(subscription.siteUrl()))
                    .bind("folder", folderId)
                    .bind("now", now.toEpochMilli())
                    .mapTo(Long.class)
                    .one();
            addTags(handle, id, subscription.tags());
            FeedTopics.importTopic(handle, id, subscription.topic());
            return new AddResult.Added(byId(handle, id).orElseThrow());
        });
    }

    public Optional<Feed> feed(long id) {
        return jdbi.withHandle(handle -> byId(handle, id));
    }

    /** The feed with this URL, compared canonically (scheme, case, trailing slash...). */
    public Optional<Feed> feedByUrl(String url) {
        Objects.requireNonNull(url, "url");
        return jdbi.withHandle(handle -> byUrl(handle, url));
    }

    /** All feeds, by folder then title. */
    public List<Feed> list() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + Rows.FEED_COLUMNS + " FROM " + Rows.FEED_FROM
                        + " ORDER BY fo.name IS NOT NULL, fo.name, lower(coalesce(f.custom_title, f.feed_title, f.url)), f.id")
                .map(Rows.FEED)
                .list());
    }

    /** All feeds with their unread and total article counts, by folder then title. */
    public List<FeedSummary> summaries() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + Rows.FEED_COLUMNS + " FROM " + Rows.FEED_FROM
                        + " ORDER BY fo.name IS NOT NULL, fo.name, lower(coalesce(f.custom_title, f.feed_title, f.url)), f.id")
                .map((rs, ctx) -> new FeedSummary(Rows.feed(rs), rs.getInt("unread"), rs.getInt("total")))
                .list());
    }

    /** Enabled feeds due for polling at {@code now} (never polled first, then the most overdue). */
    public List<Feed> due(Instant now) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + Rows.FEED_COLUMNS + " FROM " + Rows.FEED_FROM
                        + " WHERE f.disabled = 0 AND (f.next_poll_at IS NULL OR f.next_poll_at <= :now)"
                        + " ORDER BY f.next_poll_at IS NOT NULL, f.next_poll_at, f.id")
                .bind("now", now.toEpochMilli())
                .map(Rows.FEED)
                .list());
    }

    /** Folder names in use, sorted. */
    public List<String> folders() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT name FROM folders ORDER BY name")
                .mapTo(String.class)
                .list());
    }

    /**
     * Unsubscribes. Without {@code purge} its articles stay (until retention removes them); with
     * {@code purge} the articles no other feed carries are deleted, except starred ones. Purged
     * articles leave no tombstone: subscribing again brings them back.
     */
    public boolean remove(long id, boolean purge) {
        return jdbi.inTransaction(handle -> {
            if (byId(handle, id).isEmpty()) {
                return false;
            }
            if (purge) {
                List<Long> doomed = handle.createQuery("""
                                SELECT p.article_id FROM appearances p JOIN articles a ON a.id = p.article_id
                                 WHERE p.feed_id = :feed AND a.starred = 0
                                   AND NOT EXISTS (SELECT 1 FROM appearances o
                                                    WHERE o.article_id = p.article_id AND o.feed_id <> :feed)""")
                        .bind("feed", id)
                        .mapTo(Long.class)
                        .list();
                Articles.delete(handle, doomed, null);
            }
            handle.createUpdate("DELETE FROM feeds WHERE id = :id").bind("id", id).execute();
            handle.createUpdate("DELETE FROM folders WHERE id NOT IN (SELECT folder_id FROM feeds WHERE folder_id IS NOT NULL)")
                    .execute();
            return true;
        });
    }

    /** Names the feed; null or blank goes back to the feed's own title. */
    public boolean rename(long id, @Nullable String title) {
        return update("UPDATE feeds SET custom_title = :v WHERE id = :id", id, blankToNull(title));
    }

    /** Moves the feed into a folder (created as needed); null or blank is the top level. */
    public boolean move(long id, @Nullable String folder) {
        return jdbi.inTransaction(handle -> {
            Long folderId = folderId(handle, folder);
            int changed = handle.createUpdate("UPDATE feeds SET folder_id = :folder WHERE id = :id")
                    .bind("folder", folderId)
                    .bind("id", id)
                    .execute();
            handle.createUpdate("DELETE FROM folders WHERE id NOT IN (SELECT folder_id FROM feeds WHERE folder_id IS NOT NULL)")
                    .execute();
            return changed > 0;
        });
    }

    /** A fetch returned a document: new validators, health reset. */
    public boolean recordSuccess(long id, int status, @Nullable String etag, @Nullable String lastModified,
            Instant now, Instant nextPoll) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE feeds SET etag = :etag, last_modified = :lastModified, last_status = :status,
                               last_attempt_at = :now, last_success_at = :now, last_error = NULL,
                               consecutive_failures = 0, next_poll_at = :next
                         WHERE id = :id""")
                .bind("etag", etag)
                .bind("lastModified", lastModified)
                .bind("status", status)
                .bind("now", now.toEpochMilli())
                .bind("next", nextPoll.toEpochMilli())
                .bind("id", id)
                .execute() > 0);
    }

    /** A fetch returned 304 Not Modified: validators kept, health reset. */
    public boolean recordNotModified(long id, Instant now, Instant nextPoll) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE feeds SET last_status = 304, last_attempt_at = :now, last_success_at = :now,
                               last_error = NULL, consecutive_failures = 0, next_poll_at = :next
                         WHERE id = :id""")
                .bind("now", now.toEpochMilli())
                .bind("next", nextPoll.toEpochMilli())
                .bind("id", id)
                .execute() > 0);
    }

    /**
     * A fetch failed ({@code status} null when there was no HTTP response). Returns the number of
     * consecutive failures including this one, or 0 when there is no such feed.
     */
    public int recordFailure(long id, @Nullable Integer status, String error, Instant now, Instant nextPoll) {
        Objects.requireNonNull(error, "error");
        return jdbi.inTransaction(handle -> {
            int changed = handle.createUpdate("""
                            UPDATE feeds SET last_status = :status, last_attempt_at = :now, last_error = :error,
                                   consecutive_failures = consecutive_failures + 1, next_poll_at = :next
                             WHERE id = :id""")
                    .bind("status", status)
                    .bind("now", now.toEpochMilli())
                    .bind("error", error)
                    .bind("next", nextPoll.toEpochMilli())
                    .bind("id", id)
                    .execute();
            if (changed == 0) {
                return 0;
            }
            return handle.createQuery("SELECT consecutive_failures FROM feeds WHERE id = :id")
                    .bind("id", id)
                    .mapTo(Integer.class)
                    .one();
        });
    }

    public boolean scheduleNextPoll(long id, Instant at) {
        return update("UPDATE feeds SET next_poll_at = :v WHERE id = :id", id, at.toEpochMilli());
    }

    /** Stops polling the feed (410 Gone, too many failures, user's choice) and says why. */
    public boolean disable(long id, String reason) {
        Objects.requireNonNull(reason, "reason");
        return update("UPDATE feeds SET disabled = 1, disabled_reason = :v WHERE id = :id", id, reason);
    }

    /** Polls the feed again from now on, with a clean failure count. */
    public boolean enable(long id) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE feeds SET disabled = 0, disabled_reason = NULL, consecutive_failures = 0,
                               next_poll_at = NULL
                         WHERE id = :id""")
                .bind("id", id)
                .execute() > 0);
    }

    /** Remembers (or with null forgets) a permanent redirect seen but not yet adopted. */
    public boolean setRedirectCandidate(long id, @Nullable String url) {
        return update("UPDATE feeds SET redirect_candidate = :v WHERE id = :id", id, blankToNull(url));
    }

    /**
     * Moves the feed to a new URL (an adopted permanent redirect): validators and the redirect
     * candidate are cleared. Returns false when there is no such feed or another feed already has
     * that URL.
     */
    public boolean changeUrl(long id, String newUrl) {
        Objects.requireNonNull(newUrl, "newUrl");
        String url = newUrl.strip();
        return jdbi.inTransaction(handle -> {
            Optional<Feed> other = byUrl(handle, url);
            if (other.isPresent() && other.get().id() != id) {
                return false;
            }
            return handle.createUpdate("""
                            UPDATE feeds SET url = :url, url_key = :key, etag = NULL, last_modified = NULL,
                                   redirect_candidate = NULL
                             WHERE id = :id""")
                    .bind("url", url)
                    .bind("key", Identity.canonicalLink(url))
                    .bind("id", id)
                    .execute() > 0;
        });
    }

    /** What {@link #importAll} did. */
    public record ImportResult(int added, int updated, int unchanged) {}

    /**
     * Imports subscriptions (from OPML or a newsboat urls file) in ONE transaction: new URLs are
     * added; known ones (compared canonically) get the file's title and folder when those
     * differ. Importing the same file twice changes nothing.
     */
    public ImportResult importAll(List<Subscription> subscriptions, Instant now) {
        Objects.requireNonNull(subscriptions, "subscriptions");
        Objects.requireNonNull(now, "now");
        return jdbi.inTransaction(handle -> {
            int added = 0;
            int updated = 0;
            int unchanged = 0;
            for (Subscription subscription : subscriptions) {
                String url = subscription.url().strip();
                if (url.isEmpty()) {
                    continue;
                }
                Optional<Feed> existing = byUrl(handle, url);
                Long folderId = folderId(handle, subscription.folder());
                String title = blankToNull(subscription.title());
                if (existing.isEmpty()) {
                    long id = handle.createQuery("""
                                    INSERT INTO feeds (url, url_key, custom_title, site_url, folder_id, added_at)
                                    VALUES (:url, :key, :title, :site, :folder, :now)
                                    RETURNING id""")
                            .bind("url", url)
                            .bind("key", Identity.canonicalLink(url))
                            .bind("title", title)
                            .bind("site", blankToNull(subscription.siteUrl()))
                            .bind("folder", folderId)
                            .bind("now", now.toEpochMilli())
                            .mapTo(Long.class)
                            .one();
                    addTags(handle, id, subscription.tags());
                    FeedTopics.importTopic(handle, id, subscription.topic());
                    setFullText(handle, id, subscription.fullText());
                    added++;
                    continue;
                }
                boolean newTags = addTags(handle, existing.get().id(), subscription.tags())
                        | setFullText(handle, existing.get().id(), subscription.fullText());
                int changed = handle.createUpdate("""
                                UPDATE feeds SET custom_title = coalesce(:title, custom_title),
                                       site_url = coalesce(:site, site_url), folder_id = :folder
                                 WHERE id = :id
                                   AND (custom_title IS DISTINCT FROM coalesce(:title, custom_title)
                                        OR site_url IS DISTINCT FROM coalesce(:site, site_url)
                                        OR folder_id IS DISTINCT FROM :folder)""")
                        .bind("title", title)
                        .bind("site", blankToNull(subscription.siteUrl()))
                        .bind("folder", folderId)
                        .bind("id", existing.get().id())
                        .execute();
                changed += FeedTopics.importTopic(handle, existing.get().id(), subscription.topic()) ? 1 : 0;
                if (changed > 0 || newTags) {
                    updated++;
                } else {
                    unchanged++;
                }
            }
            handle.createUpdate("DELETE FROM folders WHERE id NOT IN (SELECT folder_id FROM feeds WHERE folder_id IS NOT NULL)")
                    .execute();
            return new ImportResult(added, updated, unchanged);
        });
    }

    /**
     * Sets the topic of a feed's articles: {@code name}, or none when blank, or the automatic one
     * (category feeds, outlet sections) when null. The feed's stored articles move to the new
     * topic at once. Empty when there is no such feed; else the topic now shown.
     */
    public Optional<Optional<String>> setTopic(long id, @Nullable String name) {
        return jdbi.inTransaction(handle -> FeedTopics.set(handle, id, name));
    }

    /** The topics users gave feeds ({@code ""} for none), by feed id (for export). */
    public Map<Long, String> topicOverrides() {
        return jdbi.withHandle(FeedTopics::overrides);
    }

    /** Turns full text on when the imported file asks for it (never off); true when it changed. */
    private static boolean setFullText(Handle handle, long feedId, boolean fullText) {
        return fullText && handle.createUpdate("UPDATE feeds SET full_text = 1 WHERE id = :id AND full_text = 0")
                .bind("id", feedId)
                .execute() > 0;
    }

    /** Adds tags to a feed (existing ones are kept); true when any was new. */
    private static boolean addTags(Handle handle, long feedId, List<String> tags) {
        boolean added = false;
        for (String tag : tags) {
            String value = blankToNull(tag);
            if (value != null) {
                added |= handle.createUpdate("INSERT INTO feed_tags (feed_id, tag) VALUES (:feed, :tag) ON CONFLICT DO NOTHING")
                        .bind("feed", feedId)
                        .bind("tag", Text.collapse(value))
                        .execute() > 0;
            }
        }
        return added;
    }

    /** The tags of every feed that has any, in one query (for export). */
    public Map<Long, List<String>> tagsByFeed() {
        return jdbi.withHandle(handle -> {
            Map<Long, List<String>> tags = new HashMap<>();
            handle.createQuery("SELECT feed_id, tag FROM feed_tags ORDER BY feed_id, tag")
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(row -> tags.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue()));
            return tags;
        });
    }

    private boolean update(String sql, long id, @Nullable Object value) {
        return jdbi.withHandle(handle -> handle.createUpdate(sql).bindByType("v", value, Object.class).bind("id", id).execute() > 0);
    }

    static Optional<Feed> byId(Handle handle, long id) {
        return handle.createQuery("SELECT " + Rows.FEED_COLUMNS + " FROM " + Rows.FEED_FROM + " WHERE f.id = :id")
                .bind("id", id)
                .map(Rows.FEED)
                .findOne();
    }

    static Optional<Feed> byUrl(Handle handle, String url) {
        return handle.createQuery("SELECT " + Rows.FEED_COLUMNS + " FROM " + Rows.FEED_FROM + " WHERE f.url_key = :key")
                .bind("key", Identity.canonicalLink(url))
                .map(Rows.FEED)
                .findOne();
    }

    private static @Nullable Long folderId(Handle handle, @Nullable String folder) {
        String name = blankToNull(folder);
        if (name == null) {
            return null;
        }
        name = Text.collapse(name);
        handle.createUpdate("INSERT INTO folders (name) VALUES (:name) ON CONFLICT (name) DO NOTHING")
                .bind("name", name)
                .execute();
        return handle.createQuery("SELECT id FROM folders WHERE name = :name").bind("name", name).mapTo(Long.class).one();
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
