package org.tidings.tui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Article;
import org.tidings.model.ArticleContent;
import org.tidings.model.FeedRef;
import org.tidings.model.FeedSummary;
import org.tidings.model.UnreadCount;
import org.tidings.store.ArticlePage;
import org.tidings.store.ArticleQuery;
import org.tidings.store.Mark;
import org.tidings.store.PageCursor;
import org.tidings.store.Store;

/**
 * {@link ReaderData} on the SQLite store. Lists show one row per story: the newest copy in the
 * list stands for the story ("also at" names the others), and copies are skipped on later pages
 * of the same list. The data version combines this process's writes with the database file's and
 * WAL's size and modification time, so writes by a daemon or {@code tidings sync} are noticed.
 */
public final class StoreReaderData implements ReaderData {
    private static final int COPY_LIMIT = 20;
    /** The source shown for an article whose feeds were all unsubscribed (kept, not purged). */
    static final String NO_FEED = "(unsubscribed)";

    private final Store store;
    private final @Nullable Path databaseFile;
    /** On a server database: the notices of other processes' changes. */
    private final org.tidings.store.@Nullable ChangeWatch changes;
    private final InstantSource clock;
    private final AtomicLong localWrites = new AtomicLong();
    /** Stories already shown in the list being paged, keyed by the list. */
    private final Map<String, Set<Long>> shownStories = new HashMap<>();

