package org.tidings.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tidings.store.DatabaseCopy;
import org.tidings.store.DatabaseLocation;
import org.tidings.store.Store;
import org.tidings.store.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tidings db copy FROM TO}: copies a whole database into a new or empty one, for example
 * from the embedded SQLite file to PostgreSQL. Progress goes to stderr, the summary to stdout.
 */
@Command(
        name = "copy",
        mixinStandardHelpOptions = true,
        description = "Copy a whole database (feeds, folders, articles, topics, stories, read and starred state, API users,"
                + " rules and full-text state) into a new or empty one. FROM and TO are SQLite files or PostgreSQL URLs,"
                + " as --db takes them; FROM is migrated to the newest schema first, and so is TO.")
final class DbCopyCommand implements Callable<Integer> {
    /** Big tables report their progress every this many rows. */
    private static final long PROGRESS_ROWS = 50_000;

    @ParentCommand DbCommand db;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FROM", description = "The database to copy.") String from;

    @Parameters(index = "1", paramLabel = "TO", description = "A new or empty database to copy into.") String to;

    @Override
    public Integer call() {
        DatabaseLocation source = location(from, "FROM");
        DatabaseLocation target = location(to, "TO");
        if (source.equals(target) || (!source.isPostgres() && !target.isPostgres() && sameFile(source.file(), target.file()))) {
            throw new ParameterException(spec.commandLine(), "FROM and TO are the same database: " + source.display());
        }
        if (!source.isPostgres() && (!Files.isRegularFile(source.file()) || sizeOf(source.file()) == 0)) {
            throw new ParameterException(spec.commandLine(), "no database at " + source.display() + " (FROM)");
        }
        Path parent = target.isPostgres() ? null : target.file().toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new ParameterException(spec.commandLine(), "no such directory: " + parent + " (for TO); create it first");
        }
        boolean created = !target.isPostgres() && !Files.exists(target.file());
        long started = System.nanoTime();
        DatabaseCopy.Result result;
        try (Store in = Store.open(source, StoreOptions.DEFAULTS)) {
            try (Store out = Store.open(target, StoreOptions.DEFAULTS)) {
                result = DatabaseCopy.copy(in, out, new Progress(spec.commandLine().getErr()));
            } catch (RuntimeException e) {
                if (created) {
                    deleteCreated(target.file());
                }
                throw e;
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "copied %d tables, %s from %s to %s in %.1f s%n", result.tables(),
                org.tidings.model.Messages.count(result.rows(), "row"), source.display(), target.display(),
                (System.nanoTime() - started) / 1e9);
        out.flush();
        return ExitCodes.OK;
    }

    /** FROM or TO as --db takes it; a malformed URL is a usage error (its message holds no password). */
    private DatabaseLocation location(String given, String name) {
        try {
            return DatabaseLocation.parse(given);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage() + " (" + name + ")");
        }
    }

    /** Table by table on stderr. */
    private record Progress(PrintWriter err) implements DatabaseCopy.Listener {
        @Override
        public void copying(String table, long rows) {
            if (rows % PROGRESS_ROWS == 0) {
                err.printf(Locale.ROOT, "  %s: %d rows...%n", table, rows);
                err.flush();
            }
        }

        @Override
        public void copied(String table, long rows) {
            err.printf(Locale.ROOT, "copied %s: %d row%s%n", table, rows, rows == 1 ? "" : "s");
            err.flush();
        }

        @Override
        public void finishing() {
            err.println("making ids, counts and the search index...");
            err.flush();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** A target file this command made, removed again when the copy failed (with its -wal and -shm). */
    private static void deleteCreated(Path target) {
        for (String suffix : List.of("", "-wal", "-shm")) {
            try {
                Files.deleteIfExists(target.resolveSibling(target.getFileName() + suffix));
            } catch (IOException e) {
                // left behind, empty: a later copy into it works
            }
        }
    }
}
