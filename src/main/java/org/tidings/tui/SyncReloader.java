package org.tidings.tui;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.tidings.model.Feed;
import org.tidings.store.Store;
import org.tidings.sync.FeedOutcome;
import org.tidings.sync.SyncSummary;
import org.tidings.sync.Syncer;
import org.tidings.sync.FullTextFetcher;
import org.tidings.model.FullText;
import org.jspecify.annotations.Nullable;

/** {@link Reloader} on the {@link Syncer}: the reader's r and R keys. */
public final class SyncReloader implements Reloader {
    private final Store store;
    private final Supplier<Syncer> syncer;
    private final @Nullable Supplier<FullTextFetcher> pages;

    public SyncReloader(Store store, Syncer syncer) {
        this(store, constant(Objects.requireNonNull(syncer, "syncer")));
    }

    /**
     * A reloader that gets its syncer on the first reload (on the reload thread), so building the
     * HTTP client (TLS set-up, about half a second) does not delay the reader's first screen.
     */
    public SyncReloader(Store store, Supplier<Syncer> syncer) {
        this(store, syncer, null);
    }

    /** A reloader that also fetches articles' full text (the reader's f key) with {@code pages}. */
    public SyncReloader(Store store, Supplier<Syncer> syncer, @Nullable Supplier<FullTextFetcher> pages) {
        this.store = Objects.requireNonNull(store, "store");
        this.syncer = Objects.requireNonNull(syncer, "syncer");
        this.pages = pages;
    }

    @Override
    public Optional<FullText> fetchFullText(long articleId) {
        return pages == null ? Optional.empty() : pages.get().fetchNow(articleId);
    }

    private static Supplier<Syncer> constant(Syncer syncer) {
        return () -> syncer;
    }

    @Override
    public Result reloadFeed(long feedId, Progress progress) {
        Optional<Feed> feed = store.feeds().feed(feedId);
        if (feed.isEmpty()) {
            return new Result(0, 0, 0, Optional.of("no such feed: " + feedId));
        }
        return run(List.of(feed.get()), progress);
    }

    @Override
    public Result reloadAll(Progress progress) {
        return run(store.feeds().list().stream().filter(feed -> !feed.disabled()).toList(), progress);
    }

    private Result run(List<Feed> feeds, Progress progress) {
        AtomicReference<String> lastError = new AtomicReference<>();
        try {
            SyncSummary summary = syncer.get().sync(feeds, new Syncer.Listener() {
                @Override
                public void started(int total) {
                    progress.update(0, total, "");
                }

                @Override
                public void finished(FeedOutcome outcome, int done, int total) {
                    if (outcome.status() == FeedOutcome.Status.FAILED) {
                        lastError.set(outcome.feed().title() + ": " + outcome.error());
                    }
                    progress.update(done, total, outcome.feed().title());
                }
            });
            return new Result(summary.due(), summary.failed(), summary.newArticles(), Optional.ofNullable(lastError.get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(feeds.size(), feeds.size(), 0, Optional.of("reload interrupted"));
        }
    }
}
