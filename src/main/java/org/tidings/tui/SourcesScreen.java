package org.tidings.tui;

import java.util.ArrayList;
import java.util.List;

/** Folders and feeds with unread counts, after "All unread" and "Starred". */
final class SourcesScreen implements View {
    /** A row: what it opens, how it is labelled, its count, and its feeds (for reload). */
    private record Row(Selection selection, String label, int indent, int count, List<Long> feedIds,
            @org.jspecify.annotations.Nullable String error) {
        boolean failed() {
            return error != null;
        }
    }

    private final ReaderApp app;
    private final ListCursor cursor = new ListCursor();
    private List<Row> rows = List.of();

    SourcesScreen(ReaderApp app) {
        this.app = app;
        refresh();
    }

    @Override
    public String title() {
        return "Sources";
    }

    @Override
    public String position() {
        return rows.isEmpty() ? "0/0" : (cursor.selected() + 1) + "/" + rows.size();
    }

    @Override
    public void refresh() {
        SourcesOverview overview = app.sources();
        List<Row> next = new ArrayList<>();
        next.add(new Row(new Selection.AllUnread(), "All unread", 0, overview.allUnread(), List.of(), null));
        next.add(new Row(new Selection.Starred(), "Starred", 0, overview.starred(), List.of(), null));
        for (SourcesOverview.FolderNode folder : overview.folders()) {
            List<Long> ids = folder.feeds().stream().map(SourcesOverview.FeedNode::feedId).toList();
            next.add(new Row(new Selection.Folder(folder.path()), folder.path() + "/", 0, folder.unread(), ids, null));
            for (SourcesOverview.FeedNode feed : folder.feeds()) {
                next.add(feedRow(feed, 2));
            }
        }
        for (SourcesOverview.FeedNode feed : overview.topLevelFeeds()) {
            next.add(feedRow(feed, 0));
        }
        Selection selected = rows.isEmpty() ? null : rows.get(cursor.selected()).selection();
        rows = List.copyOf(next);
        for (int i = 0; selected != null && i < rows.size(); i++) {
            if (sameRow(rows.get(i).selection(), selected)) {
                cursor.select(i, rows.size());
                return;
            }
        }
        cursor.select(cursor.selected(), rows.size());
    }

    private static boolean sameRow(Selection a, Selection b) {
        if (a instanceof Selection.Feed fa && b instanceof Selection.Feed fb) {
            return fa.feedId() == fb.feedId();
        }
        return a.equals(b);
    }

    private static Row feedRow(SourcesOverview.FeedNode feed, int indent) {
        return new Row(new Selection.Feed(feed.feedId(), feed.title()), feed.title(), indent, feed.unread(),
                List.of(feed.feedId()), feed.lastError());
    }

    @Override
    public @org.jspecify.annotations.Nullable String selectedError() {
        return rows.isEmpty() ? null : rows.get(cursor.selected()).error();
    }

    @Override
    public void draw(Canvas canvas, int top, int height, int columns) {
        cursor.scrollIntoView(height, rows.size());
        for (int i = 0; i < height && cursor.top() + i < rows.size(); i++) {
            int index = cursor.top() + i;
            Row row = rows.get(index);
            boolean selected = index == cursor.selected();
            String count = "(" + row.count() + ")";
            String mark = row.failed() ? "! " : "  ";
            int labelWidth = Math.max(1, columns - mark.length() - count.length() - 2 - row.indent());
            String label = " ".repeat(row.indent()) + TerminalText.fit(TerminalText.sanitize(row.label()), labelWidth);
            Canvas.Style style = row.count() > 0 ? Canvas.Style.BOLD : Canvas.Style.NORMAL;
            String text = mark + label + " " + count;
            if (selected) {
                canvas.line(0, top + i, text, columns, style.reversed());
            } else {
                canvas.line(0, top + i, text, columns, style);
                if (row.failed()) {
                    canvas.text(0, top + i, "!", 1, Canvas.Style.ERROR);
                }
            }
        }
    }

    @Override
    public boolean handle(Action action) {
        Row row = rows.isEmpty() ? null : rows.get(cursor.selected());
        switch (action) {
            case UP -> cursor.move(-1, rows.size());
            case DOWN -> cursor.move(1, rows.size());
            case TOP -> cursor.select(0, rows.size());
            case BOTTOM -> cursor.select(rows.size() - 1, rows.size());
            case PAGE_UP -> cursor.move(-app.contentRows(), rows.size());
            case PAGE_DOWN -> cursor.move(app.contentRows(), rows.size());
            case NEXT_UNREAD -> findUnread(1);
            case PREVIOUS_UNREAD -> findUnread(-1);
            case OPEN -> {
                if (row != null) {
                    app.push(new ArticleListScreen(app, row.selection()));
                }
            }
            case RELOAD -> {
                if (row == null || row.feedIds().isEmpty()) {
                    app.info("Select a feed or folder to reload it; R reloads all");
                } else {
                    app.reloadFeeds(row.feedIds(), row.label());
                }
            }
            case MARK_ALL_READ -> {
                if (row != null) {
                    int changed = app.data().markAllRead(row.selection());
                    app.afterWrite();
                    app.info("Marked " + changed + " read in " + row.label());
                }
            }
            case BACK -> app.quit();
            case SWITCH_VIEW -> app.switchRoot();
            default -> {
                return false;
            }
        }
        return true;
    }

    private void findUnread(int step) {
        for (int i = cursor.selected() + step; i >= 0 && i < rows.size(); i += step) {
            Row row = rows.get(i);
            if (row.count() > 0 && !(row.selection() instanceof Selection.Starred)) {
                cursor.select(i, rows.size());
                return;
            }
        }
        app.info("No more unread");
    }
}
