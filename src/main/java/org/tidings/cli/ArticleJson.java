package org.tidings.cli;

import java.io.PrintWriter;
import org.tidings.api.FeedJson;
import org.tidings.model.Article;
import org.tidings.model.FeedRef;
import org.tidings.tui.TerminalText;

/** Prints stored articles: the shared JSON shape ({@link org.tidings.api.ArticleJson}) or a line for people. */
final class ArticleJson {
    private ArticleJson() {}

    /** One article per line: JSON, or {@code id date flags title (feeds)} for people. */
    static void print(PrintWriter out, Article article, boolean json) {
        if (json) {
            out.println(FeedJson.write(org.tidings.api.ArticleJson.toJson(article)));
            return;
        }
        String flags = (article.read() ? " " : "N") + (article.starred() ? "*" : " ") + (article.updated() ? "U" : " ");
        String feeds = TerminalText.sanitize(String.join(", ", article.feeds().stream().map(FeedRef::title).toList()));
        out.printf("%6d  %s  %s  %s%s%n", article.id(), FeedJson.format(article.published()).substring(0, 10), flags,
                article.title() == null ? "(untitled)" : TerminalText.sanitize(article.title()),
                feeds.isEmpty() ? "" : "  (" + feeds + ")");
    }
}
