package org.tidings.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class EventLogTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-11-27T10:00:00Z"));
    private final SyncSummary summary = new SyncSummary(12, 5, 6, 1, 40, 2, Duration.ofMillis(2500));

    @Test
    void textRoundIsOneLine() {
        new EventLog(out, EventLog.Format.TEXT, clock).round(summary);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("2026-11-27T10:00:00Z round: 12 feeds: 5 fetched, 6 not modified, 1 failed; 40 new, 2 updated articles; 2.5s\n");
    }

    @Test
    void jsonLinesCarryTheCounts() throws Exception {
        EventLog log = new EventLog(out, EventLog.Format.JSON, clock);
        log.round(summary);
        log.feedError("http://example.test/feed", "HTTP 500");
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        JsonNode round = new ObjectMapper().readTree(lines[0]);
        assertThat(round.get("event").asText()).isEqualTo("round");
        assertThat(round.get("new").asInt()).isEqualTo(40);
        assertThat(round.get("duration_ms").asLong()).isEqualTo(2500);
        JsonNode error = new ObjectMapper().readTree(lines[1]);
        assertThat(error.get("feed").asText()).isEqualTo("http://example.test/feed");
    }

    @Test
    void hostileErrorTextCannotReachTheTerminal() {
        new EventLog(out, EventLog.Format.TEXT, clock).feedError("http://x.test/\u001b[2J", "bad\nline\u009b");
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).doesNotContain("\u001b").doesNotContain("\u009b");
        assertThat(printed.lines()).hasSize(1);
        assertThat(printed).contains("\\x1b[2J").contains("bad\\x0aline\\x9b");
    }
}