    /** {@code databaseFile} is the SQLite file whose changes it watches; null for a server database. */
    public StoreReaderData(Store store, @Nullable Path databaseFile, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.databaseFile = databaseFile;
        this.changes = databaseFile == null ? store.changeWatch().orElse(null) : null;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SourcesOverview sources() {
        // Counts are of stories: copies of one story at several outlets count once.
        Map<String, Integer> folderExtra = store.counts().unreadExtraCopiesByFolder();
        Map<String, Integer> folderUnread = new HashMap<>();
        for (UnreadCount count : store.counts().unreadByFolder()) {
            folderUnread.put(count.name(), count.unread() - folderExtra.getOrDefault(count.name(), 0));
        }
        Map<String, List<SourcesOverview.FeedNode>> byFolder = new LinkedHashMap<>();
        List<SourcesOverview.FeedNode> topLevel = new ArrayList<>();
        for (FeedSummary summary : store.feeds().summaries()) {
            var feed = summary.feed();
            String error = feed.disabled() ? "disabled: " + feed.disabledReason() : feed.health().lastError();
            SourcesOverview.FeedNode node = new SourcesOverview.FeedNode(feed.id(), feed.title(), summary.unread(), error);
            if (feed.folder() == null) {
                topLevel.add(node);
            } else {
                byFolder.computeIfAbsent(feed.folder(), k -> new ArrayList<>()).add(node);
            }
        }
        List<SourcesOverview.FolderNode> folders = new ArrayList<>();
        byFolder.forEach((path, feeds) ->
                folders.add(new SourcesOverview.FolderNode(path, folderUnread.getOrDefault(path, 0), feeds)));
        return new SourcesOverview(unreadStories(), store.counts().starredTotal(), folders, topLevel);
    }

    private int unreadStories() {
        return store.counts().unreadTotal() - store.counts().unreadExtraCopies();
    }

    @Override
    public List<TopicCount> topics() {
        Map<String, Integer> extra = store.counts().unreadExtraCopiesByTopic();
        List<TopicCount> topics = new ArrayList<>();
        for (UnreadCount count : store.counts().unreadByTopic()) {
            topics.add(new TopicCount(count.name(), count.unread() - extra.getOrDefault(count.name(), 0)));
        }
        topics.sort(Comparator.comparingInt(TopicCount::unread).reversed()
                .thenComparing(TopicCount::name, String.CASE_INSENSITIVE_ORDER));
        return topics;
    }

    static ArticleQuery query(Selection selection, boolean unreadOnly) {
        ArticleQuery query = ArticleQuery.all();
        if (selection instanceof Selection.Starred) {
            query = query.starredOnly();
        } else if (selection instanceof Selection.Feed feed) {
            query = query.inFeed(feed.feedId());
        } else if (selection instanceof Selection.Folder folder) {
            query = query.inFolder(folder.path());
        } else if (selection instanceof Selection.Topic topic) {
            query = query.inTopic(topic.name());
        } else if (selection instanceof Selection.Search search) {
            query = query.matching(search.query());
        }
        return unreadOnly ? query.unreadOnly() : query;
    }

    @Override
    public synchronized ArticlePage<ArticleRow> articles(Selection selection, boolean unreadOnly, Optional<PageCursor> after, int limit) {
        String list = selection + "|" + unreadOnly;
        Set<Long> shown = shownStories.computeIfAbsent(list, k -> new HashSet<>());
        if (after.isEmpty()) {
            shown.clear();
        }
        ArticleQuery query = query(selection, unreadOnly);
        List<ArticleRow> rows = new ArrayList<>();
        PageCursor cursor = after.orElse(null);
        Optional<PageCursor> next = Optional.empty();
        // Skipped copies can leave a page short: read on until it is full or the list ends.
        while (rows.size() < limit) {
            int want = Math.min(limit - rows.size(), org.tidings.store.ArticleStore.MAX_PAGE);
            var page = store.articles().page(query, cursor, want);
            for (Article article : page.articles()) {
                if (article.story() != null && !shown.add(article.story())) {
                    continue;
                }
                rows.add(row(article));
            }
            if (page.next().isEmpty()) {
                next = Optional.empty();
                break;
            }
            cursor = page.next().get();
            next = Optional.of(cursor);
        }
        return new ArticlePage<>(rows, next);
    }

    private ArticleRow row(Article article) {
        FeedRef first = article.feeds().isEmpty() ? null : article.feeds().get(0);
        return new ArticleRow(article.id(), first == null ? 0 : first.id(), article.published(),
                first == null ? NO_FEED : first.title(), title(article), article.read(), article.starred(), copies(article));
    }

    private static String title(Article article) {
        return article.title() == null || article.title().isBlank() ? "(untitled)" : article.title();
    }

    private List<StoryCopy> copies(Article article) {
        if (article.story() == null) {
            return List.of();
        }
        List<StoryCopy> copies = new ArrayList<>();
        var page = store.articles().page(ArticleQuery.all().inStory(article.story()), null, COPY_LIMIT);
        for (Article copy : page.articles()) {
            if (copy.id() == article.id()) {
                continue;
            }
            String source = copy.feeds().isEmpty() ? NO_FEED : copy.feeds().get(0).title();
            copies.add(new StoryCopy(copy.id(), source, title(copy), copy.link()));
        }
        return copies;
    }

    @Override
    public Optional<org.tidings.model.FullText> fullText(long articleId) {
        return store.fullText().get(articleId);
    }

    @Override
    public Optional<ArticleDetail> article(long articleId) {
        Optional<Article> found = store.articles().article(articleId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Article article = found.get();
        ArticleContent content = store.articles().content(articleId).orElse(null);
        @Nullable String html = content == null ? null : content.html() != null ? content.html() : content.summary();
        FeedRef first = article.feeds().isEmpty() ? null : article.feeds().get(0);
        return Optional.of(new ArticleDetail(article.id(), first == null ? 0 : first.id(), title(article),
                article.feeds().stream().map(FeedRef::title).toList(), article.topics(), article.author(),
                article.published(), html, article.link(), article.read(), article.starred(), copies(article),
                store.articles().enclosures(articleId)));
    }

    @Override
    public void setRead(long articleId, boolean read) {
        store.articles().mark(List.of(articleId), read ? Mark.READ : Mark.UNREAD, clock.instant());
        localWrites.incrementAndGet();
    }

    @Override
    public int markAllRead(Selection selection) {
        // Stories, not articles: marking a story's copy read marks the story's other copies too.
        int before = unreadStories();
        store.articles().markAll(query(selection, true), Mark.READ, clock.instant());
        localWrites.incrementAndGet();
        return Math.max(0, before - unreadStories());
    }

    @Override
    public void setStarred(long articleId, boolean starred) {
        store.articles().mark(List.of(articleId), starred ? Mark.STAR : Mark.UNSTAR, clock.instant());
        localWrites.incrementAndGet();
    }

    @Override
    public long dataVersion() {
        long version = localWrites.get();
        if (changes != null) {
            return version * 31 + changes.version();
        }
        if (databaseFile == null) {
            return version;
        }
        for (Path file : List.of(databaseFile, Path.of(databaseFile + "-wal"))) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                version = version * 31 + attributes.size();
                version = version * 31 + attributes.lastModifiedTime().toMillis();
            } catch (IOException e) {
                version = version * 31;
            }
        }
        return version;
    }
}
