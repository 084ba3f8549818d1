package org.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.tui.Action;

/** config.toml's [keys] and [reader] sections (docs/READER.md): real, checked, shown by {@code config}. */
class KeysConfigTest {
    @TempDir Path dir;

    @Test
    void keysSectionBindsActionsToKeys() throws Exception {
        Path file = Files.writeString(dir.resolve("config.toml"), """
                [keys]
                mark-all-read = "x"
                down = ["j", "Down", "J"]
                star = "none"

                [reader]
                player = "mpv --no-video"
                """);
        Config config = Config.load(file, Map.of());
        assertThat(config.keyMap().keysFor(Action.MARK_ALL_READ)).containsExactly("x");
        assertThat(config.keyMap().keysFor(Action.DOWN)).containsExactly("j", "DOWN", "J");
        assertThat(config.keyMap().keysFor(Action.STAR)).isEmpty();
        assertThat(config.string(Config.Key.READER_PLAYER)).isEqualTo("mpv --no-video");
        assertThat(config.toToml()).contains("[keys]", "mark-all-read = [\"x\"]", "down = [\"j\", \"Down\", \"J\"]",
                "player = \"mpv --no-video\"  # file");
    }

    @Test
    void configSaysWhenTheDefaultFileDoesNotExist() {
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"config"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(code).isZero();
        String first = out.toString().lines().findFirst().orElseThrow();
        TidingsCommand top = new TidingsCommand();
        if (!Files.exists(top.configPath())) {
            assertThat(first).isEqualTo("# " + top.configPath() + " (no such file: defaults and environment only)");
        } else {
            assertThat(first).isEqualTo("# " + top.configPath());
        }
    }

    @Test
    void conflictingKeysAreAConfigErrorNamingBothActions() throws Exception {
        Path file = Files.writeString(dir.resolve("config.toml"), "[keys]\nstar = \"x\"\nmark-all-read = \"x\"\n");
        assertThatThrownBy(() -> Config.load(file, Map.of()))
                .isInstanceOf(Config.ConfigException.class)
                .hasMessage(file + ": [keys]: key x is bound to both star and mark-all-read");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"--config", file.toString(), "--db", dir.resolve("t.db").toString(), "config"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(ExitCodes.FATAL);
        assertThat(err.toString().strip()).isEqualTo("tidings: " + file + ": [keys]: key x is bound to both star and mark-all-read");
    }

    @Test
    void unknownActionsAndKeyShapesAreRefused() throws Exception {
        Path unknown = Files.writeString(dir.resolve("a.toml"), "[keys]\nmark-everything = \"x\"\n");
        assertThatThrownBy(() -> Config.load(unknown, Map.of()))
                .hasMessageStartingWith(unknown + ": [keys]: unknown action 'mark-everything' (actions: up, down, open,");
        Path number = Files.writeString(dir.resolve("b.toml"), "[keys]\nstar = 5\n");
        assertThatThrownBy(() -> Config.load(number, Map.of()))
                .hasMessage(number + ": [keys]: star takes a key or a list of keys, such as \"x\" or [\"x\", \"DOWN\"]");
        Path stolen = Files.writeString(dir.resolve("c.toml"), "[keys]\nstar = \"q\"\n");
        assertThatThrownBy(() -> Config.load(stolen, Map.of()))
                .hasMessage(stolen + ": [keys]: key q for star is already back's key; give back other keys (or \"none\") in [keys] too");
    }
}
