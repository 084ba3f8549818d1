package org.tidings.tui;

/** One screen of the reader: draws itself in the content area and handles actions. */
interface View {
    /** The header line's text (untrusted parts sanitized by the caller). */
    String title();

    /** Left part of the status line, e.g. the position "3/120". */
    String position();

    /** Draws the content area: rows {@code top} to {@code top + rows - 1}, {@code columns} wide. */
    void draw(Canvas canvas, int top, int rows, int columns);

    /** Handles an action; returns false when this view does not use it. */
    boolean handle(Action action);

    /** Re-reads data after a change (counts, read marks, new articles), keeping the selection. */
    void refresh();

    /** The last error of what is selected (a failing feed's own), shown on the status line; null for none. */
    default @org.jspecify.annotations.Nullable String selectedError() {
        return null;
    }
}
