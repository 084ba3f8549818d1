package org.tidings.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/** The real reader on a Lanterna virtual terminal, stepped by the test. */
final class ReaderHarness {
    static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

    /** A clock the test moves. */
    static final class TestClock implements InstantSource {
        private volatile Instant now = NOW;

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    final DefaultVirtualTerminal terminal;
    final FakeReaderData data;
    /** The reloader when it is a FakeReloader (else null). */
    final FakeReloader reloader;
    final ReaderApp app;
    final TestClock clock = new TestClock();
    final List<String> opened = new ArrayList<>();

    ReaderHarness(FakeReaderData data, int columns, int rows) {
        this(data, new FakeReloader(data), columns, rows, true, KeyMap.newsboatDefaults(), Runnable::run);
    }

    ReaderHarness(FakeReaderData data, Reloader reloader, int columns, int rows, boolean colour, KeyMap keys,
            Executor background) {
        this.data = data;
        this.reloader = reloader instanceof FakeReloader fake ? fake : null;
        this.terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
        try {
            ReaderConfig config = new ReaderConfig(colour, "", Duration.ofSeconds(3), ZoneOffset.UTC, 50);
            this.app = new ReaderApp(data, reloader, new TerminalScreen(terminal), keys, clock, config,
                    opened::add, background);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        app.start();
    }

    /** Sends keys ("j", "ENTER", "TAB", "UP", "DOWN", "PGUP", "PGDN", "ESC", "BACKSPACE", "HOME", "END") and steps. */
    ReaderHarness press(String... keys) {
        for (String key : keys) {
            terminal.addInput(stroke(key));
            app.step();
        }
        return this;
    }

    /** Types text (e.g. into the search prompt) and steps. */
    ReaderHarness type(String text) {
        text.chars().forEach(c -> terminal.addInput(new KeyStroke((char) c, false, false)));
        app.step();
        return this;
    }

    static KeyStroke stroke(String key) {
        return switch (key) {
            case "ENTER" -> new KeyStroke(KeyType.Enter);
            case "TAB" -> new KeyStroke(KeyType.Tab);
            case "UP" -> new KeyStroke(KeyType.ArrowUp);
            case "DOWN" -> new KeyStroke(KeyType.ArrowDown);
            case "LEFT" -> new KeyStroke(KeyType.ArrowLeft);
            case "PGUP" -> new KeyStroke(KeyType.PageUp);
            case "PGDN" -> new KeyStroke(KeyType.PageDown);
            case "HOME" -> new KeyStroke(KeyType.Home);
            case "END" -> new KeyStroke(KeyType.End);
            case "ESC" -> new KeyStroke(KeyType.Escape);
            case "BACKSPACE" -> new KeyStroke(KeyType.Backspace);
            default -> {
                if (key.length() != 1) {
                    throw new IllegalArgumentException(key);
                }
                yield new KeyStroke(key.charAt(0), false, false);
            }
        };
    }

    void step() {
        app.step();
    }

    /** Steps until {@code condition} holds, for at most 5 seconds. */
    void stepUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out; screen:\n" + screen());
            }
            app.step();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    int rows() {
        return terminal.getTerminalSize().getRows();
    }

    int columns() {
        return terminal.getTerminalSize().getColumns();
    }

    /** The text of one screen row as displayed (a wide character once), trailing spaces removed. */
    String line(int row) {
        StringBuilder text = new StringBuilder();
        for (int x = 0; x < columns(); x++) {
            TextCharacter cell = terminal.getCharacter(x, row);
            text.append(cell.getCharacterString());
            if (cell.isDoubleWidth()) {
                x++;
            }
        }
        return text.toString().stripTrailing();
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (int y = 0; y < rows(); y++) {
            lines.add(line(y));
        }
        return lines;
    }

    String screen() {
        return String.join("\n", lines());
    }

    /** The first row containing {@code needle}, or -1. */
    int rowOf(String needle) {
        for (int y = 0; y < rows(); y++) {
            if (line(y).contains(needle)) {
                return y;
            }
        }
        return -1;
    }

    /** The display column where {@code needle} starts on {@code row}. */
    int columnOf(int row, String needle) {
        String text = line(row);
        int index = text.indexOf(needle);
        if (index < 0) {
            throw new AssertionError("'" + needle + "' not on row " + row + ": " + text);
        }
        return TerminalText.width(text.substring(0, index));
    }

    /** The cell at (column, row) of the terminal. */
    TextCharacter cell(int column, int row) {
        return terminal.getCharacter(column, row);
    }

    String statusLine() {
        return line(rows() - 2);
    }

    String messageLine() {
        return line(rows() - 1);
    }
}
