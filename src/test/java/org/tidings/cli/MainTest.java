package org.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tidings.testing.Cli;
import org.tidings.testing.Cli.Result;

class MainTest {
    private static Result run(String... args) {
        return Cli.run(args);
    }

    @Test
    void printsVersion() {
        Result result = run("--version");
        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("tidings ");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Result result = run("frobnicate");
        assertThat(result.code()).isEqualTo(ExitCodes.FATAL);
    }

    @Test
    void missingFileIsOneLineOnStderrWithExitTwo() {
        Result result = run("parse", "--json", "no-such-file.xml");
        assertThat(result.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).contains("no-such-file.xml").doesNotContain("Exception");
    }

    @Test
    void databaseDefaultsFollowEnvironmentThenXdg() {
        assertThat(TidingsCommand.defaultDatabasePath(Map.of("TIDINGS_DB", "/x/t.db")))
                .isEqualTo(Path.of("/x/t.db"));
        assertThat(TidingsCommand.defaultDatabasePath(Map.of("XDG_DATA_HOME", "/data")))
                .isEqualTo(Path.of("/data/tidings/tidings.db"));
    }
}
