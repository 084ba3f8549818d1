package org.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tidings.tui.Fixtures.world;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Enclosure;
import org.tidings.model.Entry;
import org.tidings.model.FeedFormat;
import org.tidings.model.FeedHints;
import org.tidings.model.ParsedFeed;
import org.tidings.model.Subscription;
import org.tidings.store.Store;

/** What a new user trips on in the reader (issue 17), on the real reader and a virtual terminal. */
class ReaderUxTest {
    @TempDir Path dir;

    @Test
    void countsThatFailAtStartAreOneErrorLineClearedByTheNextKey() {
        FakeReaderData data = Fixtures.world();
        data.failWith(new IllegalStateException("database is locked"));
        // the first counts are read on two threads (sources here, topics beside): still one error line
        ReaderHarness reader = new ReaderHarness(data, 80, 24);
        assertThat(reader.messageLine()).isEqualTo("database is locked");
        data.failWith(null);
        reader.press("j");
        assertThat(reader.messageLine()).isEmpty();
        assertThat(reader.app.hasQuit()).isFalse();
    }

    @Test
    void anErrorIsClearedByTheNextKey() {
        ReaderHarness reader = new ReaderHarness(world(), 80, 24);
        reader.data.failWith(new IllegalStateException("database is locked"));
        reader.press("ENTER");
        assertThat(reader.messageLine()).isEqualTo("database is locked");
        reader.data.failWith(null);
        reader.press("j");
        assertThat(reader.messageLine()).isEmpty();
        assertThat(reader.statusLine()).doesNotContain("error");
        reader.press("/");
        reader.type("naira");
        reader.press("ENTER");
        assertThat(reader.screen()).doesNotContain("database is locked");
    }

