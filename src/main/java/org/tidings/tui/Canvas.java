package org.tidings.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.screen.Screen;
import java.util.EnumSet;
import java.util.Objects;

/**
 * Draws sanitized text on a Lanterna {@link Screen} cell by cell, by display width. Colours are
 * the terminal's defaults plus bold and reverse; the few accents (starred, errors) use ANSI
 * foreground colours, and none at all when colour is off ({@code NO_COLOR}).
 */
final class Canvas {
    /** How a piece of text looks. */
    enum Style {
        NORMAL(null),
        BOLD(null, SGR.BOLD),
        REVERSE(null, SGR.REVERSE),
        BOLD_REVERSE(null, SGR.BOLD, SGR.REVERSE),
        STAR(TextColor.ANSI.YELLOW, SGR.BOLD),
        ERROR(TextColor.ANSI.RED, SGR.BOLD);

        private final TextColor accent;
        private final EnumSet<SGR> modifiers;

        Style(TextColor accent, SGR... modifiers) {
            this.accent = accent;
            this.modifiers = modifiers.length == 0 ? EnumSet.noneOf(SGR.class) : EnumSet.of(modifiers[0], modifiers);
        }

        Style reversed() {
            return switch (this) {
                case BOLD, BOLD_REVERSE -> BOLD_REVERSE;
                default -> REVERSE;
            };
        }
    }

    private final Screen screen;
    private final boolean colour;

    Canvas(Screen screen, boolean colour) {
        this.screen = Objects.requireNonNull(screen, "screen");
        this.colour = colour;
    }

    TerminalSize size() {
        return screen.getTerminalSize();
    }

    void clear() {
        screen.clear();
    }

    /**
     * Writes text (sanitized again here) at (column, row), clipped to {@code maxColumns} and the screen; returns
     * the columns written. A wide character that would straddle the edge becomes a space.
     */
    int text(int column, int row, String text, int maxColumns, Style style) {
        String safe = TerminalText.sanitize(text); // again: nothing unsanitized ever reaches Lanterna
        TerminalSize size = size();
        if (row < 0 || row >= size.getRows() || column >= size.getColumns()) {
            return 0;
        }
        int limit = Math.min(column + Math.max(0, maxColumns), size.getColumns());
        int x = column;
        for (int i = 0; i < safe.length() && x < limit; ) {
            int cp = safe.codePointAt(i);
            int len = Character.charCount(cp);
            if (i + len < safe.length() && safe.charAt(i + len) == TerminalText.WIDE_MARK) {
                len++;
            }
            String cell = safe.substring(i, i + len);
            i += len;
            int width = TerminalText.columns(cp);
            if (width == 0) {
                continue;
            }
            if (x + width > limit) {
                put(x, row, " ", style);
                x++;
                break;
            }
            put(x, row, cell, style);
            x += width;
        }
        return x - column;
    }

    /** Writes text and pads with spaces to exactly {@code columns} columns. */
    void line(int column, int row, String safe, int columns, Style style) {
        int written = text(column, row, safe, columns, style);
        for (int x = column + written; x < column + columns && x < size().getColumns(); x++) {
            put(x, row, " ", style);
        }
    }

    private void put(int x, int row, String cell, Style style) {
        TextColor foreground = colour && style.accent != null ? style.accent : TextColor.ANSI.DEFAULT;
        TextCharacter[] characters = TextCharacter.fromString(cell, foreground, TextColor.ANSI.DEFAULT, style.modifiers);
        if (characters.length > 0) {
            screen.setCharacter(x, row, characters[0]);
        }
    }
}
