package org.tidings.cli;

import org.tidings.api.FeedJson;
import org.tidings.tui.TerminalText;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tidings.store.DatabaseLocation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tidings.model.Feed;
import org.tidings.model.FeedSummary;
import org.tidings.store.Leases;
import org.tidings.sync.ProcessLock;
import org.tidings.sync.SyncLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tidings status [--json]}: a quick look for servers. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Last sync, failing feeds, daemon, database size, article and unread counts.")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand TidingsCommand top;
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Services services = Services.open(top)) {
            List<FeedSummary> feeds = services.store.feeds().summaries();
            Instant lastSync = feeds.stream().map(s -> s.feed().health().lastAttemptAt())
                    .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
            List<Feed> failing = feeds.stream().map(FeedSummary::feed)
                    .filter(f -> f.disabled() || f.health().consecutiveFailures() > 0).toList();
            int articles = feeds.stream().mapToInt(FeedSummary::total).sum();
            int unread = services.store.counts().unreadTotal();
            DatabaseLocation location = services.location;
            String db = location.display();
            long size = location.isPostgres() ? 0 : size(location.file()) + size(Path.of(location.file() + "-wal"));
            // a daemon on a SQLite file holds a lock beside it; on PostgreSQL the workers list says it
            Optional<Long> daemon = SyncLock.daemonPid(location);
            List<Leases.Worker> workers = services.store.leases().workers();
            Instant now = services.clock.instant();
            if (json) {
                ObjectNode node = FeedJson.MAPPER.createObjectNode();
                node.put("database", db);
                node.put("database_bytes", size);
                node.put("feeds", feeds.size());
                node.put("articles_in_feeds", articles);
                node.put("unread", unread);
                node.put("last_sync", FeedJson.format(lastSync));
                node.put("daemon_pid", daemon.orElse(null));
                ArrayNode workersNode = node.putArray("workers");
                for (Leases.Worker worker : workers) {
                    ObjectNode w = workersNode.addObject();
                    w.put("id", worker.id());
                    w.put("kind", worker.kind());
                    w.put("host", worker.host());
                    w.put("pid", worker.pid());
                    w.put("started", FeedJson.format(worker.startedAt()));
                    w.put("heartbeat", FeedJson.format(worker.heartbeatAt()));
                    w.put("feeds_done", worker.feedsDone());
                    w.put("leases", worker.leases());
                    w.put("lost", worker.lost(now));
                }
                ArrayNode failingNode = node.putArray("failing");
                for (Feed feed : failing) {
                    ObjectNode f = failingNode.addObject();
                    f.put("id", feed.id());
                    f.put("url", feed.url());
                    f.put("error", feed.disabled() ? feed.disabledReason() : feed.health().lastError());
                    f.put("consecutive_failures", feed.health().consecutiveFailures());
                    f.put("disabled", feed.disabled());
                }
                out.println(FeedJson.write(node));
            } else {
                out.printf(location.isPostgres() ? "database:  %s%n" : "database:  %s (%.1f MB)%n", db, size / 1e6);
                if (!location.isPostgres()) {
                    out.printf("daemon:    %s%n", daemon.map(pid -> "running (pid " + pid + ")").orElse("not running"));
                } else if (workers.isEmpty()) {
                    out.printf("workers:   none running%n");
                }
                for (Leases.Worker worker : workers) {
                    // a worker that missed two heartbeats was killed or cut off: its leases run out
                    out.printf("worker:    %s %s (pid %d on %s), %d feeds done, %d leased, %s %s%n", worker.kind(),
                            TerminalText.sanitize(worker.id()), worker.pid(), TerminalText.sanitize(worker.host()),
                            worker.feedsDone(), worker.leases(), worker.lost(now) ? "LOST: no heartbeat since" : "heartbeat",
                            FeedJson.format(worker.heartbeatAt()));
                }
                out.printf("last sync: %s%n", lastSync == null ? "never" : FeedJson.format(lastSync));
                out.printf("feeds:     %d (%d failing)%n", feeds.size(), failing.size());
                out.printf("unread:    %d%n", unread);
                for (Feed feed : failing) {
                    out.printf("  failing #%d %s: %s%n", feed.id(), TerminalText.sanitize(feed.url()),
                            TerminalText.sanitize(String.valueOf(feed.disabled() ? feed.disabledReason() : feed.health().lastError())));
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
