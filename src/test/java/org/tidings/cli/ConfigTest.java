package org.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.cli.Config.Key;

class ConfigTest {
    @TempDir Path dir;

    @Test
    void defaultsApplyWithoutAFile() throws Exception {
        Config config = Config.load(dir.resolve("missing.toml"), Map.of());
        assertThat(config.integer(Key.FETCH_CONCURRENCY)).isEqualTo(32);
        assertThat(config.integer(Key.FETCH_PER_HOST)).isEqualTo(4);
        assertThat(config.duration(Key.SCHEDULE_MIN_INTERVAL)).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.bytes(Key.FETCH_MAX_BODY)).isEqualTo(20L * 1024 * 1024);
        assertThat(config.optional(Key.DAEMON_HTTP)).isNull();
    }

    @Test
    void fileThenEnvironmentOverride() throws Exception {
        Path file = dir.resolve("config.toml");
        Files.writeString(file, "[fetch]\nconcurrency = 8\nper_host = 2\n[schedule]\nmax_interval = \"6h\"\n");
        Config config = Config.load(file, Map.of("TIDINGS_FETCH_PER_HOST", "3"));
        assertThat(config.integer(Key.FETCH_CONCURRENCY)).isEqualTo(8);
        assertThat(config.integer(Key.FETCH_PER_HOST)).isEqualTo(3);
        assertThat(config.duration(Key.SCHEDULE_MAX_INTERVAL)).isEqualTo(Duration.ofHours(6));
        assertThat(config.toToml())
                .contains("concurrency = 8  # file")
                .contains("per_host = 3  # env TIDINGS_FETCH_PER_HOST");
    }

    @Test
    void unknownKeyIsRefusedByName() throws Exception {
        Path file = dir.resolve("config.toml");
        Files.writeString(file, "[fetch]\nconcurency = 8\n");
        assertThatThrownBy(() -> Config.load(file, Map.of()))
                .isInstanceOf(Config.ConfigException.class)
                .hasMessageContaining("fetch.concurency");
    }

    @Test
    void badValueNamesKeyAndSource() {
        assertThatThrownBy(() -> Config.load(null, Map.of("TIDINGS_SCHEDULE_MIN_INTERVAL", "soon")))
                .isInstanceOf(Config.ConfigException.class)
                .hasMessageContaining("schedule.min_interval")
                .hasMessageContaining("env TIDINGS_SCHEDULE_MIN_INTERVAL");
    }

    @Test
    void malformedTomlIsAConfigException() throws Exception {
        Path file = dir.resolve("config.toml");
        Files.writeString(file, "[fetch\nconcurrency = ");
        assertThatThrownBy(() -> Config.load(file, Map.of())).isInstanceOf(Config.ConfigException.class);
    }

    @Test
    void durationsInSeveralForms() {
        assertThat(Config.parseDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Config.parseDuration("PT2H")).isEqualTo(Duration.ofHours(2));
        assertThat(Config.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
    }
}
