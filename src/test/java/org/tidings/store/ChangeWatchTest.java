package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tidings.model.Subscription;
import org.tidings.testing.Postgres;

/**
 * Change notices on PostgreSQL ({@link ChangeWatch}): a reader learns of another process's edits
 * of the subscription list (as from another machine), and not of a sync's bookkeeping.
 */
class ChangeWatchTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    private Store reader;
    private Store writer;
    private ChangeWatch watch;

    @BeforeEach
    void open() {
        String url = Postgres.database().url();
        reader = Store.open(DatabaseLocation.parse(url));
        writer = Store.open(DatabaseLocation.parse(url));
        watch = reader.changeWatch().orElseThrow();
        watch.version();
    }

    @AfterEach
    void close() {
        watch.close();
        reader.close();
        writer.close();
    }

    /** Runs {@code edit} in the writer; true when the reader's watch then sees a change (within 5 s). */
    private boolean noticed(Runnable edit) throws InterruptedException {
        long before = watch.version();
        edit.run();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (watch.version() != before) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Runs {@code work} in the writer; true when the watch stays still for half a second after. */
    private boolean unnoticed(Runnable work) throws InterruptedException {
        long before = watch.version();
        work.run();
        Thread.sleep(500);
        return watch.version() == before;
    }

    @Test
    void feedEditsByAnotherProcessAreNoticed() throws Exception {
        assertThat(noticed(() -> writer.feeds().add(Subscription.of("http://a.example/feed"), NOW))).isTrue();
        long id = writer.feeds().feedByUrl("http://a.example/feed").orElseThrow().id();
        assertThat(noticed(() -> writer.feeds().rename(id, "Renamed"))).isTrue();
        assertThat(noticed(() -> writer.feeds().move(id, "News"))).isTrue();
        assertThat(noticed(() -> writer.feeds().setTopic(id, "Africa"))).isTrue();
        assertThat(noticed(() -> writer.subscriptionLists().importAll(
                List.of(new Subscription("http://b.example/feed", "B", null, "World", List.of())), NOW))).isTrue();
        assertThat(noticed(() -> writer.feeds().remove(id, false))).isTrue();
    }

    @Test
    void aSyncsBookkeepingOfFeedsIsNotNoticed() throws Exception {
        writer.feeds().add(Subscription.of("http://a.example/feed"), NOW);
        long id = writer.feeds().feedByUrl("http://a.example/feed").orElseThrow().id();
        watch.version();
        Thread.sleep(300);
        assertThat(unnoticed(() -> {
            writer.leases().register("w", "host", 1, "sync", Duration.ofMinutes(2), NOW);
            writer.leases().claimDue("w", NOW, NOW.plusSeconds(120), 10);
            writer.leases().heartbeat("w", NOW, NOW.plusSeconds(120));
            writer.feeds().recordNotModified(id, NOW, NOW.plusSeconds(3600));
            writer.feeds().scheduleNextPoll(id, NOW.plusSeconds(7200));
            writer.leases().unregister("w");
        })).isTrue();
    }
}
