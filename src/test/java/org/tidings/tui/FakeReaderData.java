package org.tidings.tui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tidings.store.ArticlePage;
import org.tidings.store.PageCursor;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory ReaderData with real behaviour: story groups share read state, lists are
 * keyset-paginated newest first with one row per story, counts count stories. Thread-safe, so a
 * background reloader may add articles while the UI reads.
 */
final class FakeReaderData implements ReaderData {
    record Feed(long id, String title, @Nullable String folder, @Nullable String lastError) {}

    static final class Article {
        final long id;
        final long feedId;
        final long story;
        final @Nullable Instant published;
        final String title;
        final @Nullable String author;
        final @Nullable String html;
        final @Nullable String link;
        final List<String> topics;
        boolean read;
        boolean starred;

        Article(long id, long feedId, long story, @Nullable Instant published, String title, @Nullable String author,
                @Nullable String html, @Nullable String link, List<String> topics) {
            this.id = id;
            this.feedId = feedId;
            this.story = story;
            this.published = published;
            this.title = title;
            this.author = author;
            this.html = html;
            this.link = link;
            this.topics = List.copyOf(topics);
        }
    }

    private final Map<Long, Feed> feeds = new LinkedHashMap<>();
    private final Map<Long, Article> articles = new LinkedHashMap<>();
    private long version = 1;
    private long nextId = 1;
    private int articleCalls;
    private @Nullable RuntimeException failure;

    synchronized FakeReaderData feed(long id, String title, @Nullable String folder) {
        feeds.put(id, new Feed(id, title, folder, null));
        version++;
        return this;
    }

    synchronized FakeReaderData failingFeed(long id, String title, String error) {
        feeds.put(id, new Feed(id, title, null, error));
        version++;
        return this;
    }

    /** Adds an article in its own story; returns its id. */
    synchronized long add(long feedId, Instant published, String title, String... topics) {
        long id = nextId++;
        return add(id, feedId, -id, published, title, null, "<p>" + title + "</p>", "https://example.org/" + id, topics);
    }

    synchronized long add(long id, long feedId, long story, @Nullable Instant published, String title,
            @Nullable String author, @Nullable String html, @Nullable String link, String... topics) {
        Objects.requireNonNull(feeds.get(feedId), "feed " + feedId);
        articles.put(id, new Article(id, feedId, story, published, title, author, html, link, List.of(topics)));
        nextId = Math.max(nextId, id + 1);
        version++;
        return id;
    }

    synchronized boolean isRead(long id) {
        return articles.get(id).read;
    }

    synchronized boolean isStarred(long id) {
        return articles.get(id).starred;
    }

    /** Makes every call but dataVersion fail with this exception (null to stop). */
    synchronized void failWith(@Nullable RuntimeException exception) {
        failure = exception;
    }

    synchronized int articleCalls() {
        return articleCalls;
    }

    private void check() {
        if (failure != null) {
            throw failure;
        }
    }

    // ---- ReaderData

    @Override
    public synchronized SourcesOverview sources() {
        check();
        Map<String, List<SourcesOverview.FeedNode>> byFolder = new TreeMap<>();
        List<SourcesOverview.FeedNode> topLevel = new ArrayList<>();
        for (Feed feed : feeds.values()) {
            SourcesOverview.FeedNode node = new SourcesOverview.FeedNode(feed.id(), feed.title(),
                    unreadStories(a -> a.feedId == feed.id()), feed.lastError());
            if (feed.folder() == null) {
                topLevel.add(node);
            } else {
                byFolder.computeIfAbsent(feed.folder(), key -> new ArrayList<>()).add(node);
            }
        }
        List<SourcesOverview.FolderNode> folders = byFolder.entrySet().stream()
                .map(entry -> new SourcesOverview.FolderNode(entry.getKey(),
                        unreadStories(matcher(new Selection.Folder(entry.getKey()))), entry.getValue()))
                .toList();
        int starred = (int) articles.values().stream().filter(a -> a.starred).count();
        return new SourcesOverview(unreadStories(a -> true), starred, folders, topLevel);
    }

    private int unreadStories(Predicate<Article> filter) {
        return (int) articles.values().stream().filter(a -> !a.read).filter(filter).map(a -> a.story).distinct().count();
    }

