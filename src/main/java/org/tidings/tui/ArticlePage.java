package org.tidings.tui;

import java.util.List;
import java.util.Optional;

/**
 * One page of an article list, newest first; {@code next} continues after its last row and is
 * empty on the last page.
 */
public record ArticlePage(List<ArticleRow> rows, Optional<PageCursor> next) {
    public ArticlePage {
        rows = List.copyOf(rows);
        java.util.Objects.requireNonNull(next, "next");
    }

    public static ArticlePage empty() {
        return new ArticlePage(List.of(), Optional.empty());
    }
}
