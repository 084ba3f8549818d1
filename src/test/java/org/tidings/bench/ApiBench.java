package org.tidings.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Locale;
import org.tidings.api.ApiServer;
import org.tidings.api.FeedJson;
import org.tidings.api.GoogleReader;
import org.tidings.api.Passwords;
import org.tidings.store.Store;
import org.tidings.sync.SyncMetrics;

/**
 * Latency of the Google Reader API over loopback HTTP on a database built by {@link
 * ReaderBenchData} (1,000,000 articles): a reading-list page of 100 items in full (first page and
 * one 1,000 items deep), 1,000 unread ids, and {@code unread-count}. Each call 5 times to warm
 * up, then 30 times timed: median and p95 wall time, median process CPU time (server and client
 * are in this JVM; the client's share is small).
 *
 * <pre>
 * java -cp ... org.tidings.bench.ReaderBenchData /tmp/reader.db   # once, a few minutes
 * java -cp ... org.tidings.bench.ApiBench /tmp/reader.db
 * </pre>
 */
public final class ApiBench {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ApiBench() {}

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args.length > 0 ? args[0] : "reader-bench.db");
        try (Store store = Store.open(db)) {
            if (store.apiUsers().credentials("bench").isEmpty()) {
                store.apiUsers().addUser("bench", Passwords.hash("bench password".toCharArray()), Instant.now());
            }
            InstantSource clock = InstantSource.system();
            try (ApiServer server = ApiServer.start(new InetSocketAddress("127.0.0.1", 0),
                    new ApiServer.Health(new SyncMetrics(() -> 0), clock, clock.instant(), Duration.ofMinutes(5)),
                    new GoogleReader(store, clock, GoogleReader.FAILURE_DELAY))) {
                String base = "http://127.0.0.1:" + server.address().getPort() + ApiServer.BASE;
                HttpClient client = HttpClient.newHttpClient();
                String login = client.send(HttpRequest.newBuilder(URI.create(base + "/accounts/ClientLogin"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("Email=bench&Passwd=bench+password")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                String token = login.lines().filter(l -> l.startsWith("Auth=")).findFirst().orElseThrow().substring(5);
                String list = base + "/reader/api/0/stream/contents/user/-/state/com.google/reading-list?output=json&n=100";
                String deep = continuationAfter(client, token, list, 10);
                System.out.printf(Locale.ROOT, "%s, articles: %d unread%n", db, store.counts().unreadTotal());
                time(client, token, "reading-list page (100 items in full), first", list);
                time(client, token, "reading-list page (100), after 1,000 items (continuation)",
                        list + "&c=" + URLEncoder.encode(deep, StandardCharsets.UTF_8));
                time(client, token, "unread reading-list page (100, xt=read), first", list + "&xt=user/-/state/com.google/read");
                time(client, token, "one folder's page (100)", base + "/reader/api/0/stream/contents/user/-/label/Folder%203?n=100");
                time(client, token, "stream/items/ids, 1,000 unread ids",
                        base + "/reader/api/0/stream/items/ids?s=user/-/state/com.google/reading-list&xt=user/-/state/com.google/read&n=1000");
                time(client, token, "unread-count (1,000 feeds, 20 folders, 50 topics)", base + "/reader/api/0/unread-count?output=json");
            }
        }
    }

    private static String continuationAfter(HttpClient client, String token, String url, int pages) throws Exception {
        String c = null;
        for (int i = 0; i < pages; i++) {
            JsonNode page = FeedJson.MAPPER.readTree(get(client, token, c == null ? url : url + "&c=" + URLEncoder.encode(c, StandardCharsets.UTF_8)));
            c = page.get("continuation").asText();
        }
        return c;
    }

    private static String get(HttpClient client, String token, String url) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "GoogleLogin auth=" + token).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static void time(HttpClient client, String token, String name, String url) throws Exception {
        for (int i = 0; i < 5; i++) {
            get(client, token, url);
        }
        int runs = 30;
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        int bytes = 0;
        for (int i = 0; i < runs; i++) {
            long cpu0 = OS.getProcessCpuTime();
            long t0 = System.nanoTime();
            bytes = get(client, token, url).length();
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (OS.getProcessCpuTime() - cpu0) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %,d |%n", name, wall[runs / 2],
                wall[(int) Math.ceil(runs * 0.95) - 1], cpu[runs / 2], bytes);
    }
}
