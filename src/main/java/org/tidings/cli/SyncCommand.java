package org.tidings.cli;

import org.tidings.tui.TerminalText;
import java.io.PrintStream;
import java.nio.file.Path;
import org.tidings.store.DatabaseLocation;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Feed;
import org.tidings.sync.EventLog;
import org.tidings.sync.FeedOutcome;
import org.tidings.sync.ProcessLock;
import org.tidings.sync.SyncLock;
import org.tidings.sync.SyncSummary;
import org.tidings.sync.FullTextFetcher;
import org.tidings.sync.Syncer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tidings sync}: fetches the feeds that are due once and exits (for cron). On a terminal it
 * draws a progress bar on stderr; otherwise it prints only log lines (errors) and the summary.
 */
@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        description = {
            "Fetch every feed that is due, once, and store new articles.",
            "Ends with one summary line; exit code 0 when every feed succeeded, 1 when some failed."
        })
final class SyncCommand implements Callable<Integer> {
    @ParentCommand TidingsCommand top;
    @Spec CommandSpec spec;

    @Option(names = "--all", description = "Fetch every enabled feed, whatever its schedule.")
    boolean all;

    @Option(names = "--feed", paramLabel = "URL|ID", description = "Fetch this one feed now.")
    @Nullable String feed;

    @Option(names = "--log-format", paramLabel = "text|json", description = "Format of log lines on stderr (default: text).")
    String logFormat = "text";

    @Option(names = "--quiet", description = "No progress bar and no summary; errors only.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        EventLog log = new EventLog(err, EventLog.Format.parse(logFormat), Services.clock());
        DatabaseLocation location = top.databaseLocation();
        top.ensureDatabaseDirectory(location);
        // a file lock beside a SQLite database; nothing on PostgreSQL, where leases share the feeds
        Optional<AutoCloseable> lock = SyncLock.round(location, SyncLock.COMMAND_WAIT,
                () -> log.info("waiting for another sync of " + location.display() + " to finish (a daemon's round?)"));
        if (lock.isEmpty()) {
            throw new IllegalStateException("gave up waiting for the other sync of " + location.display());
        }
        try (AutoCloseable held = lock.get(); Services services = Services.open(top)) {
            if (!location.isPostgres()) {
                // the file lock says no other worker is alive: leases left are a killed sync's
                services.store.leases().clearAll();
            }
            boolean terminal = System.console() != null && !quiet && System.getenv("TERM") != null
                    && !"dumb".equals(System.getenv("TERM"));
            Syncer syncer = services.syncer();
            ProgressBar bar = terminal ? new ProgressBar(err) : null;
            java.util.concurrent.atomic.AtomicReference<String> pageLine = new java.util.concurrent.atomic.AtomicReference<>();
            Syncer.Listener listener = new Syncer.Listener() {
                @Override
                public void notice(String line) {
                    log.info(line);
                }

                @Override
                public void started(int total) {
                    if (bar != null) {
                        bar.update(0, total, "");
                    }
                }

                @Override
                public void finished(FeedOutcome outcome, int done, int total) {
                    if (outcome.status() == FeedOutcome.Status.FAILED) {
                        if (bar != null) {
                            bar.clear();
                        }
                        log.feedError(outcome.feed().url(), String.valueOf(outcome.error()));
                    }
                    if (bar != null) {
                        bar.update(done, total, outcome.feed().title());
                    }
                }

                @Override
                public void pagesFinished(FullTextFetcher.Summary pages) {
                    pageLine.set(String.format("full text: %d pages, %d extracted, %d failed%s", pages.pages(),
                            pages.extracted(), pages.failed(), pages.left() > 0 ? ", " + pages.left() + " still queued" : ""));
                }
            };
            // Due feeds are claimed in batches, shared with the other workers on the database.
            SyncSummary summary = feed == null && !all ? syncer.syncDue(listener) : syncer.sync(select(services), listener);
            if (bar != null) {
                bar.clear();
            }
            if (!quiet) {
                if ("json".equals(logFormat)) {
                    log.round(summary);
                } else {
                    java.io.PrintWriter out = spec.commandLine().getOut();
                    out.println(summary.line());
                    if (summary.due() == 0 && feed == null) {
                        out.println(services.store.feeds().list().isEmpty() ? FeedsCommand.NO_FEEDS
                                : "nothing is due yet; 'tidings sync --all' fetches every feed now");
                    }
                    if (pageLine.get() != null) {
                        out.println(pageLine.get());
                    }
                    out.flush();
                }
            }
            return summary.allSucceeded() ? ExitCodes.OK : ExitCodes.PARTIAL;
        }
    }

    private List<Feed> select(Services services) {
        if (feed != null) {
            return List.of(FeedArgument.resolve(services.store, feed));
        }
        return services.store.feeds().list().stream().filter(f -> !f.disabled()).toList();
    }

    /** A one-line progress bar redrawn in place with carriage returns. */
    static final class ProgressBar {
        private static final int WIDTH = 30;
        private final PrintStream out;

        ProgressBar(PrintStream out) {
            this.out = out;
        }

        void update(int done, int total, String current) {
            int filled = total == 0 ? WIDTH : done * WIDTH / total;
            String name = TerminalText.sanitize(current);
            if (name.length() > 36) {
                name = name.substring(0, 35) + "…";
            }
            out.print("\r\u001b[K[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + name);
            out.flush();
        }

        void clear() {
            out.print("\r\u001b[K");
            out.flush();
        }
    }
}
