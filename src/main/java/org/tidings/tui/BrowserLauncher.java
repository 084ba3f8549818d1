package org.tidings.tui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Opens links in {@code $BROWSER} without a shell: the command is split on whitespace, a
 * {@code %s} argument is replaced by the URL (else the URL is appended), and the URL is always
 * exactly one argument. Only the first entry of a colon-separated {@code $BROWSER} is used;
 * without one, {@code xdg-open}. The browser runs detached, its output discarded.
 */
public final class BrowserLauncher implements LinkOpener {
    private final String browser;

    public BrowserLauncher(String browserCommand) {
        Objects.requireNonNull(browserCommand, "browserCommand");
        String first = browserCommand.split(":", 2)[0].strip();
        this.browser = first.isEmpty() ? "xdg-open" : first;
    }

    /** The argument vector for {@code url}; throws when the URL is not a plain http(s) URL. */
    public List<String> command(String url) {
        checkUrl(url);
        List<String> command = new ArrayList<>();
        boolean placed = false;
        for (String part : browser.split("\\s+")) {
            if (part.equals("%s")) {
                command.add(url);
                placed = true;
            } else if (!part.isEmpty()) {
                command.add(part);
            }
        }
        if (!placed) {
            command.add(url);
        }
        return command;
    }

    /** Throws IllegalArgumentException unless {@code url} is http(s) with no spaces or controls. */
    public static void checkUrl(String url) {
        if (!HtmlText.isOpenable(url) || !url.equals(url.strip())) {
            throw new IllegalArgumentException("not opened: only http and https links are opened");
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
                throw new IllegalArgumentException("not opened: the link contains spaces or control characters");
            }
        }
    }

    @Override
    public void open(String url) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(url));
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.start();
    }
}
