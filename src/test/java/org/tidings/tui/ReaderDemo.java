package org.tidings.tui;

import java.io.IOException;
import java.time.Instant;

/**
 * Runs the reader on the real terminal with in-memory data, to try it by hand:
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.tidings.tui.ReaderDemo}.
 */
public final class ReaderDemo {
    private ReaderDemo() {}

    public static void main(String[] args) throws IOException {
        java.util.logging.LogManager.getLogManager().reset(); // as the CLI does: nothing logs to the terminal
        FakeReaderData data = Fixtures.world();
        Instant start = Instant.parse("2026-10-01T00:00:00Z");
        for (int i = 0; i < 300; i++) {
            data.add(Fixtures.VANGUARD, start.plusSeconds(3600L * i), "Vanguard story number " + i, "Archive");
        }
        data.add(Fixtures.PEOPLES_DAILY, Instant.parse("2026-11-26T12:00:00Z"),
                "人民日报 🔥 \u001b[2J hostile \u202Etitle", "World");
        data.feed(20, "人民日报 People's Daily CN", null).feed(21, "🔥 Hot News ⭐", null).feed(22, "الجزيرة نت", null);
        data.add(20, Instant.parse("2026-11-26T13:00:00Z"), "中国与尼日利亚举行贸易会谈 and English words", "World");
        data.add(21, Instant.parse("2026-11-26T14:00:00Z"), "🔥🔥 Breaking ⭐ news 😀 today", "World");
        data.add(22, Instant.parse("2026-11-26T15:00:00Z"), "\u202Bقمة أبوجا\u202C للتجارة", "World");
        FakeReloader reloader = new FakeReloader(data)
                .willAdd(Fixtures.SITE, Instant.parse("2026-11-27T07:00:00Z"), "Fresh from the reload");
        ReaderApp.runOnTerminal(data, reloader, System.getenv());
    }
}
