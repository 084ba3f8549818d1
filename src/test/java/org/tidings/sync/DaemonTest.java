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
