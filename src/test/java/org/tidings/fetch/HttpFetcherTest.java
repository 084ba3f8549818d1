package org.tidings.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.fetch.FetchResult.Failed;
import org.tidings.fetch.FetchResult.Fetched;
import org.tidings.fetch.FetchResult.Gone;
import org.tidings.fetch.FetchResult.Kind;
import org.tidings.fetch.FetchResult.NotModified;
import org.tidings.testing.FeedServer;

class HttpFetcherTest {
    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private static final InstantSource CLOCK = InstantSource.fixed(NOW);
    private static final String FEED = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
            + "<title>t</title></channel></rss>";

    private HttpServer server;
    private ExecutorService serverThreads;
    private final List<Headers> seen = new CopyOnWriteArrayList<>();
    private final List<HttpFetcher> fetchers = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.start();
    }

    @AfterEach
    void stopServer() {
        fetchers.forEach(HttpFetcher::close);
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private static FetchConfig testConfig() {
        return FetchConfig.defaults("1.2.3", "https://example.org/tidings")
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    private HttpFetcher fetcher(FetchConfig config) {
        HttpFetcher fetcher = new HttpFetcher(config, CLOCK);
        fetchers.add(fetcher);
        return fetcher;
    }

    private HttpFetcher fetcher() {
        return fetcher(testConfig());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void route(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            seen.add(exchange.getRequestHeaders());
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                handler.handle(exchange);
            }
        });
    }

    private void serve(String path, int status, Map<String, String> headers, byte[] body) {
        route(path, exchange -> {
            headers.forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        });
    }

    private static FetchResult get(CompletableFuture<FetchResult> future) {
        return future.orTimeout(30, TimeUnit.SECONDS).join();
    }

    private FetchResult fetch(String url) {
        return get(fetcher().fetch(FetchRequest.of(url)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    class Success {
        @Test
        void fetchesBodyWithTypeCharsetValidatorsAndCacheInfo() {
            serve("/feed.xml", 200, Map.of(
                    "Content-Type", "application/rss+xml; charset=\"UTF-8\"",
                    "ETag", "\"abc\"",
                    "Last-Modified", "Thu, 26 Nov 2026 10:00:00 GMT",
                    "Cache-Control", "public, max-age=600",
                    "Expires", "Fri, 27 Nov 2026 09:00:00 GMT",
                    "Date", "Fri, 27 Nov 2026 08:00:00 GMT"), utf8(FEED));

            FetchResult result = fetch(url("/feed.xml"));

            assertThat(result).isInstanceOf(Fetched.class);
            Fetched fetched = (Fetched) result;
            assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
            assertThat(fetched.url()).isEqualTo(url("/feed.xml"));
            assertThat(fetched.mediaType()).isEqualTo("application/rss+xml");
            assertThat(fetched.charset()).isEqualTo("UTF-8");
            assertThat(fetched.supportedCharset()).contains(StandardCharsets.UTF_8);
            assertThat(fetched.validators())
                    .isEqualTo(new Validators("\"abc\"", "Thu, 26 Nov 2026 10:00:00 GMT"));
            // the JDK server sets its own Date header
            assertThat(fetched.cache().maxAge()).isEqualTo(Duration.ofSeconds(600));
            assertThat(fetched.cache().expires()).isEqualTo(Instant.parse("2026-11-27T09:00:00Z"));
            assertThat(fetched.cache().serverDate()).isNotNull();
            assertThat(fetched.permanentRedirect()).isNull();
        }

        @Test
        void resolvesHostNames() {
            serve("/feed.xml", 200, Map.of(), utf8(FEED));

            FetchResult result = fetch("http://localhost:" + server.getAddress().getPort() + "/feed.xml");

            assertThat(result).isInstanceOf(Fetched.class);
        }

        @Test
        void sendsUserAgentAcceptEncodingAndNoValidatorsOnFirstFetch() {
            serve("/feed.xml", 200, Map.of(), utf8(FEED));

            fetch(url("/feed.xml"));

            assertThat(seen).hasSize(1);
            Headers headers = seen.get(0);
            assertThat(headers.getFirst("User-Agent"))
                    .isEqualTo("tidings/1.2.3 (+https://example.org/tidings)");
            assertThat(headers.getFirst("Accept-Encoding")).isEqualTo("gzip, deflate");
            assertThat(headers.containsKey("If-None-Match")).isFalse();
            assertThat(headers.containsKey("If-Modified-Since")).isFalse();
        }

        @Test
        void decodesGzipBody() throws IOException {
            serve("/gz", 200, Map.of("Content-Encoding", "gzip"), gzip(utf8(FEED)));

            FetchResult result = fetch(url("/gz"));

            assertThat(result).isInstanceOf(Fetched.class);
            assertThat(new String(((Fetched) result).body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
        }

        @Test
        void decodesZlibAndRawDeflateBodies() throws IOException {
            serve("/zlib", 200, Map.of("Content-Encoding", "deflate"), deflate(utf8(FEED), false));
            serve("/raw", 200, Map.of("Content-Encoding", "deflate"), deflate(utf8(FEED), true));

            assertThat(((Fetched) fetch(url("/zlib"))).body()).isEqualTo(utf8(FEED));
            assertThat(((Fetched) fetch(url("/raw"))).body()).isEqualTo(utf8(FEED));
        }

        @Test
        void exposesAWrongOrUnknownHeaderCharsetAndKeepsTheBytes() {
            byte[] latin1 = "<rss><channel><title>caf\u00e9</title></channel></rss>"
                    .getBytes(StandardCharsets.ISO_8859_1);
            serve("/wrong", 200, Map.of("Content-Type", "text/xml; charset=utf-8"), latin1);
            serve("/bogus", 200, Map.of("Content-Type", "text/xml;charset=no-such-charset"), latin1);

            Fetched wrong = (Fetched) fetch(url("/wrong"));
            Fetched bogus = (Fetched) fetch(url("/bogus"));

            assertThat(wrong.body()).isEqualTo(latin1);
            assertThat(wrong.charset()).isEqualTo("utf-8");
            assertThat(bogus.body()).isEqualTo(latin1);
            assertThat(bogus.mediaType()).isEqualTo("text/xml");
            assertThat(bogus.charset()).isEqualTo("no-such-charset");
            assertThat(bogus.supportedCharset()).isEmpty();
        }
    }

    @Nested
    class ConditionalGet {
        @Test
        void sendsValidatorsAndGetsNotModified() {
            route("/feed.xml", exchange -> {
                boolean match = "\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"));
                exchange.getResponseHeaders().set("ETag", "\"v1\"");
                exchange.getResponseHeaders().set("Cache-Control", "max-age=300");
                exchange.sendResponseHeaders(match ? 304 : 200, match ? -1 : FEED.length());
                if (!match) {
                    exchange.getResponseBody().write(utf8(FEED));
                }
            });

            FetchResult result = get(fetcher().fetch(new FetchRequest(
                    url("/feed.xml"), "\"v1\"", "Thu, 26 Nov 2026 10:00:00 GMT")));

            assertThat(result).usingRecursiveComparison().ignoringFields("cache.serverDate")
                    .isEqualTo(new NotModified(url("/feed.xml"),
                            new Validators("\"v1\"", "Thu, 26 Nov 2026 10:00:00 GMT"),
                            new CacheInfo(Duration.ofSeconds(300), null, null), null));
            Headers headers = seen.get(0);
            assertThat(headers.getFirst("If-None-Match")).isEqualTo("\"v1\"");
            assertThat(headers.getFirst("If-Modified-Since")).isEqualTo("Thu, 26 Nov 2026 10:00:00 GMT");
        }

        @Test
        void keepsTheRequestValidatorsWhenA304RepeatsNone() {
            serve("/feed.xml", 304, Map.of(), new byte[0]);

            FetchResult result = get(fetcher().fetch(FetchRequest.conditional(
                    url("/feed.xml"), new Validators("W/\"x\"", null))));

            assertThat(result).isInstanceOf(NotModified.class);
            assertThat(((NotModified) result).validators()).isEqualTo(new Validators("W/\"x\"", null));
        }
    }

    @Nested
    class Redirects {
        private void redirect(String from, int status, String to) {
            serve(from, status, Map.of("Location", to), new byte[0]);
        }

        @Test
        void reportsThePermanentTargetWhenEveryHopIs301Or308() {
            redirect("/old", 301, url("/older"));
            redirect("/older", 308, "/new");
            serve("/new", 200, Map.of(), utf8(FEED));

            Fetched fetched = (Fetched) fetch(url("/old"));

            assertThat(fetched.url()).isEqualTo(url("/new"));
            assertThat(fetched.permanentRedirect()).isEqualTo(url("/new"));
            assertThat(fetched.body()).isEqualTo(utf8(FEED));
        }

        @Test
        void followsTemporaryRedirectsWithoutReportingAMove() {
            redirect("/a", 302, "/b");
            redirect("/b", 307, "/c");
            serve("/c", 200, Map.of(), utf8(FEED));

            Fetched fetched = (Fetched) fetch(url("/a"));

            assertThat(fetched.url()).isEqualTo(url("/c"));
            assertThat(fetched.permanentRedirect()).isNull();
        }

        @Test
        void aTemporaryHopInAPermanentChainIsNotAMove() {
            redirect("/a", 301, "/b");
            redirect("/b", 302, "/c");
            serve("/c", 200, Map.of(), utf8(FEED));

            assertThat(((Fetched) fetch(url("/a"))).permanentRedirect()).isNull();
        }

        @Test
        void reportsThePermanentTargetOnNotModified() {
            redirect("/old", 301, "/new");
            serve("/new", 304, Map.of(), new byte[0]);

            FetchResult result = get(fetcher().fetch(new FetchRequest(url("/old"), "\"e\"", null)));

            assertThat(result).usingRecursiveComparison().ignoringFields("cache.serverDate")
                    .isEqualTo(new NotModified(url("/new"),
                            new Validators("\"e\"", null), CacheInfo.NONE, url("/new")));
            assertThat(seen.get(1).getFirst("If-None-Match")).isEqualTo("\"e\"");
        }

        @Test
        void cutsARedirectLoop() {
            redirect("/ping", 302, "/pong");
            redirect("/pong", 301, "/ping");

            FetchResult result = fetch(url("/ping"));

            assertThat(result).isInstanceOf(Failed.class);
            assertThat(((Failed) result).kind()).isEqualTo(Kind.REDIRECT_LOOP);
            assertThat(((Failed) result).message()).isEqualTo("redirect loop: " + url("/ping") + " was already visited");
            assertThat(seen).hasSize(2);
        }

        @Test
        void capsTheNumberOfHops() {
            for (int i = 0; i < 10; i++) {
                redirect("/hop" + i, 302, "/hop" + (i + 1));
            }

            FetchResult result = get(fetcher(testConfig().withMaxRedirects(3))
                    .fetch(FetchRequest.of(url("/hop0"))));

            assertThat(((Failed) result).kind()).isEqualTo(Kind.TOO_MANY_REDIRECTS);
            assertThat(((Failed) result).message()).isEqualTo("more than 3 redirects");
            assertThat(seen).hasSize(4);
        }

        @Test
        void refusesARedirectToAFile() {
            redirect("/evil", 302, "file:///etc/passwd");

            Failed failed = (Failed) fetch(url("/evil"));

            assertThat(failed.kind()).isEqualTo(Kind.BAD_REDIRECT);
            assertThat(failed.message()).isEqualTo("refused redirect to file:///etc/passwd (only http and https)");
        }

        @Test
        void followsALocationWithSpaces() {
            redirect("/spaced", 302, "/my feed.xml");
            serve("/my feed.xml", 200, Map.of(), utf8(FEED));

            Fetched fetched = (Fetched) fetch(url("/spaced"));

            assertThat(fetched.url()).isEqualTo(url("/my%20feed.xml"));
        }

        @Test
        void failsARedirectWithoutLocation() {
            serve("/nowhere", 301, Map.of(), new byte[0]);

            Failed failed = (Failed) fetch(url("/nowhere"));

            assertThat(failed.kind()).isEqualTo(Kind.BAD_REDIRECT);
            assertThat(failed.message()).isEqualTo("HTTP 301 redirect without a Location header");
        }
    }

    @Nested
    class ErrorStatuses {
        @Test
        void notFoundIsAnHttpStatusFailure() {
            serve("/missing", 404, Map.of(), utf8("no"));

            assertThat(fetch(url("/missing")))
                    .isEqualTo(new Failed(url("/missing"), Kind.HTTP_STATUS, 404, "HTTP 404 Not Found", null));
        }

        @Test
        void serverErrorIsAnHttpStatusFailure() {
            serve("/broken", 500, Map.of(), utf8("oops"));

            assertThat(fetch(url("/broken"))).isEqualTo(new Failed(
                    url("/broken"), Kind.HTTP_STATUS, 500, "HTTP 500 Internal Server Error", null));
        }

        @Test
        void goneIsItsOwnOutcome() {
            serve("/gone", 410, Map.of(), new byte[0]);

            assertThat(fetch(url("/gone")))
                    .isEqualTo(new Gone(url("/gone"), "HTTP 410 Gone: the feed was removed"));
        }

        @Test
        void tooManyRequestsHonoursRetryAfterSeconds() {
            serve("/busy", 429, Map.of("Retry-After", "120"), new byte[0]);

            Failed failed = (Failed) fetch(url("/busy"));

            assertThat(failed.status()).isEqualTo(429);
            assertThat(failed.retryAfter()).isEqualTo(NOW.plusSeconds(120));
            assertThat(failed.message())
                    .isEqualTo("HTTP 429 Too Many Requests, retry after Fri, 27 Nov 2026 08:02:00 GMT");
        }

        @Test
        void unavailableHonoursRetryAfterDate() {
            serve("/down", 503, Map.of("Retry-After", "Sat, 28 Nov 2026 06:30:00 GMT"), new byte[0]);

            Failed failed = (Failed) fetch(url("/down"));

            assertThat(failed.kind()).isEqualTo(Kind.HTTP_STATUS);
            assertThat(failed.status()).isEqualTo(503);
            assertThat(failed.retryAfter()).isEqualTo(Instant.parse("2026-11-28T06:30:00Z"));
        }

        @Test
        void ignoresAnUnreadableRetryAfter() {
            serve("/down", 503, Map.of("Retry-After", "soon"), new byte[0]);

            assertThat(((Failed) fetch(url("/down"))).retryAfter()).isNull();
        }
    }

    @Nested
    class BadServers {
        @Test
        void failsCleanlyWhenABodyDripsPastTheWholeRequestTimeout() {
            route("/drip", exchange -> {
                exchange.sendResponseHeaders(200, 10_000);
                OutputStream out = exchange.getResponseBody();
                try {
                    for (int i = 0; i < 100; i++) {
                        out.write('x');
                        out.flush();
                        Thread.sleep(50);
                    }
                } catch (InterruptedException | IOException e) {
                    // the client gave up
                }
            });
            FetchConfig config = testConfig().withTimeouts(
                    Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(500));

            FetchResult result = get(fetcher(config).fetch(FetchRequest.of(url("/drip"))));

            assertThat(result).isEqualTo(new Failed(url("/drip"), Kind.TIMEOUT, 0,
                    "no complete response within 500 ms (whole request)", null));
        }

        @Test
        void failsOnReadTimeoutWhenTheServerGoesSilent() {
            route("/silent", exchange -> {
                exchange.sendResponseHeaders(200, 100);
                exchange.getResponseBody().write('x');
                exchange.getResponseBody().flush();
                sleep(1500);
            });
            FetchConfig config = testConfig().withTimeouts(
                    Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(5));

            FetchResult result = get(fetcher(config).fetch(FetchRequest.of(url("/silent"))));

            assertThat(result).isEqualTo(new Failed(url("/silent"), Kind.TIMEOUT, 0,
                    "no data for 300 ms (read timeout)", null));
        }

        @Test
        void failsCleanlyOnAConnectionResetMidBody() throws Exception {
            try (ServerSocket raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                Thread thread = new Thread(() -> {
                    try (Socket socket = raw.accept()) {
                        readRequestHead(socket.getInputStream());
                        OutputStream out = socket.getOutputStream();
                        out.write(utf8("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n"
                                + "Content-Length: 1000\r\n\r\n<rss><channel>"));
                        out.flush();
                        socket.setSoLinger(true, 0);
                    } catch (IOException e) {
                        // test ends
                    }
                });
                thread.start();
                String url = "http://127.0.0.1:" + raw.getLocalPort() + "/reset";

                FetchResult result = fetch(url);

                assertThat(result).isInstanceOf(Failed.class);
                assertThat(((Failed) result).kind()).isEqualTo(Kind.CONNECTION);
                assertThat(((Failed) result).message()).doesNotContain("\n").isNotBlank();
                thread.join(2000);
            }
        }

        @Test
        void reportsATlsFailure() throws Exception {
            try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                Thread thread = new Thread(() -> {
                    try (Socket socket = plain.accept()) {
                        socket.getOutputStream().write(utf8("HTTP/1.1 400 Bad Request\r\n\r\n"));
                        socket.getOutputStream().flush();
                        socket.getInputStream().read(new byte[1024]);
                    } catch (IOException e) {
                        // test ends
                    }
                });
                thread.start();

                // Generous timeouts: loading the trust store on a busy machine can take seconds.
                HttpFetcher patient = fetcher(testConfig().withTimeouts(
                        Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(20)));
                Failed failed = (Failed) get(patient.fetch(
                        FetchRequest.of("https://127.0.0.1:" + plain.getLocalPort() + "/feed.xml")));

                assertThat(failed.kind()).isEqualTo(Kind.CONNECTION);
                assertThat(failed.message()).startsWith("TLS failed: ");
                thread.join(2000);
            }
        }

        @Test
        void failsWhenNothingListens() throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }

            Failed failed = (Failed) fetch("http://127.0.0.1:" + port + "/feed");

            assertThat(failed.kind()).isEqualTo(Kind.CONNECTION);
            assertThat(failed.message()).startsWith("cannot connect: ");
        }

        @Test
        void refusesABodyOverTheCapByContentLength() {
            serve("/big", 200, Map.of(), new byte[5000]);

            FetchResult result = get(fetcher(testConfig().withMaxBodyBytes(1000))
                    .fetch(FetchRequest.of(url("/big"))));

            assertThat(result).isEqualTo(
                    new Failed(url("/big"), Kind.TOO_LARGE, 0, "body larger than 1000 bytes", null));
        }

        @Test
        void refusesAChunkedBodyOverTheCap() {
            route("/chunked", exchange -> {
                exchange.sendResponseHeaders(200, 0);
                for (int i = 0; i < 50; i++) {
                    exchange.getResponseBody().write(new byte[1024]);
                }
            });

            FetchResult result = get(fetcher(testConfig().withMaxBodyBytes(10 * 1024))
                    .fetch(FetchRequest.of(url("/chunked"))));

            assertThat(result).isEqualTo(
                    new Failed(url("/chunked"), Kind.TOO_LARGE, 0, "body larger than 10 KB", null));
        }

        @Test
        void refusesAGzipBombAfterDecompression() throws IOException {
            byte[] bomb = gzip(new byte[16 * 1024 * 1024]);
            assertThat(bomb.length).isLessThan(64 * 1024);
            serve("/bomb", 200, Map.of("Content-Encoding", "gzip"), bomb);

            FetchResult result = get(fetcher(testConfig().withMaxBodyBytes(1024 * 1024))
                    .fetch(FetchRequest.of(url("/bomb"))));

            assertThat(result).isEqualTo(new Failed(url("/bomb"), Kind.TOO_LARGE, 0,
                    "body larger than 1 MB after decompression", null));
        }

        @Test
        void reportsACorruptGzipBody() {
            serve("/corrupt", 200, Map.of("Content-Encoding", "gzip"), utf8("not gzip at all"));

            Failed failed = (Failed) fetch(url("/corrupt"));

            assertThat(failed.kind()).isEqualTo(Kind.BAD_CONTENT);
            assertThat(failed.message()).startsWith("corrupt gzip body: ");
        }

        @Test
        void reportsAnUnsupportedEncoding() {
            serve("/br", 200, Map.of("Content-Encoding", "br"), utf8("xx"));

            assertThat(fetch(url("/br"))).isEqualTo(new Failed(
                    url("/br"), Kind.BAD_CONTENT, 0, "unsupported Content-Encoding: br", null));
        }
    }

    @Nested
    class Limits {
        @Test
        void neverSendsMoreThanPerHostRequestsToOneHost() throws Exception {
            try (FeedServer feeds = FeedServer.start(12, 2, 1, Duration.ofMillis(250))) {
                HttpFetcher fetcher = fetcher(testConfig().withConcurrency(32, 4));

                List<FetchResult> results = fetchAll(fetcher, feeds.feedUrls());

                assertThat(results).allMatch(Fetched.class::isInstance);
                assertThat(feeds.requests()).isEqualTo(12);
                assertThat(feeds.maxInFlightPerHost()).isEqualTo(4);
            }
        }

        @Test
        void neverSendsMoreThanTheGlobalLimit() throws Exception {
            try (FeedServer feeds = FeedServer.start(12, 2, 6, Duration.ofMillis(250))) {
                HttpFetcher fetcher = fetcher(testConfig().withConcurrency(3, 4));

                List<FetchResult> results = fetchAll(fetcher, feeds.feedUrls());

                assertThat(results).allMatch(Fetched.class::isInstance);
                assertThat(feeds.maxInFlight()).isEqualTo(3);
                assertThat(feeds.maxInFlightPerHost()).isEqualTo(1);
            }
        }

        @Test
        void oneFailingFeedNeverStopsTheOthers() throws Exception {
            try (FeedServer feeds = FeedServer.start(6, 2, 2, Duration.ZERO)) {
                serve("/500", 500, Map.of(), utf8("x"));
                route("/hang", exchange -> sleep(3000));
                serve("/bomb", 200, Map.of("Content-Encoding", "gzip"), gzip(new byte[4 * 1024 * 1024]));
                List<String> urls = new ArrayList<>(feeds.feedUrls());
                urls.add(1, url("/500"));
                urls.add(3, url("/hang"));
                urls.add(5, url("/bomb"));
                urls.add(7, "http://127.0.0.1:1/refused");
                urls.add(8, "gopher://example.com/");
                FetchConfig config = testConfig().withConcurrency(2, 1).withMaxBodyBytes(1024 * 1024)
                        .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(600));

                List<FetchResult> results = fetchAll(fetcher(config), urls);

                assertThat(results).filteredOn(Fetched.class::isInstance).hasSize(6);
                assertThat(results).filteredOn(Failed.class::isInstance)
                        .extracting(r -> ((Failed) r).kind())
                        .containsExactly(Kind.HTTP_STATUS, Kind.TIMEOUT, Kind.TOO_LARGE,
                                Kind.CONNECTION, Kind.BAD_URL);
            }
        }

        private List<FetchResult> fetchAll(HttpFetcher fetcher, List<String> urls) {
            List<CompletableFuture<FetchResult>> futures = new ArrayList<>();
            for (String url : urls) {
                futures.add(fetcher.fetch(FetchRequest.of(url)));
            }
            return futures.stream().map(HttpFetcherTest::get).toList();
        }
    }

    @Nested
    class Proxy {
        @Test
        void sendsHttpRequestsThroughTheProxyFromTheEnvironment() {
            Map<String, String> proxiedUris = new ConcurrentHashMap<>();
            route("/", exchange -> {
                proxiedUris.put("uri", exchange.getRequestURI().toString());
                proxiedUris.put("host", String.valueOf(exchange.getRequestHeaders().getFirst("Host")));
                exchange.sendResponseHeaders(200, FEED.length());
                exchange.getResponseBody().write(utf8(FEED));
            });
            ProxySettings proxy = ProxySettings.fromEnvironment(
                    Map.of("http_proxy", "127.0.0.1:" + server.getAddress().getPort()));

            FetchResult result = get(fetcher(testConfig().withProxy(proxy))
                    .fetch(FetchRequest.of("http://feeds.example.invalid/feed.xml")));

            assertThat(result).isInstanceOf(Fetched.class);
            assertThat(proxiedUris).containsEntry("uri", "http://feeds.example.invalid/feed.xml")
                    .containsEntry("host", "feeds.example.invalid");
        }
    }

    @Nested
    class Files_ {
        @TempDir
        Path dir;

        @Test
        void readsFileUrlsAndLocalPaths() throws IOException {
            Path file = dir.resolve("feed.xml");
            Files.writeString(file, FEED);
            Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-20T10:00:00Z")));

            Fetched byUrl = (Fetched) fetch(file.toUri().toString());
            Fetched byPath = (Fetched) fetch(file.toString());

            assertThat(byUrl.body()).isEqualTo(utf8(FEED));
            assertThat(byPath.body()).isEqualTo(utf8(FEED));
            assertThat(byUrl.validators())
                    .isEqualTo(new Validators(null, "Fri, 20 Nov 2026 10:00:00 GMT"));
        }

        @Test
        void anUnchangedFileIsNotModified() throws IOException {
            Path file = dir.resolve("feed.xml");
            Files.writeString(file, FEED);
            Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-20T10:00:00Z")));

            FetchResult result = get(fetcher().fetch(
                    new FetchRequest(file.toString(), null, "Fri, 20 Nov 2026 10:00:00 GMT")));

            assertThat(result).isInstanceOf(NotModified.class);
        }

        @Test
        void reportsAMissingFileAndADirectory() {
            Path missing = dir.resolve("missing.xml");

            assertThat(fetch(missing.toString()))
                    .isEqualTo(new Failed(missing.toString(), Kind.FILE, 0, "no such file: " + missing, null));
            assertThat(((Failed) fetch(dir.toUri().toString())).kind()).isEqualTo(Kind.FILE);
        }

        @Test
        void appliesTheSizeCapToFiles() throws IOException {
            Path file = dir.resolve("big.xml");
            Files.write(file, new byte[2048]);

            FetchResult result = get(fetcher(testConfig().withMaxBodyBytes(1024))
                    .fetch(FetchRequest.of(file.toString())));

            assertThat(((Failed) result).kind()).isEqualTo(Kind.TOO_LARGE);
        }
    }

    @Test
    void closingCompletesEveryPendingFetch() {
        route("/slow", exchange -> {
            sleep(300);
            exchange.sendResponseHeaders(200, FEED.length());
            exchange.getResponseBody().write(utf8(FEED));
        });
        HttpFetcher fetcher = new HttpFetcher(testConfig().withConcurrency(2, 1), CLOCK);
        List<CompletableFuture<FetchResult>> futures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            futures.add(fetcher.fetch(FetchRequest.of(url("/slow"))));
        }

        fetcher.close();

        assertThat(futures.stream().map(HttpFetcherTest::get)).allMatch(
                result -> result instanceof Failed || result instanceof Fetched);
    }

    @Test
    void rejectsUnsupportedAndMalformedUrls() {
        assertThat(fetch("ftp://example.com/feed.xml")).isEqualTo(new Failed("ftp://example.com/feed.xml",
                Kind.BAD_URL, 0, "unsupported URL scheme ftp: ftp://example.com/feed.xml", null));
        assertThat(((Failed) fetch("http://")).kind()).isEqualTo(Kind.BAD_URL);
        assertThat(((Failed) fetch("http://exa mple.com/")).kind()).isEqualTo(Kind.BAD_URL);
        assertThat(((Failed) fetch("http://[::1/feed")).kind()).isEqualTo(Kind.BAD_URL);
    }

    // --- helpers ------------------------------------------------------------------------------

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater =
                new DeflaterOutputStream(out, new java.util.zip.Deflater(6, raw))) {
            deflater.write(data);
        }
        return out.toByteArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }
}
