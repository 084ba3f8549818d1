package org.tidings.tui;

import java.util.List;

/** Every topic with its unread count (sorted by unread, then name). */
final class TopicsScreen implements View {
    private final ReaderApp app;
    private final ListCursor cursor = new ListCursor();
    private List<TopicCount> topics = List.of();

    TopicsScreen(ReaderApp app) {
        this.app = app;
        refresh();
    }

    @Override
    public String title() {
        return "Topics";
    }

    @Override
    public String position() {
        return topics.isEmpty() ? "0/0" : (cursor.selected() + 1) + "/" + topics.size();
    }

    @Override
    public void refresh() {
        String selected = topics.isEmpty() ? null : topics.get(cursor.selected()).name();
        topics = List.copyOf(app.topics());
        for (int i = 0; selected != null && i < topics.size(); i++) {
            if (topics.get(i).name().equals(selected)) {
                cursor.select(i, topics.size());
                return;
            }
        }
        cursor.select(cursor.selected(), topics.size());
    }

    @Override
    public void draw(Canvas canvas, int top, int height, int columns) {
        if (topics.isEmpty()) {
            canvas.line(0, top, "  No topics yet", columns, Canvas.Style.NORMAL);
            return;
        }
        cursor.scrollIntoView(height, topics.size());
        for (int i = 0; i < height && cursor.top() + i < topics.size(); i++) {
            int index = cursor.top() + i;
            TopicCount topic = topics.get(index);
            String count = "(" + topic.unread() + ")";
            int labelWidth = Math.max(1, columns - count.length() - 3);
            String text = "  " + TerminalText.fit(TerminalText.sanitize(topic.name()), labelWidth) + " " + count;
            Canvas.Style style = topic.unread() > 0 ? Canvas.Style.BOLD : Canvas.Style.NORMAL;
            canvas.line(0, top + i, text, columns, index == cursor.selected() ? style.reversed() : style);
        }
    }

    @Override
    public boolean handle(Action action) {
        TopicCount topic = topics.isEmpty() ? null : topics.get(cursor.selected());
        switch (action) {
            case UP -> cursor.move(-1, topics.size());
            case DOWN -> cursor.move(1, topics.size());
            case TOP -> cursor.select(0, topics.size());
            case BOTTOM -> cursor.select(topics.size() - 1, topics.size());
            case PAGE_UP -> cursor.move(-app.contentRows(), topics.size());
            case PAGE_DOWN -> cursor.move(app.contentRows(), topics.size());
            case NEXT_UNREAD -> findUnread(1);
            case PREVIOUS_UNREAD -> findUnread(-1);
            case OPEN -> {
                if (topic != null) {
                    app.push(new ArticleListScreen(app, new Selection.Topic(topic.name())));
                }
            }
            case MARK_ALL_READ -> {
                if (topic != null) {
                    int changed = app.data().markAllRead(new Selection.Topic(topic.name()));
                    app.afterWrite();
                    app.info("Marked " + changed + " read in " + topic.name());
                }
            }
            case RELOAD -> app.info("r reloads a feed: use it in Sources or in a list; R reloads all");
            case BACK -> app.quit();
            case SWITCH_VIEW -> app.switchRoot();
            default -> {
                return false;
            }
        }
        return true;
    }

    private void findUnread(int step) {
        for (int i = cursor.selected() + step; i >= 0 && i < topics.size(); i += step) {
            if (topics.get(i).unread() > 0) {
                cursor.select(i, topics.size());
                return;
            }
        }
        app.info("No more unread");
    }
}
