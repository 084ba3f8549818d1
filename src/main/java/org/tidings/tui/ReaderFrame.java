package org.tidings.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Messages;

/**
 * What the reader shows around the current view, and draws: a header line, the view, a status
 * line (position, counts, reload progress, the selected item's error) and a message line (a
 * notice, an error or the search prompt). It keeps the text of those lines between keys.
 */
final class ReaderFrame {
    private static final System.Logger LOG = System.getLogger(ReaderFrame.class.getName());
    /** The longest search the prompt takes. */
    private static final int MAX_PROMPT = 200;

    private final Screen screen;
    private final Canvas canvas;
    private boolean resized = true;
    private @Nullable StringBuilder prompt;
    private String message = "";
    private boolean messageIsError;
    private @Nullable String progress;

    ReaderFrame(Screen screen, boolean colour) {
        this.screen = screen;
        this.canvas = new Canvas(screen, colour);
    }

    /** The next draw repaints the whole screen. */
    void resized() {
        resized = true;
    }

    void info(String text) {
        message = text;
        messageIsError = false;
    }

    void error(String text) {
        message = text;
        messageIsError = true;
    }

    /** A message (an error too) is about the last action: the next key clears it. */
    void clearMessage() {
        message = "";
    }

    /** Background work in progress (shown on the right of the status line), or null when none. */
    void progress(@Nullable String text) {
        progress = text;
    }

    /** Runs an action of the reader; a failure becomes the error line instead of ending the reader. */
    void guarded(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "reader action failed", e);
            error(Messages.of(e));
        }
    }

    // ---- the search prompt

    boolean prompting() {
        return prompt != null;
    }

    void startPrompt() {
        prompt = new StringBuilder();
    }

    /** Types a key into the search prompt; returns the search when Enter ends it with some text. */
    Optional<String> typeInPrompt(KeyStroke key) {
        StringBuilder text = Objects.requireNonNull(prompt);
        switch (key.getKeyType()) {
            case Escape -> prompt = null;
            case Backspace -> {
                if (text.length() > 0) {
                    text.setLength(text.offsetByCodePoints(text.length(), -1));
                }
            }
            case Enter -> {
                String query = text.toString().strip();
                prompt = null;
                return query.isEmpty() ? Optional.empty() : Optional.of(query);
            }
            case Character -> {
                if (!key.isCtrlDown() && !key.isAltDown() && text.length() < MAX_PROMPT) {
                    text.append(key.getCharacter());
                }
            }
            default -> {
                // other keys do nothing while typing
            }
        }
        return Optional.empty();
    }

    // ---- drawing

    /** Rows left for the view (all but the header, status and message lines). */
    int contentRows() {
        return Math.max(1, screen.getTerminalSize().getRows() - 3);
    }

    void draw(View view, SourcesOverview sources, boolean unreadOnly) {
        TerminalSize size = screen.getTerminalSize();
        int columns = size.getColumns();
        int rows = size.getRows();
        screen.clear();
        guarded(() -> {
            String header = " tidings: " + TerminalText.sanitize(view.title());
            String hint = columns >= 40 ? "?:help q:back " : "";
            int headerWidth = Math.max(0, columns - hint.length());
            canvas.line(0, 0, TerminalText.fit(header, headerWidth) + hint, columns, Canvas.Style.BOLD_REVERSE);
            if (rows > 3) {
                view.draw(canvas, 1, rows - 3, columns);
            }
        });
        if (rows > 2) {
            drawStatus(view, sources, unreadOnly, rows - 2, columns);
        }
        if (rows > 1) {
            drawMessage(rows - 1, columns);
        }
        try {
            screen.refresh(resized ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
            resized = false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drawStatus(View view, SourcesOverview sources, boolean unreadOnly, int row, int columns) {
        String left = " " + view.position() + "  " + sources.allUnread() + " unread, " + sources.starred()
                + " starred" + (unreadOnly ? "  [unread only]" : "  [all]");
        String right;
        Canvas.Style rightStyle = Canvas.Style.REVERSE;
        if (progress != null) {
            right = progress;
        } else if (view.selectedError() != null) {
            right = "error: " + view.selectedError();
            rightStyle = Canvas.Style.ERROR.reversed();
        } else {
            right = "";
        }
        String safeRight = TerminalText.sanitize(right);
        int rightWidth = Math.min(TerminalText.width(safeRight), Math.max(0, columns - TerminalText.width(left) - 2));
        canvas.line(0, row, left, columns, Canvas.Style.REVERSE);
        if (rightWidth > 0) {
            String shown = TerminalText.fit(safeRight, rightWidth);
            canvas.text(columns - rightWidth - 1, row, shown, rightWidth, rightStyle);
        }
    }

    private void drawMessage(int row, int columns) {
        if (prompt != null) {
            String text = "/" + TerminalText.sanitize(prompt.toString());
            canvas.line(0, row, text, columns, Canvas.Style.NORMAL);
            screen.setCursorPosition(new TerminalPosition(Math.min(columns - 1, TerminalText.width(text)), row));
            return;
        }
        screen.setCursorPosition(null);
        canvas.line(0, row, TerminalText.sanitize(message), columns,
                messageIsError ? Canvas.Style.ERROR : Canvas.Style.NORMAL);
    }
}
