package org.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.testing.Cli;
import org.tidings.testing.Cli.Result;

/** What a new user trips on (issue 17): each mistake gets one clear line and the right exit code. */
class NewUserMessagesTest {
    @TempDir Path dir;

    private Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", dir.resolve("tidings.db").toString()));
        all.addAll(List.of(args));
        return runRaw(all.toArray(String[]::new));
    }

    private static Result runRaw(String... args) {
        return Cli.run(args);
    }

    @Test
    void aUsageErrorSaysWhyAndPointsAtTheCommandsHelpInTwoLines() {
        Result result = run("articles", "--limit", "many");
        assertThat(result.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(result.err().strip().lines().toList()).containsExactly(
                "tidings: Invalid value for option '--limit': 'many' is not an int",
                "try 'tidings articles --help'");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anUnknownCommandIsNamedWithSuggestions() {
        Result result = run("exprt");
        assertThat(result.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(result.err().strip().lines().toList()).containsExactly(
                "tidings: unknown command 'exprt' (did you mean export or import or articles?)",
                "try 'tidings --help'");
    }

    @Test
    void anErrorRaisedByACommandAsUsageIsAlsoShort() {
        Result result = run("mark", "read");
        assertThat(result.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(result.err().strip().lines().toList()).containsExactly(
                "tidings: give article IDs or --all", "try 'tidings mark --help'");
    }

    @Test
    void feedsOnAnEmptyDatabaseSaysHowToAddFeeds() {
        Result result = run("feeds");
        assertThat(result.code()).isZero();
        assertThat(result.out().strip()).isEqualTo(FeedsCommand.NO_FEEDS);
        assertThat(run("feeds", "--json").out()).isEmpty();
    }

    @Test
    void syncWithNoFeedsSaysHowToAddThem() {
        Result result = run("sync");
        assertThat(result.code()).isZero();
        assertThat(result.out().strip().lines().toList()).containsExactly(
                "0 feeds: 0 fetched, 0 not modified, 0 failed; 0 new, 0 updated articles; 0.0s", FeedsCommand.NO_FEEDS);
    }

    @Test
    void addingALocalFileThatDoesNotExistSaysNoSuchFile() {
        Path missing = dir.resolve("missing.xml");
        Result result = run("add", missing.toString());
        assertThat(result.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(result.err().strip()).isEqualTo("tidings: no such file: " + missing);
        assertThat(run("add", "missing-feed.xml").err().strip()).isEqualTo("tidings: no such file: missing-feed.xml");
    }

    @Test
    void anExplicitConfigFileThatDoesNotExistIsAnError() {
        Path missing = dir.resolve("nope.toml");
        Result result = run("--config", missing.toString(), "config");
        assertThat(result.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(result.err().strip()).isEqualTo("tidings: no such configuration file: " + missing + " (--config)");
        assertThat(result.out()).isEmpty();
        assertThat(run("--config", missing.toString(), "feeds").code()).isEqualTo(ExitCodes.FATAL);
    }

    @Test
    void aDatabaseInADirectoryThatDoesNotExistIsRefusedAndNothingIsCreated() {
        Path db = dir.resolve("typo/tidings.db");
        Result result = runRaw("--db", db.toString(), "feeds");
        assertThat(result.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(result.err().strip()).isEqualTo(
                "tidings: no such directory: " + db.getParent() + " (for the database " + db + "); create it first");
        assertThat(db.getParent()).doesNotExist();
        assertThat(runRaw("--db", db.toString(), "mark", "read", "1").code()).isEqualTo(ExitCodes.FATAL);
        assertThat(runRaw("--db", db.toString(), "sync").code()).isEqualTo(ExitCodes.FATAL);
        assertThat(db.getParent()).doesNotExist();
    }

    @Test
    void markingUnknownIdsIsAnErrorAndMarksNothing() {
        run("feeds");
        Result result = run("mark", "read", "99999", "99998");
        assertThat(result.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(result.err().strip()).isEqualTo(
                "tidings: no articles with ids 99999, 99998 (nothing marked; 'tidings articles' lists ids)");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aMarkIdThatIsNotANumberIsNamed() {
        Result result = run("mark", "read", "abc");
        assertThat(result.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(result.err().strip().lines().toList()).containsExactly(
                "tidings: not an article id: 'abc' (ids are numbers; 'tidings articles' lists them)",
                "try 'tidings mark --help'");
    }

    @Test
    void exportToAMissingDirectoryOrADirectoryNamesTheUsersPath() throws Exception {
        Path target = dir.resolve("no/such/dir/x.opml");
        Result result = run("export", target.toString());
        assertThat(result.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(result.err().strip()).isEqualTo(
                "tidings: cannot write " + target + ": no such directory: " + target.getParent());
        Result toDirectory = run("export", dir.toString());
        assertThat(toDirectory.err().strip()).isEqualTo("tidings: cannot write " + dir
                + ": it is a directory (give a file name, e.g. " + dir.resolve("subscriptions.opml") + ")");
        assertThat(toDirectory.err()).doesNotContain(".tidings-export");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".tidings-export"));
        }
        Path good = dir.resolve("backup.opml");
        assertThat(run("export", good.toString()).out().strip()).isEqualTo("exported 0 feeds to " + good);
        assertThat(good).exists();
    }

    @Test
    void daemonRefusesAnAddressThatIsNotHostPort() {
        Result result = run("daemon", "--http", "notaport");
        assertThat(result.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(result.err().strip()).isEqualTo("tidings: invalid --http address 'notaport': the port 'notaport'"
                + " is not a number (expected HOST:PORT such as 127.0.0.1:9321, or a port)");
        assertThat(run("daemon", "--http", "127.0.0.1:99999").err()).contains("the port must be between 1 and 65535 (0: any free port)");
        assertThat(run("daemon", "--http", "http://127.0.0.1:80/").err()).contains("without a scheme or path");
    }

    @Test
    void daemonNamesTheAddressThatIsBusy() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String address = "127.0.0.1:" + busy.getLocalPort();
            Result result = run("daemon", "--http", address);
            assertThat(result.code()).isEqualTo(ExitCodes.FATAL);
            assertThat(result.err().strip()).isEqualTo(
                    "tidings: cannot serve HTTP on " + address + ": the address is already in use or not available here");
        }
    }

    @Test
    void aFeedThatIsNotAFeedHasItsCauseSaidOnceInFeedsAndStatus() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "<html><body>a web page</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
            assertThat(run("add", "--no-discover", url).code()).isZero();
            assertThat(run("sync", "--all").code()).isEqualTo(ExitCodes.PARTIAL);
            String feeds = run("feeds").out();
            assertThat(feeds).contains("error: not a feed: the root element is <html>").doesNotContain("not a feed: not a feed");
            assertThat(feeds).contains("· 0 articles,").contains("status: 200, 1 failure ·");
            assertThat(run("status").out()).contains(": not a feed: the root element is <html>")
                    .doesNotContain("not a feed: not a feed");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aLogFileThatCannotBeOpenedIsOneLineNotAStackTrace() {
        Path log = dir.resolve("no/such/dir/tidings.log");
        Result result = run("--log-file", log.toString(), "feeds");
        assertThat(result.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(result.err().strip()).isEqualTo("tidings: cannot open log file " + log + ": no such directory: " + log.getParent());
    }

    @Test
    void emptyListsAndSearchesSaySo() {
        assertThat(run("articles").out().strip()).isEqualTo("no articles match (new articles come with 'tidings sync')");
        assertThat(run("search", "naira").out().strip()).isEqualTo("no articles match \"naira\"");
        assertThat(run("articles", "--json").out()).isEmpty();
        Result story = run("articles", "--story", "999");
        assertThat(story.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(story.err().strip()).isEqualTo("tidings: no story with id 999");
        Result limit = run("search", "--limit", "0", "naira");
        assertThat(limit.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(limit.err()).startsWith("tidings: --limit must be at least 1: 0");
    }

    @Test
    void aBadTickNamesTheOption() {
        Result result = run("daemon", "--tick", "soon");
        assertThat(result.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(result.err().strip()).isEqualTo("tidings: --tick soon: not a duration such as 30s, 15m, 24h");
    }

    @Test
    void importingAFeedInsteadOfOpmlSaysToAddIt() throws Exception {
        Path feed = Files.writeString(dir.resolve("feed.xml"),
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title></channel></rss>");
        Result result = run("import", feed.toString());
        assertThat(result.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(result.err().strip()).startsWith("tidings: " + feed + ": not an OPML document")
                .endsWith("; it is a feed: subscribe to it with 'tidings add " + feed + "'");
    }

    @Test
    void aRefusedConnectionIsSaidWithoutRepeatingTheUrl() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/feed.xml";
        Result result = run("add", url);
        assertThat(result.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(result.err().strip()).isEqualTo("tidings: cannot fetch " + url + ": cannot connect: Connection refused");
    }

    @Test
    void everyCommandsLineInTheTopLevelHelpIsAWholeSentence() {
        List<String> lines = runRaw("--help").out().lines().toList();
        List<String> rows = new ArrayList<>();
        boolean inCommands = false;
        for (String line : lines) {
            if (line.startsWith("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.isBlank()) {
                break;
            } else if (inCommands && line.matches("  \\S.*")) {
                rows.add(line.strip());
            } else if (inCommands && !rows.isEmpty()) {
                rows.set(rows.size() - 1, rows.get(rows.size() - 1) + " " + line.strip());
            }
        }
        assertThat(rows).hasSizeGreaterThan(10).anySatisfy(row -> assertThat(row).startsWith("remove"));
        assertThat(rows).allSatisfy(row -> assertThat(row).matches(".*[.)]"));
    }
}
