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
import org.tidings.model.Feed;
import org.tidings.model.Subscription;

/**
 * Whole subscription lists, as OPML and newsboat urls files carry them: importing one in a single
 * transaction, and what an export reads besides the feeds (their tags, the topics users gave
 * them). One feed at a time is {@link FeedStore}.
 */
public final class SubscriptionLists {
    /** The flag (table store_flags, schema 12) of a database whose default feeds were offered. */
    private static final String DEFAULTS_OFFERED = "default_feeds_offered";

    private final Jdbi jdbi;

    SubscriptionLists(Jdbi jdbi) {
        this.jdbi = jdbi;
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
            markDefaultsOffered(handle, now);
            return importAll(handle, subscriptions, now);
        });
    }

    /**
     * True when the reader's first run should import the default feeds: the database has no
     * feeds and has never had the defaults offered nor a list imported (see {@link
     * #importDefaults}). Asked of the database rather than of a file, so it holds for SQLite and
     * PostgreSQL alike.
     */
    public boolean defaultsDue() {
        return jdbi.withHandle(SubscriptionLists::defaultsDue);
    }

    /**
     * The reader's first run: imports {@code defaults} (empty when there are none to offer) and
     * records that they were offered, in one transaction, when {@link #defaultsDue()}; otherwise
     * (another process did it meanwhile) does nothing and gives an empty result.
     */
    public ImportResult importDefaults(List<Subscription> defaults, Instant now) {
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(now, "now");
        return jdbi.inTransaction(handle -> {
            if (!defaultsDue(handle) || !markDefaultsOffered(handle, now)) {
                return new ImportResult(0, 0, 0);
            }
            return importAll(handle, defaults, now);
        });
    }

    private static boolean defaultsDue(Handle handle) {
        return handle.createQuery("""
                        SELECT NOT EXISTS (SELECT 1 FROM store_flags WHERE name = :flag)
                           AND NOT EXISTS (SELECT 1 FROM feeds)""")
                .bind("flag", DEFAULTS_OFFERED)
                .mapTo(Boolean.class)
                .one();
    }

    /** Records that the default feeds were offered (or a list imported); true when it was not yet recorded. */
    private static boolean markDefaultsOffered(Handle handle, Instant now) {
        return handle.createUpdate("INSERT INTO store_flags (name, set_at) VALUES (:flag, :now) ON CONFLICT (name) DO NOTHING")
                .bind("flag", DEFAULTS_OFFERED)
                .bind("now", now.toEpochMilli())
                .execute() == 1;
    }

    private static ImportResult importAll(Handle handle, List<Subscription> subscriptions, Instant now) {
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        for (Subscription subscription : subscriptions) {
            String url = subscription.url().strip();
            if (url.isEmpty()) {
                continue;
            }
            Optional<Feed> existing = FeedStore.byUrl(handle, url);
            Long folderId = FeedStore.folderId(handle, subscription.folder());
            String title = FeedStore.blankToNull(subscription.title());
            if (existing.isEmpty()) {
                long id = FeedStore.insert(handle, url, title, subscription.siteUrl(), folderId, now);
                FeedStore.addTags(handle, id, subscription.tags());
                FeedTopics.importTopic(handle, id, subscription.topic());
                setFullText(handle, id, subscription.fullText());
                added++;
                continue;
            }
            boolean newTags = FeedStore.addTags(handle, existing.get().id(), subscription.tags())
                    | setFullText(handle, existing.get().id(), subscription.fullText());
            int changed = handle.createUpdate("""
                            UPDATE feeds SET custom_title = coalesce(:title, custom_title),
                                   site_url = coalesce(:site, site_url), folder_id = :folder
                             WHERE id = :id
                               AND (custom_title IS DISTINCT FROM coalesce(:title, custom_title)
                                    OR site_url IS DISTINCT FROM coalesce(:site, site_url)
                                    OR folder_id IS DISTINCT FROM :folder)""")
                    .bind("title", title)
                    .bind("site", FeedStore.blankToNull(subscription.siteUrl()))
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
}
