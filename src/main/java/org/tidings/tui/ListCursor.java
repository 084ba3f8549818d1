package org.tidings.tui;

/** The selected row and the first visible row of a scrolling list. */
final class ListCursor {
    private int selected;
    private int top;

    int selected() {
        return selected;
    }

    int top() {
        return top;
    }

    /** Moves to {@code index}, clamped to {@code [0, size)}. */
    void select(int index, int size) {
        selected = size == 0 ? 0 : Math.max(0, Math.min(index, size - 1));
    }

    void move(int delta, int size) {
        select(selected + delta, size);
    }

    /** Scrolls so the selected row is among {@code visibleRows} rows; call before drawing. */
    void scrollIntoView(int visibleRows, int size) {
        int rows = Math.max(1, visibleRows);
        select(selected, size);
        if (selected < top) {
            top = selected;
        } else if (selected >= top + rows) {
            top = selected - rows + 1;
        }
        top = Math.max(0, Math.min(top, Math.max(0, size - rows)));
    }
}
