package org.tidings.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds for {@link Backoff}.
 *
 * @param base the delay after the first failure, doubled after each further one (default 30 min)
 * @param max the longest delay (default 24 hours)
 * @param maxRetryAfter the longest server {@code Retry-After} honoured (default 7 days)
 * @param gone how long a feed answering {@value #GONE_STATUS} Gone stays disabled before its
 *     next poll would be due, should someone enable it again (default 365 days)
 */
public record BackoffPolicy(Duration base, Duration max, Duration maxRetryAfter, Duration gone) {
    /** The HTTP status that disables a feed instead of backing off: 410 Gone. */
    public static final int GONE_STATUS = 410;

    public static final BackoffPolicy DEFAULT =
            new BackoffPolicy(Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofDays(7));

    /** A policy with the default {@code gone} period. */
    public BackoffPolicy(Duration base, Duration max, Duration maxRetryAfter) {
        this(base, max, maxRetryAfter, Duration.ofDays(365));
    }

    public BackoffPolicy {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(gone, "gone");
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("base must be positive: " + base);
        }
        if (max.compareTo(base) < 0) {
            throw new IllegalArgumentException("max < base: " + max + " < " + base);
        }
        if (maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("maxRetryAfter is negative: " + maxRetryAfter);
        }
        if (gone.isNegative() || gone.isZero()) {
            throw new IllegalArgumentException("gone must be positive: " + gone);
        }
    }
}
