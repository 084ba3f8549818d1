package org.tidings.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.tidings.model.Feed;
import org.tidings.store.Leases;
import org.tidings.store.Store;

/**
 * This process as one of the sync workers of a database (several {@code tidings sync} and {@code
 * tidings daemon} processes, on one machine or several, share the due feeds through {@link
 * Leases}). It registers itself on its first claim, renews its leases and heartbeat every third
 * of the lease from a thread of its own, and releases what it still holds when closed.
 *
 * <p>The lease (default {@link #DEFAULT_LEASE}, {@code sync.lease} / {@code TIDINGS_SYNC_LEASE})
 * is only how long a dead worker's feeds wait before another worker takes them over: a live
 * worker renews its leases however slow its fetches are, so two minutes is ample (a fetch is
 * bounded by {@code fetch.request_timeout}, 60 s by default, and the renewal runs every 40 s).
 */
public final class SyncWorker implements AutoCloseable {
    /** How long a lease lasts unless renewed. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);

    private static final System.Logger LOG = System.getLogger(SyncWorker.class.getName());

    private final Leases leases;
    private final String kind;
    private final Duration lease;
    private final InstantSource clock;
    private final String id;
    private final String host;
    private ScheduledExecutorService heartbeat;
    private volatile boolean heartbeatFailing;

    /**
     * @param kind what the worker is, for {@code status}: "sync" or "daemon"
     * @param lease how long its leases last unless renewed
     */
    public SyncWorker(Store store, String kind, Duration lease, InstantSource clock) {
        this.leases = Objects.requireNonNull(store, "store").leases();
        this.kind = Objects.requireNonNull(kind, "kind");
        this.lease = Objects.requireNonNull(lease, "lease");
        if (lease.toMillis() < 300) {
            throw new IllegalArgumentException("lease too short: " + lease);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.host = hostName();
        this.id = host + "-" + ProcessHandle.current().pid() + "-"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | SecurityException e) {
            return "localhost";
        }
    }

    /** This worker's id: host, pid and a random part. */
    public String id() {
        return id;
    }

    public Duration lease() {
        return lease;
    }

    /** Registers this worker (once) and starts renewing its leases. */
    private synchronized void start() {
        if (heartbeat != null) {
            return;
        }
        Instant now = clock.instant();
        leases.register(id, host, ProcessHandle.current().pid(), kind, lease, now);
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tidings-lease");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(100, lease.toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    private void renew() {
        try {
            Instant now = clock.instant();
            leases.heartbeat(id, now, now.plus(lease));
            if (heartbeatFailing) {
                LOG.log(System.Logger.Level.INFO, "leases renewed again");
            }
            heartbeatFailing = false;
        } catch (RuntimeException e) {
            if (!heartbeatFailing) {
                // once per outage: the leases may expire meanwhile, and other workers take the feeds
                LOG.log(System.Logger.Level.WARNING, "cannot renew leases: " + org.tidings.model.Messages.of(e));
            }
            heartbeatFailing = true;
        }
    }

    /** Leases up to {@code limit} due feeds nobody holds. */
    List<Feed> claimDue(int limit) {
        start();
        Instant now = clock.instant();
        return leases.claimDue(id, now, now.plus(lease), limit);
    }

    /** Leases those of {@code feeds} nobody holds (a manual sync of chosen feeds). */
    List<Feed> claim(List<Feed> feeds) {
        if (feeds.isEmpty()) {
            return List.of();
        }
        start();
        Instant now = clock.instant();
        return leases.claim(id, feeds.stream().map(Feed::id).toList(), now, now.plus(lease));
    }

    /** Releases the feed's lease; called inside the transaction recording its outcome. */
    void release(long feedId) {
        leases.release(feedId, id);
    }

    /** How many feeds are due now, held or not. */
    int countDue() {
        return leases.countDue(clock.instant());
    }

    /** The earliest end of the leases other workers hold on due feeds; empty when they hold none. */
    Optional<Instant> heldByOthers() {
        return leases.heldByOthers(id, clock.instant());
    }

    /** Stops renewing and releases every lease still held (a stopped round's feeds stay due). */
    @Override
    public synchronized void close() {
        if (heartbeat == null) {
            return;
        }
        heartbeat.shutdownNow();
        heartbeat = null;
        try {
            leases.unregister(id);
        } catch (RuntimeException e) {
            // the database is gone: the leases expire by themselves
            LOG.log(System.Logger.Level.WARNING, "cannot release leases: " + org.tidings.model.Messages.of(e));
        }
    }
}
