package org.tidings.store;

import java.time.Duration;
import java.util.Objects;

/**
 * Store behaviour that users can configure.
 *
 * @param markStoryCopies marking one copy of a story read (or unread) marks its copies at other
 *     outlets too, and a new copy of a story already read arrives read
 * @param storyWindow how far back a new article looks for copies of its story
 */
public record StoreOptions(boolean markStoryCopies, Duration storyWindow) {
    public static final StoreOptions DEFAULTS = new StoreOptions(true, Duration.ofDays(7));

    public StoreOptions {
        Objects.requireNonNull(storyWindow, "storyWindow");
        if (storyWindow.isNegative()) {
            throw new IllegalArgumentException("storyWindow < 0: " + storyWindow);
        }
    }

    public StoreOptions withMarkStoryCopies(boolean mark) {
        return new StoreOptions(mark, storyWindow);
    }
}
