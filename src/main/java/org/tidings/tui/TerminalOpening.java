package org.tidings.tui;

import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The real terminal, opened on a thread of its own ({@link ReaderApp#openTerminalScreen()}) while
 * the caller opens the store: Lanterna sets the terminal up with several {@code stty} processes,
 * a good part of the reader's start-up that needs nothing from the database. Nothing is drawn
 * and the screen is not started until {@link ReaderApp} starts it.
 *
 * <pre>{@code
 * try (TerminalOpening terminal = TerminalOpening.start(); Store store = ...) {
 *     ReaderApp.runOn(terminal.screen(), ...);
 * }
 * }</pre>
 */
public final class TerminalOpening implements AutoCloseable {
    private final CompletableFuture<Screen> screen = new CompletableFuture<>();

    private TerminalOpening() {}

    /** Opens a screen; {@link ReaderApp#openTerminalScreen()} for the real terminal. */
    interface Opener {
        Screen open() throws IOException;
    }

    /** Starts opening the terminal on a daemon thread. */
    public static TerminalOpening start() {
        return start(ReaderApp::openTerminalScreen);
    }

    static TerminalOpening start(Opener opener) {
        TerminalOpening opening = new TerminalOpening();
        Thread thread = new Thread(() -> {
            try {
                opening.screen.complete(opener.open());
            } catch (Throwable e) {
                opening.screen.completeExceptionally(e);
            }
        }, "tidings-terminal");
        thread.setDaemon(true);
        thread.start();
        return opening;
    }

    /** The screen (not yet started), once the terminal is open; its failure as the same exception. */
    public Screen screen() throws IOException {
        try {
            return screen.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while opening the terminal");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    /**
     * Waits until the opening has finished, whether or not the screen was used: once open, the
     * terminal restores its settings when the process exits, so an error that ends the process
     * before the reader starts leaves the terminal as it was.
     */
    @Override
    public void close() {
        boolean interrupted = false;
        while (true) {
            try {
                screen.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
