package org.tidings.tui;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A root screen: a list of groups of articles with their unread counts, each opening an article
 * list. The same drawing and keys serve two data sources: Sources ({@link SourceRows}: all
 * unread, starred, folders and feeds) and Topics; {@code v} switches between them.
 */
final class GroupsScreen implements View {
    /**
     * A row: what it opens, how it is labelled, its count, its feeds (for reload; empty when it
     * cannot be reloaded) and the feed's last error.
     */
    record Row(Selection selection, String label, int indent, int count, List<Long> feedIds, @Nullable String error) {
        Row {
            feedIds = List.copyOf(feedIds);
        }

        boolean failed() {
            return error != null;
        }
    }

    /**
     * Where the rows come from and what the screen says about them.
     *
     * @param rows the rows, read afresh from the reader's cached counts
     * @param empty shown when there are no rows
     * @param reloadHint shown for {@code r} on a row without feeds
     * @param rightMargin columns left blank at the right of each line
     */
    record Groups(String title, Function<ReaderApp, List<Row>> rows, String empty, String reloadHint, int rightMargin) {}

    private final ReaderApp app;
    private final Groups groups;
    private final ListCursor cursor = new ListCursor();
    private List<Row> rows = List.of();

    GroupsScreen(ReaderApp app, Groups groups) {
        this.app = app;
        this.groups = groups;
        refresh();
    }

    static GroupsScreen sources(ReaderApp app) {
        return new GroupsScreen(app, new Groups("Sources", SourceRows::rows, "No feeds yet",
                "Select a feed or folder to reload it; R reloads all", 1));
    }

    static GroupsScreen topics(ReaderApp app) {
        return new GroupsScreen(app, new Groups("Topics", GroupsScreen::topicRows, "No topics yet",
                "r reloads a feed: use it in Sources or in a list; R reloads all", 0));
    }

    /** Every topic with its unread count (sorted by unread, then name). */
    private static List<Row> topicRows(ReaderApp app) {
        return app.topics().stream()
                .map(topic -> new Row(new Selection.Topic(topic.name()), topic.name(), 0, topic.unread(), List.of(), null))
                .toList();
    }

    @Override
    public String title() {
        return groups.title();
    }

    @Override
    public String position() {
        return rows.isEmpty() ? "0/0" : (cursor.selected() + 1) + "/" + rows.size();
    }

    @Override
    public void refresh() {
        Selection selected = rows.isEmpty() ? null : rows.get(cursor.selected()).selection();
        rows = List.copyOf(groups.rows().apply(app));
        for (int i = 0; selected != null && i < rows.size(); i++) {
            if (sameRow(rows.get(i).selection(), selected)) {
                cursor.select(i, rows.size());
                return;
            }
        }
        cursor.select(cursor.selected(), rows.size());
    }

    /** A feed stays selected when its title changes. */
    private static boolean sameRow(Selection a, Selection b) {
        if (a instanceof Selection.Feed fa && b instanceof Selection.Feed fb) {
            return fa.feedId() == fb.feedId();
        }
        return a.equals(b);
    }

    @Override
    public @Nullable String selectedError() {
        return rows.isEmpty() ? null : rows.get(cursor.selected()).error();
    }

    @Override
    public void draw(Canvas canvas, int top, int height, int columns) {
        if (rows.isEmpty()) {
            canvas.line(0, top, "  " + groups.empty(), columns, Canvas.Style.NORMAL);
            return;
        }
        cursor.scrollIntoView(height, rows.size());
        for (int i = 0; i < height && cursor.top() + i < rows.size(); i++) {
            int index = cursor.top() + i;
            Row row = rows.get(index);
            boolean selected = index == cursor.selected();
            String count = "(" + row.count() + ")";
            String mark = row.failed() ? "! " : "  ";
            int labelWidth = Math.max(1,
                    columns - mark.length() - count.length() - 1 - groups.rightMargin() - row.indent());
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
                    app.views().push(new ArticleListScreen(app, row.selection()));
                }
            }
            case RELOAD -> {
                if (row == null || row.feedIds().isEmpty()) {
                    app.info(groups.reloadHint());
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
            case SWITCH_VIEW -> app.views().switchRoot();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The next row with unread articles; "Starred" counts starred ones, so it is skipped. */
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
