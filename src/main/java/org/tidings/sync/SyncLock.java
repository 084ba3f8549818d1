package org.tidings.sync;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.tidings.store.DatabaseLocation;

/**
 * The two locks beside a SQLite database ({@link ProcessLock}s): {@code <db>.sync.lock}, held for
 * one sync round so {@code tidings sync} and a daemon's round never run at once, and {@code
 * <db>.daemon.lock}, held by a daemon for its whole life (one daemon per database). SQLite has one
 * writer per file, so a second worker on it would only wait for the first: the locks keep one
 * sync at a time, as leases alone would also allow but to no gain.
 *
 * <p>On a server database (PostgreSQL) a file protects nothing and there is nothing to protect:
 * any number of syncs and daemons, on any machines, share the due feeds through leases ({@link
 * SyncWorker}) and the hosts' limits through advisory locks ({@link SharedHostLimits}); the
 * methods taking a {@link DatabaseLocation} give no lock there, and {@code status} lists the
 * workers from the database instead of a daemon's pid.
 */
public final class SyncLock {
    /** How long a daemon's round waits for a manual sync before skipping its turn. */
    public static final Duration ROUND_WAIT = Duration.ofMinutes(10);
    /** How long {@code tidings sync} waits for a daemon's round before giving up. */
    public static final Duration COMMAND_WAIT = Duration.ofMinutes(30);

    private SyncLock() {}

    /**
     * The round lock of {@code db}: {@link #round(Path, Duration, Runnable)} beside a SQLite file;
     * nothing to hold on a server database.
     */
    public static Optional<AutoCloseable> round(DatabaseLocation db, Duration timeout, Runnable waiting)
            throws IOException, InterruptedException {
        if (db.isPostgres()) {
            return Optional.of(() -> { });
        }
        return round(db.file(), timeout, waiting).map(lock -> lock);
    }

    /** The daemon lock of {@code db}: {@link #daemon(Path)} beside a SQLite file; none on a server database. */
    public static AutoCloseable daemon(DatabaseLocation db) throws IOException {
        return db.isPostgres() ? () -> { } : daemon(db.file());
    }

    /** The pid of the daemon running on a SQLite {@code db}; always empty on a server database. */
    public static Optional<Long> daemonPid(DatabaseLocation db) {
        return db.isPostgres() ? Optional.empty() : daemonPid(db.file());
    }

    /** The lock file of {@code kind} ("sync" or "daemon") beside database {@code db}. */
    public static Path file(Path db, String kind) {
        return Path.of(db.toAbsolutePath() + "." + kind + ".lock");
    }

    /**
     * Takes the sync lock of {@code db}: at once when it is free, otherwise after calling {@code
     * waiting} once and waiting up to {@code timeout}. Empty when it stayed taken.
     */
    public static Optional<ProcessLock> round(Path db, Duration timeout, Runnable waiting)
            throws IOException, InterruptedException {
        Path file = file(db, "sync");
        Optional<ProcessLock> lock = ProcessLock.tryAcquire(file);
        if (lock.isPresent()) {
            return lock;
        }
        waiting.run();
        return ProcessLock.acquire(file, timeout);
    }

    /**
     * Takes the daemon lock of {@code db}; when another daemon holds it, throws
     * IllegalStateException naming its pid.
     */
    public static ProcessLock daemon(Path db) throws IOException {
        Path file = file(db, "daemon");
        Optional<ProcessLock> lock = ProcessLock.tryAcquire(file);
        if (lock.isEmpty()) {
            String pid = ProcessLock.holder(file).map(p -> " (pid " + p + ")").orElse("");
            throw new IllegalStateException("another tidings daemon" + pid + " is already running on " + db);
        }
        return lock.get();
    }

    /** The pid of the daemon running on {@code db}, if one is. */
    public static Optional<Long> daemonPid(Path db) {
        Path lock = file(db, "daemon");
        if (!java.nio.file.Files.exists(lock)) {
            return Optional.empty();
        }
        try {
            Optional<ProcessLock> free = ProcessLock.tryAcquire(lock);
            if (free.isPresent()) {
                free.get().close();
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return ProcessLock.holder(lock);
    }
}
