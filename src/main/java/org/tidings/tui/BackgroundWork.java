package org.tidings.tui;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.tidings.model.FullText;
import org.tidings.model.Messages;

/**
 * What the reader hands to its background thread — reloads (one at a time) and full-text
 * fetches — and the queue that brings their progress and results back to the UI thread, which
 * runs them in {@link #runTasks()}. The screen never waits for the network.
 */
final class BackgroundWork {
    private static final System.Logger LOG = System.getLogger(BackgroundWork.class.getName());

    private final Reloader reloader;
    private final Executor background;
    private final @Nullable ExecutorService owned;
    private final ReaderFrame frame;
    private final ConcurrentLinkedQueue<Runnable> uiTasks = new ConcurrentLinkedQueue<>();
    private boolean reloading;

    /** @param owned the executor this reader made (stopped by {@link #shutdown()}), else null */
    BackgroundWork(Reloader reloader, Executor background, @Nullable ExecutorService owned, ReaderFrame frame) {
        this.reloader = reloader;
        this.background = background;
        this.owned = owned;
        this.frame = frame;
    }

    /** The reader's own reload thread, a daemon, when the caller gives no executor. */
    static ExecutorService reloadThread() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tidings-reload");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Stops the reload thread if the reader made it. */
    void shutdown() {
        if (owned != null) {
            owned.shutdown();
        }
    }

    /** Runs, on the UI thread, what finished background work handed back; returns whether any ran. */
    boolean runTasks() {
        boolean ran = false;
        Runnable task;
        while ((task = uiTasks.poll()) != null) {
            frame.guarded(task);
            ran = true;
        }
        return ran;
    }

    /** Fetches an article's full text; {@code done} runs on the UI thread (empty: no web link). */
    void fetchFullText(long articleId, Consumer<Optional<FullText>> done) {
        frame.progress("Fetching the full text…");
        background.execute(() -> {
            try {
                Optional<FullText> result = reloader.fetchFullText(articleId);
                uiTasks.add(() -> {
                    frame.progress(null);
                    done.accept(result);
                });
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "full text failed", e);
                uiTasks.add(() -> {
                    frame.progress(null);
                    frame.error("full text failed: " + Messages.of(e));
                });
            }
        });
    }

    /** Reloads everything; {@code finished} runs on the UI thread. */
    void reloadAll(Consumer<Reloader.Result> finished) {
        reload("all feeds", reloader::reloadAll, finished);
    }

    /** Reloads some feeds, one after the other, as one reload named {@code label}. */
    void reloadFeeds(List<Long> feedIds, String label, Consumer<Reloader.Result> finished) {
        if (feedIds.isEmpty()) {
            frame.info("No feeds to reload in " + label);
            return;
        }
        reload(label, listener -> {
            int feeds = 0;
            int failed = 0;
            int fresh = 0;
            Optional<String> last = Optional.empty();
            for (long feedId : feedIds) {
                Reloader.Result result = reloader.reloadFeed(feedId, listener);
                feeds += result.feeds();
                failed += result.failed();
                fresh += result.newArticles();
                last = result.lastError().isPresent() ? result.lastError() : last;
            }
            return new Reloader.Result(feeds, failed, fresh, last);
        }, finished);
    }

    private void reload(String label, Function<Reloader.Progress, Reloader.Result> job,
            Consumer<Reloader.Result> finished) {
        if (reloading) {
            frame.info("A reload is already running");
            return;
        }
        reloading = true;
        frame.progress("Reloading " + label + "…");
        Reloader.Progress listener = (done, total, current) ->
                uiTasks.add(() -> frame.progress("Reloading " + done + "/" + total + ": " + current));
        background.execute(() -> {
            try {
                Reloader.Result result = job.apply(listener);
                uiTasks.add(() -> {
                    reloading = false;
                    frame.progress(null);
                    finished.accept(result);
                });
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "reload failed", e);
                uiTasks.add(() -> {
                    reloading = false;
                    frame.progress(null);
                    frame.error("reload failed: " + Messages.of(e) + " (R tries again)");
                });
            }
        });
    }
}
