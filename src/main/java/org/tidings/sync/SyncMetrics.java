package org.tidings.sync;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Counters of the daemon since it started, rendered in the Prometheus text exposition format.
 * Thread-safe.
 */
public final class SyncMetrics {
    private final AtomicLong rounds = new AtomicLong();
    private final Map<String, AtomicLong> fetchesByOutcome = new ConcurrentHashMap<>();
    private final AtomicLong newArticles = new AtomicLong();
    private final AtomicLong updatedArticles = new AtomicLong();
    private final AtomicLong feedErrors = new AtomicLong();
    private final AtomicReference<@Nullable Instant> lastRound = new AtomicReference<>();
    private final LongSupplier databaseSize;

    public SyncMetrics(LongSupplier databaseSize) {
        this.databaseSize = databaseSize;
    }

    /** Records a finished round. */
    public void recordRound(SyncSummary summary, Instant finishedAt) {
        rounds.incrementAndGet();
        add("ok", summary.fetched());
        add("not_modified", summary.notModified());
        add("failed", summary.failed());
        newArticles.addAndGet(summary.newArticles());
        updatedArticles.addAndGet(summary.updatedArticles());
        feedErrors.addAndGet(summary.failed());
        lastRound.set(finishedAt);
    }

    private void add(String outcome, long count) {
        fetchesByOutcome.computeIfAbsent(outcome, k -> new AtomicLong()).addAndGet(count);
    }

    public long rounds() {
        return rounds.get();
    }

    public @Nullable Instant lastRound() {
        return lastRound.get();
    }

    /** The Prometheus text format (version 0.0.4). */
    public String render() {
        StringBuilder out = new StringBuilder();
        counter(out, "tidings_sync_rounds_total", "Sync rounds completed.", rounds.get());
        out.append("# HELP tidings_fetches_total Feed fetches by outcome.\n# TYPE tidings_fetches_total counter\n");
        Map<String, AtomicLong> sorted = new TreeMap<>(fetchesByOutcome);
        for (String outcome : new String[] {"ok", "not_modified", "failed"}) {
            sorted.putIfAbsent(outcome, new AtomicLong());
        }
        sorted.forEach((outcome, count) ->
                out.append("tidings_fetches_total{outcome=\"").append(outcome).append("\"} ").append(count.get()).append('\n'));
        counter(out, "tidings_new_articles_total", "Articles seen for the first time.", newArticles.get());
        counter(out, "tidings_updated_articles_total", "Articles whose title or body changed.", updatedArticles.get());
        counter(out, "tidings_feed_errors_total", "Feed fetches that failed.", feedErrors.get());
        out.append("# HELP tidings_database_size_bytes Size of the database file and its WAL.\n")
                .append("# TYPE tidings_database_size_bytes gauge\n")
                .append("tidings_database_size_bytes ").append(databaseSize.getAsLong()).append('\n');
        Instant last = lastRound.get();
        out.append("# HELP tidings_last_round_timestamp_seconds When the last round finished.\n")
                .append("# TYPE tidings_last_round_timestamp_seconds gauge\n")
                .append("tidings_last_round_timestamp_seconds ").append(last == null ? 0 : last.getEpochSecond()).append('\n');
        return out.toString();
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n")
                .append(name).append(' ').append(value).append('\n');
    }
}
