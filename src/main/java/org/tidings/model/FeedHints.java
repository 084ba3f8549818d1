package org.tidings.model;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a feed document says about how often to poll it: RSS {@code ttl}, {@code skipHours},
 * {@code skipDays}, and the syndication module's {@code sy:updatePeriod}/{@code
 * sy:updateFrequency} (as one period).
 */
public record FeedHints(
        @Nullable Duration ttl,
        Set<Integer> skipHours,
        Set<DayOfWeek> skipDays,
        @Nullable Duration updatePeriod) {
    public static final FeedHints NONE = new FeedHints(null, Set.of(), Set.of(), null);

    public FeedHints {
        skipHours = Set.copyOf(skipHours);
        skipDays = Set.copyOf(skipDays);
    }
}
