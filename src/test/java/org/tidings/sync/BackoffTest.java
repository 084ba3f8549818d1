package org.tidings.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tidings.fetch.FetchResult;

class BackoffTest {
    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private final Backoff backoff = new Backoff(BackoffPolicy.DEFAULT, InstantSource.fixed(NOW), new Random(42));

    @Test
    void doublesTheDelayUpToTheMaximum() {
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofMinutes(30));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofHours(2));
        assertThat(backoff.delay(6)).isEqualTo(Duration.ofHours(16));
        assertThat(backoff.delay(7)).isEqualTo(Duration.ofHours(24));
        assertThat(backoff.delay(1000)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void jittersWithinTheUpperHalfOfTheDelay() {
        for (int failures = 1; failures <= 10; failures++) {
            Duration delay = backoff.delay(failures);
            for (int i = 0; i < 50; i++) {
                Instant next = backoff.nextAttempt(failures, null);
                assertThat(next).isBetween(NOW.plus(delay.dividedBy(2)), NOW.plus(delay));
            }
        }
    }

    @Test
    void jitterSpreadsFeedsThatFailedTogether() {
        long distinct = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> backoff.nextAttempt(3, null))
                .distinct()
                .count();

        assertThat(distinct).isGreaterThan(15);
    }

    @Test
    void isDeterministicWithASeededRandom() {
        Backoff again = new Backoff(BackoffPolicy.DEFAULT, InstantSource.fixed(NOW), new Random(42));
        Backoff first = new Backoff(BackoffPolicy.DEFAULT, InstantSource.fixed(NOW), new Random(42));

        assertThat(again.nextAttempt(4, null)).isEqualTo(first.nextAttempt(4, null));
    }

    @Test
    void neverRetriesBeforeRetryAfter() {
        Instant retryAfter = NOW.plus(Duration.ofHours(5));

        assertThat(backoff.nextAttempt(1, retryAfter)).isEqualTo(retryAfter);
        FetchResult.Failed failed = new FetchResult.Failed(
                "http://example.com/feed", FetchResult.Kind.HTTP_STATUS, 429, "HTTP 429", retryAfter);
        assertThat(backoff.nextAttempt(failed, 1)).isEqualTo(retryAfter);
    }

    @Test
    void anEarlierRetryAfterDoesNotShortenTheBackoff() {
        Instant next = backoff.nextAttempt(3, NOW.plusSeconds(10));

        assertThat(next).isAfterOrEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void capsAnAbsurdRetryAfter() {
        assertThat(backoff.nextAttempt(1, NOW.plus(Duration.ofDays(365))))
                .isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void rejectsZeroFailures() {
        assertThatThrownBy(() -> backoff.delay(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("consecutiveFailures < 1: 0");
    }
}
