package org.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.cli.Main;
import org.tidings.model.Subscription;
import org.tidings.store.Store;

/**
 * Terminal escape sequences (CSI, OSC 52 clipboard writes, OSC 8 links, raw C1 controls) in feed
 * titles, authors, bodies, links, categories and error messages, through the whole path: a
 * loopback server, {@code tidings sync} into a real SQLite file, then {@code tidings feeds},
 * {@code tidings articles} and the reader on Lanterna's virtual terminal. No output may carry a
 * raw ESC, another C0 control (but newline and tab) or a C1 control. docs/SECURITY.md.
 */
class HostileFeedEndToEndTest {
    static final String CSI = "\u001b[2J\u001b[31m";
    static final String OSC52 = "\u001b]52;c;cm0gLXJmIH4K\u0007";
    static final String OSC8 = "\u001b]8;;https://evil.example/\u001b\\click\u001b]8;;\u001b\\";
    static final String C1 = "\u009b6n\u009d52;c;eA==\u009c\u0085";

    @TempDir Path dir;
    private Path db;
    private HttpServer server;
    private final Map<String, Integer> hits = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        db = dir.resolve("data/tidings.db");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            hits.merge(path, 1, Integer::sum);
            byte[] body = switch (path) {
                case "/rss.xml" -> rss().getBytes(StandardCharsets.UTF_8);
                case "/feed.json" -> json().getBytes(StandardCharsets.UTF_8);
                case "/broken.json" -> ("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"x\",\"items\":[" + C1
                        + "ZZ" + OSC52).getBytes(StandardCharsets.UTF_8);
                case "/broken.xml" -> ("<rss version=\"2.0\"><channel><title>" + C1 + "</tilte><" + "\u009b31m")
                        .getBytes(StandardCharsets.UTF_8);
                default -> null;
            };
            if (path.equals("/redirect")) {
                exchange.getResponseHeaders().set("Location", "file:///etc/" + C1.replace("\u009c", "") + "passwd");
                exchange.sendResponseHeaders(301, -1);
            } else if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().set("Content-Type", path.endsWith(".json") ? "application/feed+json"
                        : "application/rss+xml; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private String rss() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Evil " + C1
                + " &#155;2J Feed</title><link>" + url("/") + "</link><item><guid>" + url("/a") + "</guid><title>Pay"
                + C1 + "day &#x9B;31m</title><link>" + url("/a") + "</link><author>mal@x.example (Mal" + C1
                + "lory)</author><category>Cat" + C1 + "</category><description><![CDATA[<p>Body " + C1
                + " text</p><img src=\"" + url("/pixel.gif") + "\"><a href=\"javascript:alert(1)\">js" + C1
                + "</a>]]></description><pubDate>Fri, 27 Nov 2026 07:00:00 GMT</pubDate></item></channel></rss>";
    }

    private String json() {
        return "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":" + quote("JSON " + CSI + OSC52 + " Feed")
                + ",\"home_page_url\":" + quote(url("/")) + ",\"items\":[{\"id\":\"j1\",\"url\":" + quote(url("/j1"))
                + ",\"title\":" + quote("Title " + OSC52 + CSI) + ",\"authors\":[{\"name\":" + quote("Author " + OSC8)
                + "}],\"tags\":[" + quote("Tag " + CSI) + "],\"content_html\":" + quote("<p>Body " + CSI + OSC52 + OSC8
                + " " + C1 + "</p><p>\u0000NUL\u0007BEL\u007fDEL</p>") + ",\"date_published\":\"2026-11-27T06:00:00Z\"}]}";
    }

    /** A JSON string with every control character escaped as JSON allows. */
    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c == '"' || c == '\\' || (c >= 0x7f && c <= 0x9f)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private record Run(int code, String out, String err) {}

    /** Runs the CLI in this JVM, capturing its writers and System.out/err (where sync logs). */
    private Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(List.of(args));
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream streams = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(streams, true, StandardCharsets.UTF_8);
        int code;
        try {
            System.setOut(capture);
            System.setErr(capture);
            code = Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        return new Run(code, out.toString(), err + streams.toString(StandardCharsets.UTF_8));
    }

    private void subscribeAndSync() {
        Store store = Store.open(db);
        Instant now = Instant.now();
        for (String path : List.of("/rss.xml", "/feed.json", "/broken.json", "/broken.xml", "/redirect")) {
            store.feeds().add(Subscription.of(url(path)), now);
        }
        Run sync = cli("sync", "--all");
        assertThat(sync.code()).as(sync.err()).isEqualTo(1); // two of the five feeds fail
        assertTerminalSafe("tidings sync", sync.out() + sync.err());
        assertThat(sync.err()).contains("redirect to").contains("file:///etc/").contains("/broken.json: not a feed");
    }

