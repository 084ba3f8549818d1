package org.tidings.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.tidings.fetch.FetchRequest;
import org.tidings.fetch.FetchResult;
import org.tidings.fetch.Fetcher;
import java.util.function.Function;
import org.tidings.model.ArticleFacts;
import org.tidings.model.Curation;
import org.tidings.model.Feed;
import org.tidings.parse.FeedParser;
import org.tidings.store.PreparedFeed;
import org.tidings.store.Store;

/**
 * One sync round: fetches the given feeds (the fetcher enforces the global and per-host limits),
 * parses each new body and prepares it for storing ({@link PreparedFeed}) on a small pool of
 * parser threads, and writes every outcome through one
 * writer thread, so SQLite sees a single writer; the writer records the outcomes waiting for it
 * together, up to {@link #MAX_GROUP} feeds per transaction (group commit). At most {@link
 * #MAX_IN_FLIGHT} feeds are between fetch and write, fetches start only while fewer than {@link
 * #MAX_UNPARSED} fetched bodies wait for a parser, and {@link #MAX_PARSED} parsed documents
 * wait in memory. A feed that fails,
 * whatever the reason, is recorded with its error and backoff; it never stops the others.
 */
public final class Syncer implements AutoCloseable {

    /** Progress of a round, for progress bars and logs. Called from the writer thread. */
    public interface Listener {
        default void started(int feeds) {}

        default void finished(FeedOutcome outcome, int done, int total) {}

        /** After the feeds: the pages of new full-text articles (only when there were any). */
        default void pagesFinished(FullTextFetcher.Summary pages) {}

        /** A one-line notice for the log (the database connection lost and being retried). */
        default void notice(String line) {
            System.err.println(line);
        }
    }

    /**
     * What a round does besides storing feeds (docs/RULES.md, docs/FULLTEXT.md).
     *
     * @param rules what to do with each new article (hide, read, star, topics)
     * @param pages fetches the pages of new full-text articles after the feeds; null: none
     */
    public record Extras(Function<ArticleFacts, Curation> rules, @Nullable FullTextFetcher pages) {
        public static final Extras NONE = new Extras(Store.NO_RULES, null);

        public Extras {
            Objects.requireNonNull(rules, "rules");
        }
    }

    /** Feeds fetched, parsed or waiting to be written at once; fetches beyond wait to start. */
    static final int MAX_IN_FLIGHT = 128;
    /** Parsed documents held in memory at once, waiting for the writer. */
    static final int MAX_PARSED = 32;
    /**
     * Fetched bodies waiting for a parser thread at most before another fetch starts: with the
     * fetches in flight, the bodies held in memory while parsing (or the writer) is the slower side.
     */
    static final int MAX_UNPARSED = 16;
    /** Feeds recorded per write transaction at most. */
    static final int MAX_GROUP = 32;

    /** Due feeds leased per claim. */
    static final int CLAIM_BATCH = 64;
    /** How often a round that has nothing left to claim looks at the due feeds other workers hold. */
    static final Duration OTHERS_POLL = Duration.ofMillis(500);
    /** How long database calls are retried while the connection is lost, before the round fails. */
    static final Duration RECONNECT_FOR = Duration.ofMinutes(2);

    /** Permanent redirects are adopted after this many consecutive sightings. */
    static final int REDIRECT_CONFIRMATIONS = 2;

    private final Store store;
    private final Fetcher fetcher;
    private final InstantSource clock;
    private final ExecutorService parsers;
    private final ExecutorService writer;
    private final Extras extras;
    private final SyncWorker worker;
    private final OutcomeRecorder recorder;
    private final DocumentParsing parsing;
    private final List<CompletableFuture<?>> inFlight = new ArrayList<>();
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    /** Feeds between the start of their fetch and their write: bounds the bodies held in memory. */
    private final Semaphore pipeline = new Semaphore(MAX_IN_FLIGHT);
    /** Fetched bodies not yet taken by a parser thread; new fetches wait while there are MAX_UNPARSED. */
    private final AtomicInteger unparsed = new AtomicInteger();
    private final Object parserRoom = new Object();
    private volatile boolean closed;
    /** The listener of the round running, for notices from the writer thread. */
    private volatile Listener current = new Listener() {};

