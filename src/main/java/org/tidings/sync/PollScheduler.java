package org.tidings.sync;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tidings.fetch.CacheInfo;
import org.tidings.model.FeedHints;

/**
 * When to poll a feed next, after a successful fetch (200 or 304).
 *
 * <ol>
 *   <li>The feed's own rhythm: the median gap between its most recent entries (up to 20 within
 *       the last 90 days); when it has been silent for longer than that, half the silence. A feed
 *       with nothing in 90 days gets half its silence too (so, in practice, the maximum); one
 *       with fewer than two dated entries otherwise gets {@link PollPolicy#fallback()}.
 *   <li>What the publisher asked for is a floor: Cache-Control max-age / Expires, RSS {@code ttl},
 *       {@code sy:updatePeriod}/{@code sy:updateFrequency}. The interval is the larger of the two.
 *   <li>The interval is clamped to [{@link PollPolicy#min()}, {@link PollPolicy#max()}].
 *   <li>A time falling in the feed's {@code skipHours}/{@code skipDays} (UTC) moves to the next
 *       allowed hour, but never past {@code max} after the fetch.
 * </ol>
 */
public final class PollScheduler {
    private static final int RECENT_ENTRIES = 20;
    private static final Duration RECENT_WINDOW = Duration.ofDays(90);

    private final PollPolicy policy;
    private final InstantSource clock;

    public PollScheduler(PollPolicy policy, InstantSource clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The next poll of a feed fetched just now (the clock's instant). */
    public Instant nextPoll(CacheInfo cache, FeedHints hints, Collection<Instant> entryDates) {
        return nextPoll(clock.instant(), cache, hints, entryDates);
    }

    /**
     * The next poll of a feed fetched at {@code fetchedAt}.
     *
     * @param entryDates the published (or updated) instants of the feed's recent entries, any
     *     order; undated entries left out
     */
    public Instant nextPoll(
            Instant fetchedAt, CacheInfo cache, FeedHints hints, Collection<Instant> entryDates) {
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(hints, "hints");
        Objects.requireNonNull(entryDates, "entryDates");
        Duration interval = interval(fetchedAt, cache, hints, entryDates);
        Instant next = skip(fetchedAt.plus(interval), hints);
        Instant latest = fetchedAt.plus(policy.max());
        return next.isAfter(latest) ? latest : next;
    }

    /** The interval before skipHours/skipDays, clamped to the policy's bounds. */
    Duration interval(
            Instant fetchedAt, CacheInfo cache, FeedHints hints, Collection<Instant> entryDates) {
        Duration interval = publishingInterval(fetchedAt, entryDates).orElse(policy.fallback());
        interval = max(interval, cache.freshness(fetchedAt).orElse(null));
        interval = max(interval, hints.ttl());
        interval = max(interval, hints.updatePeriod());
        if (interval.compareTo(policy.min()) < 0) {
            return policy.min();
        }
        return interval.compareTo(policy.max()) > 0 ? policy.max() : interval;
    }

    /** How often the feed publishes, judging by its recent entries. */
    static Optional<Duration> publishingInterval(Instant now, Collection<Instant> entryDates) {
        Instant horizon = now.minus(RECENT_WINDOW);
        Instant future = now.plus(Duration.ofDays(1));
        List<Instant> recent = entryDates.stream()
                .filter(Objects::nonNull)
                .filter(date -> date.isAfter(horizon) && date.isBefore(future))
                .distinct()
                .sorted(Comparator.reverseOrder())
                .limit(RECENT_ENTRIES)
                .toList();
        if (recent.size() < 2) {
            // nothing in months: poll rarely; one recent entry says nothing about a rhythm
            Optional<Instant> newest = entryDates.stream()
                    .filter(Objects::nonNull)
                    .filter(date -> date.isBefore(future))
                    .max(Comparator.naturalOrder());
            return newest.filter(date -> !date.isAfter(horizon))
                    .map(date -> Duration.between(date, now).dividedBy(2));
        }
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < recent.size(); i++) {
            gaps.add(Duration.between(recent.get(i), recent.get(i - 1)));
        }
        gaps.sort(Comparator.naturalOrder());
        Duration median = gaps.get(gaps.size() / 2);
        Duration silence = Duration.between(recent.get(0), now);
        if (silence.compareTo(median) > 0) {
            Duration half = silence.dividedBy(2);
            return Optional.of(half.compareTo(median) > 0 ? half : median);
        }
        return Optional.of(median);
    }

    private static Instant skip(Instant at, FeedHints hints) {
        Set<Integer> hours = hints.skipHours().size() >= 24 ? Set.of() : hints.skipHours();
        Set<DayOfWeek> days = hints.skipDays().size() >= 7 ? Set.of() : hints.skipDays();
        if (hours.isEmpty() && days.isEmpty()) {
            return at;
        }
        ZonedDateTime time = at.atZone(ZoneOffset.UTC);
        for (int i = 0; i < 24 * 8 && skipped(time, hours, days); i++) {
            time = time.truncatedTo(ChronoUnit.HOURS).plusHours(1);
        }
        return time.toInstant();
    }

    private static boolean skipped(ZonedDateTime time, Set<Integer> hours, Set<DayOfWeek> days) {
        int hour = time.getHour();
        return days.contains(time.getDayOfWeek())
                || hours.contains(hour)
                || (hour == 0 && hours.contains(24));
    }

    private static Duration max(Duration current, @Nullable Duration candidate) {
        return candidate != null && candidate.compareTo(current) > 0 ? candidate : current;
    }
}
