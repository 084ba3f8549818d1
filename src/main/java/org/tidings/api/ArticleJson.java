package org.tidings.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tidings.model.Article;
import org.tidings.model.FeedRef;

/**
 * The JSON form of a stored article printed by {@code articles --json} and {@code search --json}:
 * id, title, link, published, feeds [{title, url}], topics, read, starred, updated, story.
 */
public final class ArticleJson {
    private ArticleJson() {}

    public static ObjectNode toJson(Article article) {
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
}
