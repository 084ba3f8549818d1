package org.tidings.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.tidings.sync.SyncMetrics;
import org.tidings.sync.SyncSummary;

class ApiServerTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T10:00:00Z"));
    private final InstantSource clock = now::get;
    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(ApiServer server, String path) throws Exception {
        InetSocketAddress address = server.address();
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthFollowsTheLastRoundAndMetricsCountIt() throws Exception {
        SyncMetrics metrics = new SyncMetrics(() -> 4096);
        Instant start = now.get();
        try (ApiServer server = ApiServer.start(new InetSocketAddress("127.0.0.1", 0),
                new ApiServer.Health(metrics, clock, start, Duration.ofMinutes(5)), null)) {
            assertThat(get(server, "/health").statusCode()).isEqualTo(200); // just started
            now.set(start.plus(Duration.ofMinutes(6)));
            assertThat(get(server, "/health").statusCode()).isEqualTo(503); // no round yet

            metrics.recordRound(new SyncSummary(10, 6, 3, 1, 42, 2, Duration.ofSeconds(3)), now.get());
            assertThat(get(server, "/health").statusCode()).isEqualTo(200);

            String body = get(server, "/metrics").body();
            assertThat(body)
                    .contains("tidings_sync_rounds_total 1\n")
                    .contains("tidings_fetches_total{outcome=\"ok\"} 6\n")
                    .contains("tidings_fetches_total{outcome=\"not_modified\"} 3\n")
                    .contains("tidings_fetches_total{outcome=\"failed\"} 1\n")
                    .contains("tidings_new_articles_total 42\n")
                    .contains("tidings_feed_errors_total 1\n")
                    .contains("tidings_database_size_bytes 4096\n");
            assertThat(get(server, "/nothing").statusCode()).isEqualTo(404);
        }
    }

}
