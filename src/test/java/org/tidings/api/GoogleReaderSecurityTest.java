package org.tidings.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tidings.api.ApiWorld.OUTLET1;
import static org.tidings.api.ApiWorld.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.tidings.testing.Cli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong credentials, missing tokens, bad input and oversized requests: refused, and nothing changes. */
class GoogleReaderSecurityTest {
    static final Duration DELAY = Duration.ofMillis(300);
    static final List<String> READ_ENDPOINTS = List.of("token", "user-info", "subscription/list", "tag/list", "unread-count",
            "stream/contents/user/-/state/com.google/reading-list", "stream/items/ids", "stream/items/contents?i=1");
    static final List<String> WRITE_ENDPOINTS = List.of("edit-tag", "mark-all-as-read", "subscription/edit",
            "subscription/quickadd", "rename-tag", "disable-tag");

    @TempDir Path dir;
    ApiWorld world;

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
    }

    private String unreadState() throws Exception {
        return world.articlesJson().toString();
    }

    @Test
    void theApiIsOffUntilAUserExistsButHealthIsServed() throws Exception {
        world = new ApiWorld(dir, false, DELAY);
        HttpResponse<String> login = world.post("/accounts/ClientLogin", null, form("Email", "a", "Passwd", "b"));
        assertThat(login.statusCode()).isEqualTo(404);
        assertThat(login.body()).contains("tidings api-user add");
        String health = "http://127.0.0.1:" + world.server.address().getPort() + "/health";
        assertThat(world.client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(health)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongCredentialsGet401AfterAFixedDelay() throws Exception {
        world = new ApiWorld(dir, true, DELAY);
        for (String[] attempt : List.of(new String[] {"alice", "wrong"}, new String[] {"mallory", ApiWorld.PASSWORD},
                new String[] {"alice", ""})) {
            long start = System.nanoTime();
            HttpResponse<String> response = world.post("/accounts/ClientLogin", null, form("Email", attempt[0], "Passwd", attempt[1]));
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("Error=BadAuthentication\n");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(DELAY);
        }
        assertThat(world.post("/accounts/ClientLogin", null, "").statusCode()).isEqualTo(401);
    }

    @Test
    void anAddressThatKeepsFailingIsRefusedEvenWithTheRightPassword() throws Exception {
        world = new ApiWorld(dir, true, Duration.ZERO);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(world.post("/accounts/ClientLogin", null, form("Email", "alice", "Passwd", "guess" + i)).statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> right = world.post("/accounts/ClientLogin", null, form("Email", "alice", "Passwd", ApiWorld.PASSWORD));
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.body()).doesNotContain("Auth=");
    }

    @Test
    void everyEndpointButLoginNeedsAValidToken() throws Exception {
        world = new ApiWorld(dir, true, Duration.ZERO);
        // 401, or 429 once this address has failed too often (the throttle counts bad tokens too)
        for (String endpoint : READ_ENDPOINTS) {
            assertThat(world.get("/reader/api/0/" + endpoint, null).statusCode()).as(endpoint).isIn(401, 429);
            assertThat(world.get("/reader/api/0/" + endpoint, "0123456789abcdef").statusCode()).as(endpoint).isIn(401, 429);
        }
        for (String endpoint : WRITE_ENDPOINTS) {
            assertThat(world.post("/reader/api/0/" + endpoint, null, "s=feed/" + OUTLET1).statusCode()).as(endpoint).isIn(401, 429);
        }
        assertThat(world.get("/reader/atom/feed%2F" + ApiWorld.enc(OUTLET1), null).statusCode()).isIn(401, 429);
        assertThat(world.store.feeds().list()).hasSize(3);
    }

    @Test
    void theFirstBadTokensAre401() throws Exception {
        world = new ApiWorld(dir, true, Duration.ZERO);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            String endpoint = READ_ENDPOINTS.get(i % READ_ENDPOINTS.size());
            HttpResponse<String> response = world.get("/reader/api/0/" + endpoint, i % 2 == 0 ? null : "bogus" + i);
            assertThat(response.statusCode()).as(endpoint).isEqualTo(401);
            assertThat(response.body()).isEqualTo("Unauthorized\n");
        }
        assertThat(world.get("/reader/api/0/user-info", "bogus").statusCode()).isEqualTo(429);
    }

    @Test
    void writeCallsNeedPostAndTheTToken() throws Exception {
        world = new ApiWorld(dir, true, Duration.ZERO);
        String token = world.login();
        String before = unreadState();
        for (String endpoint : WRITE_ENDPOINTS) {
            HttpResponse<String> noT = world.post("/reader/api/0/" + endpoint, token,
                    form("s", "feed/" + OUTLET1, "i", "1", "a", "user/-/state/com.google/read", "ac", "unsubscribe",
                            "quickadd", "https://x.example/feed", "dest", "user/-/label/X"));
            assertThat(noT.statusCode()).as(endpoint).isEqualTo(401);
            assertThat(noT.headers().firstValue("X-Reader-Google-Bad-Token")).as(endpoint).contains("true");
            HttpResponse<String> wrongT = world.post("/reader/api/0/" + endpoint, token,
                    form("s", "feed/" + OUTLET1, "T", "x".repeat(57), "i", "1", "a", "user/-/state/com.google/read"));
            assertThat(wrongT.statusCode()).as(endpoint).isEqualTo(401);
            String t = world.get("/reader/api/0/token", token).body();
            assertThat(world.get("/reader/api/0/" + endpoint + "?T=" + t + "&s=feed/" + OUTLET1, token).statusCode())
                    .as(endpoint).isEqualTo(405);
        }
        assertThat(unreadState()).isEqualTo(before);
        assertThat(world.store.feeds().list()).hasSize(3);
    }

    @Test
    void malformedIdsAndUnknownStreamsAre400AndChangeNothing() throws Exception {
        world = new ApiWorld(dir, true, Duration.ZERO);
        String token = world.login();
        String t = world.get("/reader/api/0/token", token).body();
        String before = unreadState();
        Map<String, String> bad = Map.of(
                "edit-tag", form("i", "1", "i", "tag:google.com,2005:reader/item/xyz", "a", "user/-/state/com.google/read", "T", t),
                "mark-all-as-read", form("s", "feed/https://nowhere.example/feed", "T", t),
                "subscription/edit", form("ac", "unsubscribe", "s", "feed/" + OUTLET1, "s", "feed/https://nowhere.example/", "T", t),
                "subscription/quickadd", form("quickadd", "javascript:alert(1)", "T", t),
                "rename-tag", form("s", "user/-/label/Nothing", "dest", "user/-/label/Else", "T", t));
        for (Map.Entry<String, String> call : bad.entrySet()) {
            HttpResponse<String> response = world.post("/reader/api/0/" + call.getKey(), token, call.getValue());
            assertThat(response.statusCode()).as(call.getKey()).isEqualTo(400);
            assertThat(response.body().lines().count()).as(call.getKey()).isEqualTo(1);
        }
        assertThat(world.post("/reader/api/0/mark-all-as-read", token, form("s", "user/-/state/com.google/read", "ts", "soon", "T", t))
                .statusCode()).isEqualTo(400);
        assertThat(world.post("/reader/api/0/edit-tag", token, form("i", "12a", "a", "user/-/state/com.google/read", "T", t))
                .statusCode()).isEqualTo(400);
        for (String query : List.of("stream/contents/feed/https://nowhere.example/", "stream/contents/user/-/label/Nothing",
                "stream/contents/bogus", "stream/items/ids?s=user/-/state/com.google/reading-list&n=0",
                "stream/items/ids?n=many", "stream/items/ids?c=garbage", "stream/items/ids?ot=yesterday",
                "stream/items/ids?xt=user/-/label/News", "stream/items/contents?i=nope")) {
            HttpResponse<String> response = world.get("/reader/api/0/" + query, token);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
        }
        assertThat(unreadState()).isEqualTo(before);
        assertThat(world.store.feeds().list()).hasSize(3);
        assertThat(world.store.feeds().folders()).containsExactly("News");
    }

    @Test
    void bodiesAndPagesAreCapped() throws Exception {
        world = new ApiWorld(dir, true, Duration.ZERO);
        String token = world.login();
        String t = world.get("/reader/api/0/token", token).body();
        String huge = form("T", t, "s", "feed/" + OUTLET1, "pad", "x".repeat(ApiServer.MAX_BODY_BYTES + 1));
        assertThat(world.post("/reader/api/0/mark-all-as-read", token, huge).statusCode()).isEqualTo(413);
        assertThat(world.articlesJson("--unread", "--feed", OUTLET1)).hasSize(2);

        StringBuilder ids = new StringBuilder("T=" + t + "&a=user/-/state/com.google/read");
        for (int i = 0; i <= GoogleReader.MAX_ITEM_IDS; i++) {
            ids.append("&i=").append(i + 1);
        }
        assertThat(world.post("/reader/api/0/edit-tag", token, ids.toString()).statusCode()).isEqualTo(400);

        JsonNode page = world.json(world.get("/reader/api/0/stream/contents/user/-/state/com.google/reading-list?n=99999999", token));
        assertThat(page.get("items").size()).isEqualTo(29).isLessThanOrEqualTo(GoogleReader.MAX_ITEMS);
    }

    @Test
    void nothingLogsPasswordsOrTokensEvenAtDebugLevel() throws Exception {
        world = new ApiWorld(dir, true, Duration.ZERO); // runs the command line, which resets logging
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        java.util.logging.Level level = root.getLevel();
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (String.valueOf(record.getLoggerName()).startsWith("jdk.")) {
                    return; // the test's own HTTP client
                }
                logged.add(record.getLoggerName() + " " + new java.util.logging.SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        capture.setLevel(java.util.logging.Level.ALL);
        root.addHandler(capture);
        root.setLevel(java.util.logging.Level.ALL); // what --log-file does, and more
        String token;
        try {
            token = world.login();
            world.get("/accounts/ClientLogin?Email=alice&Passwd=" + ApiWorld.enc(ApiWorld.PASSWORD), null);
            world.get("/reader/api/0/unread-count", token);
            world.post("/reader/api/0/edit-tag", token, form("i", "1", "a", "user/-/state/com.google/read", "T", "wrong"));
            world.get("/reader/api/0/user-info", "bogus-token-value");
        } finally {
            root.removeHandler(capture);
            root.setLevel(level);
        }
        String all = String.join("\n", logged);
        assertThat(all).doesNotContain(ApiWorld.PASSWORD).doesNotContain(ApiWorld.enc(ApiWorld.PASSWORD))
                .doesNotContain("bogus-token-value").doesNotContain("GoogleLogin").doesNotContain(token);
    }

    @Test
    void revokedTokensStopWorkingAndSecretsAreNotStored() throws Exception {
        world = new ApiWorld(dir, true, Duration.ZERO);
        String token = world.login();
        assertThat(world.get("/reader/api/0/user-info", token).statusCode()).isEqualTo(200);
        assertThat(world.cli("api-user", "list").out()).contains("alice").contains("1 token");

        byte[] database = Files.readAllBytes(Path.of(world.db));
        byte[] wal = Files.exists(Path.of(world.db + "-wal")) ? Files.readAllBytes(Path.of(world.db + "-wal")) : new byte[0];
        String stored = new String(database, StandardCharsets.ISO_8859_1) + new String(wal, StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain(token).doesNotContain(ApiWorld.PASSWORD).contains("$2b$");

        Cli.Result revoked = world.cli("api-user", "revoke", "alice");
        assertThat(revoked.code()).isZero();
        assertThat(revoked.out()).isEqualTo("revoked 1 token of alice\n");
        assertThat(world.get("/reader/api/0/user-info", token).statusCode()).isEqualTo(401);

        String again = world.login();
        assertThat(world.cli("api-user", "remove", "alice").code()).isZero();
        assertThat(world.get("/reader/api/0/user-info", again).statusCode()).isEqualTo(404); // no user: the API is off
    }
}
