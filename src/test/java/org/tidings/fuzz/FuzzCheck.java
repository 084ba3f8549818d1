package org.tidings.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assertions;

/** The property every fuzz case must hold, and the figures of a run. */
final class FuzzCheck {
    /** Per call; generous because the test machine is shared. Real calls take milliseconds. */
    static final Duration TIME_BOUND = Duration.ofSeconds(20);

    /** A call either returns a value or throws the one documented checked exception. */
    @FunctionalInterface
    interface Call {
        Object run() throws Exception;
    }

    /** What one call did. */
    record Outcome(Object value, long allocatedBytes, long nanos) {}

    /** Figures of a run, for docs/SECURITY.md. */
    static final class Stats {
        final AtomicLong cases = new AtomicLong();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong maxNanos = new AtomicLong();
        final AtomicLong maxAllocated = new AtomicLong();
        final AtomicLong maxInput = new AtomicLong();

        void add(Outcome outcome, Class<? extends Exception> documented, int inputBytes) {
            cases.incrementAndGet();
            (documented.isInstance(outcome.value()) ? refused : accepted).incrementAndGet();
            maxNanos.accumulateAndGet(outcome.nanos(), Math::max);
            maxAllocated.accumulateAndGet(outcome.allocatedBytes(), Math::max);
            maxInput.accumulateAndGet(inputBytes, Math::max);
        }

        String summary(String name) {
            return String.format("%s: %d cases, %d read, %d refused with the documented exception; slowest call %d ms,"
                    + " most allocated by one call %d MB, largest input %d KB", name, cases.get(), accepted.get(),
                    refused.get(), maxNanos.get() / 1_000_000, maxAllocated.get() >> 20, maxInput.get() >> 10);
        }
    }

    private FuzzCheck() {}

    /**
     * Runs {@code call} under the time bound; fails on any exception but {@code documented}, on a
     * blank or multi-line message, on any text printed to stdout or stderr, and on an allocation above {@code 64 MB + 400 x input}.
     */
    static Outcome check(Call call, Class<? extends Exception> documented, int inputBytes) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        Outcome outcome;
        try {
            outcome = run(call, documented);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).as("text printed to stdout/stderr (the terminal)").isEmpty();
        verify(outcome, documented, inputBytes);
        return outcome;
    }

    private static Outcome run(Call call, Class<? extends Exception> documented) {
        return Assertions.assertTimeoutPreemptively(TIME_BOUND, () -> {
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            Object value;
            try {
                value = call.run();
            } catch (Exception e) {
                if (!documented.isInstance(e)) {
                    throw e;
                }
                value = e;
            }
            return new Outcome(value, threads.getCurrentThreadAllocatedBytes() - before, System.nanoTime() - start);
        });
    }

    private static void verify(Outcome outcome, Class<? extends Exception> documented, int inputBytes) {
        if (documented.isInstance(outcome.value())) {
            String message = ((Exception) outcome.value()).getMessage();
            assertThat(message).as("the refusal message").isNotBlank().doesNotContain("\n").doesNotContain("\r");
        } else {
            assertThat(outcome.value()).isNotNull();
            long chars = textVolume(outcome.value());
            assertThat(chars).as("text in the result (amplification)").isLessThanOrEqualTo(16L * inputBytes + 4_000_000L);
        }
        assertThat(outcome.allocatedBytes()).as("bytes allocated by one call")
                .isLessThanOrEqualTo(64L * 1024 * 1024 + 400L * inputBytes);
    }

    /** The characters of text held by a result (records, lists, maps and optionals walked). */
    static long textVolume(Object value) {
        if (value instanceof CharSequence text) {
            return text.length();
        }
        if (value instanceof Collection<?> items) {
            long sum = 0;
            for (Object item : items) {
                sum += item == null ? 0 : textVolume(item);
            }
            return sum;
        }
        if (value instanceof Map<?, ?> map) {
            return textVolume(map.keySet()) + textVolume(map.values());
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(FuzzCheck::textVolume).orElse(0L);
        }
        if (value instanceof java.net.URI uri) {
            return uri.toString().length();
        }
        if (value.getClass().isRecord()) {
            long sum = 0;
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    Object field = component.getAccessor().invoke(value);
                    sum += field == null ? 0 : textVolume(field);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return sum;
        }
        return 0;
    }
}
