package org.tidings.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.tidings.model.Feed;

/**
 * Leases on feeds, so any number of sync workers (processes, on one machine or several) share the
 * due feeds of one database: a worker claims a batch of due feeds that nobody holds, renews its
 * leases while it works ({@link #heartbeat}), and clears each one in the transaction that records
 * the feed's outcome ({@link #release}). A worker that dies loses its leases when they expire;
 * the feeds are still due, so another worker claims them. Claiming is one statement in a write
 * transaction: SQLite has a single writer, so a plain {@code UPDATE ... WHERE the lease expired}
 * is enough; PostgreSQL adds the dialect's {@code FOR UPDATE SKIP LOCKED}, so concurrent claims
 * never wait for each other nor take the same feed.
 *
 * <p>The workers themselves are rows of {@code workers} with a heartbeat, for {@code status}.
 */
public final class Leases {
    private static final String DUE = "disabled = 0 AND (next_poll_at IS NULL OR next_poll_at <= :now)";
    private static final String FREE = "(lease_until IS NULL OR lease_until <= :now)";

    private final Jdbi jdbi;
    private final Dialect dialect;

    Leases(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    /**
     * A worker working on the database, as {@code status} shows it: {@code lease} is how long its
     * leases last unless renewed; it renews them (and its heartbeat) every third of that.
     */
    public record Worker(String id, String host, long pid, String kind, Instant startedAt, Instant heartbeatAt,
            long feedsDone, int leases, Duration lease) {
        /** How often a live worker beats: a third of its lease (see sync.SyncWorker). */
        public Duration renewalInterval() {
            return lease.dividedBy(3);
        }

        /**
         * True when the worker has missed two heartbeats at {@code now}: it was killed or lost its
         * connection (a worker that stops removes its row), and its leases run out unrenewed.
         */
        public boolean lost(Instant now) {
            return heartbeatAt.plus(renewalInterval().multipliedBy(2)).isBefore(now);
        }
    }

    /**
     * Records a worker starting, whose leases last {@code lease} unless renewed; rows of workers
     * whose heartbeat is older than three of their leases (long dead) are removed, their leases
     * left to expire.
     */
    public void register(String id, String host, long pid, String kind, Duration lease, Instant now) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM workers WHERE heartbeat_at < :now - 3 * lease_ms")
                    .bind("now", now.toEpochMilli())
                    .execute();
            handle.createUpdate("""
                            INSERT INTO workers (id, host, pid, kind, started_at, heartbeat_at, lease_ms)
                            VALUES (:id, :host, :pid, :kind, :now, :now, :lease)
                            ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at""")
                    .bind("id", id)
                    .bind("host", host)
                    .bind("pid", pid)
                    .bind("kind", kind)
                    .bind("now", now.toEpochMilli())
                    .bind("lease", lease.toMillis())
                    .execute();
        });
    }

    /**
     * The worker is alive: its heartbeat is {@code now} and every lease it holds runs until
     * {@code until}. Returns the number of leases renewed. Two statements, no transaction around
     * them, and rows another transaction has locked are skipped: the worker's own writer holds the
     * rows of the feeds it is recording (and its row of {@code workers}), so a renewal that
     * waited for them while holding others would deadlock with it. A skipped feed is being
     * recorded, which ends its lease anyway; else the next renewal catches it.
     */
    public int heartbeat(String id, Instant now, Instant until) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE workers SET heartbeat_at = :now WHERE id = :id")
                .bind("id", id)
                .bind("now", now.toEpochMilli())
                .execute());
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE feeds SET lease_until = :until WHERE id IN"
                        + " (SELECT id FROM feeds WHERE lease_owner = :id" + dialect.skipLocked() + ")")
                .bind("id", id)
                .bind("until", until.toEpochMilli())
                .execute());
    }

    /** The worker stops: its leases are released at once and its row removed. */
    public void unregister(String id) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = :id")
                    .bind("id", id)
                    .execute();
            handle.createUpdate("DELETE FROM workers WHERE id = :id").bind("id", id).execute();
        });
    }

    /**
     * Clears every lease: for a database where the caller knows no other worker is alive
     * (SQLite, under its file lock, after a sync was killed). Workers' rows stay until stale.
     * Returns the leases cleared.
     */
    public int clearAll() {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL")
                .execute());
    }

    /**
     * Leases up to {@code limit} feeds that are due at {@code now} and held by nobody (or whose
     * lease ended) to {@code owner} until {@code until}; the most overdue first. Returns them.
     */
    public List<Feed> claimDue(String owner, Instant now, Instant until, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit < 1: " + limit);
        }
        return jdbi.inTransaction(handle -> claim(handle, owner, until, """
                        SELECT id FROM feeds
                         WHERE %s AND %s
                         ORDER BY next_poll_at IS NOT NULL, next_poll_at, id
                         LIMIT :limit%s""".formatted(DUE, FREE, dialect.skipLocked()),
                now, query -> query.bind("limit", limit)));
    }

    /**
     * Leases the feeds among {@code ids} that nobody holds, whatever their schedule
     * ({@code sync --all}, {@code sync --feed}). Returns them; a feed another worker holds is left
     * out.
     */
    public List<Feed> claim(String owner, Collection<Long> ids, Instant now, Instant until) {
        List<Feed> claimed = new ArrayList<>();
        for (List<Long> chunk : Articles.chunks(List.copyOf(ids))) {
            claimed.addAll(jdbi.inTransaction(handle -> claim(handle, owner, until, """
                            SELECT id FROM feeds
                             WHERE id IN (<ids>) AND %s
                             ORDER BY id%s""".formatted(FREE, dialect.skipLocked()),
                    now, query -> query.bindList("ids", chunk))));
        }
        return claimed;
    }

    private List<Feed> claim(Handle handle, String owner, Instant until, String candidates, Instant now,
            java.util.function.UnaryOperator<org.jdbi.v3.core.statement.Query> bind) {
        Objects.requireNonNull(owner, "owner");
        List<Long> ids = bind.apply(handle.createQuery("UPDATE feeds SET lease_owner = :owner, lease_until = :until"
                                + " WHERE id IN (" + candidates + ") RETURNING id")
                        .bind("owner", owner)
                        .bind("until", until.toEpochMilli())
                        .bind("now", now.toEpochMilli()))
                .mapTo(Long.class)
                .list();
        if (ids.isEmpty()) {
            return List.of();
        }
        return handle.createQuery("SELECT " + Rows.FEED_COLUMNS + " FROM " + Rows.FEED_FROM
                        + " WHERE f.id IN (<ids>) ORDER BY f.next_poll_at IS NOT NULL, f.next_poll_at, f.id")
                .bindList("ids", ids)
                .map(Rows.FEED)
                .list();
    }

    /**
     * Clears {@code owner}'s lease on the feed and counts it done; called in the transaction
     * that records the feed's outcome, so both are kept or neither. False when the lease was no
     * longer the owner's (it expired and another worker took the feed).
     */
    public boolean release(long feedId, String owner) {
        return jdbi.withHandle(handle -> {
            int released = handle.createUpdate(
                            "UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE id = :id AND lease_owner = :owner")
                    .bind("id", feedId)
                    .bind("owner", owner)
                    .execute();
            handle.createUpdate("UPDATE workers SET feeds_done = feeds_done + 1 WHERE id = :owner")
                    .bind("owner", owner)
                    .execute();
            return released > 0;
        });
    }

    /** How many feeds are due at {@code now}, held or not. */
    public int countDue(Instant now) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM feeds WHERE " + DUE)
                .bind("now", now.toEpochMilli())
                .mapTo(Integer.class)
                .one());
    }

    /**
     * When feeds due at {@code now} are held by other workers than {@code owner}: the earliest of
     * their leases' ends (they are either recorded by then, or taken over). Empty when none is.
     */
    public Optional<Instant> heldByOthers(String owner, Instant now) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT min(lease_until) FROM feeds WHERE " + DUE
                        + " AND lease_until > :now AND lease_owner <> :owner")
                .bind("now", now.toEpochMilli())
                .bind("owner", owner)
                .mapTo(Long.class)
                .findOne()
                .map(Instant::ofEpochMilli));
    }

    /** The workers registered, with the number of leases each holds; the oldest first. */
    public List<Worker> workers() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT w.id, w.host, w.pid, w.kind, w.started_at, w.heartbeat_at, w.feeds_done, w.lease_ms,
                               (SELECT count(*) FROM feeds f WHERE f.lease_owner = w.id) AS leases
                          FROM workers w
                         ORDER BY w.started_at, w.id""")
                .map((rs, ctx) -> new Worker(rs.getString("id"), rs.getString("host"), rs.getLong("pid"),
                        rs.getString("kind"), Instant.ofEpochMilli(rs.getLong("started_at")),
                        Instant.ofEpochMilli(rs.getLong("heartbeat_at")), rs.getLong("feeds_done"), rs.getInt("leases"),
                        Duration.ofMillis(rs.getLong("lease_ms"))))
                .list());
    }
}
