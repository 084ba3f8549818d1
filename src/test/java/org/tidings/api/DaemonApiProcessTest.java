package org.tidings.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.cli.Main;
import org.tidings.model.Subscription;
import org.tidings.store.Store;

/** {@code tidings daemon --http} as a real child process serves the Google Reader API once a user exists. */
class DaemonApiProcessTest {
    private static final Pattern SERVING = Pattern.compile("Google Reader API at (http://127\\.0\\.0\\.1:\\d+/api/greader)");

    @TempDir Path dir;

    private int cli(Path db, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(List.of(args));
        return Main.run(all.toArray(String[]::new), new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
    }

    @Test
    void theDaemonServesTheApiAndStopsCleanly() throws Exception {
        Path db = dir.resolve("tidings.db");
        try (Store store = Store.open(db)) {
            store.feeds().add(new Subscription("http://127.0.0.1:9/feed.xml", "Nowhere", null, "News", List.of()), Instant.now());
        }
        Path password = dir.resolve("pw");
        Files.writeString(password, "daemon secret\n");
        assertThat(cli(db, "api-user", "add", "bob", "--password-file", password.toString())).isZero();
        Path config = dir.resolve("config.toml");
        Files.writeString(config, "");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path stderr = dir.resolve("daemon.log");
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--db", db.toString(),
                "--config", config.toString(), "daemon", "--tick", "1h", "--http", "127.0.0.1:0")
                .redirectError(stderr.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(name -> name.startsWith("TIDINGS_"));
        Process daemon = builder.start();
        try {
            String base = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (base == null && System.nanoTime() < deadline && daemon.isAlive()) {
                Matcher matcher = SERVING.matcher(Files.readString(stderr, StandardCharsets.UTF_8));
                base = matcher.find() ? matcher.group(1) : null;
                Thread.sleep(100);
            }
            assertThat(base).as(Files.readString(stderr)).isNotNull();

            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/accounts/ClientLogin"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("Email=bob&Passwd=daemon+secret")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            String token = login.body().lines().filter(l -> l.startsWith("Auth=")).findFirst().orElseThrow().substring(5);
            HttpResponse<String> list = client.send(HttpRequest.newBuilder(URI.create(base + "/reader/api/0/subscription/list"))
                    .header("Authorization", "GoogleLogin auth=" + token).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode subscriptions = FeedJson.MAPPER.readTree(list.body()).get("subscriptions");
            assertThat(subscriptions.findValuesAsText("title")).containsExactly("Nowhere");
            assertThat(subscriptions.get(0).get("categories").findValuesAsText("label")).containsExactly("News");
        } finally {
            daemon.destroy();
            assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(daemon.exitValue()).as(Files.readString(stderr)).isZero();
        assertThat(Files.readString(stderr)).doesNotContain("daemon secret").doesNotContain("Passwd");
    }
}