    @Test
    void aBrowserThatCannotStartSaysToSetBrowser() throws Exception {
        FakeReaderData data = world();
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(160, 24));
        ReaderConfig config = new ReaderConfig(true, "", Duration.ofSeconds(3), ZoneOffset.UTC, 50);
        ReaderApp app = new ReaderApp(data, new FakeReloader(data), new TerminalScreen(terminal), KeyMap.newsboatDefaults(),
                InstantSource.fixed(ReaderHarness.NOW), config,
                url -> { throw new IOException("Cannot run program \"xdg-open\": error=2, No such file or directory"); },
                Runnable::run);
        app.start();
        press(terminal, app, new KeyStroke(KeyType.Enter));
        press(terminal, app, new KeyStroke('o', false, false));
        String message = row(terminal, 23);
        assertThat(message).startsWith("could not start the browser: set $BROWSER to its command, e.g. BROWSER=firefox"
                + " (Cannot run program \"xdg-open\"");
        press(terminal, app, new KeyStroke('j', false, false));
        assertThat(row(terminal, 23)).isEmpty();
        app.stop();
    }

    @Test
    void eachFeedShowsItsOwnLastErrorWhenSelected() {
        FakeReaderData data = world()
                .failingFeed(8, "Broken A", "HTTP 500 Internal Server Error")
                .failingFeed(9, "Broken B", "not a feed: the root element is <html>");
        ReaderHarness reader = new ReaderHarness(data, 120, 30);
        List<String> seen = new ArrayList<>();
        for (int step = 0; step < 10; step++) {
            String status = reader.statusLine();
            int selected = Integer.parseInt(status.strip().split("/")[0]);
            String label = reader.line(selected); // row 1 is the first list row
            if (label.contains("Broken A")) {
                assertThat(status).endsWith("error: HTTP 500 Internal Server Error");
                seen.add("A");
            } else if (label.contains("Broken B")) {
                assertThat(status).endsWith("error: not a feed: the root element is <html>");
                seen.add("B");
            } else {
                assertThat(status).doesNotContain("error");
            }
            reader.press("j");
        }
        assertThat(seen).containsOnly("A", "B").contains("A", "B");
    }

    @Test
    void helpShowsPgUpAndPgDnAndTheConfigNames() {
        ReaderHarness reader = new ReaderHarness(world(), 80, 40).press("?");
        assertThat(reader.screen()).contains("PgUp", "PgDn", "page-down", "mark-all-read", "open-enclosure")
                .doesNotContain("PPAGE").doesNotContain("NPAGE");
    }

    @Test
    void configuredKeysReplaceTheDefaultsAndShowInTheHelp() {
        KeyMap keys = KeyMap.newsboatDefaults().withActionKeys(Map.of(
                "mark-all-read", List.of("x"), "down", List.of("j", "Down", "J"), "page-down", List.of("Space", "PgDn")));
        FakeReaderData data = world();
        ReaderHarness reader = new ReaderHarness(data, new FakeReloader(data), 80, 40, true, keys, Runnable::run);
        reader.press("?");
        assertThat(reader.screen()).contains("  x            mark all in the list read")
                .contains("  j, Down, J   move down")
                .contains("  Space, PgDn  page down");
        reader.press("q", "J");
        assertThat(reader.statusLine()).startsWith(" 2/");
        reader.press("A");
        assertThat(reader.messageLine()).isEqualTo("Unbound key (? shows the keys)");
    }

    @Test
    void conflictingKeysAreRefusedNamingBothActions() {
        KeyMap defaults = KeyMap.newsboatDefaults();
        assertThatThrownBy(() -> defaults.withActionKeys(Map.of("star", List.of("x"), "mark-all-read", List.of("x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("key x is bound to both (star and mark-all-read|mark-all-read and star)");
        assertThatThrownBy(() -> defaults.withActionKeys(Map.of("star", List.of("n"))))
                .hasMessage("key n for star is already next-unread's key; give next-unread other keys (or \"none\") in [keys] too");
        assertThatThrownBy(() -> defaults.withActionKeys(Map.of("stra", List.of("x"))))
                .hasMessageStartingWith("unknown action 'stra' (actions: up, down,");
        assertThatThrownBy(() -> defaults.withActionKeys(Map.of("star", List.of("F13"))))
                .hasMessageStartingWith("unknown key name: F13");
        KeyMap swapped = defaults.withActionKeys(Map.of("star", List.of("n"), "next-unread", List.of("none")));
        assertThat(swapped.keysFor(Action.STAR)).containsExactly("n");
        assertThat(swapped.keysFor(Action.NEXT_UNREAD)).isEmpty();
    }

    @Test
    void enclosuresAreListedWithTypeAndSizeAndOpenWithTheConfiguredPlayer() throws Exception {
        Path argv = dir.resolve("argv.txt");
        Path player = dir.resolve("player.sh");
        Files.writeString(player, "#!/bin/sh\nprintf '%s\\n' \"$@\" >> '" + argv + "'\necho --end-- >> '" + argv + "'\n");
        assertThat(player.toFile().setExecutable(true)).isTrue();
        Instant now = Instant.parse("2026-11-27T08:00:00Z");
        Store store = Store.open(dir.resolve("tidings.db"));
        long feed = store.feeds().add(Subscription.of("https://pod.example/feed"), now).feed().id();
        Entry episode = new Entry("ep-1", "https://pod.example/1", "Episode one", now, null, null, List.of(),
                List.of(new Enclosure("https://pod.example/ep1.mp3", "audio/mpeg", 12_345_678L),
                        new Enclosure("https://pod.example/cover.jpg", null, null)),
                List.of(), "<p>Show notes.</p>", null, null);
        store.ingest(feed, new ParsedFeed(FeedFormat.RSS_20, "Pod", "https://pod.example/", null, null, List.of(episode),
                FeedHints.NONE, false, List.of()), now);

        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(100, 30));
        List<String> browser = new ArrayList<>();
        ReaderConfig config = new ReaderConfig(true, "", Duration.ofSeconds(3), ZoneOffset.UTC, 50)
                .withPlayer(player + " --no-video");
        ReaderApp app = new ReaderApp(new StoreReaderData(store, dir.resolve("tidings.db"), InstantSource.fixed(now)),
                new FakeReloader(new FakeReaderData()), new TerminalScreen(terminal), KeyMap.newsboatDefaults(),
                InstantSource.fixed(now), config, browser::add, Runnable::run);
        try {
            app.start();
            press(terminal, app, new KeyStroke(KeyType.Enter));
            press(terminal, app, new KeyStroke(KeyType.Enter));
            String screen = screen(terminal);
            assertThat(screen).contains("Media: [1] audio/mpeg, 11.8 MB: https://pod.example/ep1.mp3  (e opens)")
                    .contains("Media: [2] type unknown, size unknown: https://pod.example/cover.jpg");
            press(terminal, app, new KeyStroke('e', false, false));
            assertThat(row(terminal, 29)).isEqualTo("Opened enclosure 1/2 with " + player + ": https://pod.example/ep1.mp3");
            press(terminal, app, new KeyStroke('e', false, false));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (runs(argv) < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(Files.readAllLines(argv)).containsExactly("--no-video", "https://pod.example/ep1.mp3", "--end--",
                    "--no-video", "https://pod.example/cover.jpg", "--end--");
            assertThat(browser).isEmpty();
        } finally {
            app.stop();
            store.close();
        }
    }

    @Test
    void withoutAPlayerEnclosuresOpenInTheBrowserAndAnArticleWithoutOneSaysSo() {
        FakeReaderData data = world();
        ReaderHarness reader = new ReaderHarness(data, 80, 24);
        reader.press("ENTER", "ENTER", "e");
        assertThat(reader.messageLine()).isEqualTo("This article has no enclosures (podcast, video or images)");
        assertThat(reader.opened).isEmpty();
    }

    private static long runs(Path argv) throws IOException {
        return Files.exists(argv) ? Files.readAllLines(argv).stream().filter("--end--"::equals).count() : 0;
    }

    private static void press(DefaultVirtualTerminal terminal, ReaderApp app, KeyStroke key) {
        terminal.addInput(key);
        app.step();
        app.step();
    }

    private static String row(DefaultVirtualTerminal terminal, int y) {
        StringBuilder text = new StringBuilder();
        for (int x = 0; x < terminal.getTerminalSize().getColumns(); x++) {
            text.append(terminal.getCharacter(x, y).getCharacterString());
        }
        return text.toString().strip();
    }

    private static String screen(DefaultVirtualTerminal terminal) {
        List<String> rows = new ArrayList<>();
        for (int y = 0; y < terminal.getTerminalSize().getRows(); y++) {
            rows.add(row(terminal, y));
        }
        return String.join("\n", rows);
    }

}
