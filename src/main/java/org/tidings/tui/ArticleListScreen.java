package org.tidings.tui;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tidings.store.ArticlePage;
import org.tidings.store.PageCursor;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The articles of a feed, folder, topic, search, all unread or starred, newest first, one row per
 * story; pages are loaded as the cursor gets near the end of what is loaded.
 */
final class ArticleListScreen implements View {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final String NO_DATE = "          ";

    private final ReaderApp app;
    private final Selection selection;
    private final ListCursor cursor = new ListCursor();
    private final List<ArticleRow> rows = new ArrayList<>();
    private Optional<PageCursor> next = Optional.empty();

    ArticleListScreen(ReaderApp app, Selection selection) {
        this.app = app;
        this.selection = selection;
        load(app.pageSize());
    }

    @Override
    public String title() {
        String kind = "";
        if (selection instanceof Selection.Feed) {
            kind = "feed";
        } else if (selection instanceof Selection.Folder) {
            kind = "folder";
        } else if (selection instanceof Selection.Topic) {
            kind = "topic";
        }
        return kind.isEmpty() ? selection.title() : selection.title() + " (" + kind + ")";
    }

    @Override
    public String position() {
        if (rows.isEmpty()) {
            return "0/0";
        }
        return (cursor.selected() + 1) + "/" + rows.size() + (next.isPresent() ? "+" : "");
    }

    /**
     * Whether this list hides read articles: the global "show only unread" setting, except for
     * Starred and search results, which always show read articles too (as newsboat's search does).
     */
    private boolean unreadOnly() {
        return app.unreadOnly() && !(selection instanceof Selection.Starred) && !(selection instanceof Selection.Search);
    }

    /** Replaces the rows with the first {@code limit} of the list, keeping the selected article. */
    private void load(int limit) {
        Long selectedId = rows.isEmpty() ? null : rows.get(cursor.selected()).id();
        int previousIndex = cursor.selected();
        ArticlePage<ArticleRow> page = app.data().articles(selection, unreadOnly(), Optional.empty(), limit);
        rows.clear();
        rows.addAll(page.articles());
        next = page.next();
        cursor.select(previousIndex, rows.size()); // where the cursor was, if its article is gone
        for (int i = 0; selectedId != null && i < rows.size(); i++) {
            if (rows.get(i).id() == selectedId) {
                cursor.select(i, rows.size());
                break;
            }
        }
    }

    /** Loads the next page; false when there is none. */
    private boolean loadMore() {
        if (next.isEmpty()) {
            return false;
        }
        ArticlePage<ArticleRow> page = app.data().articles(selection, unreadOnly(), next, app.pageSize());
        rows.addAll(page.articles());
        next = page.next();
        return !page.articles().isEmpty();
    }

    private void ensureLoaded(int index) {
        while (index >= rows.size() - 1 && loadMore()) {
            // keep going until the index is loaded or the list ends
        }
    }

    @Override
    public void refresh() {
        load(Math.max(app.pageSize(), rows.size()));
    }

    /** Re-reads the list after "show only unread" changed. */
    void reloadFromStart() {
        load(Math.max(app.pageSize(), rows.size()));
    }

    @Override
    public void draw(Canvas canvas, int top, int height, int columns) {
        if (rows.isEmpty()) {
            String empty = unreadOnly() ? "  No unread articles here (l shows read ones too)" : "  No articles here";
            canvas.line(0, top, empty, columns, Canvas.Style.NORMAL);
            return;
        }
        ensureLoaded(cursor.selected() + height);
        cursor.scrollIntoView(height, rows.size());
        int sourceWidth = Math.max(8, Math.min(24, columns / 5));
        for (int i = 0; i < height && cursor.top() + i < rows.size(); i++) {
            int index = cursor.top() + i;
            drawRow(canvas, top + i, columns, sourceWidth, rows.get(index), index == cursor.selected());
        }
    }

    private void drawRow(Canvas canvas, int y, int columns, int sourceWidth, ArticleRow row, boolean selected) {
        Canvas.Style style = row.read() ? Canvas.Style.NORMAL : Canvas.Style.BOLD;
        if (selected) {
            style = style.reversed();
        }
        String marks = (row.read() ? " " : "N") + (row.starred() ? "*" : " ") + " ";
        String date = row.published() == null ? NO_DATE : DATE.format(row.published().atZone(app.zone()));
        String source = TerminalText.fit(TerminalText.sanitize(row.source()), sourceWidth);
        StringBuilder title = new StringBuilder(TerminalText.sanitize(row.title()));
        if (!row.alsoAt().isEmpty()) {
            title.append("  (also at: ")
                    .append(row.alsoAt().stream().map(copy -> TerminalText.sanitize(copy.source()))
                            .distinct().collect(Collectors.joining(", ")))
                    .append(')');
        }
        String prefix = marks + date + " " + source + " ";
        int titleWidth = Math.max(0, columns - TerminalText.width(prefix));
        canvas.line(0, y, prefix + TerminalText.fit(title.toString(), titleWidth), columns, style);
        if (row.starred() && !selected) {
            canvas.text(1, y, "*", 1, Canvas.Style.STAR);
        }
    }

