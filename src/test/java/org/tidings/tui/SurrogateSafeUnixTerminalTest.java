package org.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SurrogateSafeUnixTerminalTest {
    @Test
    void encodesCharactersOutsideTheBmpWhole() {
        SurrogateSafeUnixTerminal.PairEncoder encoder = new SurrogateSafeUnixTerminal.PairEncoder(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (char c : "a😀人\uDE00b".toCharArray()) {
            byte[] bytes = encoder.encode(c);
            out.writeBytes(bytes == null ? String.valueOf(c).getBytes(StandardCharsets.UTF_8) : bytes);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a😀人\uFFFDb");
    }
}
