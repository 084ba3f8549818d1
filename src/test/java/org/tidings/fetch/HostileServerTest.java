package org.tidings.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tidings.fetch.FetchResult.Failed;
import org.tidings.fetch.FetchResult.Kind;

/**
 * Servers that attack the fetcher: an endless 1 GB body, a 1 GB gzip bomb, redirects to local
 * files. The fetcher stops reading at its cap (it never holds more than the cap) and never leaves
 * http(s) through a redirect. docs/SECURITY.md.
 */
class HostileServerTest {
    private static final long ONE_GB = 1L << 30;
    private static final int CAP = 2 * 1024 * 1024;
    /** What may be in flight in socket buffers and the client's read window beyond the cap. */
    private static final long SLACK = 16L * 1024 * 1024;

    private HttpServer server;
    private ExecutorService serverThreads;
    private HttpFetcher fetcher;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.start();
        fetcher = new HttpFetcher(FetchConfig.defaults("1.0", "https://example.org/tidings")
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(60))
                .withMaxBodyBytes(CAP), InstantSource.fixed(Instant.parse("2026-11-27T08:00:00Z")));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private void route(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                handler.handle(exchange);
            } catch (IOException e) {
                // the client hung up: what we want
            }
        });
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private FetchResult fetch(String path) {
        CompletableFuture<FetchResult> future = fetcher.fetch(FetchRequest.of(url(path)));
        return future.orTimeout(60, TimeUnit.SECONDS).join();
    }

    /** Writes zeros until {@code total} bytes are out or the client closes the connection. */
    private void stream(OutputStream out, long total) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        for (long written = 0; written < total; written += chunk.length) {
            out.write(chunk);
            sent.addAndGet(chunk.length);
        }
    }

    @Test
    void aOneGigabyteBodyWithItsLengthAnnouncedIsRefusedWithoutReadingIt() {
        route("/huge", exchange -> {
            exchange.sendResponseHeaders(200, ONE_GB);
            stream(exchange.getResponseBody(), ONE_GB);
        });

        FetchResult result = fetch("/huge");

        assertThat(result).isEqualTo(new Failed(url("/huge"), Kind.TOO_LARGE, 0, "body larger than 2 MB", null));
        assertThat(sent.get()).as("bytes the server managed to send").isLessThan(CAP + SLACK);
    }

    @Test
    void anEndlessChunkedBodyIsCutAtTheCap() {
        route("/endless", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("<rss><channel><title>".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            stream(out, ONE_GB);
        });

        FetchResult result = fetch("/endless");

        assertThat(result).isEqualTo(new Failed(url("/endless"), Kind.TOO_LARGE, 0, "body larger than 2 MB", null));
        assertThat(sent.get()).as("bytes the server managed to send of its 1 GB").isLessThan(CAP + SLACK);
    }

    @Test
    void aOneGigabyteGzipBombIsCutAfterDecompressingTheCap() throws IOException {
        // 16 gzip members of 64 MB of zeros each: 1 GB decompressed, about 1 MB on the wire.
        byte[] member = gzip(64 * 1024 * 1024);
        route("/bomb", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, 0);
            for (int i = 0; i < 16; i++) {
                exchange.getResponseBody().write(member);
                sent.addAndGet(member.length);
            }
        });

        FetchResult result = fetch("/bomb");

        // With the test JVM's 1 GB heap, holding the decompressed body would have failed with an OutOfMemoryError.
        assertThat(result).isEqualTo(new Failed(url("/bomb"), Kind.TOO_LARGE, 0,
                "body larger than 2 MB after decompression", null));
        assertThat(member.length * 16L).as("compressed size of the bomb").isLessThan(2L * 1024 * 1024);
    }

    private static byte[] gzip(int zeros) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
            byte[] chunk = new byte[1024 * 1024];
            for (int i = 0; i < zeros / chunk.length; i++) {
                gzip.write(chunk);
            }
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectToALocalFileIsRefused(int status) {
        route("/feed", exchange -> {
            exchange.getResponseHeaders().set("Location", "file:///etc/passwd");
            exchange.sendResponseHeaders(status, -1);
        });

        Failed failed = (Failed) fetch("/feed");

        assertThat(failed.kind()).isEqualTo(Kind.BAD_REDIRECT);
        assertThat(failed.message()).isEqualTo("refused redirect to file:///etc/passwd (only http and https)");
        assertThat(failed.url()).startsWith("http://127.0.0.1:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FILE:///etc/passwd", "file:/etc/passwd", "jar:file:///tmp/x.jar!/a", "ftp://127.0.0.1/x",
        "gopher://127.0.0.1/", "data:text/xml,<rss/>"})
    void aRedirectToAnyOtherSchemeIsRefused(String location) {
        route("/feed", exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(301, -1);
        });

        Failed failed = (Failed) fetch("/feed");

        assertThat(failed.kind()).isEqualTo(Kind.BAD_REDIRECT);
        // The location is shown as parsed (characters such as '<' percent-encoded).
        assertThat(failed.message()).contains("refused redirect to " + location.substring(0, location.indexOf(':') + 1));
    }

    @Test
    void aRedirectChainEndingInAFileIsRefusedAtTheFileHop() {
        route("/a", exchange -> {
            exchange.getResponseHeaders().set("Location", url("/b"));
            exchange.sendResponseHeaders(301, -1);
        });
        route("/b", exchange -> {
            exchange.getResponseHeaders().set("Location", "file:///etc/passwd");
            exchange.sendResponseHeaders(308, -1);
        });

        Failed failed = (Failed) fetch("/a");

        assertThat(failed.kind()).isEqualTo(Kind.BAD_REDIRECT);
        assertThat(requests).hasValue(2);
    }
}
