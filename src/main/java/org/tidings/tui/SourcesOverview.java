package org.tidings.tui;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Sources view's data: the two virtual lists' counts, then folders and top-level feeds in
 * display order. A folder's {@code unread} covers all its feeds (counting each story once).
 */
public record SourcesOverview(int allUnread, int starred, List<FolderNode> folders, List<FeedNode> topLevelFeeds) {
    public SourcesOverview {
        folders = List.copyOf(folders);
        topLevelFeeds = List.copyOf(topLevelFeeds);
    }

    public static SourcesOverview empty() {
        return new SourcesOverview(0, 0, List.of(), List.of());
    }

    /** A folder ({@code path} such as "News/Nigeria") and its feeds. */
    public record FolderNode(String path, int unread, List<FeedNode> feeds) {
        public FolderNode {
            Objects.requireNonNull(path, "path");
            feeds = List.copyOf(feeds);
        }
    }

    /** A feed with its unread count and, when its last fetch failed, why (one line). */
    public record FeedNode(long feedId, String title, int unread, @Nullable String lastError) {
        public FeedNode {
            Objects.requireNonNull(title, "title");
        }
    }
}
