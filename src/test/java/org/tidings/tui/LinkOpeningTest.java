package org.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Entry;
import org.tidings.model.FeedFormat;
import org.tidings.model.FeedHints;
import org.tidings.model.ParsedFeed;
import org.tidings.model.Subscription;
import org.tidings.store.Store;

/**
 * {@code o} in the reader, end to end: articles in a real store whose links are hostile, the real
 * {@link BrowserLauncher} with {@code $BROWSER} set to a script that records its argv. Only
 * http(s) links reach the browser, each as exactly one argument, never through a shell; HTML
 * bodies never make the reader fetch anything. docs/SECURITY.md.
 */
class LinkOpeningTest {
    @TempDir Path dir;

    private static Entry entry(int n, String link, String html) {
        return new Entry("urn:link:" + n, link, "Article " + n, Instant.parse("2026-11-27T07:00:00Z").minusSeconds(60L * n),
                null, "Staff", List.of(), List.of(), List.of(), html, null, null);
    }

    /** A fake browser: writes each argument on its own line to {@code argv}, and a marker per run. */
    private Path fakeBrowser(Path argv) throws Exception {
        Path script = dir.resolve("fake-browser.sh");
        Files.writeString(script, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> '" + argv + "'; done\n"
                + "echo '--end--' >> '" + argv + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void onlyHttpLinksReachTheBrowserAsOneArgumentWithoutAShell() throws Exception {
        Path argv = dir.resolve("argv.txt");
        Path pwned = dir.resolve("PWNED");
        String tricky = "https://ok.example/?q=$(touch${IFS}" + pwned + ")&r=`touch${IFS}" + pwned + "`;touch${IFS}"
                + pwned + "|x>" + pwned + "&";
        List<String> links = List.of(
                tricky,
                "javascript:alert(document.cookie)",
                "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
                "file:///etc/passwd",
                "--help",
                "https://ok.example/a b",
                "https://ok.example/\u001b]52;c;eA==\u0007",
                "http://plain.example/x");
        Store store = Store.open(dir.resolve("tidings.db"));
        Instant now = Instant.parse("2026-11-27T08:00:00Z");
        long feed = store.feeds().add(Subscription.of("https://hostile.example/feed"), now).feed().id();
        List<Entry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            entries.add(entry(i, links.get(i), "<p>body</p>"));
        }
        store.ingest(feed, new ParsedFeed(FeedFormat.RSS_20, "Hostile", "https://hostile.example/", null, null, entries,
                FeedHints.NONE, false, List.of()), now);

        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(100, 30));
        ReaderConfig config = new ReaderConfig(false, fakeBrowser(argv).toString(), Duration.ofSeconds(3),
                ZoneOffset.UTC, 50);
        ReaderApp app = new ReaderApp(new StoreReaderData(store, dir.resolve("tidings.db"), InstantSource.fixed(now)),
                noReload(), new TerminalScreen(terminal), KeyMap.newsboatDefaults(), InstantSource.fixed(now), config,
                new BrowserLauncher(config.browser()), Runnable::run);
        app.start();
        press(terminal, app, new KeyStroke(KeyType.Enter)); // All unread
        List<String> messages = new java.util.ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            press(terminal, app, new KeyStroke('o', false, false));
            messages.add(lastLine(terminal));
            press(terminal, app, new KeyStroke('j', false, false));
        }
        app.stop();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (countRuns(argv) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(200); // a third run, if there wrongly were one, would be recorded by now
        assertThat(Files.readAllLines(argv)).as(String.join("\n", messages)).containsExactly(tricky, "--end--", "http://plain.example/x", "--end--");
        assertThat(pwned).doesNotExist();
        assertThat(messages.get(1)).contains("not opened: only http and https links are opened");
        assertThat(messages.get(2)).contains("not opened");
        assertThat(messages.get(3)).contains("not opened");
        assertThat(messages.get(4)).contains("not opened");
        assertThat(messages.get(5)).contains("not opened");
        assertThat(messages.get(6)).contains("not opened").doesNotContain("\u001b");
    }

    @Test
    void renderingAnHtmlBodyFetchesNothing() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String html = "<html><head><link rel=\"stylesheet\" href=\"" + base + "/css\"><meta http-equiv=\"refresh\""
                    + " content=\"0;url=" + base + "/refresh\"><base href=\"" + base + "/base/\"><script src=\"" + base
                    + "/script.js\"></script><style>@import url(" + base + "/import.css); p{background:url(" + base
                    + "/bg.png)}</style></head><body><p>Text <img src=\"" + base + "/img.png\" srcset=\"" + base
                    + "/2x.png 2x\" alt=\"pic\"></p><iframe src=\"" + base + "/frame\"></iframe><object data=\"" + base
                    + "/object\"></object><embed src=\"" + base + "/embed\"><video src=\"" + base + "/video\" poster=\""
                    + base + "/poster\"><source src=\"" + base + "/source\"></video><audio src=\"" + base + "/audio\">"
                    + "</audio><svg><image href=\"" + base + "/svg\"/></svg><form action=\"" + base + "/form\">"
                    + "<input type=\"image\" src=\"" + base + "/input\"></form><script>fetch('" + base + "/fetch')</script>"
                    + "<img src=\"x\" onerror=\"fetch('" + base + "/onerror')\"><a href=\"javascript:fetch('" + base
                    + "/js')\">js</a> <a href=\"data:text/html,<script>alert(1)</script>\">data</a>"
                    + " <a href=\"" + base + "/page\">page</a></body></html>";

            HtmlText text = HtmlText.parse(html, base + "/article");
            List<HtmlText.Line> lines = text.lines(80);
            String rendered = String.join("\n", lines.stream().map(HtmlText.Line::text).toList());

            assertThat(rendered).contains("Text [image: pic]").contains("js[").contains("data[").contains("page[")
                    .doesNotContain("/fetch')").doesNotContain("onerror").doesNotContain("background");
            assertThat(rendered).contains("(not opened: javascript link)").contains("(not opened: data link)");
            assertThat(text.links()).contains(base + "/page");
            Thread.sleep(200);
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    private static Reloader noReload() {
        return new Reloader() {
            @Override
            public Result reloadFeed(long feedId, Progress progress) {
                return new Result(0, 0, 0, Optional.empty());
            }

            @Override
            public Result reloadAll(Progress progress) {
                return new Result(0, 0, 0, Optional.empty());
            }
        };
    }

    private static void press(DefaultVirtualTerminal terminal, ReaderApp app, KeyStroke key) {
        terminal.addInput(key);
        app.step();
        app.step();
    }

    private static String lastLine(DefaultVirtualTerminal terminal) {
        StringBuilder text = new StringBuilder();
        int row = terminal.getTerminalSize().getRows() - 1;
        for (int x = 0; x < terminal.getTerminalSize().getColumns(); x++) {
            text.append(terminal.getCharacter(x, row).getCharacterString());
        }
        return text.toString().strip();
    }

    private static long countRuns(Path argv) throws Exception {
        return Files.exists(argv) ? Files.readAllLines(argv).stream().filter("--end--"::equals).count() : 0;
    }
}
