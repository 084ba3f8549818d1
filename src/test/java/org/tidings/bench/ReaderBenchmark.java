package org.tidings.bench;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tidings.store.Store;
import org.tidings.tui.StoreReaderData;

/**
 * The reader on the real SQLite store with 1,000,000 articles (built once by {@link
 * ReaderBenchData}; pass its path with {@code -p db=FILE}), on an 80x24 virtual terminal: the
 * first screen, opening "All unread", PgDn deep in it, and N (mark read, then every count re-read).
 * {@link ReaderTimings} times the same steps without JMH, with a per-query breakdown.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReaderBenchmark {
    @Param("")
    public String db;

    private Store store;
    private StoreReaderData data;
    private ReaderTimings.Reader list;

    @Setup(Level.Trial)
    public void open() {
        Path file = Path.of(db.isEmpty() ? "reader-bench.db" : db);
        if (!Files.exists(file)) {
            ReaderBenchData.build(file);
        }
        store = Store.open(file);
        data = new StoreReaderData(store, file, InstantSource.system());
    }

    @Setup(Level.Iteration)
    public void openList() {
        list = ReaderTimings.Reader.started(data);
        list.keys(ReaderTimings.enter());
    }

    @TearDown(Level.Iteration)
    public void closeList() {
        list.app.stop();
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    /** New reader: counts read, Sources drawn. */
    @Benchmark
    public Object firstScreen() {
        ReaderTimings.Reader reader = ReaderTimings.Reader.started(data);
        reader.app.stop();
        return reader;
    }

    /** New reader, then ENTER on "All unread": its first page (200 rows) loaded and drawn. */
    @Benchmark
    public int firstScreenThenAllUnread() {
        ReaderTimings.Reader reader = ReaderTimings.Reader.started(data);
        int changed = reader.keys(ReaderTimings.enter());
        reader.app.stop();
        return changed;
    }

    /** One PgDn in "All unread", loading the next page when needed, and the redraw. */
    @Benchmark
    public int pageDown() {
        return list.keys(new KeyStroke(KeyType.PageDown));
    }

    /** N: toggles the selected story's read mark, re-reads every count, redraws. */
    @Benchmark
    public int toggleRead() {
        return list.keys(ReaderTimings.key('N'));
    }
}
