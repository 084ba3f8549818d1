package org.tidings.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncLockTest {
    @TempDir Path dir;

    @Test
    void aRoundTakesAFreeLockAtOnceAndWaitsForAHeldOne() throws Exception {
        Path db = dir.resolve("tidings.db");
        AtomicInteger waits = new AtomicInteger();
        try (ProcessLock first = SyncLock.round(db, Duration.ZERO, waits::incrementAndGet).orElseThrow()) {
            assertThat(first.file()).isEqualTo(Path.of(db.toAbsolutePath() + ".sync.lock"));
            assertThat(waits).hasValue(0);
            assertThat(SyncLock.round(db, Duration.ofMillis(150), waits::incrementAndGet)).isEmpty();
            assertThat(waits).hasValue(1);
        }
        try (ProcessLock again = SyncLock.round(db, Duration.ZERO, waits::incrementAndGet).orElseThrow()) {
            assertThat(waits).hasValue(1);
        }
    }

    @Test
    void aSecondDaemonIsRefusedWithTheHoldersPid() throws Exception {
        Path db = dir.resolve("tidings.db");
        try (ProcessLock daemon = SyncLock.daemon(db)) {
            assertThat(daemon.file()).isEqualTo(Path.of(db.toAbsolutePath() + ".daemon.lock"));
            assertThatThrownBy(() -> SyncLock.daemon(db))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("another tidings daemon (pid " + ProcessHandle.current().pid() + ") is already running on " + db);
            // the daemon lock does not hold the sync lock
            try (ProcessLock round = SyncLock.round(db, Duration.ZERO, () -> { }).orElseThrow()) {
                assertThat(round.file().toString()).endsWith(".sync.lock");
            }
        }
    }
}
