package org.tidings.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds for {@link PollScheduler}.
 *
 * @param min never poll a feed more often than this (default 15 minutes)
 * @param max never leave a feed unpolled longer than this (default 24 hours)
 * @param fallback the interval when nothing says how often a feed changes (default 1 hour)
 */
public record PollPolicy(Duration min, Duration max, Duration fallback) {
    public static final PollPolicy DEFAULT =
            new PollPolicy(Duration.ofMinutes(15), Duration.ofHours(24), Duration.ofHours(1));

    public PollPolicy {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(fallback, "fallback");
        if (min.isNegative() || min.isZero()) {
            throw new IllegalArgumentException("min must be positive: " + min);
        }
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("max < min: " + max + " < " + min);
        }
        if (fallback.isNegative() || fallback.isZero()) {
            throw new IllegalArgumentException("fallback must be positive: " + fallback);
        }
    }
}