    @Test
    void cliOutputsCarryNoRawEscapeOrC1Control() {
        subscribeAndSync();

        Run feeds = cli("feeds");
        Run articles = cli("articles");
        Run json = cli("articles", "--json");
        Run feedsJson = cli("feeds", "--json");
        Run search = cli("search", "Body");

        for (Run run : List.of(feeds, articles, json, feedsJson, search)) {
            assertThat(run.code()).as(run.err()).isZero();
            assertTerminalSafe("cli", run.out() + run.err());
        }
        assertThat(feeds.out()).contains("Evil").contains("JSON");
        assertThat(articles.out()).contains("Pay").contains("Title");
        assertThat(json.out()).contains("\\u001B").doesNotContain("\u001b");
    }

    @Test
    void parseCommandPrintsNoRawEscapeOrC1Control() throws Exception {
        Path rss = java.nio.file.Files.writeString(dir.resolve("hostile.xml"), rss());
        Path json = java.nio.file.Files.writeString(dir.resolve("hostile.json"), json());
        Path broken = java.nio.file.Files.writeString(dir.resolve("broken.json"),
                "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[tr" + C1 + OSC52);

        Run summaries = cli("parse", rss.toString(), json.toString());
        Run failed = cli("parse", broken.toString());

        assertThat(summaries.code()).as(summaries.err()).isZero();
        assertThat(summaries.out()).contains("Pay").contains("Title");
        assertTerminalSafe("tidings parse", summaries.out() + summaries.err());
        assertThat(failed.code()).isNotZero();
        assertTerminalSafe("tidings parse (error)", failed.out() + failed.err());
    }

    @Test
    void theReaderDrawsNoRawEscapeOrC1ControlOnAnyScreen() throws Exception {
        subscribeAndSync();
        Store store = Store.open(db);
        {
            List<String> opened = new ArrayList<>();
            DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(100, 30));
            Reloader failing = new Reloader() {
                @Override
                public Result reloadFeed(long feedId, Progress progress) {
                    progress.update(0, 1, "Evil " + CSI + OSC52);
                    return new Result(1, 1, 0, Optional.of("cannot parse: " + OSC8 + C1));
                }

                @Override
                public Result reloadAll(Progress progress) {
                    return reloadFeed(0, progress);
                }
            };
            ReaderApp app = new ReaderApp(new StoreReaderData(store, db, InstantSource.system()), failing,
                    new TerminalScreen(terminal), KeyMap.newsboatDefaults(), InstantSource.system(),
                    new ReaderConfig(true, "", Duration.ofSeconds(3), ZoneOffset.UTC, 50), opened::add, Runnable::run);
            app.start();
            List<String> screens = new ArrayList<>();
            screens.add(screen(terminal, app));
            // Sources -> All unread -> each article, and the topics view; a reload with a hostile error.
            for (String keys : new String[] {"ENTER", "ENTER", "q", "j", "ENTER", "q", "q", "TAB", "ENTER", "q", "TAB",
                "R", "j", "j", "ENTER", "ENTER", "o", "?"}) {
                press(terminal, app, keys);
                screens.add(screen(terminal, app));
            }
            app.stop();

            String everything = String.join("\n", screens);
            assertThat(everything).contains("Pay").contains("Title").contains("Evil");
            assertThat(everything).contains("␛[2J").contains("␛]52;c;");
            assertThat(opened).allMatch(link -> link.startsWith("http://127.0.0.1:"));
            assertThat(hits).doesNotContainKey("/pixel.gif");
            for (int i = 0; i < screens.size(); i++) {
                assertTerminalSafe("screen " + i + ":\n" + screens.get(i), screens.get(i));
            }
        }
    }

    private static void press(DefaultVirtualTerminal terminal, ReaderApp app, String key) {
        KeyStroke stroke = switch (key) {
            case "ENTER" -> new KeyStroke(KeyType.Enter);
            case "TAB" -> new KeyStroke(KeyType.Tab);
            default -> new KeyStroke(key.charAt(0), false, false);
        };
        terminal.addInput(stroke);
        app.step();
        app.step();
    }

    /** Every cell of the virtual terminal, row by row. */
    private static String screen(DefaultVirtualTerminal terminal, ReaderApp app) {
        app.step();
        StringBuilder text = new StringBuilder();
        TerminalSize size = terminal.getTerminalSize();
        for (int y = 0; y < size.getRows(); y++) {
            for (int x = 0; x < size.getColumns(); x++) {
                TextCharacter cell = terminal.getCharacter(x, y);
                text.append(cell.getCharacterString());
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** No ESC, no other C0 control but newline, carriage return and tab, no DEL, no C1 control. */
    static void assertTerminalSafe(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t' && c != '\r') || (c >= 0x7f && c <= 0x9f);
            if (control) {
                int from = Math.max(0, i - 40);
                throw new AssertionError(what + ": control character U+" + String.format("%04X", (int) c)
                        + " at " + i + " after: " + text.substring(from, i).replace("\u001b", "<ESC>"));
            }
        }
    }
}
