package org.tidings.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's loop: every tick it runs a round over the feeds that are due, logs one line for
 * it and counts it in the metrics. A round that throws (network outage, full disk, a locked
 * database) is logged and retried after a growing pause; nothing but {@link #stop()} ends the
 * loop.
 */
public final class Daemon {

    /** Runs one sync round over the feeds due now. */
    @FunctionalInterface
    public interface Rounds {
        SyncSummary runDue() throws Exception;
    }

    private final Rounds rounds;
    private final EventLog log;
    private final SyncMetrics metrics;
    private final InstantSource clock;
    private final Duration tick;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile boolean stopping;
    private boolean idleSaid;

    public Daemon(Rounds rounds, EventLog log, SyncMetrics metrics, InstantSource clock, Duration tick) {
        this.rounds = Objects.requireNonNull(rounds, "rounds");
        this.log = Objects.requireNonNull(log, "log");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tick = Objects.requireNonNull(tick, "tick");
    }

    /** Loops until {@link #stop()}; returns once the round in progress has finished. */
    public void run() {
        Duration pause = tick;
        while (!stopping) {
            try {
                SyncSummary summary = rounds.runDue();
                Instant finished = clock.instant();
                metrics.recordRound(summary, finished);
                if (summary.due() > 0) {
                    log.round(summary);
                    idleSaid = false;
                } else if (!idleSaid) {
                    // once per quiet spell, not every tick
                    log.info("nothing due; checking every " + tick.toSeconds() + "s (later quiet rounds are not logged)");
                    idleSaid = true;
                }
                pause = tick;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception | OutOfMemoryError e) {
                String message = org.tidings.model.Messages.of(e);
                log.info("round failed, retrying in " + pause.toSeconds() + "s: " + EventLog.safe(message));
                pause = pause.multipliedBy(2).compareTo(Duration.ofMinutes(10)) > 0 ? Duration.ofMinutes(10) : pause.multipliedBy(2);
            }
            try {
                if (stopRequested.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    /** Asks the loop to end: no new round starts. Safe to call from a signal handler. */
    public void stop() {
        stopping = true;
        stopRequested.countDown();
    }

    public boolean isStopping() {
        return stopping;
    }
}
