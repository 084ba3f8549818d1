package org.tidings.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tidings.model.Article;

/** One page of a list, newest first, and where the next page starts if there is one. */
public record ArticlePage(List<Article> articles, Optional<PageCursor> next) {
    public ArticlePage {
        articles = List.copyOf(articles);
        Objects.requireNonNull(next, "next");
    }
}
