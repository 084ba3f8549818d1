package org.tidings.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.tidings.fetch.FetchResult;

/**
 * When to retry a failing feed: exponential backoff ({@code base * 2^(failures - 1)}, capped at
 * {@code max}) with "equal jitter" (a random point in the upper half of that delay, so feeds that
 * failed together do not retry together), and never before the server's {@code Retry-After} (itself
 * capped at {@code maxRetryAfter}).
 */
public final class Backoff {
    private final BackoffPolicy policy;
    private final InstantSource clock;
    private final RandomGenerator random;

    public Backoff(BackoffPolicy policy, InstantSource clock, RandomGenerator random) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The next attempt after {@code failed}, the feed's {@code consecutiveFailures}-th failure in a row. */
    public Instant nextAttempt(FetchResult.Failed failed, int consecutiveFailures) {
        Objects.requireNonNull(failed, "failed");
        return nextAttempt(consecutiveFailures, failed.retryAfter());
    }

    /**
     * The next attempt after the {@code consecutiveFailures}-th failure in a row (1 for the first).
     *
     * @param retryAfter when the server asked to be retried, or null
     */
    public Instant nextAttempt(int consecutiveFailures, @Nullable Instant retryAfter) {
        Instant now = clock.instant();
        Instant next = now.plus(jittered(delay(consecutiveFailures)));
        if (retryAfter != null) {
            Instant latest = now.plus(policy.maxRetryAfter());
            Instant asked = retryAfter.isAfter(latest) ? latest : retryAfter;
            if (asked.isAfter(next)) {
                next = asked;
            }
        }
        return next;
    }

    /** When a feed that answered 410 Gone (and is disabled) would be polled again: now plus the policy's {@code gone}. */
    public Instant goneUntil() {
        return clock.instant().plus(policy.gone());
    }

    /** The delay before jitter: {@code base * 2^(failures - 1)}, at most {@code max}. */
    public Duration delay(int consecutiveFailures) {
        if (consecutiveFailures < 1) {
            throw new IllegalArgumentException("consecutiveFailures < 1: " + consecutiveFailures);
        }
        int doublings = Math.min(consecutiveFailures - 1, 40);
        Duration delay = policy.base();
        for (int i = 0; i < doublings && delay.compareTo(policy.max()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(policy.max()) > 0 ? policy.max() : delay;
    }

    private Duration jittered(Duration delay) {
        long millis = delay.toMillis();
        long half = millis / 2;
        return Duration.ofMillis(millis - half + random.nextLong(half + 1));
    }
}
