package org.tidings.bench;

import java.io.IOException;
import java.util.Map;
import org.tidings.tui.ReaderApp;
import org.tidings.tui.Reloader;

/**
 * Opens the reader on the real terminal over 1,000,000 synthetic articles, to time the first screen
 * from process start (JVM included) the same way as newsboat: see docs/BENCHMARKS.md.
 */
public final class ReaderStartupProbe {
    private ReaderStartupProbe() {}

    public static void main(String[] args) throws IOException {
        Reloader none = new Reloader() {
            @Override
            public Result reloadFeed(long feedId, Progress progress) {
                return new Result(0, 0, 0, java.util.Optional.empty());
            }

            @Override
            public Result reloadAll(Progress progress) {
                return new Result(0, 0, 0, java.util.Optional.empty());
            }
        };
        ReaderApp.runOnTerminal(new SyntheticReaderData(1_000_000), none, Map.of());
    }
}
