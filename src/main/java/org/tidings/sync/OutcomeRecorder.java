package org.tidings.sync;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.tidings.fetch.FetchResult;
import org.tidings.model.ArticleFacts;
import org.tidings.model.Curation;
import org.tidings.model.Entry;
import org.tidings.model.Feed;
import org.tidings.model.FeedHints;
import org.tidings.model.ParsedFeed;
import org.tidings.store.IngestResult;
import org.tidings.store.PreparedFeed;
import org.tidings.store.Store;

/**
 * What the store is told about one feed after a fetch, by kind of result: a gone feed disabled, a
 * failure with its backoff, a 304 rescheduled, a new document ingested and the next poll chosen
 * from its hints and dates; a permanent redirect adopted once seen twice in a row. The feed's
 * lease is released in the same transaction. Called inside the caller's transaction (the
 * {@link Syncer}'s writer thread), so each outcome is kept whole or not at all.
 */
final class OutcomeRecorder {
    private final Store store;
    private final PollScheduler scheduler;
    private final Backoff backoff;
    private final InstantSource clock;
    private final SyncWorker worker;
    private final Function<ArticleFacts, Curation> rules;

    OutcomeRecorder(Store store, PollScheduler scheduler, Backoff backoff, InstantSource clock, SyncWorker worker,
            Function<ArticleFacts, Curation> rules) {
        this.store = Objects.requireNonNull(store, "store");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * Records a fetch's outcome; {@code prepared} is the parsed document of a fetched body, null
     * when it was not a feed ({@code parseError} says why).
     */
    FeedOutcome record(Feed feed, FetchResult result, @Nullable PreparedFeed prepared, @Nullable String parseError) {
        Instant now = clock.instant();
        worker.release(feed.id());
        if (result instanceof FetchResult.Gone gone) {
            store.feeds().recordFailure(feed.id(), BackoffPolicy.GONE_STATUS, gone.message(), now, backoff.goneUntil());
            store.feeds().disable(feed.id(), gone.message());
            return FeedOutcome.failed(feed, gone.message());
        }
        if (result instanceof FetchResult.Failed failed) {
            int failures = feed.health().consecutiveFailures() + 1;
            Instant next = backoff.nextAttempt(failed, failures);
            Integer status = failed.status() == 0 ? null : failed.status();
            store.feeds().recordFailure(feed.id(), status, failed.message(), now, next);
            return FeedOutcome.failed(feed, failed.message());
        }
        if (result instanceof FetchResult.NotModified notModified) {
            Instant next = scheduler.nextPoll(now, notModified.cache(), FeedHints.NONE, List.of());
            store.feeds().recordNotModified(feed.id(), now, next);
            followRedirect(feed, notModified.permanentRedirect());
            return new FeedOutcome(feed, FeedOutcome.Status.NOT_MODIFIED, 0, 0, null);
        }
        FetchResult.Fetched fetched = (FetchResult.Fetched) result;
        if (prepared == null) {
            String error = Objects.requireNonNullElse(parseError, "not a feed");
            int failures = feed.health().consecutiveFailures() + 1;
            store.feeds().recordFailure(feed.id(), 200, error, now, backoff.nextAttempt(failures, null));
            return FeedOutcome.failed(feed, error);
        }
        IngestResult ingested = store.ingest(feed.id(), prepared, now, rules);
        ParsedFeed document = prepared.document();
        List<Instant> dates = new ArrayList<>();
        for (Entry entry : document.entries()) {
            Instant date = entry.publishedOrUpdated();
            if (date != null) {
                dates.add(date);
            }
        }
        Instant next = scheduler.nextPoll(now, fetched.cache(), document.hints(), dates);
        store.feeds().recordSuccess(feed.id(), 200, fetched.validators().etag(), fetched.validators().lastModified(), now, next);
        followRedirect(feed, fetched.permanentRedirect());
        return new FeedOutcome(feed, FeedOutcome.Status.FETCHED, ingested.added(), ingested.updated(), null);
    }

    /** Records an error that is not the feed's doing (an internal error) with the usual backoff. */
    void recordError(Feed feed, String message) {
        Instant now = clock.instant();
        worker.release(feed.id());
        store.feeds().recordFailure(feed.id(), null, message, now, backoff.nextAttempt(feed.health().consecutiveFailures() + 1, null));
    }

    /** Adopts a permanent redirect once it has been seen on consecutive fetches. */
    private void followRedirect(Feed feed, @Nullable String target) {
        if (target == null || target.equals(feed.url())) {
            if (feed.redirectCandidate() != null) {
                store.feeds().setRedirectCandidate(feed.id(), null);
            }
            return;
        }
        if (target.equals(feed.redirectCandidate())) {
            if (!store.feeds().changeUrl(feed.id(), target)) {
                store.feeds().setRedirectCandidate(feed.id(), null);
            }
        } else {
            store.feeds().setRedirectCandidate(feed.id(), target);
        }
    }
}
