package org.tidings.sync;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.Executors;

/**
 * The daemon's optional HTTP endpoint: {@code /health} answers 200 while the last round finished
 * recently (within {@code staleAfter}), 503 otherwise; {@code /metrics} serves {@link SyncMetrics}
 * in the Prometheus text format.
 */
public final class StatusServer implements AutoCloseable {
    private final HttpServer server;

    private StatusServer(HttpServer server) {
        this.server = server;
    }

    /** Parses {@code HOST:PORT} (a bare port binds to 127.0.0.1). */
    public static InetSocketAddress parseAddress(String text) {
        String value = text.strip();
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            return new InetSocketAddress("127.0.0.1", Integer.parseInt(value));
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new InetSocketAddress(host.isEmpty() ? "127.0.0.1" : host, Integer.parseInt(value.substring(colon + 1)));
    }

    public static StatusServer start(
            InetSocketAddress address, SyncMetrics metrics, InstantSource clock, Instant startedAt, Duration staleAfter)
            throws IOException {
        HttpServer server = HttpServer.create(address, 16);
        server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tidings-status");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/health", exchange -> {
            Instant last = metrics.lastRound();
            Instant now = clock.instant();
            boolean healthy = last != null
                    ? Duration.between(last, now).compareTo(staleAfter) <= 0
                    : Duration.between(startedAt, now).compareTo(staleAfter) <= 0;
            String body = (healthy ? "ok" : "stale") + " last_round=" + (last == null ? "never" : last.toString()) + "\n";
            respond(exchange, healthy ? 200 : 503, "text/plain; charset=utf-8", body);
        });
        server.createContext("/metrics", exchange ->
                respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.render()));
        server.createContext("/", exchange -> respond(exchange, 404, "text/plain; charset=utf-8", "not found\n"));
        server.start();
        return new StatusServer(server);
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(bytes);
            }
        }
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
