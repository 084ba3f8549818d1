package org.tidings.tui;

import java.util.ArrayList;
import java.util.List;
import org.tidings.tui.GroupsScreen.Row;

/** The Sources screen's rows: "All unread", "Starred", then folders with their feeds, then feeds. */
final class SourceRows {
    private SourceRows() {}

    static List<Row> rows(ReaderApp app) {
        SourcesOverview overview = app.sources();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(new Selection.AllUnread(), "All unread", 0, overview.allUnread(), List.of(), null));
        rows.add(new Row(new Selection.Starred(), "Starred", 0, overview.starred(), List.of(), null));
        for (SourcesOverview.FolderNode folder : overview.folders()) {
            List<Long> ids = folder.feeds().stream().map(SourcesOverview.FeedNode::feedId).toList();
            rows.add(new Row(new Selection.Folder(folder.path()), folder.path() + "/", 0, folder.unread(), ids, null));
            for (SourcesOverview.FeedNode feed : folder.feeds()) {
                rows.add(feedRow(feed, 2));
            }
        }
        for (SourcesOverview.FeedNode feed : overview.topLevelFeeds()) {
            rows.add(feedRow(feed, 0));
        }
        return rows;
    }

    private static Row feedRow(SourcesOverview.FeedNode feed, int indent) {
        return new Row(new Selection.Feed(feed.feedId(), feed.title()), feed.title(), indent, feed.unread(),
                List.of(feed.feedId()), feed.lastError());
    }
}