    public Syncer(
            Store store, Fetcher fetcher, FeedParser parser, PollScheduler scheduler, Backoff backoff, InstantSource clock) {
        this(store, fetcher, parser, scheduler, backoff, clock, Extras.NONE);
    }

    public Syncer(Store store, Fetcher fetcher, FeedParser parser, PollScheduler scheduler, Backoff backoff,
            InstantSource clock, Extras extras) {
        this(store, fetcher, parser, scheduler, backoff, clock, extras, new SyncWorker(store, "sync", SyncWorker.DEFAULT_LEASE, clock));
    }

    /** A syncer claiming feeds as {@code worker} (its leases are released when the syncer closes). */
    public Syncer(Store store, Fetcher fetcher, FeedParser parser, PollScheduler scheduler, Backoff backoff,
            InstantSource clock, Extras extras, SyncWorker worker) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.extras = Objects.requireNonNull(extras, "extras");
        this.store = Objects.requireNonNull(store, "store");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.clock = Objects.requireNonNull(clock, "clock");
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.parsers = Executors.newFixedThreadPool(cores, daemonThreads("tidings-parse"));
        this.writer = Executors.newSingleThreadExecutor(daemonThreads("tidings-store"));
        this.recorder = new OutcomeRecorder(store, scheduler, backoff, clock, worker, extras.rules());
        this.parsing = new DocumentParsing(store, parser, MAX_PARSED);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Syncs every enabled feed that is due now and that no other worker holds, claiming them in
     * batches ({@link SyncWorker}); then waits for the due feeds other workers still hold, so the
     * round ends when every due feed was recorded (or taken over from a worker that died).
     */
    public SyncSummary syncDue(Listener listener) throws InterruptedException {
        return syncDue(listener, true);
    }

    /**
     * {@link #syncDue(Listener)}; when {@code waitForOthers} is false (the daemon, which looks
     * again next tick) it returns as soon as it finds nothing left to claim.
     */
    public SyncSummary syncDue(Listener listener, boolean waitForOthers) throws InterruptedException {
        int due = retrying("count the due feeds", worker::countDue);
        return run(() -> retrying("claim due feeds", () -> worker.claimDue(CLAIM_BATCH)), due, listener, waitForOthers);
    }

    /** Syncs the given feeds, whatever their schedule, except those another worker holds now. */
    public SyncSummary sync(List<Feed> feeds, Listener listener) throws InterruptedException {
        List<Feed> claimed = retrying("claim feeds", () -> worker.claim(feeds));
        java.util.Iterator<List<Feed>> once = List.of(claimed).iterator();
        return run(() -> once.hasNext() ? once.next() : List.of(), claimed.size(), listener, false);
    }

    /** The next feeds a round works on, leased to this worker; empty when there are none left. */
    @FunctionalInterface
    private interface Batches {
        List<Feed> next() throws InterruptedException;
    }

    private SyncSummary run(Batches batches, int expected, Listener listener,
            boolean waitForOthers) throws InterruptedException {
        Instant started = clock.instant();
        current = listener;
        listener.started(expected);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger total = new AtomicInteger(expected);
        List<CompletableFuture<FeedOutcome>> futures = new ArrayList<>();
        int fetched = 0;
        int notModified = 0;
        int failed = 0;
        int added = 0;
        int updated = 0;
        try {
            while (!closed) {
                List<Feed> batch = batches.next();
                if (batch.isEmpty()) {
                    if (!waitForOthers || retrying("look for feeds other workers hold", worker::heldByOthers).isEmpty()) {
                        break;
                    }
                    Thread.sleep(OTHERS_POLL.toMillis()); // recorded by them, or their leases end and we take over
                    continue;
                }
                for (Feed feed : batch) {
                    futures.add(submit(feed, listener, done, total, futures.size() + 1));
                }
            }
            for (CompletableFuture<FeedOutcome> future : futures) {
                FeedOutcome outcome;
                try {
                    outcome = future.get();
                } catch (CancellationException | java.util.concurrent.ExecutionException e) {
                    failed++;
                    continue;
                }
                switch (outcome.status()) {
                    case FETCHED -> fetched++;
                    case NOT_MODIFIED -> notModified++;
                    case FAILED -> failed++;
                }
                added += outcome.newArticles();
                updated += outcome.updatedArticles();
            }
        } finally {
            synchronized (inFlight) {
                inFlight.removeAll(futures);
            }
        }
        SyncSummary summary = new SyncSummary(futures.size(), fetched, notModified, failed, added, updated,
                Duration.between(started, clock.instant()));
        fetchPages(listener);
        return summary;
    }

