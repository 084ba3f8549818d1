package org.tidings.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tidings.fetch.CacheInfo;
import org.tidings.model.FeedHints;

class PollSchedulerTest {
    /** A Friday. */
    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private final PollScheduler scheduler = new PollScheduler(PollPolicy.DEFAULT, InstantSource.fixed(NOW));

    private static List<Instant> everyHoursBack(int count, Duration gap, Duration since) {
        List<Instant> dates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            dates.add(NOW.minus(since).minus(gap.multipliedBy(i)));
        }
        return dates;
    }

    private static FeedHints hints(Duration ttl, Duration updatePeriod) {
        return new FeedHints(ttl, Set.of(), Set.of(), updatePeriod);
    }

    @Test
    void usesTheFallbackWhenNothingIsKnown() {
        assertThat(scheduler.nextPoll(CacheInfo.NONE, FeedHints.NONE, List.of()))
                .isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Nested
    class PublishingRate {
        @Test
        void followsHowOftenTheFeedPublishes() {
            List<Instant> everyThreeHours = everyHoursBack(10, Duration.ofHours(3), Duration.ofMinutes(30));

            assertThat(scheduler.nextPoll(CacheInfo.NONE, FeedHints.NONE, everyThreeHours))
                    .isEqualTo(NOW.plus(Duration.ofHours(3)));
        }

        @Test
        void aBusyFeedIsPolledNoMoreOftenThanTheMinimum() {
            List<Instant> everyFiveMinutes = everyHoursBack(20, Duration.ofMinutes(5), Duration.ZERO);

            assertThat(scheduler.nextPoll(CacheInfo.NONE, FeedHints.NONE, everyFiveMinutes))
                    .isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        }

        @Test
        void aSilentFeedIsPolledLessOften() {
            List<Instant> hourlyButSilentForTenHours = everyHoursBack(10, Duration.ofHours(1), Duration.ofHours(10));

            assertThat(scheduler.nextPoll(CacheInfo.NONE, FeedHints.NONE, hourlyButSilentForTenHours))
                    .isEqualTo(NOW.plus(Duration.ofHours(5)));
        }

        @Test
        void aDeadFeedIsPolledAtTheMaximum() {
            List<Instant> lastYear = everyHoursBack(10, Duration.ofDays(1), Duration.ofDays(365));

            assertThat(scheduler.nextPoll(CacheInfo.NONE, FeedHints.NONE, lastYear))
                    .isEqualTo(NOW.plus(Duration.ofHours(24)));
            List<Instant> monthAgo = everyHoursBack(10, Duration.ofHours(6), Duration.ofDays(30));
            assertThat(scheduler.nextPoll(CacheInfo.NONE, FeedHints.NONE, monthAgo))
                    .isEqualTo(NOW.plus(Duration.ofHours(24)));
        }

        @Test
        void theMedianGapIgnoresOneBurst() {
            List<Instant> dates = new ArrayList<>(everyHoursBack(6, Duration.ofHours(2), Duration.ZERO));
            dates.add(NOW.minusSeconds(1));
            dates.add(NOW.minusSeconds(2));

            assertThat(PollScheduler.publishingInterval(NOW, dates)).contains(Duration.ofHours(2));
        }

        @Test
        void oneRecentEntrySaysNothingAboutTheRhythm() {
            assertThat(PollScheduler.publishingInterval(NOW, List.of(NOW.minus(Duration.ofHours(3)))))
                    .isEmpty();
        }

        @Test
        void ignoresEntriesDatedInTheFuture() {
            List<Instant> dates = List.of(NOW.plus(Duration.ofDays(400)), NOW.minus(Duration.ofHours(2)));

            assertThat(PollScheduler.publishingInterval(NOW, dates)).isEmpty();
        }
    }

    @Nested
    class PublisherHints {
        @Test
        void maxAgeIsAFloor() {
            CacheInfo cache = new CacheInfo(Duration.ofHours(4), null, null);

            assertThat(scheduler.nextPoll(cache, FeedHints.NONE, List.of()))
                    .isEqualTo(NOW.plus(Duration.ofHours(4)));
        }

        @Test
        void expiresCountsFromTheServerDate() {
            CacheInfo cache = new CacheInfo(null, Instant.parse("2026-11-27T10:00:00Z"),
                    Instant.parse("2026-11-27T07:00:00Z"));

            assertThat(scheduler.nextPoll(cache, FeedHints.NONE, List.of()))
                    .isEqualTo(NOW.plus(Duration.ofHours(3)));
        }

        @Test
        void ttlAndUpdatePeriodAreFloors() {
            List<Instant> everyHalfHour = everyHoursBack(10, Duration.ofMinutes(30), Duration.ZERO);

            assertThat(scheduler.nextPoll(CacheInfo.NONE, hints(Duration.ofMinutes(90), null), everyHalfHour))
                    .isEqualTo(NOW.plus(Duration.ofMinutes(90)));
            assertThat(scheduler.nextPoll(CacheInfo.NONE, hints(null, Duration.ofHours(6)), everyHalfHour))
                    .isEqualTo(NOW.plus(Duration.ofHours(6)));
        }

        @Test
        void aHugeHintIsClampedToTheMaximum() {
            assertThat(scheduler.nextPoll(CacheInfo.NONE, hints(Duration.ofDays(7), null), List.of()))
                    .isEqualTo(NOW.plus(Duration.ofHours(24)));
        }

        @Test
        void skipHoursMoveThePollToTheNextAllowedHour() {
            FeedHints hints = new FeedHints(null, Set.of(9, 10, 11), Set.of(), null);

            assertThat(scheduler.nextPoll(CacheInfo.NONE, hints, List.of()))
                    .isEqualTo(Instant.parse("2026-11-27T12:00:00Z"));
        }

        @Test
        void skipDaysMoveThePollButNeverPastTheMaximum() {
            FeedHints weekend = new FeedHints(null, Set.of(), Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), null);

            assertThat(scheduler.nextPoll(CacheInfo.NONE, weekend, List.of()))
                    .isEqualTo(NOW.plus(Duration.ofHours(24)));
            PollScheduler weekly = new PollScheduler(
                    new PollPolicy(Duration.ofMinutes(15), Duration.ofDays(7), Duration.ofHours(1)),
                    InstantSource.fixed(NOW));
            assertThat(weekly.nextPoll(CacheInfo.NONE, weekend, List.of()))
                    .isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
        }

        @Test
        void ignoresSkipHoursThatCoverTheWholeDay() {
            Set<Integer> all = new java.util.HashSet<>();
            for (int h = 0; h < 24; h++) {
                all.add(h);
            }
            FeedHints hints = new FeedHints(null, all, Set.of(), null);

            assertThat(scheduler.nextPoll(CacheInfo.NONE, hints, List.of()))
                    .isEqualTo(NOW.plus(Duration.ofHours(1)));
        }
    }
}
