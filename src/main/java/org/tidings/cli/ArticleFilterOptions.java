package org.tidings.cli;

import org.jspecify.annotations.Nullable;
import org.tidings.store.ArticleQuery;
import org.tidings.store.Store;
import picocli.CommandLine.Option;

/** The article filters shared by {@code articles}, {@code search} and {@code mark --all}. */
final class ArticleFilterOptions {
    @Option(names = "--unread", description = "Only unread articles.")
    boolean unread;

    @Option(names = "--starred", description = "Only starred articles.")
    boolean starred;

    @Option(names = "--feed", paramLabel = "URL|ID", description = "Only articles of this feed.")
    @Nullable String feed;

    @Option(names = "--folder", paramLabel = "NAME", description = "Only articles of feeds in this folder.")
    @Nullable String folder;

    @Option(names = "--topic", paramLabel = "NAME", description = "Only articles with this topic (case ignored).")
    @Nullable String topic;

    @Option(names = "--story", paramLabel = "ID", description = "Only the copies of this story.")
    @Nullable Long story;

    /** The query; an unknown feed, folder or topic is an error naming it. */
    ArticleQuery query(Store store) {
        ArticleQuery query = ArticleQuery.all();
        if (unread) {
            query = query.unreadOnly();
        }
        if (starred) {
            query = query.starredOnly();
        }
        if (feed != null) {
            query = query.inFeed(FeedArgument.resolve(store, feed).id());
        }
        if (folder != null) {
            String name = folder.strip();
            if (!store.feeds().folders().contains(name)) {
                throw new IllegalArgumentException("no folder named \"" + name + "\"");
            }
            query = query.inFolder(name);
        }
        if (topic != null) {
            String name = topic;
            query = query.inTopic(store.counts().topic(name)
                    .orElseThrow(() -> new IllegalArgumentException("no topic named \"" + name.strip() + "\""))
                    .name());
        }
        if (story != null) {
            query = query.inStory(story);
            if (store.articles().page(ArticleQuery.all().inStory(story), null, 1).articles().isEmpty()) {
                throw new IllegalArgumentException("no story with id " + story);
            }
        }
        return query;
    }
}
