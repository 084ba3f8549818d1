package org.tidings.api;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down guessing: every failed login or bad token costs a fixed delay, and an address with
 * {@link #MAX_FAILURES} failures within {@link #WINDOW} is refused (429) until they age out,
 * without its credentials being checked.
 */
final class LoginThrottle {
    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Addresses remembered at most (the oldest is forgotten first). */
    private static final int MAX_ADDRESSES = 10_000;

    private final Duration delay;
    private final InstantSource clock;
    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    LoginThrottle(Duration delay, InstantSource clock) {
        this.delay = delay;
        this.clock = clock;
    }

    /** Whether the address has failed too often lately. */
    synchronized boolean blocked(String address) {
        Deque<Instant> times = failures.get(address);
        if (times == null) {
            return false;
        }
        Instant cutoff = clock.instant().minus(WINDOW);
        while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
            times.pollFirst();
        }
        return times.size() >= MAX_FAILURES;
    }

    /** Counts a failure and waits the fixed delay (on the caller's thread). */
    void failed(String address) {
        synchronized (this) {
            failures.computeIfAbsent(address, a -> new ArrayDeque<>()).addLast(clock.instant());
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
