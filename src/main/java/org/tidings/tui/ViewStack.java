package org.tidings.tui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The reader's views, the newest on top: at the bottom Sources or Topics (Tab swaps them), above
 * them article lists, an article, the help. What changes in one view (read and starred marks,
 * the unread-only switch, new data) is shown in every loaded list.
 */
final class ViewStack {
    private final ReaderApp app;
    private final Deque<View> stack = new ArrayDeque<>();
    private @Nullable GroupsScreen sourcesScreen;
    private @Nullable GroupsScreen topicsScreen;

    ViewStack(ReaderApp app) {
        this.app = app;
    }

    /** Starts on Sources. */
    void start() {
        sourcesScreen = GroupsScreen.sources(app);
        stack.push(sourcesScreen);
    }

    View top() {
        return Objects.requireNonNull(stack.peek(), "no view");
    }

    /** Whether only the root view (Sources or Topics) is open. */
    boolean atRoot() {
        return stack.size() == 1;
    }

    void push(View view) {
        stack.push(view);
    }

    /** Goes back one view; at the root the reader quits. */
    void pop() {
        if (stack.size() > 1) {
            stack.pop();
        } else {
            app.quit();
        }
    }

    /** Pops views until {@code view} is on top (no-op when it is not on the stack). */
    void popTo(View view) {
        if (!stack.contains(view)) {
            return;
        }
        while (stack.peek() != view) {
            stack.pop();
        }
    }

    /** Closes every view and swaps the root: Sources becomes Topics and back. */
    void switchRoot() {
        View root = stack.peekLast();
        stack.clear();
        if (root != null && root == sourcesScreen) {
            if (topicsScreen == null) {
                topicsScreen = GroupsScreen.topics(app);
            }
            topicsScreen.refresh();
            stack.push(topicsScreen);
        } else {
            GroupsScreen next = Objects.requireNonNull(sourcesScreen);
            next.refresh();
            stack.push(next);
        }
    }

    /** Shows new read marks on every loaded list. */
    void applyRead(Set<Long> ids, boolean read) {
        for (View view : stack) {
            if (view instanceof ArticleListScreen list) {
                list.applyRead(ids, read);
            }
        }
    }

    void applyStarred(long id, boolean starred) {
        for (View view : stack) {
            if (view instanceof ArticleListScreen list) {
                list.applyStarred(id, starred);
            }
        }
    }

    /** Reloads every list from its start (after the unread-only switch). */
    void reloadLists() {
        for (View view : stack) {
            if (view instanceof ArticleListScreen list) {
                list.reloadFromStart();
            }
        }
    }

    /** Re-reads Sources and Topics (after a write through the reader). */
    void refreshRoots() {
        if (sourcesScreen != null) {
            sourcesScreen.refresh();
        }
        if (topicsScreen != null) {
            topicsScreen.refresh();
        }
    }

    /** Re-reads every view (after a reload or a change by another process). */
    void refreshAll() {
        refreshRoots();
        for (View view : stack) {
            if (view != sourcesScreen && view != topicsScreen) {
                view.refresh();
            }
        }
    }
}