    /** Starts one leased feed through fetch, parse and write; waits while the pipeline is full. */
    private CompletableFuture<FeedOutcome> submit(Feed feed, Listener listener, AtomicInteger done, AtomicInteger total,
            int submitted) throws InterruptedException {
        awaitParserRoom();
        pipeline.acquire();
        total.accumulateAndGet(submitted, Math::max);
        CompletableFuture<FeedOutcome> future;
        try {
            future = fetcher
                    .fetch(new FetchRequest(feed.url(), feed.etag(), feed.lastModified()))
                    .thenApply(this::waitForParser)
                    .thenApplyAsync(result -> parsing.parseIfFetched(feed.id(), takenByParser(result)), parsers)
                    .thenCompose(parsed -> write(feed, parsed))
                    .exceptionally(error -> recordUnexpected(feed, error))
                    .whenCompleteAsync((outcome, error) -> {
                        if (outcome != null) {
                            listener.finished(outcome, done.incrementAndGet(), total.get());
                        }
                    }, writer);
        } catch (RuntimeException e) {
            pipeline.release();
            throw e;
        }
        future.whenComplete((outcome, error) -> pipeline.release());
        synchronized (inFlight) {
            inFlight.add(future);
        }
        return future;
    }

    /** Counts a fetched body as waiting for a parser thread. */
    private FetchResult waitForParser(FetchResult result) {
        if (result instanceof FetchResult.Fetched) {
            unparsed.incrementAndGet();
        }
        return result;
    }

    /** A parser thread takes a body: one fewer waiting, so a fetch may start. */
    private FetchResult takenByParser(FetchResult result) {
        if (result instanceof FetchResult.Fetched && unparsed.decrementAndGet() < MAX_UNPARSED) {
            synchronized (parserRoom) {
                parserRoom.notifyAll();
            }
        }
        return result;
    }

    /** Waits while MAX_UNPARSED fetched bodies wait for the parser threads. */
    private void awaitParserRoom() throws InterruptedException {
        synchronized (parserRoom) {
            while (unparsed.get() >= MAX_UNPARSED && !closed) {
                parserRoom.wait(100);
            }
        }
    }

