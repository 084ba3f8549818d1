package org.tidings.tui;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of an article list: one story, shown once even when several outlets published it.
 *
 * @param id the article shown (the story's copy in the listed feed, or its earliest copy)
 * @param feedId the feed {@code id} came from
 * @param source that feed's title
 * @param alsoAt the story's copies at other outlets (the story group minus {@code id})
 */
public record ArticleRow(
        long id,
        long feedId,
        @Nullable Instant published,
        String source,
        String title,
        boolean read,
        boolean starred,
        List<StoryCopy> alsoAt) {
    public ArticleRow {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        alsoAt = List.copyOf(alsoAt);
    }

    ArticleRow withRead(boolean newRead) {
        return new ArticleRow(id, feedId, published, source, title, newRead, starred, alsoAt);
    }

    ArticleRow withStarred(boolean newStarred) {
        return new ArticleRow(id, feedId, published, source, title, read, newStarred, alsoAt);
    }

    /** True when {@code articleId} is this row's article or one of its copies. */
    boolean covers(long articleId) {
        return id == articleId || alsoAt.stream().anyMatch(copy -> copy.articleId() == articleId);
    }
}
