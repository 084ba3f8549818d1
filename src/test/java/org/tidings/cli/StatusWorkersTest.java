package org.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.store.DatabaseLocation;
import org.tidings.store.Store;
import org.tidings.testing.Cli;
import org.tidings.testing.Postgres;

/** {@code status} on a PostgreSQL database several workers share: a killed worker shows as lost at once. */
class StatusWorkersTest {
    @TempDir Path dir;

    @Test
    void aWorkerThatMissedTwoHeartbeatsShowsAsLostAndALiveOneDoesNot() throws Exception {
        Postgres.Database db = Postgres.database();
        Instant now = Instant.now();
        try (Store store = Store.open(DatabaseLocation.parse(db.url()))) {
            // killed 90 s ago with a 2 min lease: it beat every 40 s, so it missed two
            store.leases().register("gone-1-aa", "host1", 101, "daemon", Duration.ofMinutes(2), now.minusSeconds(90));
            store.leases().register("alive-2-bb", "host2", 202, "sync", Duration.ofMinutes(2), now);
        }
        String config = Files.writeString(dir.resolve("config.toml"), "").toString();

        Cli.Result status = Cli.run("--db", db.url(), "--config", config, "status");
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out().lines().filter(line -> line.startsWith("worker:")))
                .anySatisfy(line -> assertThat(line).contains("gone-1-aa").contains("LOST: no heartbeat since"))
                .anySatisfy(line -> assertThat(line).contains("alive-2-bb").contains(", heartbeat ").doesNotContain("LOST"));

        Cli.Result json = Cli.run("--db", db.url(), "--config", config, "status", "--json");
        assertThat(json.code()).as(json.err()).isZero();
        assertThat(json.out()).containsPattern("\"id\":\"gone-1-aa\"[^}]*\"lost\":true")
                .containsPattern("\"id\":\"alive-2-bb\"[^}]*\"lost\":false");
    }
}
