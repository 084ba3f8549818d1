package org.tidings.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HostLimiterTest {
    private final List<CompletableFuture<String>> running = new ArrayList<>();
    private final List<String> started = new ArrayList<>();

    private CompletableFuture<String> submit(HostLimiter limiter, String host, String name) {
        return limiter.run(host, () -> {
            started.add(name);
            CompletableFuture<String> work = new CompletableFuture<>();
            running.add(work);
            return work;
        });
    }

    @Test
    void queuesWorkBeyondThePerHostLimitAndStartsItWhenAPermitFrees() {
        HostLimiter limiter = new HostLimiter(10, 2);
        CompletableFuture<String> first = submit(limiter, "a", "a1");
        submit(limiter, "a", "a2");
        submit(limiter, "a", "a3");

        assertThat(started).containsExactly("a1", "a2");

        running.get(0).complete("done");

        assertThat(first).isCompletedWithValue("done");
        assertThat(started).containsExactly("a1", "a2", "a3");
    }

    @Test
    void hostsTakeTurnsUnderTheGlobalLimit() {
        HostLimiter limiter = new HostLimiter(1, 4);
        submit(limiter, "a", "a1");
        submit(limiter, "a", "a2");
        submit(limiter, "a", "a3");
        submit(limiter, "b", "b1");
        submit(limiter, "b", "b2");

        for (int i = 0; i < 5; i++) {
            running.get(i).complete("ok");
        }

        assertThat(started).containsExactly("a1", "a2", "b1", "a3", "b2");
    }

    @Test
    void aFailedTaskFreesItsPermit() {
        HostLimiter limiter = new HostLimiter(1, 1);
        CompletableFuture<String> failing = limiter.run("a", () -> {
            throw new IllegalStateException("boom");
        });
        submit(limiter, "a", "a2");

        assertThat(failing).isCompletedExceptionally();
        assertThat(started).containsExactly("a2");
    }
}
