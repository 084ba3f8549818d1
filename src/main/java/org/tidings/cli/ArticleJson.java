package org.tidings.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.tidings.tui.TerminalText;
import org.tidings.model.Article;
import org.tidings.model.FeedRef;

/**
 * The JSON form of a stored article printed by {@code articles --json} and {@code search --json}:
 * id, title, link, published, feeds [{title, url}], topics, read, starred, updated, story.
 */
final class ArticleJson {
    private ArticleJson() {}

    static ObjectNode toJson(Article article) {
        ObjectNode node = FeedJson.MAPPER.createObjectNode();
        node.put("id", article.id());
        node.put("title", article.title());
        node.put("link", article.link());
        node.put("published", FeedJson.format(article.published()));
        ArrayNode feeds = node.putArray("feeds");
        for (FeedRef feed : article.feeds()) {
            feeds.addObject().put("title", feed.title()).put("url", feed.url());
        }
        ArrayNode topics = node.putArray("topics");
        article.topics().forEach(topics::add);
        node.put("read", article.read());
        node.put("starred", article.starred());
        node.put("updated", article.updated());
        node.put("story", article.story());
        return node;
    }

    /** One article per line: JSON, or {@code id date flags title (feeds)} for people. */
    static void print(PrintWriter out, Article article, boolean json) {
        if (json) {
            out.println(FeedJson.write(toJson(article)));
            return;
        }
        String flags = (article.read() ? " " : "N") + (article.starred() ? "*" : " ") + (article.updated() ? "U" : " ");
        String feeds = TerminalText.sanitize(String.join(", ", article.feeds().stream().map(FeedRef::title).toList()));
        out.printf("%6d  %s  %s  %s%s%n", article.id(), FeedJson.format(article.published()).substring(0, 10), flags,
                article.title() == null ? "(untitled)" : TerminalText.sanitize(article.title()),
                feeds.isEmpty() ? "" : "  (" + feeds + ")");
    }
}
