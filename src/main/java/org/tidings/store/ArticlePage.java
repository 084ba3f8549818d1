package org.tidings.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a list, newest first, and where the next page starts if there is one (empty on the
 * last page). The store pages {@link org.tidings.model.Article}s; the reader pages its own rows
 * with the same cursor.
 *
 * @param <T> what a row of the list is
 */
public record ArticlePage<T>(List<T> articles, Optional<PageCursor> next) {
    public ArticlePage {
        articles = List.copyOf(articles);
        Objects.requireNonNull(next, "next");
    }

    public static <T> ArticlePage<T> empty() {
        return new ArticlePage<>(List.of(), Optional.empty());
    }
}
