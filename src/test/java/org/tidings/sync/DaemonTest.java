package org.tidings.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DaemonTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final EventLog log = new EventLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), EventLog.Format.TEXT, InstantSource.system());

    @Test
    void failingRoundsAreLoggedAndTheLoopGoesOn() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        SyncMetrics metrics = new SyncMetrics(() -> 0);
        Daemon[] daemon = new Daemon[1];
        daemon[0] = new Daemon(() -> {
            int call = calls.incrementAndGet();
            if (call == 1) {
                throw new IOException("No space left on device");
            }
            if (call >= 3) {
                daemon[0].stop();
            }
            return new SyncSummary(2, 1, 1, 0, 5, 0, Duration.ofMillis(10));
        }, log, metrics, InstantSource.system(), Duration.ofMillis(20));
        Thread thread = new Thread(daemon[0]::run);
        thread.start();
        thread.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(thread.isAlive()).isFalse();
        assertThat(calls.get()).isEqualTo(3);
        assertThat(metrics.rounds()).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("round failed, retrying in 0s: No space left on device")
                .contains("round: 2 feeds: 1 fetched");
    }

    @Test
    void aQuietSpellIsLoggedOnceNotEveryTick() throws Exception {
        SyncSummary[] rounds = {SyncSummary.EMPTY, SyncSummary.EMPTY, new SyncSummary(1, 1, 0, 0, 1, 0, Duration.ofMillis(10)),
            SyncSummary.EMPTY, SyncSummary.EMPTY};
        AtomicInteger calls = new AtomicInteger();
        Daemon[] daemon = new Daemon[1];
        daemon[0] = new Daemon(() -> {
            int call = calls.getAndIncrement();
            if (call == rounds.length - 1) {
                daemon[0].stop();
            }
            return rounds[call];
        }, log, new SyncMetrics(() -> 0), InstantSource.system(), Duration.ofMillis(5));
        Thread thread = new Thread(daemon[0]::run);
        thread.start();
        thread.join(TimeUnit.SECONDS.toMillis(10));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text.lines().filter(line -> line.contains("nothing due; checking every 0s (later quiet rounds are not logged)")))
                .hasSize(2);
        assertThat(text).contains("round: 1 feed: 1 fetched, 0 not modified, 0 failed; 1 new, 0 updated articles;");
    }

    @Test
    void stopEndsTheWaitAtOnce() throws Exception {
        Daemon daemon = new Daemon(() -> SyncSummary.EMPTY, log, new SyncMetrics(() -> 0), InstantSource.system(), Duration.ofHours(1));
        Thread thread = new Thread(daemon::run);
        thread.start();
        Thread.sleep(100);
        daemon.stop();
        thread.join(5_000);
        assertThat(thread.isAlive()).isFalse();
    }
}
