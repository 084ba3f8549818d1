package org.tidings.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tidings.store.DatabaseLocation;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.tidings.api.ApiServer;
import org.tidings.api.Fever;
import org.tidings.api.GoogleReader;
import org.tidings.cli.Config.Key;
import org.tidings.model.Messages;
import org.tidings.sync.Daemon;
import org.tidings.sync.EventLog;
import org.tidings.sync.FeedOutcome;
import org.tidings.sync.ProcessLock;
import org.tidings.sync.SyncLock;
import org.tidings.sync.SyncMetrics;
import org.tidings.sync.SyncSummary;
import org.tidings.sync.Syncer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import sun.misc.Signal;

/**
 * {@code tidings daemon}: syncs each feed at its own next-poll time until stopped. SIGTERM or
 * SIGINT stops it: no new round starts, fetches in flight get a few seconds and are then
 * abandoned, and it exits 0. One daemon per database (a lock beside the database file); {@code
 * tidings sync} run meanwhile waits for the daemon's current round and then runs its own.
 */
@Command(
        name = "daemon",
        mixinStandardHelpOptions = true,
        description = {
            "Run until stopped, syncing each feed when it is due (for servers).",
            "Logs each round that was due, one line when nothing is due, and each feed error on stderr."
        })
final class DaemonCommand implements java.util.concurrent.Callable<Integer> {
    /** How long fetches in flight may go on after a stop is asked for. */
    static final Duration GRACE = Duration.ofSeconds(3);
    /** How long closing may take after the loop ended (connections to servers that hang are dropped). */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(1);

    @ParentCommand TidingsCommand top;

    @Option(names = "--http", paramLabel = "HOST:PORT",
            description = {"Serve /health, /metrics and the Google Reader API (/api/greader, once an api-user exists) here",
                    "(default: daemon.http from the config; loopback when no host is given)."})
    @Nullable String http;

    @Option(names = "--log-format", paramLabel = "text|json", description = "Log line format (default: daemon.log_format, text).")
    @Nullable String logFormat;

    @Option(names = "--tick", paramLabel = "DURATION", description = "How often to look for due feeds (default: daemon.tick, 30s).")
    @Nullable String tick;

    @Override
    public Integer call() throws Exception {
        DatabaseLocation db = top.databaseLocation();
        if (http != null) {
            HttpAddress.parse(http); // a typo is reported before anything starts
        }
        top.ensureDatabaseDirectory(db);
        // one daemon per SQLite file; any number on PostgreSQL (leases share the due feeds)
        try (AutoCloseable held = SyncLock.daemon(db)) {
            Services services = Services.open(top);
            try {
                return run(db, services);
            } finally {
                closeWithin(services, CLOSE_WAIT);
            }
        }
    }

    /**
     * Closes the services, waiting at most {@code limit}: the syncer and the database close at
     * once, but the HTTP client's close waits for connections still open to servers that hang
     * (abandoned fetches), and a stopping daemon must not wait for them. The JVM exit that
     * follows drops them.
     */
    private static void closeWithin(Services services, Duration limit) throws InterruptedException {
        Thread closer = new Thread(() -> {
            try {
                services.close();
            } catch (Exception e) {
                System.getLogger(DaemonCommand.class.getName()).log(System.Logger.Level.WARNING, "closing failed", e);
            }
        }, "tidings-close");
        closer.setDaemon(true);
        closer.start();
        closer.join(limit.toMillis());
    }

    private Integer run(DatabaseLocation db, Services services) throws Exception {
        {
            Config config = services.config;
            InstantSource clock = services.clock;
            EventLog log = new EventLog(System.err,
                    EventLog.Format.parse(logFormat != null ? logFormat : config.string(Key.DAEMON_LOG_FORMAT)), clock);
            Duration every = tick != null ? tickOption(tick) : config.duration(Key.DAEMON_INTERVAL);
            SyncMetrics metrics = new SyncMetrics(() -> db.isPostgres() ? 0 : size(db.file()) + size(Path.of(db.file() + "-wal")));
            Syncer syncer = services.syncer("daemon");
            Syncer.Listener listener = new Syncer.Listener() {
                @Override
                public void notice(String line) {
                    log.info(line);
                }

                @Override
                public void finished(FeedOutcome outcome, int done, int total) {
                    if (outcome.status() == FeedOutcome.Status.FAILED) {
                        log.feedError(outcome.feed().url(), String.valueOf(outcome.error()));
                    }
                }
            };
            Daemon daemon = new Daemon(() -> round(db, services.store, syncer, listener), log, metrics, clock, every);

            ScheduledExecutorService stopper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "tidings-stop");
                thread.setDaemon(true);
                return thread;
            });
            Runnable stop = () -> {
                if (!daemon.isStopping()) {
                    log.info("stopping: finishing fetches in flight (at most " + GRACE.toSeconds() + "s)");
                    daemon.stop();
                    try {
                        stopper.schedule(syncer::cancelInFlight, GRACE.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (java.util.concurrent.RejectedExecutionException alreadyStopped) {
                        // the loop ended between the signal and now: nothing left in flight
                    }
                }
            };
            String address = http != null ? http : config.optional(Key.DAEMON_HTTP);
            ApiServer status = null;
            if (address != null) {
                HttpAddress where = HttpAddress.parse(address);
                ApiServer.Health health = new ApiServer.Health(metrics, clock, clock.instant(),
                        every.multipliedBy(3).plus(config.duration(Key.FETCH_REQUEST_TIMEOUT)));
                GoogleReader reader = new GoogleReader(services.store, clock, GoogleReader.FAILURE_DELAY);
                try {
                    status = ApiServer.start(where.socketAddress(), health, reader,
                            new Fever(services.store, clock, GoogleReader.FAILURE_DELAY));
                } catch (Exception e) {
                    throw where.cannotServe(e);
                }
                String base = "http://" + status.address().getHostString() + ":" + status.address().getPort();
                log.info("serving /health and /metrics on " + base + "; Google Reader API at " + base + ApiServer.BASE
                        + (reader.enabled() ? "" : " (off until 'tidings api-user add NAME')"));
            }
            Signal.handle(new Signal("TERM"), signal -> stop.run());
            Signal.handle(new Signal("INT"), signal -> stop.run());

            log.info("daemon started on " + db + " (tick " + every.toSeconds() + "s, pid " + ProcessHandle.current().pid() + ")");
            if (services.store.feeds().list().isEmpty()) {
                log.info(FeedsCommand.NO_FEEDS + " (the daemon picks new feeds up on its next round)");
            }
            try {
                daemon.run();
            } finally {
                if (status != null) {
                    status.close();
                }
                stopper.shutdownNow();
            }
            log.info("stopped after " + Messages.count(metrics.rounds(), "round"));
            return ExitCodes.OK;
        }
    }

    /** One round, holding the sync lock so a concurrent {@code tidings sync} waits its turn. */
    private static SyncSummary round(DatabaseLocation location, org.tidings.store.Store store, Syncer syncer,
            Syncer.Listener listener) throws Exception {
        Optional<AutoCloseable> lock = SyncLock.round(location, SyncLock.ROUND_WAIT, () -> { });
        if (lock.isEmpty()) {
            return SyncSummary.EMPTY;
        }
        try (AutoCloseable held = lock.get()) {
            if (!location.isPostgres()) {
                // the file lock says no other worker is alive: leases left are a killed sync's
                store.leases().clearAll();
            }
            return syncer.syncDue(listener, false);
        }
    }

    private static Duration tickOption(String text) {
        try {
            return Config.parseDuration(text);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--tick " + text + ": " + Messages.of(e));
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