    /**
     * Runs a database call, and when the database connection is lost (a server restarting, a
     * network cut) tries again with growing pauses for up to {@link #RECONNECT_FOR}, logging one
     * line; then gives up with the last error. Other errors are thrown at once.
     */
    <T> T retrying(String what, java.util.function.Supplier<T> call) throws InterruptedException {
        long deadline = System.nanoTime() + RECONNECT_FOR.toNanos();
        long pause = 500;
        boolean said = false;
        while (true) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (!Store.connectionLost(e) || System.nanoTime() + pause * 1_000_000 > deadline || closed) {
                    throw e;
                }
                if (!said) {
                    current.notice("database connection lost (" + what + "), retrying for up to "
                            + RECONNECT_FOR.toSeconds() + "s: " + oneLine(e));
                    said = true;
                }
                Thread.sleep(pause);
                pause = Math.min(pause * 2, 8_000);
            }
        }
    }

    /** After the feeds, never during them: the queued pages of full-text feeds, a bounded batch. */
    private void fetchPages(Listener listener) {
        if (extras.pages() == null || closed) {
            return;
        }
        // one worker at a time fetches the queued pages; the others' rounds leave them to it
        java.util.Optional<AutoCloseable> turn;
        try {
            turn = store.tryExclusive("full-text pages");
        } catch (RuntimeException e) {
            return; // the database is away: the pages stay queued
        }
        if (turn.isEmpty()) {
            return;
        }
        try (AutoCloseable held = turn.get()) {
            FullTextFetcher.Summary pages = extras.pages().fetchPending(FullTextFetcher.PAGES_PER_ROUND);
            if (pages.pages() > 0) {
                listener.pagesFinished(pages);
            }
        } catch (Exception e) {
            // the feeds are stored; pages stay queued for the next round
            System.getLogger(Syncer.class.getName()).log(System.Logger.Level.WARNING, "full-text pages failed: " + oneLine(e));
        }
    }

    /** A feed's outcome waiting for the writer. */
    private record Pending(Feed feed, DocumentParsing.Parsed parsed, CompletableFuture<FeedOutcome> outcome) {}

    /** Queues a feed's outcome for the writer thread, which records it with others in one transaction. */
    private CompletableFuture<FeedOutcome> write(Feed feed, DocumentParsing.Parsed parsed) {
        CompletableFuture<FeedOutcome> outcome = new CompletableFuture<>();
        if (parsed.holdsPermit()) {
            outcome.whenComplete((result, error) -> parsing.release());
        }
        queue.add(new Pending(feed, parsed, outcome));
        try {
            writer.execute(this::writeQueued);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            outcome.completeExceptionally(new CancellationException("tidings is stopping"));
        }
        return outcome;
    }

    /**
     * Writer thread: records every queued outcome (up to MAX_GROUP) in one transaction (group
     * commit). When that transaction fails, each outcome is recorded in its own, so one bad feed
     * never loses the others'.
     */
    private void writeQueued() {
        List<Pending> group = new ArrayList<>();
        for (Pending next = queue.poll(); next != null; next = group.size() < MAX_GROUP ? queue.poll() : null) {
            group.add(next);
        }
        if (group.isEmpty()) {
            return;
        }
        List<FeedOutcome> outcomes;
        try {
            outcomes = retrying("record " + group.size() + " feeds", () -> store.writeTogether(() -> {
                List<FeedOutcome> recorded = new ArrayList<>(group.size());
                for (Pending pending : group) {
                    recorded.add(record(pending.feed(), pending.parsed()));
                }
                return recorded;
            }));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            for (Pending pending : group) {
                pending.outcome().completeExceptionally(new CancellationException("tidings is stopping"));
            }
            return;
        } catch (RuntimeException groupFailed) {
            for (Pending pending : group) {
                try {
                    pending.outcome().complete(record(pending.feed(), pending.parsed()));
                } catch (RuntimeException e) {
                    pending.outcome().completeExceptionally(e);
                }
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).outcome().complete(outcomes.get(i));
        }
    }

    /**
     * Records one feed's outcome as one transaction: the articles, the health and schedule, the
     * redirect, or the failure and the disabling of a gone feed are kept all together or not at
     * all. On the writer thread inside {@link #writeQueued}'s group transaction it joins that one.
     */
    private FeedOutcome record(Feed feed, DocumentParsing.Parsed parsed) {
        return store.writeTogether(() -> recorder.record(feed, parsed.result(), parsed.feed(), parsed.parseError()));
    }

    private FeedOutcome recordUnexpected(Feed feed, Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        String message = "internal error: " + oneLine(cause);
        if (closed || cause instanceof CancellationException) {
            // Abandoned at shutdown: the feed stays due and is fetched next time.
            return FeedOutcome.failed(feed, "abandoned: tidings is stopping");
        }
        try {
            String recorded = message;
            store.writeTogether(() -> {
                recorder.recordError(feed, recorded);
                return null;
            });
        } catch (RuntimeException storeError) {
            // The database itself is failing (full disk, I/O error): the round reports it.
            message = message + "; not recorded: " + oneLine(storeError);
        }
        return FeedOutcome.failed(feed, message);
    }

    static String oneLine(Throwable error) {
        return org.tidings.model.Messages.of(error);
    }

    /** Abandons the fetches still in flight; their feeds are retried next round. */
    public void cancelInFlight() {
        synchronized (inFlight) {
            for (CompletableFuture<?> future : inFlight) {
                future.cancel(true);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        parsers.shutdown();
        writer.shutdown();
        parsers.awaitTermination(5, TimeUnit.SECONDS);
        writer.awaitTermination(5, TimeUnit.SECONDS);
        worker.close();
    }
}
