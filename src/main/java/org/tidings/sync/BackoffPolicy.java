package org.tidings.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds for {@link Backoff}.
 *
 * @param base the delay after the first failure, doubled after each further one (default 30 min)
 * @param max the longest delay (default 24 hours)
 * @param maxRetryAfter the longest server {@code Retry-After} honoured (default 7 days)
 */
public record BackoffPolicy(Duration base, Duration max, Duration maxRetryAfter) {
    public static final BackoffPolicy DEFAULT =
            new BackoffPolicy(Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofDays(7));

    public BackoffPolicy {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("base must be positive: " + base);
        }
        if (max.compareTo(base) < 0) {
            throw new IllegalArgumentException("max < base: " + max + " < " + base);
        }
        if (maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("maxRetryAfter is negative: " + maxRetryAfter);
        }
    }
}
