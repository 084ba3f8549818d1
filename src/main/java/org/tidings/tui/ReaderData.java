package org.tidings.tui;

import java.util.List;
import java.util.Optional;
import org.tidings.store.ArticlePage;
import org.tidings.store.PageCursor;
import org.tidings.model.FullText;

/**
 * Everything the reader needs from the article store. The reader calls these on its UI thread,
 * so each call should take milliseconds (indexed queries; lists are paged by keyset). Failures
 * are unchecked exceptions; the reader shows their message on the status line and goes on.
 *
 * <p>Read state is per story: marking an article read or unread marks its copies at other
 * outlets (its story group) the same way.
 */
public interface ReaderData {
    /** Folders and feeds with unread counts, plus the "All unread" and "Starred" counts. */
    SourcesOverview sources();

    /** Every topic with its unread count, sorted by unread descending, then name. */
    List<TopicCount> topics();

    /**
     * A page of a list, newest first, one row per story.
     *
     * @param unreadOnly only unread stories (for every kind of selection)
     * @param after empty for the first page, else the previous page's {@code next}
     * @param limit at most this many rows (at least 1)
     */
    ArticlePage<ArticleRow> articles(Selection selection, boolean unreadOnly, Optional<PageCursor> after, int limit);

    /** One article in full, or empty when it no longer exists. */
    Optional<ArticleDetail> article(long articleId);

    /** The full text fetched from the article's page, or why there is none; empty when never asked for. */
    default Optional<FullText> fullText(long articleId) {
        return Optional.empty();
    }

    /** Marks an article and its story copies read or unread. */
    void setRead(long articleId, boolean read);

    /** Marks every story of a selection read (copies included); returns how many stories changed. */
    int markAllRead(Selection selection);

    /** Stars or unstars one article. */
    void setStarred(long articleId, boolean starred);

    /**
     * A number that changes whenever articles, read or starred state change, including writes by
     * another process on the same database (e.g. SQLite {@code PRAGMA data_version} combined with
     * a counter of this connection's writes). The reader polls it every few seconds.
     */
    long dataVersion();
}
