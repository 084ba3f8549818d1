package org.tidings.api;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.JsonNode;
import org.tidings.model.Entry;
import org.tidings.model.FeedFormat;
import org.tidings.model.FeedHints;
import org.tidings.model.ParsedFeed;
import org.tidings.model.Subscription;
import org.tidings.store.DatabaseLocation;
import org.tidings.store.Store;
import org.tidings.sync.SyncMetrics;
import org.tidings.testing.Cli;
import org.tidings.testing.Cli.Result;

/**
 * A real database with three outlets and a Google Reader API server on loopback in front of it,
 * for the protocol tests: outlet 1 and 2 in folder "News", outlet 3 at the top level with 25
 * articles; one story ("Senate passes budget") carried by outlets 1 and 2 as separate articles.
 */
final class ApiWorld implements AutoCloseable {
    static final String USER = "alice";
    static final String PASSWORD = "correct horse battery";
    static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    static final String OUTLET1 = "https://outlet1.example/feed/";
    static final String OUTLET2 = "https://outlet2.example/feed/";
    static final String OUTLET3 = "https://outlet3.example/feed/";

    final String db;
    final Store store;
    final ApiServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final Map<String, Long> feedIds = new LinkedHashMap<>();

    ApiWorld(Path dir, boolean withUser, Duration failureDelay) throws Exception {
        this(dir, dir.resolve("tidings.db").toString(), withUser, failureDelay);
    }

    /** A world on the database {@code --db} would take: a SQLite file or a PostgreSQL URL. */
    ApiWorld(Path dir, String db, boolean withUser, Duration failureDelay) throws Exception {
        this.db = db;
        store = Store.open(DatabaseLocation.parse(db));
        InstantSource clock = InstantSource.fixed(NOW);
        feedIds.put(OUTLET1, add(OUTLET1, "Nigeria News 24", "News"));
        feedIds.put(OUTLET2, add(OUTLET2, "Vanguard", "News"));
        feedIds.put(OUTLET3, add(OUTLET3, "People's Daily", null));
        ingest(OUTLET1, List.of(
                entry(1, 100, "Senate passes budget", "2026-11-26T10:00:00Z", "Politics"),
                entry(1, 300, "Super Eagles win", "2026-11-24T18:30:00Z", "Sport")));
        ingest(OUTLET2, List.of(
                entry(2, 100, "Senate passes budget", "2026-11-26T11:00:00Z", "Politics"),
                entry(2, 200, "Naira falls", "2026-11-25T09:00:00Z", "Economy")));
        List<Entry> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add(entry(3, 1000 + i, "Daily brief " + i, Instant.parse("2026-11-01T06:00:00Z").plus(Duration.ofHours(i)).toString()));
        }
        ingest(OUTLET3, many);
        if (withUser) {
            Path file = dir.resolve("password.txt");
            Files.writeString(file, PASSWORD + "\n");
            Result added = cli("api-user", "add", USER, "--fever", "--password-file", file.toString());
            if (added.code() != 0) {
                throw new IllegalStateException(added.err());
            }
        }
        server = ApiServer.start(new InetSocketAddress("127.0.0.1", 0),
                new ApiServer.Health(new SyncMetrics(() -> 0), clock, NOW, Duration.ofMinutes(5)),
                new GoogleReader(store, clock, failureDelay), new Fever(store, clock, failureDelay));
    }

    private long add(String url, String title, String folder) {
        return store.feeds().add(new Subscription(url, title, "https://" + URI.create(url).getHost() + "/", folder, List.of()), NOW)
                .feed().id();
    }

    private void ingest(String url, List<Entry> entries) {
        store.ingest(feedIds.get(url), new ParsedFeed(FeedFormat.RSS_20, "feed", null, null, null, entries, FeedHints.NONE,
                false, List.of()), NOW);
    }

    private static Entry entry(int outlet, int story, String title, String published, String... topics) {
        String link = "https://outlet" + outlet + ".example/" + story + "/";
        String body = body(story);
        return new Entry(link, link, title, Instant.parse(published), null, "Reporter", List.of(topics), List.of(), List.of(),
                "<p>" + body + "</p>", body, null);
    }

    /** Two hundred words drawn for the story: copies of a story share them, stories differ. */
    private static String body(int story) {
        String[] vocabulary = ("senate budget naira lagos abuja minister market trade growth inflation governor assembly "
                + "election court ruling police army farmers harvest rainfall port cargo oil refinery pipeline bank rate "
                + "loan exports imports tariff union strike teachers school hospital doctors vaccine bridge road rail "
                + "airport flight power grid tariff solar water council youth jobs startup fintech stadium coach league")
                .split(" ");
        Random random = new Random(story * 7919L);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            words.add(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return String.join(" ", words);
    }

    String base() {
        return "http://127.0.0.1:" + server.address().getPort() + ApiServer.BASE;
    }

    /** Runs a tidings command line on the database, in this JVM. */
    Result cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    /** What {@code articles --json} prints, by title. */
    Map<String, List<JsonNode>> articlesJson(String... filters) throws Exception {
        List<String> args = new ArrayList<>(List.of("articles", "--json"));
        args.addAll(List.of(filters));
        Result result = cli(args.toArray(String[]::new));
        if (result.code() != 0) {
            throw new IllegalStateException(result.err());
        }
        Map<String, List<JsonNode>> byTitle = new LinkedHashMap<>();
        for (String line : result.out().strip().lines().toList()) {
            if (!line.isBlank()) {
                JsonNode node = FeedJson.MAPPER.readTree(line);
                byTitle.computeIfAbsent(node.get("title").asText(), k -> new ArrayList<>()).add(node);
            }
        }
        return byTitle;
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "GoogleLogin auth=" + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "GoogleLogin auth=" + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String form(String... pairs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parts.add(enc(pairs[i]) + "=" + enc(pairs[i + 1]));
        }
        return String.join("&", parts);
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Logs in as a client does (newsboat's extra slash included) and returns the Auth token. */
    String login() throws Exception {
        HttpResponse<String> response = post("//accounts/ClientLogin", null, form("Email", USER, "Passwd", PASSWORD));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + response.statusCode() + " " + response.body());
        }
        return response.body().lines().filter(l -> l.startsWith("Auth=")).map(l -> l.substring(5)).collect(Collectors.joining());
    }

    JsonNode json(HttpResponse<String> response) throws Exception {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return FeedJson.MAPPER.readTree(response.body());
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