    @Override
    public boolean handle(Action action) {
        int size = rows.size();
        switch (action) {
            case UP -> cursor.move(-1, size);
            case DOWN -> {
                ensureLoaded(cursor.selected() + 1);
                cursor.move(1, rows.size());
            }
            case TOP -> cursor.select(0, size);
            case BOTTOM -> {
                while (loadMore()) {
                    // load the whole list
                }
                cursor.select(rows.size() - 1, rows.size());
            }
            case PAGE_UP -> cursor.move(-app.contentRows(), size);
            case PAGE_DOWN -> {
                ensureLoaded(cursor.selected() + app.contentRows());
                cursor.move(app.contentRows(), rows.size());
            }
            case NEXT_UNREAD -> selectUnread(1);
            case PREVIOUS_UNREAD -> selectUnread(-1);
            case OPEN -> current().ifPresent(this::open);
            case TOGGLE_READ -> current().ifPresent(row -> {
                app.data().setRead(row.id(), !row.read());
                app.afterWrite();
                app.views().applyRead(idsOf(row), !row.read());
            });
            case STAR -> current().ifPresent(row -> {
                app.data().setStarred(row.id(), !row.starred());
                app.afterWrite();
                app.views().applyStarred(row.id(), !row.starred());
            });
            case MARK_ALL_READ -> {
                int changed = app.data().markAllRead(selection);
                app.afterWrite();
                rows.replaceAll(row -> row.withRead(true));
                app.info("Marked " + changed + " read");
            }
            case OPEN_LINK -> current().ifPresent(row ->
                    app.data().article(row.id()).ifPresent(detail -> app.openLink(detail.link())));
            case RELOAD -> reload();
            case TOGGLE_UNREAD_ONLY -> app.toggleUnreadOnly();
            case BACK -> app.views().pop();
            default -> {
                return false;
            }
        }
        return true;
    }

    private void reload() {
        if (selection instanceof Selection.Feed feed) {
            app.reloadFeeds(List.of(feed.feedId()), feed.title());
        } else if (selection instanceof Selection.Folder folder) {
            List<Long> ids = app.sources().folders().stream()
                    .filter(node -> node.path().equals(folder.path()))
                    .flatMap(node -> node.feeds().stream())
                    .map(SourcesOverview.FeedNode::feedId)
                    .toList();
            app.reloadFeeds(ids, folder.path());
        } else {
            current().ifPresentOrElse(
                    row -> app.reloadFeeds(List.of(row.feedId()), row.source()),
                    () -> app.info("Nothing to reload here; R reloads all"));
        }
    }

    private Optional<ArticleRow> current() {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(cursor.selected()));
    }

    private void open(ArticleRow row) {
        if (!row.read()) {
            app.data().setRead(row.id(), true);
            app.afterWrite();
            app.views().applyRead(idsOf(row), true);
        }
        Optional<ArticleDetail> detail = app.data().article(row.id());
        if (detail.isEmpty()) {
            app.error("That article is gone (deleted by another process?)");
            return;
        }
        app.views().push(new ArticleScreen(app, detail.get(), this));
    }

    private void selectUnread(int step) {
        findUnread(cursor.selected(), step).ifPresentOrElse(
                index -> cursor.select(index, rows.size()), () -> app.info("No more unread"));
    }

    /** The index of the next unread row after {@code from} in direction {@code step}, loading pages as needed. */
    private Optional<Integer> findUnread(int from, int step) {
        for (int i = from + step; i >= 0; i += step) {
            if (i >= rows.size() && !loadMore()) {
                return Optional.empty();
            }
            if (i < rows.size() && !rows.get(i).read()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Opens the next (or previous) unread article after {@code articleId}; false when there is none. */
    boolean openUnreadAfter(long articleId, int step) {
        int index = indexOf(articleId).orElse(cursor.selected());
        Optional<Integer> found = findUnread(index, step);
        if (found.isEmpty()) {
            return false;
        }
        cursor.select(found.get(), rows.size());
        ArticleRow row = rows.get(found.get());
        app.views().popTo(this);
        open(row);
        return true;
    }

    private Optional<Integer> indexOf(long articleId) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).covers(articleId)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Updates the read mark of every loaded row that covers one of {@code ids}. */
    void applyRead(Set<Long> ids, boolean read) {
        rows.replaceAll(row -> ids.stream().anyMatch(row::covers) ? row.withRead(read) : row);
    }

    void applyStarred(long id, boolean starred) {
        rows.replaceAll(row -> row.id() == id ? row.withStarred(starred) : row);
    }

    static Set<Long> idsOf(ArticleRow row) {
        Set<Long> ids = new java.util.HashSet<>();
        ids.add(row.id());
        row.alsoAt().forEach(copy -> ids.add(copy.articleId()));
        return ids;
    }
}
