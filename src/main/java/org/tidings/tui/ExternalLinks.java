package org.tidings.tui;

import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Messages;

/**
 * Opening things outside the terminal: an article's link with the browser, an enclosure with the
 * configured player (else the browser). Only http(s) URLs leave the reader; the message line says
 * what happened and, when starting the program failed, what to set.
 */
final class ExternalLinks {
    private final LinkOpener browser;
    private final LinkOpener player;
    /** The {@code [reader] player} command, blank when none is set. */
    private final String playerCommand;
    private final ReaderFrame frame;

    ExternalLinks(LinkOpener browser, String playerCommand, ReaderFrame frame) {
        this.browser = browser;
        this.playerCommand = playerCommand;
        this.player = playerCommand.isBlank() ? browser : new BrowserLauncher(playerCommand);
        this.frame = frame;
    }

    void openLink(@Nullable String url) {
        if (url == null || url.isBlank()) {
            frame.info("This article has no link");
            return;
        }
        try {
            BrowserLauncher.checkUrl(url);
            browser.open(url);
            frame.info("Opened " + url);
        } catch (IllegalArgumentException e) {
            frame.error(e.getMessage() + ": " + url);
        } catch (IOException e) {
            frame.error("could not start the browser: set $BROWSER to its command, e.g. BROWSER=firefox ("
                    + Messages.of(e) + ")");
        }
    }

    void openEnclosure(String url, String label) {
        try {
            BrowserLauncher.checkUrl(url);
            player.open(url);
            frame.info("Opened " + label + (playerCommand.isBlank() ? "" : " with " + playerCommand.strip().split("\\s+")[0])
                    + ": " + url);
        } catch (IllegalArgumentException e) {
            frame.error(e.getMessage() + ": " + url);
        } catch (IOException e) {
            frame.error(playerCommand.isBlank()
                    ? "could not start the browser: set $BROWSER, or [reader] player in config.toml (" + Messages.of(e) + ")"
                    : "could not start the player: check [reader] player in config.toml (" + Messages.of(e) + ")");
        }
    }
}
