package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tidings.model.Feed;
import org.tidings.model.Subscription;

/** Leases on due feeds ({@link Leases}), on each dialect: what one worker claims, no other gets. */
class LeasesTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Instant UNTIL = NOW.plus(Duration.ofMinutes(2));

    @TempDir static Path dir;

    static Stream<String> dialects() {
        return LeaseStores.dialects();
    }

    private static Store storeWith(String dialect, int feeds) {
        Store store = LeaseStores.open(dialect, dir);
        for (int i = 0; i < feeds; i++) {
            store.feeds().add(Subscription.of("http://feeds" + (i % 3) + ".example/" + i), NOW.minusSeconds(60));
        }
        return store;
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aClaimedFeedIsNobodyElsesUntilReleasedOrExpired(String dialect) {
        try (Store store = storeWith(dialect, 5)) {
            Leases leases = store.leases();
            assertThat(leases.countDue(NOW)).isEqualTo(5);
            List<Feed> first = leases.claimDue("a", NOW, UNTIL, 3);
            List<Feed> second = leases.claimDue("b", NOW, UNTIL, 10);
            assertThat(first).hasSize(3);
            assertThat(second).hasSize(2);
            assertThat(ids(first)).doesNotContainAnyElementsOf(ids(second));
            assertThat(leases.claimDue("c", NOW, UNTIL, 10)).isEmpty();
            assertThat(leases.heldByOthers("c", NOW)).contains(UNTIL);
            assertThat(leases.heldByOthers("a", NOW)).contains(UNTIL); // b's

            // released with the outcome: the feed is recorded and no longer due
            long done = first.get(0).id();
            store.writeTogether(() -> {
                store.feeds().recordNotModified(done, NOW, NOW.plus(Duration.ofHours(1)));
                return leases.release(done, "a");
            });
            assertThat(leases.release(done, "a")).isFalse();
            assertThat(leases.countDue(NOW)).isEqualTo(4);

            // a's lease is renewed, b's is not: after it ends, c takes b's feeds over
            Instant later = UNTIL.plusSeconds(1);
            assertThat(leases.heartbeat("a", later, later.plus(Duration.ofMinutes(2)))).isEqualTo(2);
            List<Feed> takenOver = leases.claimDue("c", later, later.plus(Duration.ofMinutes(2)), 10);
            assertThat(ids(takenOver)).containsExactlyInAnyOrderElementsOf(ids(second));
            // b, late, cannot release what is now c's
            assertThat(leases.release(second.get(0).id(), "b")).isFalse();
            assertThat(leases.release(second.get(0).id(), "c")).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void workersAreListedAndAStoppedOneLeavesNoLease(String dialect) {
        try (Store store = storeWith(dialect, 4)) {
            Leases leases = store.leases();
            leases.register("dead", "host1", 1, "daemon", Duration.ofMinutes(2), NOW.minus(Duration.ofHours(1)));
            leases.register("w1", "host1", 11, "sync", Duration.ofMinutes(2), NOW);
            assertThat(leases.workers()).extracting(Leases.Worker::id).containsExactly("w1"); // the dead one's row is gone
            leases.register("w2", "host2", 22, "daemon", Duration.ofMinutes(2), NOW);
            leases.claimDue("w1", NOW, UNTIL, 3);
            List<Feed> chosen = leases.claim("w2", List.of(1L, 2L, 3L, 4L), NOW, UNTIL);
            assertThat(chosen).hasSize(1); // the three others are w1's
            assertThat(leases.workers()).extracting(Leases.Worker::leases).containsExactly(3, 1);

            leases.unregister("w1");
            assertThat(leases.workers()).extracting(Leases.Worker::id).containsExactly("w2");
            assertThat(leases.claimDue("w2", NOW, UNTIL, 10)).hasSize(3);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aWorkerThatMissesTwoHeartbeatsIsLost(String dialect) {
        try (Store store = storeWith(dialect, 1)) {
            Leases leases = store.leases();
            leases.register("w", "host1", 11, "daemon", Duration.ofMinutes(3), NOW); // beats every minute
            Leases.Worker worker = leases.workers().get(0);
            assertThat(worker.lease()).isEqualTo(Duration.ofMinutes(3));
            assertThat(worker.lost(NOW.plus(Duration.ofMinutes(2)))).isFalse();
            assertThat(worker.lost(NOW.plus(Duration.ofMinutes(2)).plusSeconds(1))).isTrue();

            leases.heartbeat("w", NOW.plus(Duration.ofMinutes(2)), NOW.plus(Duration.ofMinutes(5)));
            assertThat(leases.workers().get(0).lost(NOW.plus(Duration.ofMinutes(2)).plusSeconds(1))).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void workersClaimingAtOnceNeverShareAFeed(String dialect) throws Exception {
        try (Store store = storeWith(dialect, 200)) {
            Set<Long> seen = ConcurrentHashMap.newKeySet();
            List<Long> all = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<Long>>> workers = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    String owner = "w" + w;
                    workers.add(pool.submit(() -> {
                        List<Long> mine = new ArrayList<>();
                        for (List<Feed> batch = store.leases().claimDue(owner, NOW, UNTIL, 7); !batch.isEmpty();
                                batch = store.leases().claimDue(owner, NOW, UNTIL, 7)) {
                            mine.addAll(ids(batch));
                        }
                        return mine;
                    }));
                }
                for (Future<List<Long>> worker : workers) {
                    for (long id : worker.get()) {
                        assertThat(seen.add(id)).as("feed %d claimed twice", id).isTrue();
                        all.add(id);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(new HashSet<>(all)).hasSize(200);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void oneOfAKindWorkRunsOnOneWorkerAtATime(String dialect) throws Exception {
        try (Store store = storeWith(dialect, 0)) {
            java.util.Optional<AutoCloseable> first = store.tryExclusive("full-text pages");
            assertThat(first).isPresent();
            if (dialect.equals("sqlite")) {
                assertThat(store.hostLocks()).isEmpty(); // one sync per file: the fetcher's own limits hold
                first.get().close();
                return;
            }
            try (Store other = LeaseStores.reopen(store)) {
                assertThat(other.tryExclusive("full-text pages")).isEmpty();
                assertThat(other.tryExclusive("something else")).isPresent();
                first.get().close();
                java.util.Optional<AutoCloseable> again = other.tryExclusive("full-text pages");
                assertThat(again).isPresent();
                again.get().close();

                // a host's slots are shared by both workers, and freed when a worker's connection ends
                HostLocks mine = store.hostLocks().orElseThrow();
                HostLocks theirs = other.hostLocks().orElseThrow();
                assertThat(mine.tryTake("feeds.example", 2)).hasValue(0);
                assertThat(theirs.tryTake("feeds.example", 2)).hasValue(1);
                assertThat(mine.tryTake("feeds.example", 2)).isEmpty();
                assertThat(theirs.tryTake("other.example", 2)).hasValue(0);
                theirs.close(); // a worker stopping gives its slots back
                assertThat(mine.tryTake("feeds.example", 2)).hasValue(1);
                mine.give("feeds.example", 1);
                HostLocks third = other.hostLocks().orElseThrow();
                assertThat(third.tryTake("feeds.example", 2)).hasValue(1);
                other.close(); // a worker dying: its connections end, and their locks with them
                assertThat(takeWithin(mine, "feeds.example", 2, Duration.ofSeconds(10))).hasValue(1);
                mine.give("feeds.example", 0);
                assertThat(mine.tryTake("feeds.example", 2)).hasValue(0);
                mine.close();
            }
        }
    }

    /**
     * The server frees a closed connection's advisory locks when its backend has seen the
     * disconnect, a moment after the client closed it: retry until then.
     */
    private static java.util.OptionalInt takeWithin(HostLocks locks, String host, int slots, Duration limit)
            throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        java.util.OptionalInt slot = locks.tryTake(host, slots);
        while (slot.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
            slot = locks.tryTake(host, slots);
        }
        return slot;
    }

    private static List<Long> ids(List<Feed> feeds) {
        return feeds.stream().map(Feed::id).toList();
    }
}
