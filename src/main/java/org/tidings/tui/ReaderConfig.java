package org.tidings.tui;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * Reader settings.
 *
 * @param colour false when {@code NO_COLOR} is set: then no colour at all, only bold and reverse
 * @param browser the {@code $BROWSER} command ("" for the default, xdg-open)
 * @param pollInterval how often to check {@link ReaderData#dataVersion()} for other processes' writes
 * @param zone the time zone dates are shown in
 * @param pageSize rows fetched per page of an article list
 * @param player the command that opens enclosures ("" for the browser), as {@code [reader] player}
 */
public record ReaderConfig(boolean colour, String browser, Duration pollInterval, ZoneId zone, int pageSize, String player) {
    public ReaderConfig {
        Objects.requireNonNull(browser, "browser");
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(zone, "zone");
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize < 1: " + pageSize);
        }
    }

    public ReaderConfig(boolean colour, String browser, Duration pollInterval, ZoneId zone, int pageSize) {
        this(colour, browser, pollInterval, zone, pageSize, "");
    }

    /** The same settings with {@code player} opening enclosures. */
    public ReaderConfig withPlayer(String player) {
        return new ReaderConfig(colour, browser, pollInterval, zone, pageSize, player);
    }

    /** Settings from environment variables ({@code NO_COLOR}, {@code BROWSER}) and the system zone. */
    public static ReaderConfig fromEnvironment(Map<String, String> environment) {
        String noColour = environment.get("NO_COLOR");
        boolean colour = noColour == null || noColour.isEmpty();
        return new ReaderConfig(colour, environment.getOrDefault("BROWSER", ""), Duration.ofSeconds(3),
                ZoneId.systemDefault(), 200);
    }
}
