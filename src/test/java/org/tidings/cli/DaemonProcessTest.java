package org.tidings.cli;

import org.tidings.api.FeedJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Feed;
import org.tidings.model.Subscription;
import org.tidings.store.ArticleQuery;
import org.tidings.store.Store;
import org.tidings.testing.Cli;
import org.tidings.testing.Cli.Result;

/**
 * {@code tidings daemon} as a real child process (the test classpath, {@code cli.Main}) on a real
 * database file, against feeds served over loopback: SIGTERM with fetches in flight, the
 * one-daemon lock, {@code sync} and {@code status} beside a running daemon, /health and /metrics.
 */
class DaemonProcessTest {
    private static final int ITEMS = 30;
    private static final Pattern SERVING = Pattern.compile("serving /health and /metrics on http://([0-9.]+):(\\d+)");

    @TempDir Path dir;
    private Path db;
    private Path config;
    private FeedHost feeds;
    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        db = dir.resolve("tidings.db");
        config = Files.writeString(dir.resolve("config.toml"), ""); // empty: defaults, whatever the machine's own config says
        feeds = new FeedHost();
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Process child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
        }
        feeds.close();
    }

    @Test
    void sigtermWithFetchesInFlightExitsZeroWithinFiveSecondsAndWritesNoFeedByHalves() throws Exception {
        List<String> quick = new ArrayList<>();
        List<String> hanging = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            quick.add(feeds.url("/quick/" + i + ".xml"));
            hanging.add(feeds.url("/hang/" + i + ".xml"));
        }
        List<Long> quickIds = subscribe(quick);
        List<Long> hangingIds = subscribe(hanging);

        Child daemon = daemon("err-1.log", "daemon", "--tick", "1s");
        // Every quick feed stored, every hanging feed half-way through its body.
        awaitUntil(() -> feeds.hangingNow.get() == hanging.size() && countArticles(quickIds) == quickIds.size() * ITEMS,
                Duration.ofSeconds(30), daemon);

        long signalled = System.nanoTime();
        daemon.process.destroy(); // SIGTERM
        boolean exited = daemon.process.waitFor(5, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - signalled);
        assertThat(exited).as("exited within 5 s of SIGTERM; log:%n%s", daemon.log()).isTrue();
        assertThat(daemon.process.exitValue()).as(daemon.log()).isZero();
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(daemon.log()).contains("stopping: finishing fetches in flight").contains("stopped after 1 round\n");

        try (Store store = Store.open(db)) {
            assertThat(store.integrityCheck()).isEqualTo("ok");
            for (long id : quickIds) {
                assertThat(count(store, id)).isEqualTo(ITEMS);
            }
            for (long id : hangingIds) {
                // Abandoned: nothing of it written, not even a failure; it is due again next time.
                Feed feed = store.feeds().feed(id).orElseThrow();
                assertThat(count(store, id)).isZero();
                assertThat(feed.health().consecutiveFailures()).isZero();
                assertThat(feed.health().lastAttemptAt()).isNull();
            }
        }
    }

    @Test
    void oneDaemonPerDatabaseWhileSyncWaitsItsTurnAndStatusAndHttpReportIt() throws Exception {
        String slow = feeds.url("/slow/0.xml");
        String quick = feeds.url("/quick/0.xml");
        subscribe(List.of(slow, quick));

        Child daemon = daemon("err-1.log", "daemon", "--tick", "1s", "--http", "127.0.0.1:0");
        // The first round is under way while the slow feed is being answered (3 s).
        awaitUntil(() -> feeds.requests("/slow/0.xml") == 1, Duration.ofSeconds(30), daemon);

        // sync waits for the daemon's round, then runs and succeeds.
        ByteArrayOutputStream syncErr = new ByteArrayOutputStream();
        PrintStream savedErr = System.err;
        Result sync;
        System.setErr(new PrintStream(syncErr, true, StandardCharsets.UTF_8));
        try {
            sync = run("sync", "--feed", quick);
        } finally {
            System.setErr(savedErr);
        }
        assertThat(sync.code()).as(sync.err() + syncErr).isZero();
        assertThat(syncErr.toString(StandardCharsets.UTF_8)).contains("waiting for another sync of " + db);
        assertThat(sync.out()).startsWith("1 feed: 1 fetched");
        assertThat(daemon.process.isAlive()).isTrue();

        Child second = daemon("err-2.log", "daemon", "--tick", "1s");
        assertThat(second.process.waitFor(20, TimeUnit.SECONDS)).as(second.log()).isTrue();
        assertThat(second.process.exitValue()).isEqualTo(ExitCodes.FATAL);
        assertThat(second.log().strip()).isEqualTo("tidings: another tidings daemon (pid " + daemon.process.pid()
                + ") is already running on " + db);

        Result status = run("status", "--json");
        assertThat(status.code()).as(status.err()).isZero();
        JsonNode node = FeedJson.MAPPER.readTree(status.out());
        assertThat(node.get("daemon_pid").asLong()).isEqualTo(daemon.process.pid());

        Matcher serving = awaitLine(daemon, SERVING);
        String base = "http://" + serving.group(1) + ":" + serving.group(2);
        awaitUntil(() -> daemon.log().contains("round: 2 feeds: 2 fetched"), Duration.ofSeconds(30), daemon);
        HttpAnswer health = get(base + "/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).startsWith("ok last_round=");
        HttpAnswer metrics = get(base + "/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("(?m)^tidings_sync_rounds_total [1-9]\\d*$")
                .contains("tidings_fetches_total{outcome=\"ok\"} 2\n")
                .contains("tidings_fetches_total{outcome=\"failed\"} 0\n")
                .contains("tidings_new_articles_total " + 2 * ITEMS + "\n")
                .containsPattern("(?m)^tidings_database_size_bytes [1-9]\\d*$");
        assertThat(get(base + "/nothing").status()).isEqualTo(404);

        daemon.process.destroy();
        assertThat(daemon.process.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(daemon.process.exitValue()).isZero();
        assertThat(StatusCommandJson.daemonPid(run("status", "--json"))).isNull();
    }

    // --- helpers -----------------------------------------------------------------------------

    private Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString(), "--config", config.toString()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    private static final class StatusCommandJson {
        static Long daemonPid(Result status) throws IOException {
            JsonNode pid = FeedJson.MAPPER.readTree(status.out()).get("daemon_pid");
            return pid == null || pid.isNull() ? null : pid.asLong();
        }
    }

    private List<Long> subscribe(List<String> urls) {
        try (Store store = Store.open(db)) {
            List<Long> ids = new ArrayList<>();
            for (String url : urls) {
                ids.add(store.feeds().add(Subscription.of(url), Instant.now()).feed().id());
            }
            return ids;
        }
    }

    private int countArticles(List<Long> feedIds) {
        try (Store store = Store.open(db)) {
            return feedIds.stream().mapToInt(id -> count(store, id)).sum();
        }
    }

    private static int count(Store store, long feedId) {
        return store.articles().page(ArticleQuery.all().inFeed(feedId), null, 1000).articles().size();
    }

    private record Child(Process process, Path stderr) {
        String log() {
            try {
                return Files.readString(stderr, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }
    }

    private Child daemon(String errName, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--db", db.toString(), "--config", config.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("TIDINGS_") || name.endsWith("_proxy") || name.endsWith("_PROXY"));
        env.put("TIDINGS_FETCH_PER_HOST", "32");
        Path stderr = dir.resolve(errName);
        builder.redirectError(stderr.toFile());
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Child child = new Child(builder.start(), stderr);
        children.add(child.process());
        return child;
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitUntil(Condition condition, Duration timeout, Child child) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (!child.process().isAlive()) {
                throw new AssertionError("the daemon exited (" + child.process().exitValue() + "): " + child.log());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out; daemon log:\n" + child.log());
            }
            Thread.sleep(50);
        }
    }

    private static Matcher awaitLine(Child child, Pattern pattern) throws Exception {
        Matcher[] found = new Matcher[1];
        awaitUntil(() -> {
            Matcher matcher = pattern.matcher(child.log());
            if (matcher.find()) {
                found[0] = matcher;
                return true;
            }
            return false;
        }, Duration.ofSeconds(30), child);
        return found[0];
    }

    private record HttpAnswer(int status, String body) {}

    private static HttpAnswer get(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection(Proxy.NO_PROXY);
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(5_000);
        int status = connection.getResponseCode();
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        connection.disconnect();
        return new HttpAnswer(status, body);
    }

    /**
     * {@code /quick/N.xml} answers a feed of {@value #ITEMS} items at once; {@code /slow/N.xml} the
     * same after 3 s; {@code /hang/N.xml} sends the headers and half the body, then hangs until
     * the server closes.
     */
    private static final class FeedHost implements AutoCloseable {
        final AtomicInteger hangingNow = new AtomicInteger();
        private final HttpServer server;
        private final ExecutorService executor = Executors.newCachedThreadPool();
        private final Map<String, AtomicInteger> requests = new java.util.concurrent.ConcurrentHashMap<>();

        FeedHost() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            server.setExecutor(executor);
            server.createContext("/", this::handle);
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        int requests(String path) {
            AtomicInteger count = requests.get(path);
            return count == null ? 0 : count.get();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            requests.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            byte[] body = feed(path).getBytes(StandardCharsets.UTF_8);
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                if (path.startsWith("/slow/")) {
                    Thread.sleep(3_000);
                }
                exchange.sendResponseHeaders(200, body.length);
                OutputStream out = exchange.getResponseBody();
                if (path.startsWith("/hang/")) {
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    hangingNow.incrementAndGet();
                    Thread.sleep(Long.MAX_VALUE);
                }
                out.write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static String feed(String path) {
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>")
                    .append(path).append("</title>");
            for (int n = 0; n < ITEMS; n++) {
                String link = "http://items.test" + path + "/" + n;
                xml.append("<item><title>").append(path).append(" story ").append(n).append("</title><link>").append(link)
                        .append("</link><guid>").append(link).append("</guid><pubDate>Fri, 20 Nov 2026 ")
                        .append(String.format("%02d", n % 24)).append(":00:00 GMT</pubDate><description>Story ").append(n)
                        .append(" of ").append(path).append("</description></item>");
            }
            return xml.append("</channel></rss>").toString();
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
