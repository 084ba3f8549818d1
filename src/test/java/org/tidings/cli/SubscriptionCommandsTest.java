package org.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tidings.model.Subscription;
import org.tidings.opml.OpmlDocument;
import org.tidings.opml.OpmlReader;
import org.tidings.testing.Cli;
import org.tidings.testing.Cli.Result;

/** The subscription commands end to end: real files, a real SQLite database. */
class SubscriptionCommandsTest {
    @TempDir Path dir;

    private Result run(Path db, String... args) {
        try {
            // empty: defaults, whatever the machine's own config says (a missing --config file is an error)
            java.nio.file.Files.writeString(dir.resolve("none.toml"), "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String[] all = Stream.concat(Stream.of("--db", db.toString(), "--config", dir.resolve("none.toml").toString()),
                Stream.of(args)).toArray(String[]::new);
        return Cli.run(all);
    }

    static Stream<String> opmlFixtures() {
        return Stream.of("feedly-export.opml", "freshrss-export.opml", "inoreader-export.opml", "miniflux-export.opml",
                "newsboat-export-opml2.opml", "newsboat-export.opml", "tinytinyrss-export.opml");
    }

    private static Path fixture(String name) {
        try {
            return Path.of(SubscriptionCommandsTest.class.getResource("/fixtures/opml/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What must survive a trip through the database: URL, title, site link, folder, tags. */
    private record Kept(String url, String title, String siteUrl, String folder, List<String> tags) {
        static Kept of(Subscription s) {
            return new Kept(s.url(), String.valueOf(s.title()), String.valueOf(s.siteUrl()), String.valueOf(s.folder()),
                    s.tags().stream().sorted().toList());
        }
    }

    private static List<Kept> kept(OpmlDocument document) {
        return document.subscriptions().stream().map(Kept::of).sorted(Comparator.comparing(Kept::url)).toList();
    }

    @ParameterizedTest
    @MethodSource("opmlFixtures")
    void importExportImportLosesNothing(String name) throws Exception {
        OpmlDocument original = new OpmlReader().read(fixture(name));

        Path first = dir.resolve("first.db");
        assertThat(run(first, "import", fixture(name).toString()).code()).isZero();
        Path exported = dir.resolve("exported.opml");
        assertThat(run(first, "export", exported.toString()).code()).isZero();

        OpmlDocument roundTrip = new OpmlReader().read(exported);
        assertThat(kept(roundTrip)).isEqualTo(kept(original));

        Path second = dir.resolve("second.db");
        assertThat(run(second, "import", exported.toString()).code()).isZero();
        Path again = dir.resolve("again.opml");
        assertThat(run(second, "export", again.toString()).code()).isZero();
        assertThat(kept(new OpmlReader().read(again))).isEqualTo(kept(original));
    }

    @Test
    void reimportingChangesNothingAndAChangedFileUpdates() throws Exception {
        Path db = dir.resolve("t.db");
        Path opml = dir.resolve("subs.opml");
        Files.writeString(opml, """
                <opml version="2.0"><body>
                  <outline text="News"><outline text="A" xmlUrl="http://a.test/feed"/></outline>
                </body></opml>""");
        assertThat(run(db, "import", opml.toString()).out()).contains("1 added, 0 updated, 0 unchanged");
        assertThat(run(db, "import", opml.toString()).out()).contains("0 added, 0 updated, 1 unchanged");

        Files.writeString(opml, """
                <opml version="2.0"><body>
                  <outline text="World"><outline text="A renamed" xmlUrl="http://a.test/feed"/></outline>
                  <outline text="B" xmlUrl="http://b.test/feed"/>
                </body></opml>""");
        assertThat(run(db, "import", opml.toString()).out()).contains("1 added, 1 updated, 0 unchanged");
        String feeds = run(db, "feeds", "--json").out();
        assertThat(feeds).contains("\"title\":\"A renamed\"").contains("\"folder\":\"World\"").contains("http://b.test/feed");
    }

    @Test
    void malformedOpmlImportsNothingAndSaysWhere() throws Exception {
        Path db = dir.resolve("t.db");
        Path opml = dir.resolve("broken.opml");
        Files.writeString(opml, "<opml version=\"2.0\"><body>\n<outline text=\"A\" xmlUrl=\"http://a.test/\">\n</body></opml>");
        Result result = run(db, "import", opml.toString());
        assertThat(result.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(result.err()).contains("line").contains("column");
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(run(db, "feeds", "--json").out()).isEmpty();
    }

    @Test
    void newsboatUrlsKeepTitlesAndTagsAndSkipQueries() throws Exception {
        Path db = dir.resolve("t.db");
        Path urls = dir.resolve("urls");
        Files.writeString(urls, """
                # my feeds
                https://punchng.com/feed/ nigeria "~Punch"
                "query:Unread:unread = \\"yes\\""
                https://feeds.bbci.co.uk/news/world/africa/rss.xml world africa
                """, StandardCharsets.UTF_8);
        Result result = run(db, "import", "--newsboat", urls.toString());
        assertThat(result.code()).isZero();
        assertThat(result.err()).contains("query");
        String feeds = run(db, "feeds", "--json").out();
        assertThat(feeds).contains("\"title\":\"Punch\"").contains("\"folder\":\"nigeria\"").contains("\"folder\":\"world\"");
        assertThat(run(db, "export").out()).contains("category=\"africa,world\"");
    }

    @Test
    void addRefusesDuplicatesAndRemoveRenameMoveWork() throws Exception {
        Path db = dir.resolve("t.db");
        Path feed = dir.resolve("feed.xml");
        Files.writeString(feed, "<rss version=\"2.0\"><channel><title>Local</title><item><title>x</title></item></channel></rss>");
        assertThat(run(db, "add", feed.toString(), "--folder", "Local").code()).isZero();
        Result again = run(db, "add", feed.toString());
        assertThat(again.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(again.err()).contains("already subscribed");

        assertThat(run(db, "rename", "1", "Mine").code()).isZero();
        assertThat(run(db, "move", "1", "Elsewhere/Deeper").code()).isZero();
        assertThat(run(db, "feeds", "--json").out()).contains("\"title\":\"Mine\"").contains("\"folder\":\"Elsewhere/Deeper\"");

        assertThat(run(db, "sync").code()).isZero();
        assertThat(run(db, "articles", "--json").out()).contains("\"title\":\"x\"");
        assertThat(run(db, "remove", "1").code()).isZero();
        assertThat(run(db, "feeds", "--json").out()).isEmpty();
    }

    @Test
    void addDiscoversASitesFeedsAndAllTakesThemAll() throws Exception {
        com.sun.net.httpserver.HttpServer server =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        String page = "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" title=\"Site\" href=\"/feed/\">"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Foreign\" href=\"/category/foreign/feed/\">"
                + "</head><body>news</body></html>";
        server.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Path db = dir.resolve("t.db");
            Result listed = run(db, "add", base + "/");
            assertThat(listed.code()).isEqualTo(ExitCodes.FATAL);
            assertThat(listed.out()).contains(base + "/feed/").contains(base + "/category/foreign/feed/").contains("--all");

            Result all = run(db, "add", base + "/", "--all", "--folder", "Site");
            assertThat(all.code()).isZero();
            assertThat(all.out()).contains("added #1").contains("added #2");
            String feeds = run(db, "feeds", "--json").out();
            assertThat(feeds.lines()).hasSize(2);
            assertThat(feeds).contains("\"title\":\"Foreign\"").contains("\"folder\":\"Site\"");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void feedsTopicSetsClearsAndRestoresAndOpmlKeepsIt() throws Exception {
        Path db = dir.resolve("tidings.db");
        assertThat(run(db, "add", "--no-discover", "https://en.people.cn/rss/Africa.xml").code()).isZero();
        assertThat(run(db, "add", "--no-discover", "https://site.example/feed/").code()).isZero();

        assertThat(run(db, "feeds", "topic", "1", "Africa News").out()).contains("topic Africa News");
        assertThat(run(db, "feeds", "--json").out()).contains("\"topic\":\"Africa News\"");
        assertThat(run(db, "feeds", "topic", "2", "--none").out()).contains("no topic");

        Path exported = dir.resolve("exported.opml");
        assertThat(run(db, "export", exported.toString()).code()).isZero();
        String xml = Files.readString(exported, StandardCharsets.UTF_8);
        assertThat(xml).contains("tidings:topic=\"Africa News\"").contains("tidings:topic=\"\"");
        assertThat(new OpmlReader().read(exported).subscriptions()).extracting(Subscription::topic)
                .containsExactlyInAnyOrder("Africa News", "");

        Path second = dir.resolve("second.db");
        assertThat(run(second, "import", exported.toString()).code()).isZero();
        assertThat(run(second, "feeds", "topic", "https://en.people.cn/rss/Africa.xml").out()).contains("topic Africa News");
        Path again = dir.resolve("again.opml");
        assertThat(run(second, "export", again.toString()).code()).isZero();
        assertThat(Files.readString(again, StandardCharsets.UTF_8))
                .contains("tidings:topic=\"Africa News\"").contains("tidings:topic=\"\"");

        assertThat(run(db, "feeds", "topic", "1", "--auto").out()).contains("topic Africa");
    }

    @Test
    void feedsTopicRefusesBadInputInOneLine() {
        Path db = dir.resolve("tidings.db");
        assertThat(run(db, "add", "--no-discover", "https://site.example/feed/").code()).isZero();

        Result both = run(db, "feeds", "topic", "1", "World", "--none");
        assertThat(both.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(both.err()).contains("give one of NAME, --none and --auto").doesNotContain("Exception");
        Result unknown = run(db, "feeds", "topic", "99", "World");
        assertThat(unknown.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(unknown.err().strip().lines()).hasSize(1);
    }
}
