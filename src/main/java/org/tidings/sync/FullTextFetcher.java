package org.tidings.sync;

import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.tidings.fetch.FetchResult;
import org.tidings.fetch.PageFetcher;
import org.tidings.model.FullText;
import org.tidings.page.PageExtractor;
import org.tidings.page.PageText;
import org.tidings.store.FullTextStore.PendingPage;
import org.tidings.store.Store;

/**
 * Fetches the pages behind new articles of full-text feeds (docs/FULLTEXT.md): a bounded queue
 * run after a round's feeds, through the same fetcher (its limits, size cap, timeouts, proxy and
 * User-Agent), one page at a time per host; extraction runs on a small pool; results are written
 * by the calling thread, one small transaction per page. A page that fails is recorded with its
 * reason and not fetched again by later polls.
 */
public final class FullTextFetcher implements AutoCloseable {
    /** Pages fetched after one round at most; the rest wait for the next round. */
    public static final int PAGES_PER_ROUND = 100;

    /** What a batch of pages gave. */
    public record Summary(int pages, int extracted, int failed, int left) {
        public static final Summary NONE = new Summary(0, 0, 0, 0);
    }

    /** The fetcher's message for requests cut short by its close. */
    private static final String ABANDONED = "fetcher closed";

    private final Store store;
    private final PageFetcher fetcher;
    private final PageExtractor extractor;
    private final InstantSource clock;
    private final ExecutorService extractors;

    public FullTextFetcher(Store store, PageFetcher fetcher, PageExtractor extractor, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.clock = Objects.requireNonNull(clock, "clock");
        AtomicInteger count = new AtomicInteger();
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        this.extractors = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "tidings-extract-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Fetches up to {@code limit} queued pages, oldest first; blocks until they are stored. */
    public Summary fetchPending(int limit) {
        List<PendingPage> pages = store.fullText().pending(limit);
        if (pages.isEmpty()) {
            return Summary.NONE;
        }
        Map<String, CompletableFuture<?>> lastByHost = new LinkedHashMap<>();
        List<CompletableFuture<Done>> futures = new ArrayList<>(pages.size());
        for (PendingPage page : pages) {
            String host = host(page.url());
            CompletableFuture<?> previous = lastByHost.getOrDefault(host, CompletableFuture.completedFuture(null));
            // one page at a time per host: polite to sites whose feed brings many articles at once
            CompletableFuture<Done> future = previous.handle((ignored, error) -> null)
                    .thenCompose(ignored -> fetchAndExtract(page));
            lastByHost.put(host, future);
            futures.add(future);
        }
        int extracted = 0;
        int failed = 0;
        for (CompletableFuture<Done> future : futures) {
            Done done = future.join();
            if (save(done)) {
                extracted++;
            } else {
                failed++;
            }
        }
        return new Summary(pages.size(), extracted, failed, store.fullText().pendingCount());
    }

    /**
     * Fetches one article's page now (the reader's key, {@code tidings show --fetch}), again if it
     * failed before; empty when the article has no http(s) link.
     */
    public Optional<FullText> fetchNow(long articleId) {
        Optional<FullText> stored = store.fullText().get(articleId);
        if (stored.isPresent() && stored.get().status() == FullText.Status.OK) {
            return stored;
        }
        Optional<PendingPage> page = store.fullText().request(articleId, clock.instant());
        if (page.isEmpty()) {
            return Optional.empty();
        }
        save(fetchAndExtract(page.get()).join());
        return store.fullText().get(articleId);
    }

    /** A page's outcome: the extraction or a failure reason. */
    private record Done(PendingPage page, PageText text) {}

    private CompletableFuture<Done> fetchAndExtract(PendingPage page) {
        return fetcher.fetchPage(page.url())
                .thenApplyAsync(result -> new Done(page, extract(page, result)), extractors)
                .exceptionally(error -> new Done(page, new PageText.Rejected("internal error: " + Syncer.oneLine(error))));
    }

    private PageText extract(PendingPage page, FetchResult result) {
        if (result instanceof FetchResult.Fetched fetched) {
            return extractor.extract(fetched.body(), fetched.url(), fetched.mediaType(), fetched.charset(), page.feedText());
        }
        return new PageText.Rejected(reason(result));
    }

    /** Why a page fetch failed, for people. */
    static String reason(FetchResult result) {
        if (result instanceof FetchResult.Failed failed) {
            return switch (failed.kind()) {
                case TOO_LARGE -> "page too large: " + failed.message();
                case HTTP_STATUS -> failed.status() == 401 || failed.status() == 402 || failed.status() == 403
                        ? failed.message() + " (paywall or login)" : failed.message();
                default -> failed.message();
            };
        }
        if (result instanceof FetchResult.Gone gone) {
            return "HTTP 410 Gone";
        }
        return "no page body (not modified)";
    }

    private boolean save(Done done) {
        long id = done.page().articleId();
        if (done.text() instanceof PageText.Rejected rejected && rejected.reason().contains(ABANDONED)) {
            return false; // tidings is stopping: the page stays queued for the next round
        }
        if (done.text() instanceof PageText.Extracted extracted) {
            store.fullText().saveText(id, extracted.html(), clock.instant());
            return true;
        }
        store.fullText().saveFailure(id, ((PageText.Rejected) done.text()).reason(), clock.instant());
        return false;
    }

    private static String host(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? url : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    @Override
    public void close() throws InterruptedException {
        extractors.shutdown();
        extractors.awaitTermination(5, TimeUnit.SECONDS);
    }
}
