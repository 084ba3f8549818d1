package org.tidings.sync;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.tidings.fetch.FetchRequest;
import org.tidings.fetch.FetchResult;
import org.tidings.fetch.Fetcher;
import org.tidings.fetch.PageFetcher;
import org.tidings.store.HostLocks;

/**
 * A fetcher whose limit per host holds across every worker on a server database, for feeds and
 * for article pages (full text) alike: before a request goes to the wrapped fetcher (whose own limits still apply in this process), it takes
 * one of the host's {@code perHost} slots in the database ({@link HostLocks}); requests that find
 * every slot taken wait in a queue per host, and are retried every {@link #RETRY} or handed a
 * slot this worker frees. When the database cannot be asked, the request goes ahead (the fetch
 * is not lost; politeness then rests on the per-process limit until the database is back).
 */
public final class SharedHostLimits implements Fetcher, PageFetcher, AutoCloseable {
    /** How often waiting requests look for a slot freed by another worker. */
    static final long RETRY = 50;
    private static final int NOT_HELD = -1;

    private final Fetcher fetcher;
    private final PageFetcher pages;
    private final HostLocks locks;
    private final int perHost;
    private final Map<String, ArrayDeque<CompletableFuture<Integer>>> waiting = new HashMap<>();
    private final ScheduledExecutorService timer;
    private boolean failingSaid;

    /**
     * Limits {@code fetcher}'s feed requests and {@code pages}' page requests (usually the same
     * HTTP fetcher) by one set of slots per host.
     */
    public SharedHostLimits(Fetcher fetcher, PageFetcher pages, HostLocks locks, int perHost) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.locks = Objects.requireNonNull(locks, "locks");
        if (perHost < 1) {
            throw new IllegalArgumentException("perHost < 1: " + perHost);
        }
        this.perHost = perHost;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tidings-host-slots");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::retryWaiting, RETRY, RETRY, TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<FetchResult> fetch(FetchRequest request) {
        return limited(request.url(), () -> fetcher.fetch(request));
    }

    /** An article's page, in the same slots as the host's feeds. */
    @Override
    public CompletableFuture<FetchResult> fetchPage(String url) {
        return limited(url, () -> pages.fetchPage(url));
    }

    private CompletableFuture<FetchResult> limited(String url, Supplier<CompletableFuture<FetchResult>> send) {
        String host = host(url);
        if (host == null) {
            return send.get();
        }
        return slot(host).thenCompose(slot -> {
            CompletableFuture<FetchResult> result;
            try {
                result = send.get();
            } catch (RuntimeException e) {
                timer.execute(() -> free(host, slot));
                throw e;
            }
            return result.whenComplete((done, error) -> timer.execute(() -> free(host, slot)));
        });
    }

    private CompletableFuture<Integer> slot(String host) {
        CompletableFuture<Integer> slot = new CompletableFuture<>();
        synchronized (waiting) {
            ArrayDeque<CompletableFuture<Integer>> queue = waiting.get(host);
            if (queue == null) {
                OptionalInt free = tryTake(host);
                if (free.isPresent()) {
                    slot.complete(free.getAsInt());
                    return slot;
                }
                queue = new ArrayDeque<>();
                waiting.put(host, queue);
            }
            queue.add(slot);
        }
        return slot;
    }

    /** A slot this worker freed goes to its own next request for the host, or back to all. */
    private void free(String host, int slot) {
        CompletableFuture<Integer> next = null;
        synchronized (waiting) {
            ArrayDeque<CompletableFuture<Integer>> queue = waiting.get(host);
            if (queue != null) {
                next = queue.poll();
                if (queue.isEmpty()) {
                    waiting.remove(host);
                }
            }
            if (next == null && slot != NOT_HELD) {
                locks.give(host, slot);
            }
        }
        if (next != null) {
            next.complete(slot);
        }
    }

    private void retryWaiting() {
        java.util.List<Map.Entry<CompletableFuture<Integer>, Integer>> granted = new java.util.ArrayList<>();
        synchronized (waiting) {
            for (Iterator<Map.Entry<String, ArrayDeque<CompletableFuture<Integer>>>> hosts = waiting.entrySet().iterator(); hosts.hasNext(); ) {
                Map.Entry<String, ArrayDeque<CompletableFuture<Integer>>> entry = hosts.next();
                ArrayDeque<CompletableFuture<Integer>> queue = entry.getValue();
                while (!queue.isEmpty()) {
                    OptionalInt free = tryTake(entry.getKey());
                    if (free.isEmpty()) {
                        break;
                    }
                    granted.add(Map.entry(queue.poll(), free.getAsInt()));
                }
                if (queue.isEmpty()) {
                    hosts.remove();
                }
            }
        }
        for (Map.Entry<CompletableFuture<Integer>, Integer> grant : granted) {
            grant.getKey().complete(grant.getValue());
        }
    }

    private OptionalInt tryTake(String host) {
        try {
            OptionalInt slot = locks.tryTake(host, perHost);
            failingSaid = false;
            return slot;
        } catch (RuntimeException e) {
            if (!failingSaid) {
                System.getLogger(SharedHostLimits.class.getName()).log(System.Logger.Level.WARNING,
                        "cannot take a host slot in the database, fetching with this process's limits only: "
                                + org.tidings.model.Messages.of(e));
                failingSaid = true;
            }
            return OptionalInt.of(NOT_HELD);
        }
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        synchronized (waiting) {
            for (ArrayDeque<CompletableFuture<Integer>> queue : waiting.values()) {
                queue.forEach(slot -> slot.complete(NOT_HELD));
            }
            waiting.clear();
        }
        locks.close();
    }
}
