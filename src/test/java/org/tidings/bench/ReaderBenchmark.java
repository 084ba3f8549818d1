package org.tidings.bench;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tidings.tui.KeyMap;
import org.tidings.tui.ReaderApp;
import org.tidings.tui.ReaderConfig;
import org.tidings.tui.Reloader;

/**
 * The reader's own cost over 1,000,000 (synthetic) articles on an 80x24 virtual terminal: the
 * first screen (Sources), opening "All unread" (first page of 200 rows), and one PgDn keystroke
 * deep in the list (pages load lazily).
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class ReaderBenchmark {
    private static final int ARTICLES = 1_000_000;

    private static final Reloader NO_RELOAD = new Reloader() {
        @Override
        public Result reloadFeed(long feedId, Progress progress) {
            return new Result(0, 0, 0, Optional.empty());
        }

        @Override
        public Result reloadAll(Progress progress) {
            return new Result(0, 0, 0, Optional.empty());
        }
    };

    private DefaultVirtualTerminal terminal;
    private ReaderApp app;

    static ReaderApp reader(DefaultVirtualTerminal terminal) throws IOException {
        return new ReaderApp(new SyntheticReaderData(ARTICLES), NO_RELOAD, new TerminalScreen(terminal),
                KeyMap.newsboatDefaults(), InstantSource.system(),
                new ReaderConfig(true, "", Duration.ofSeconds(3), ZoneOffset.UTC, 200), url -> { }, Runnable::run);
    }

    @Setup(Level.Iteration)
    public void openList() throws IOException {
        terminal = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        app = reader(terminal);
        app.start();
        terminal.addInput(new KeyStroke(KeyType.Enter));
        app.step();
    }

    @TearDown(Level.Iteration)
    public void close() {
        app.stop();
    }

    /** New reader, first screen drawn, then "All unread" opened and drawn. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Measurement(iterations = 20)
    public String firstScreenThenAllUnread() throws IOException {
        DefaultVirtualTerminal fresh = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        ReaderApp reader = reader(fresh);
        reader.start();
        fresh.addInput(new KeyStroke(KeyType.Enter));
        reader.step();
        String shown = fresh.getCharacter(20, 1).getCharacterString();
        reader.stop();
        return shown;
    }

    /** One PgDn in the 1M-article list, loading the next page when needed, and the redraw. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public boolean pageDown() {
        terminal.addInput(new KeyStroke(KeyType.PageDown));
        return app.step();
    }
}
