package org.tidings.bench;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.tidings.store.ArticleQuery;
import org.tidings.store.Store;
import org.tidings.tui.KeyMap;
import org.tidings.store.PageCursor;
import org.tidings.tui.ReaderApp;
import org.tidings.tui.ReaderConfig;
import org.tidings.tui.ReaderData;
import org.tidings.tui.Reloader;
import org.tidings.tui.Selection;
import org.tidings.tui.StoreReaderData;

/**
 * Timed runs of the reader on the real SQLite store (a main class, not JMH: the database is built
 * once by {@link ReaderBenchData} and reused). Each step drives the real {@link ReaderApp} on an
 * 80x24 virtual terminal, keys in and screen redrawn, and is timed 30 times after 5 warm-ups
 * (median and p95 wall time, median CPU time); the first screen is also timed cold (the first one
 * of the JVM).
 *
 * <pre>
 * java -cp ... org.tidings.bench.ReaderBenchData /tmp/reader.db   # once, a few minutes
 * java -cp ... org.tidings.bench.ReaderTimings /tmp/reader.db
 * </pre>
 */
public final class ReaderTimings {
    static final Reloader NO_RELOAD = new Reloader() {
        @Override
        public Result reloadFeed(long feedId, Progress progress) {
            return new Result(0, 0, 0, Optional.empty());
        }

        @Override
        public Result reloadAll(Progress progress) {
            return new Result(0, 0, 0, Optional.empty());
        }
    };

    private ReaderTimings() {}

    public static void main(String[] args) throws IOException {
        Path db = Path.of(args.length > 0 ? args[0] : "reader-bench.db");
        if (!Files.exists(db)) {
            ReaderBenchData.build(db);
        }
        System.out.printf("java %s, %d cpus%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        long open = System.nanoTime();
        try (Store store = Store.open(db)) {
            StoreReaderData data = new StoreReaderData(store, db, InstantSource.system());
            System.out.printf(Locale.ROOT, "%-58s %8.1f ms%n", "Store.open (cold)", (System.nanoTime() - open) / 1e6);
            long cold = System.nanoTime();
            Reader first = Reader.started(data);
            System.out.printf(Locale.ROOT, "%-58s %8.1f ms  [%s]%n", "reader start -> Sources drawn (cold, first in JVM)",
                    (System.nanoTime() - cold) / 1e6, first.line(2).strip());
            first.app.stop();

            time("data: sources()", data::sources);
            time("data: topics()", data::topics);
            time("data: dataVersion()", data::dataVersion);
            time("data: first page (200) of All unread", () -> data.articles(new Selection.AllUnread(), true, Optional.empty(), 200));
            PageCursor deep = deep(store);
            time("data: page (200) of All unread after 100,000 rows",
                    () -> data.articles(new Selection.AllUnread(), true, Optional.of(deep), 200));
            time("data: first page (200) of a topic, unread", () -> data.articles(new Selection.Topic("Topic 7"), true, Optional.empty(), 200));
            time("data: first page (200) of a folder, unread", () -> data.articles(new Selection.Folder("Folder 3"), true, Optional.empty(), 200));
            time("data: first page (200) of a search", () -> data.articles(new Selection.Search("harbour"), false, Optional.empty(), 200));
            time("store: unreadTotal()", () -> store.counts().unreadTotal());
            time("store: unreadExtraCopies()", () -> store.counts().unreadExtraCopies());
            time("store: unreadByFolder()", () -> store.counts().unreadByFolder());
            time("store: unreadExtraCopiesByFolder()", () -> store.counts().unreadExtraCopiesByFolder());
            time("store: unreadByTopic()", () -> store.counts().unreadByTopic());
            time("store: unreadExtraCopiesByTopic()", () -> store.counts().unreadExtraCopiesByTopic());
            time("store: feeds().summaries()", () -> store.feeds().summaries());
            time("store: starredTotal()", () -> store.counts().starredTotal());

            time("ui: reader start -> Sources drawn", () -> {
                Reader r = Reader.started(data);
                r.app.stop();
                return r;
            });
            Reader r = Reader.started(data);
            time("ui: ENTER on All unread (first page drawn), q back", () -> r.keys(enter(), key('q')));
            r.keys(new KeyStroke(KeyType.Tab));
            time("ui: Topics, ENTER on the first topic, q back", () -> r.keys(enter(), key('q')));
            r.keys(new KeyStroke(KeyType.Tab));
            r.keys(enter());
            time("ui: PgDn in All unread (pages load lazily)", () -> r.keys(new KeyStroke(KeyType.PageDown)));
            time("ui: N (setRead + every count re-read + redraw)", () -> r.keys(key('N')));
            time("ui: j then ENTER (open, mark story read, counts), q", () -> r.keys(key('j'), enter(), key('q')));
            time("ui: change check, nothing changed (dataVersion)", () -> r.keys());
            r.app.stop();
        }
    }

    static PageCursor deep(Store store) {
        var page = store.articles().page(ArticleQuery.all().unreadOnly(), null, 1000);
        for (int i = 0; i < 99; i++) {
            page = store.articles().page(ArticleQuery.all().unreadOnly(), page.next().orElseThrow(), 1000);
        }
        return page.next().orElseThrow();
    }

    static KeyStroke enter() {
        return new KeyStroke(KeyType.Enter);
    }

    static KeyStroke key(char c) {
        return new KeyStroke(c, false, false);
    }

    /**
     * Median and p95 of wall time, and median CPU time of this thread (SQLite runs on it, through
     * JNI): on a machine shared with other work the CPU time is the steadier figure.
     */
    static void time(String name, Supplier<?> action) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 5; i++) {
            action.get();
        }
        long[] nanos = new long[30];
        long[] cpu = new long[30];
        for (int i = 0; i < nanos.length; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            action.get();
            nanos[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%-58s median %7.2f ms  p95 %7.2f ms  CPU median %7.2f ms%n", name, nanos[15] / 1e6,
                nanos[28] / 1e6, cpu[15] / 1e6);
    }

    /** A reader on an 80x24 virtual terminal that checks for changes on every step. */
    static final class Reader {
        final DefaultVirtualTerminal terminal;
        final ReaderApp app;

        private Reader(DefaultVirtualTerminal terminal, ReaderApp app) {
            this.terminal = terminal;
            this.app = app;
        }

        static Reader started(ReaderData data) {
            DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(80, 24));
            try {
                ReaderApp app = new ReaderApp(data, NO_RELOAD, new TerminalScreen(terminal), KeyMap.newsboatDefaults(),
                        InstantSource.system(), new ReaderConfig(true, "", Duration.ZERO, ZoneOffset.UTC, 200), url -> { },
                        Runnable::run);
                app.start();
                return new Reader(terminal, app);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** Sends the keys one step each; returns the number of steps that changed something. */
        int keys(KeyStroke... keys) {
            int changed = 0;
            if (keys.length == 0) {
                return app.step() ? 1 : 0;
            }
            for (KeyStroke key : keys) {
                terminal.addInput(key);
                changed += app.step() ? 1 : 0;
            }
            return changed;
        }

        String line(int row) {
            StringBuilder text = new StringBuilder();
            for (int column = 0; column < 80; column++) {
                text.append(terminal.getCharacter(column, row).getCharacterString());
            }
            return text.toString();
        }
    }
}