    @Override
    public synchronized List<TopicCount> topics() {
        check();
        Set<String> names = new LinkedHashSet<>();
        articles.values().forEach(a -> names.addAll(a.topics));
        return names.stream()
                .map(name -> new TopicCount(name, unreadStories(a -> a.topics.contains(name))))
                .sorted(Comparator.comparingInt(TopicCount::unread).reversed().thenComparing(TopicCount::name))
                .toList();
    }

    private Predicate<Article> matcher(Selection selection) {
        if (selection instanceof Selection.AllUnread) {
            return a -> true;
        } else if (selection instanceof Selection.Starred) {
            return a -> a.starred;
        } else if (selection instanceof Selection.Feed feed) {
            return a -> a.feedId == feed.feedId();
        } else if (selection instanceof Selection.Folder folder) {
            return a -> {
                String path = feeds.get(a.feedId).folder();
                return path != null && (path.equals(folder.path()) || path.startsWith(folder.path() + "/"));
            };
        } else if (selection instanceof Selection.Topic topic) {
            return a -> a.topics.contains(topic.name());
        } else if (selection instanceof Selection.Search search) {
            String query = search.query().toLowerCase(Locale.ROOT);
            return a -> a.title.toLowerCase(Locale.ROOT).contains(query)
                    || (a.html != null && a.html.toLowerCase(Locale.ROOT).contains(query));
        }
        throw new IllegalArgumentException(String.valueOf(selection));
    }

    private static final Comparator<Article> NEWEST_FIRST = Comparator
            .comparing((Article a) -> a.published == null ? Instant.EPOCH : a.published)
            .thenComparingLong(a -> a.id)
            .reversed();

    @Override
    public synchronized ArticlePage<ArticleRow> articles(Selection selection, boolean unreadOnly, Optional<PageCursor> after, int limit) {
        check();
        articleCalls++;
        Predicate<Article> filter = matcher(selection);
        List<Article> matching = articles.values().stream()
                .filter(filter)
                .filter(a -> !unreadOnly || !a.read)
                .sorted(NEWEST_FIRST)
                .toList();
        Map<Long, Article> firstOfStory = new LinkedHashMap<>();
        for (Article article : matching) {
            firstOfStory.putIfAbsent(article.story, article);
        }
        List<Article> stories = new ArrayList<>(firstOfStory.values());
        int start = 0;
        if (after.isPresent()) {
            long afterId = after.get().id();
            for (int i = 0; i < stories.size(); i++) {
                if (stories.get(i).id == afterId) {
                    start = i + 1;
                    break;
                }
            }
        }
        int end = Math.min(stories.size(), start + limit);
        List<ArticleRow> rows = stories.subList(start, end).stream().map(this::row).toList();
        Optional<PageCursor> next = end < stories.size()
                ? Optional.of(new PageCursor(0, stories.get(end - 1).id))
                : Optional.empty();
        return new ArticlePage<>(rows, next);
    }

    private ArticleRow row(Article article) {
        return new ArticleRow(article.id, article.feedId, article.published, feeds.get(article.feedId).title(),
                article.title, article.read, article.starred, copies(article));
    }

    private List<StoryCopy> copies(Article article) {
        return articles.values().stream()
                .filter(a -> a.story == article.story && a.id != article.id)
                .map(a -> new StoryCopy(a.id, feeds.get(a.feedId).title(), a.title, a.link))
                .toList();
    }

    @Override
    public synchronized Optional<ArticleDetail> article(long articleId) {
        check();
        Article a = articles.get(articleId);
        if (a == null) {
            return Optional.empty();
        }
        return Optional.of(new ArticleDetail(a.id, a.feedId, a.title, List.of(feeds.get(a.feedId).title()), a.topics,
                a.author, a.published, a.html, a.link, a.read, a.starred, copies(a)));
    }

    @Override
    public synchronized void setRead(long articleId, boolean read) {
        check();
        long story = articles.get(articleId).story;
        articles.values().stream().filter(a -> a.story == story).forEach(a -> a.read = read);
        version++;
    }

    @Override
    public synchronized int markAllRead(Selection selection) {
        check();
        Set<Long> stories = articles.values().stream().filter(matcher(selection)).filter(a -> !a.read)
                .map(a -> a.story).collect(Collectors.toSet());
        articles.values().stream().filter(a -> stories.contains(a.story)).forEach(a -> a.read = true);
        version++;
        return stories.size();
    }

    @Override
    public synchronized void setStarred(long articleId, boolean starred) {
        check();
        articles.get(articleId).starred = starred;
        version++;
    }

    @Override
    public synchronized long dataVersion() {
        return version;
    }
}
