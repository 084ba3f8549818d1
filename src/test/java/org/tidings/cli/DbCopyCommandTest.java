package org.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Article;
import org.tidings.store.ArticleQuery;
import org.tidings.store.DatabaseLocation;
import org.tidings.store.Store;
import org.tidings.testing.Cli;
import org.tidings.testing.Cli.Result;
import org.tidings.testing.FeedServer;
import org.tidings.testing.NewsSite;
import org.tidings.testing.Postgres;

/**
 * {@code tidings db copy FROM TO}: a database filled by a real sync (overlapping feeds, a story
 * told by two outlets, full text, rules that hide, star and file under a topic, read marks, an API
 * user) copied and copied back gives the same articles, bodies, counts and search results.
 */
class DbCopyCommandTest {
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final String STORY = "A new freight rail line has linked the dry port to the industrial zone, cutting the"
            + " travel time for container cargo from two days by road to six hours, officials said on Tuesday. The line"
            + " runs parallel to the existing passenger service and can carry up to forty trains a week.";

    @TempDir Path dir;
    private Path config;
    private FeedServer feeds;
    private NewsSite site;
    private HttpServer outlets;

    @BeforeEach
    void start() throws Exception {
        config = dir.resolve("config.toml");
        feeds = FeedServer.start(2, 4, 2, Duration.ZERO);
        site = NewsSite.start(1, 3);
        outlets = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Instant published = Instant.now().minus(Duration.ofHours(3));
        Map<String, String> documents = Map.of(
                "/wire.xml", rss("Wire", "https://wire.example/news/rail-line", "Rail line links dry port to industrial zone",
                        published, "<p>LAGOS (Wire) - " + STORY + "</p>"),
                "/daily.xml", rss("Daily", "https://daily.example/?p=17", "Rail line links dry port to industrial zone",
                        published.plus(Duration.ofMinutes(20)), "<p>" + STORY + "</p><p>The post appeared first on Daily.</p>"));
        outlets.createContext("/", exchange -> {
            String body = documents.get(exchange.getRequestURI().getPath());
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        outlets.start();
        Files.writeString(config, """
                [fetch]
                proxy = ""

                [[rules]]
                field = "title"
                pattern = "^Measure 0 "
                action = "hide"

                [[rules]]
                field = "title"
                pattern = "^Measure 1 "
                action = "star"

                [[rules]]
                field = "content"
                pattern = "measure 2"
                action = "topic:Measures"
                """);
    }

    @AfterEach
    void stop() {
        feeds.close();
        site.close();
        outlets.stop(0);
    }

    private static String rss(String title, String link, String headline, Instant published, String html) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
                <title>%s</title><link>https://%s.example/</link>
                <item><title>%s</title><link>%s</link><guid isPermaLink="true">%s</guid><pubDate>%s</pubDate>
                <description>%s</description><content:encoded><![CDATA[%s]]></content:encoded>
                <enclosure url="%s.mp3" type="audio/mpeg" length="12345"/></item>
                </channel></rss>
                """.formatted(title, title.toLowerCase(), headline, link, link, RFC_822.format(published),
                STORY.substring(0, 60), html, link);
    }

    private Result run(String db, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db, "--config", config.toString()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    private Result ok(String db, String... args) {
        Result result = run(db, args);
        assertThat(result.code()).as(result.err()).isZero();
        return result;
    }

    /** A database filled the way a user fills one: subscriptions, a sync, marks, a topic, an API user. */
    private String filled() throws IOException {
        String db = dir.resolve("original.db").toString();
        ok(db, "add", "--folder", "Loopback", feeds.feedUrl(0));
        ok(db, "add", "--folder", "Loopback", feeds.feedUrl(1));
        // feed 0 again through the other address: the same articles carried by two feeds
        ok(db, "add", "--no-discover", "--title", "Feed 0 mirror", feeds.feedUrl(1).replace("/feed/1.xml", "/feed/0.xml"));
        ok(db, "add", "--folder", "News/Daily Test", site.feedUrl(0));
        ok(db, "feeds", "fulltext", site.feedUrl(0), "on");
        String outlet = "http://127.0.0.1:" + outlets.getAddress().getPort();
        ok(db, "add", "--no-discover", outlet + "/wire.xml");
        ok(db, "add", "--no-discover", outlet + "/daily.xml");
        ok(db, "feeds", "topic", outlet + "/wire.xml", "Transport");
        ok(db, "sync");
        feeds.publish();
        ok(db, "sync");
        ok(db, "mark", "read", "--all", "--feed", feeds.feedUrl(1));
        String some = ok(db, "articles", "--json", "--limit", "1").out();
        String id = some.substring(some.indexOf("\"id\":") + 5, some.indexOf(','));
        ok(db, "mark", "star", id);
        Path password = dir.resolve("password");
        Files.writeString(password, "correct horse battery staple\n");
        ok(db, "api-user", "add", "reader", "--password-file", password.toString());
        return db;
    }

    /** What must survive a copy, as the commands print it. */
    private String view(String db) {
        StringBuilder view = new StringBuilder();
        String articles = ok(db, "articles", "--json").out();
        view.append(articles).append(ok(db, "articles", "--json", "--hidden").out())
                .append(ok(db, "feeds", "--json").out())
                .append(ok(db, "search", "--json", "freight", "rail").out())
                .append(ok(db, "search", "--json", "measure").out())
                .append(ok(db, "api-user", "list").out());
        for (String line : articles.lines().toList()) {
            String id = line.substring(line.indexOf("\"id\":") + 5, line.indexOf(','));
            view.append(ok(db, "show", id, "--json").out());
        }
        // what no command prints whole: every article's stored content and enclosures, the counts
        try (Store store = open(db)) {
            for (ArticleQuery query : List.of(ArticleQuery.all(), ArticleQuery.all().hiddenOnly())) {
                for (Article article : store.articles().page(query, null, 1000).articles()) {
                    view.append(store.articles().content(article.id()).orElseThrow()).append('\n')
                            .append(store.articles().enclosures(article.id())).append('\n');
                }
            }
        }
        return view.append(articlesAndCounts(db)).toString();
    }

    private static Store open(String db) {
        return Store.open(DatabaseLocation.parse(db));
    }

    @Test
    void roundTripThroughSqliteKeepsEverything() throws Exception {
        roundTrip(dir.resolve("middle.db").toString());
    }

    @Test
    void roundTripThroughPostgresKeepsEverything() throws Exception {
        roundTrip(Postgres.database().url());
    }

    /** SQLite -> middle -> SQLite: the same articles, bodies, counts and search results all the way. */
    private void roundTrip(String middle) throws Exception {
        String original = filled();
        String before = view(original);
        assertThat(before).contains("\"starred\":true", "\"read\":true", "\"topics\":[\"Transport\"]", "\"topics\":[\"Measures\"]",
                "\"story\":1", "audio/mpeg", "paragraph 6", "reader");
        String back = dir.resolve("back.db").toString();

        Result there = Cli.run("db", "copy", original, middle);
        assertThat(there.code()).as(there.err()).isZero();
        assertThat(there.err()).contains("copied articles: ", "copied appearances: ", "copied feeds: 6 rows", "copied stories: 1 row", "copied enclosures: 2 rows");
        assertThat(there.out()).startsWith("copied ").contains(" tables, ")
                .contains(" from " + original + " to " + DatabaseLocation.parse(middle).display());
        assertThat(Cli.run("db", "copy", middle, back).code()).isZero();

        assertThat(view(middle)).isEqualTo(before);
        assertThat(view(back)).isEqualTo(before);
        // the copies go on working: ids after the copied ones (identities restarted), counts kept by triggers
        feeds.publish();
        for (String db : List.of(original, middle, back)) {
            ok(db, "add", "--no-discover", "--title", "Feed 1 mirror", feeds.feedUrl(0).replace("/feed/0.xml", "/feed/1.xml"));
            for (String feed : List.of("1", "2", "3", "7")) { // one at a time: new ids in the same order everywhere
                ok(db, "sync", "--feed", feed);
            }
        }
        // (each synced at its own moment: the feeds' times differ, the articles and counts must not)
        String after = articlesAndCounts(original);
        assertThat(after).isNotEqualTo(before).contains("Feed 1 mirror");
        assertThat(articlesAndCounts(middle)).isEqualTo(after);
        assertThat(articlesAndCounts(back)).isEqualTo(after);
    }

    private String articlesAndCounts(String db) {
        StringBuilder view = new StringBuilder(ok(db, "articles", "--json").out()).append(ok(db, "articles", "--json", "--hidden").out());
        try (Store store = open(db)) {
            view.append(store.counts().unreadByFeed()).append(store.counts().unreadByFolder())
                    .append(store.counts().unreadByTopic()).append(store.counts().unreadExtraCopies()).append('\n');
        }
        return view.toString();
    }

    @Test
    void refusesATargetWithData() throws Exception {
        String original = filled();
        String other = dir.resolve("other.db").toString();
        ok(other, "add", "--no-discover", feeds.feedUrl(0));
        String before = view(other);

        Result refused = Cli.run("db", "copy", original, other);
        assertThat(refused.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(refused.err()).isEqualTo("tidings: the target database is not empty"
                + " (table feeds has rows); db copy writes only into a new or empty database\n");
        assertThat(refused.out()).isEmpty();
        assertThat(view(other)).isEqualTo(before);
    }

    @Test
    void copiesIntoAnEmptyMigratedDatabase() throws Exception {
        String original = filled();
        String empty = dir.resolve("empty.db").toString();
        ok(empty, "status");
        assertThat(Cli.run("db", "copy", original, empty).code()).isZero();
        assertThat(view(empty)).isEqualTo(view(original));
    }

    @Test
    void refusesAMissingOrUnreadableSource() throws Exception {
        Path target = dir.resolve("target.db");
        Result missing = Cli.run("db", "copy", dir.resolve("nothing.db").toString(), target.toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(missing.err()).startsWith("tidings: no database at " + dir.resolve("nothing.db") + " (FROM)\n");
        assertThat(target).doesNotExist();

        Path garbage = dir.resolve("garbage.db");
        Files.writeString(garbage, "this is not a database, just some text that is long enough to look like a file\n".repeat(100));
        Result unreadable = Cli.run("db", "copy", garbage.toString(), target.toString());
        assertThat(unreadable.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(unreadable.err()).startsWith("tidings: ").doesNotContain("\tat ").hasLineCount(1);
        assertThat(target).doesNotExist();

        Path newer = dir.resolve("newer.db");
        ok(newer.toString(), "status");
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + newer);
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 99");
        }
        Result tooNew = Cli.run("db", "copy", newer.toString(), target.toString());
        assertThat(tooNew.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(tooNew.err()).hasLineCount(1).contains("schema version 99, newer than this tidings knows");
        assertThat(target).doesNotExist();

        Result same = Cli.run("db", "copy", garbage.toString(), garbage.toString());
        assertThat(same.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(same.err()).startsWith("tidings: FROM and TO are the same database: ");
    }

    @Test
    void refusesANonEmptyPostgresTargetAndBadCredentials() throws Exception {
        String original = filled();
        Postgres.Database database = Postgres.database();
        assertThat(Cli.run("db", "copy", original, database.url()).code()).isZero();

        Result again = Cli.run("db", "copy", original, database.url());
        assertThat(again.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(again.err()).isEqualTo("tidings: the target database is not empty (table api_users has rows);"
                + " db copy writes only into a new or empty database\n");

        String wrong = database.url().replace(":" + database.password() + "@", ":not-the-password@");
        Result refused = Cli.run("db", "copy", wrong, dir.resolve("copy.db").toString());
        assertThat(refused.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(refused.err()).hasLineCount(1).contains("wrong password").doesNotContain("not-the-password");
        assertThat(dir.resolve("copy.db")).doesNotExist();

        String unreachable = "postgresql://tidings@127.0.0.1:1/nothing";
        Result unreached = Cli.run("db", "copy", original, unreachable);
        assertThat(unreached.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(unreached.err()).hasLineCount(1).contains("cannot reach the PostgreSQL server at 127.0.0.1:1");
    }
}
