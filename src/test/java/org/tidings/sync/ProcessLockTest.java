package org.tidings.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessLockTest {
    @TempDir Path dir;

    @Test
    void secondHolderIsRefusedUntilTheFirstReleases() throws Exception {
        Path file = dir.resolve("sub/tidings.db.daemon.lock");
        try (ProcessLock first = ProcessLock.tryAcquire(file).orElseThrow()) {
            assertThat(ProcessLock.tryAcquire(file)).isEmpty();
            assertThat(ProcessLock.holder(file)).contains(ProcessHandle.current().pid());
        }
        Optional<ProcessLock> again = ProcessLock.tryAcquire(file);
        assertThat(again).isPresent();
        again.get().close();
    }

    @Test
    void lockHeldByAnotherProcessIsSeenAndFreedWhenItDies() throws Exception {
        Path file = dir.resolve("db.lock");
        String java = ProcessHandle.current().info().command().orElse("java");
        // flock-style locks are per process: a child JVM holds it, we must be refused.
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                        LockHolder.class.getName(), file.toString())
                .redirectErrorStream(true)
                .start();
        try {
            assertThat(child.getInputStream().read()).isEqualTo('L');
            assertThat(ProcessLock.tryAcquire(file)).isEmpty();
        } finally {
            child.destroyForcibly().waitFor();
        }
        try (ProcessLock lock = ProcessLock.tryAcquire(file).orElseThrow()) {
            assertThat(lock.file()).isEqualTo(file);
        }
    }

    /** Child process: takes the lock, says 'L', sleeps until killed. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            try (ProcessLock lock = ProcessLock.tryAcquire(Path.of(args[0])).orElseThrow()) {
                System.out.print('L');
                System.out.flush();
                Thread.sleep(60_000);
            }
        }
    }
}
