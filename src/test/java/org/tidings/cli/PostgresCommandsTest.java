package org.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.testing.Cli;
import org.tidings.testing.Cli.Result;
import org.tidings.testing.FeedServer;
import org.tidings.testing.Postgres;

/** The main commands with {@code --db postgresql://...}: a real PostgreSQL, feeds served on loopback. */
class PostgresCommandsTest {
    @TempDir Path dir;
    Postgres.Database db;
    FeedServer server;
    Path config;

    @BeforeEach
    void start() throws IOException {
        db = Postgres.database();
        server = FeedServer.start(3, 5, 1, Duration.ZERO);
        config = Files.writeString(dir.resolve("config.toml"), "");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.url(), "--config", config.toString()));
        all.addAll(List.of(args));
        Result result = Cli.run(all.toArray(String[]::new));
        assertThat(result.out() + result.err()).doesNotContain(db.password());
        return result;
    }

    @Test
    void importSyncReadSearchMarkExportAndCleanUp() throws Exception {
        StringBuilder opml = new StringBuilder("<opml version=\"2.0\"><body><outline text=\"News\">\n");
        for (String url : server.feedUrls()) {
            opml.append("<outline text=\"f\" xmlUrl=\"").append(url).append("\"/>\n");
        }
        Path file = Files.writeString(dir.resolve("in.opml"), opml.append("</outline></body></opml>\n"));

        assertThat(run("import", file.toString()).code()).isZero();
        Result sync = run("sync", "--all", "--quiet");
        assertThat(sync.code()).as(sync.err()).isZero();
        assertThat(server.requests()).isEqualTo(3);

        Result articles = run("articles", "--json");
        assertThat(articles.code()).isZero();
        assertThat(articles.out().strip().lines()).hasSize(15).allMatch(line -> line.startsWith("{\"id\":"));

        String firstId = articles.out().substring("{\"id\":".length(), articles.out().indexOf(','));
        Result show = run("show", firstId);
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).contains("(feed ");

        Result search = run("search", "item");
        assertThat(search.code()).as(search.err()).isZero();
        assertThat(search.out()).contains("(feed 0 item 1)");

        assertThat(run("mark", "read", "--all").code()).isZero();
        assertThat(run("articles", "--unread", "--json").out()).isBlank();
        Result status = run("status");
        assertThat(status.code()).isZero();
        assertThat(status.out()).contains("database:  postgresql://" + db.user() + "@" + db.host() + ":" + db.port() + "/" + db.name())
                .contains("feeds:     3 (0 failing)").contains("unread:    0");

        Result export = run("export");
        assertThat(export.code()).isZero();
        assertThat(export.out()).contains(server.feedUrls().get(0)).contains("News");
        assertThat(run("cleanup", "--days", "1").code()).isZero();
    }

    @Test
    void daemonSyncsAPostgresDatabaseAndStopsOnSigterm() throws Exception {
        for (String url : server.feedUrls()) {
            assertThat(run("add", url).code()).isZero();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--db", db.url(), "--config", config.toString(), "daemon", "--tick", "1s");
        builder.environment().keySet().removeIf(name -> name.startsWith("TIDINGS_") || name.startsWith("PG"));
        Path log = dir.resolve("daemon.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process daemon = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (server.requests() < 3 && System.nanoTime() < deadline && daemon.isAlive()) {
                Thread.sleep(200);
            }
            assertThat(server.requests()).as(Files.readString(log)).isGreaterThanOrEqualTo(3);
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (run("articles", "--json").out().strip().lines().count() < 15 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(run("articles", "--json").out().strip().lines()).hasSize(15);
        } finally {
            daemon.destroy();
            assertThat(daemon.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(log)).contains("daemon started on postgresql://" + db.user() + "@")
                .doesNotContain(db.password());
    }

    @Test
    void takesThePasswordFromPgpassword() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--db", db.urlWithoutPassword(), "--config", config.toString(), "status");
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("TIDINGS_") || name.startsWith("PG"));
        env.put("PGPASSWORD", db.password());
        env.put("PGPASSFILE", dir.resolve("no-pgpass").toString());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("database:  " + db.urlWithoutPassword()).contains("feeds:     0").doesNotContain(db.password());
    }

    @Test
    void wrongPasswordIsOneLineAndExitTwo() {
        String url = "postgresql://" + db.user() + ":wrong-secret@" + db.host() + ":" + db.port() + "/" + db.name();
        Result result = Cli.run("--db", url, "--config", config.toString(), "articles");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err().strip()).doesNotContain("\n").doesNotContain("wrong-secret")
                .contains("wrong password for user " + db.user());
    }
}
