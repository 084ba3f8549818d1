package org.tidings.tui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A Reloader that "fetches" by adding prepared articles to a FakeReaderData. */
final class FakeReloader implements Reloader {
    private final FakeReaderData data;
    private final List<String> calls = new ArrayList<>();
    private final List<Object[]> pending = new ArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    FakeReloader(FakeReaderData data) {
        this.data = data;
    }

    /** The next reload of {@code feedId} (or of all) adds this article. */
    synchronized FakeReloader willAdd(long feedId, Instant published, String title) {
        pending.add(new Object[] {feedId, published, title});
        return this;
    }

    /** Reloads wait until {@link #release()} (bounded). */
    FakeReloader blockUntilReleased() {
        gate = new CountDownLatch(1);
        return this;
    }

    void release() {
        gate.countDown();
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public Result reloadFeed(long feedId, Progress progress) {
        synchronized (this) {
            calls.add("feed " + feedId);
        }
        progress.update(0, 1, "feed " + feedId);
        await();
        int added = addPending(feedId);
        progress.update(1, 1, "feed " + feedId);
        return new Result(1, 0, added, Optional.empty());
    }

    @Override
    public Result reloadAll(Progress progress) {
        synchronized (this) {
            calls.add("all");
        }
        progress.update(0, 2, "everything");
        await();
        int added = addPending(-1);
        progress.update(2, 2, "everything");
        return new Result(2, 1, added, Optional.of("feed 9: HTTP 404"));
    }

    private void await() {
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("reload was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized int addPending(long feedId) {
        int added = 0;
        for (Object[] item : List.copyOf(pending)) {
            long target = (Long) item[0];
            if (feedId < 0 || target == feedId) {
                data.add(target, (Instant) item[1], (String) item[2]);
                pending.remove(item);
                added++;
            }
        }
        return added;
    }
}
