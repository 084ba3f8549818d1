package org.tidings.store;

import org.jspecify.annotations.Nullable;

/**
 * Which articles a list shows; filters combine with AND. Build with {@link #all()} and the
 * {@code with...} methods: {@code ArticleQuery.all().unreadOnly().inFeed(7)}.
 *
 * @param folder a folder name (exact, as listed)
 * @param topic a topic name (case and spacing ignored)
 * @param search words that must all occur in title, author or text ({@code word*} is a prefix)
 * @param hidden list only the articles rules (or the user) hid; other lists leave them out
 */
public record ArticleQuery(
        boolean unread,
        boolean starred,
        @Nullable Long feedId,
        @Nullable String folder,
        @Nullable String topic,
        @Nullable Long storyId,
        @Nullable String search,
        boolean hidden) {
    private static final ArticleQuery ALL = new ArticleQuery(false, false, null, null, null, null, null, false);

    public static ArticleQuery all() {
        return ALL;
    }

    public ArticleQuery unreadOnly() {
        return new ArticleQuery(true, starred, feedId, folder, topic, storyId, search, hidden);
    }

    public ArticleQuery starredOnly() {
        return new ArticleQuery(unread, true, feedId, folder, topic, storyId, search, hidden);
    }

    public ArticleQuery inFeed(long id) {
        return new ArticleQuery(unread, starred, id, folder, topic, storyId, search, hidden);
    }

    public ArticleQuery inFolder(String name) {
        return new ArticleQuery(unread, starred, feedId, name, topic, storyId, search, hidden);
    }

    public ArticleQuery inTopic(String name) {
        return new ArticleQuery(unread, starred, feedId, folder, name, storyId, search, hidden);
    }

    public ArticleQuery inStory(long id) {
        return new ArticleQuery(unread, starred, feedId, folder, topic, id, search, hidden);
    }

    /** Only hidden articles (the others are left out of every list). */
    public ArticleQuery hiddenOnly() {
        return new ArticleQuery(unread, starred, feedId, folder, topic, storyId, search, true);
    }

    public ArticleQuery matching(String words) {
        return new ArticleQuery(unread, starred, feedId, folder, topic, storyId, words, hidden);
    }
}
