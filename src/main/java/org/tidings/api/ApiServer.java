package org.tidings.api;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.tidings.sync.SyncMetrics;

/**
 * The daemon's HTTP server (Jetty): {@code /health} answers 200 while the last round finished
 * within {@code staleAfter} (503 otherwise), {@code /metrics} serves {@link SyncMetrics} in the
 * Prometheus text format, and {@code /api/greader/...} is the Google Reader API ({@link
 * GoogleReader}). Request headers and bodies are capped, idle connections time out, and the URI
 * rules are relaxed just enough for what real clients send: {@code //} after the base and
 * {@code %2F} inside stream ids.
 */
public final class ApiServer implements AutoCloseable {
    /** The base path of the Google Reader API: a client's server URL is {@code http://HOST:PORT/api/greader}. */
    public static final String BASE = "/api/greader";
    /** Request bodies larger than this are refused (413). */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_HEADER_BYTES = 16 * 1024;
    static final int MAX_FORM_FIELDS = 2_000;
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(ApiServer.class.getName());
    /**
     * Jetty logs request lines and headers at debug level, which would put tokens (and passwords
     * sent in a query) into a {@code --log-file}: its loggers stop at INFO. Held here so the
     * setting is not garbage-collected with the logger.
     */
    private static final java.util.logging.Logger JETTY_LOG = java.util.logging.Logger.getLogger("org.eclipse.jetty");

    private final Server server;
    private final ServerConnector connector;

    private ApiServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** What {@code /health} judges by. */
    public record Health(SyncMetrics metrics, InstantSource clock, Instant startedAt, Duration staleAfter) {
        public Health {
            Objects.requireNonNull(metrics, "metrics");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(staleAfter, "staleAfter");
        }
    }

    /** The URI rules: Jetty's defaults plus {@code //} and encoded slashes, which clients send. */
    static UriCompliance uriCompliance() {
        return UriCompliance.DEFAULT.with("tidings-greader",
                UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT,
                UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING);
    }

    /** Starts serving; {@code reader} null serves only {@code /health} and {@code /metrics}. */
    public static ApiServer start(InetSocketAddress address, Health health, @Nullable GoogleReader reader) throws Exception {
        return start(address, health, reader, null);
    }

    /** Starts serving, with the Fever API too when {@code fever} is given. */
    public static ApiServer start(InetSocketAddress address, Health health, @Nullable GoogleReader reader,
            @Nullable Fever fever) throws Exception {
        JETTY_LOG.setLevel(java.util.logging.Level.INFO);
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("tidings-http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setRequestHeaderSize(MAX_HEADER_BYTES);
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        config.setUriCompliance(uriCompliance());
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        server.addConnector(connector);
        server.setHandler(new Routes(health, reader, fever));
        server.setStopTimeout(1000);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new ApiServer(server, connector);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "stopping the HTTP server failed: " + e.getMessage());
        }
    }

    private static final class Routes extends Handler.Abstract {
        private final Health health;
        private final @Nullable GoogleReader reader;
        private final @Nullable Fever fever;

        Routes(Health health, @Nullable GoogleReader reader, @Nullable Fever fever) {
            this.health = health;
            this.reader = reader;
            this.fever = fever;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            try {
                String path = request.getHttpURI().getPath();
                if (path == null) {
                    path = "/";
                }
                if (path.equals("/health")) {
                    Instant last = health.metrics().lastRound();
                    Instant now = health.clock().instant();
                    boolean healthy = Duration.between(last != null ? last : health.startedAt(), now)
                            .compareTo(health.staleAfter()) <= 0;
                    String body = (healthy ? "ok" : "stale") + " last_round=" + (last == null ? "never" : last.toString()) + "\n";
                    respond(request, response, callback, healthy ? 200 : 503, "text/plain; charset=utf-8", body, Map.of());
                } else if (path.equals("/metrics")) {
                    respond(request, response, callback, 200, "text/plain; version=0.0.4; charset=utf-8",
                            health.metrics().render(), Map.of());
                } else if (reader != null && (path.equals(BASE) || path.startsWith(BASE + "/"))) {
                    api(reader::handle, path.substring(BASE.length()), request, response, callback);
                } else if (fever != null && (path.equals(Fever.BASE) || path.equals(Fever.BASE + "/"))) {
                    api(fever::handle, "", request, response, callback);
                } else {
                    respond(request, response, callback, 404, "text/plain; charset=utf-8", "not found\n", Map.of());
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "HTTP request failed: " + e);
                respond(request, response, callback, 500, "text/plain; charset=utf-8", "internal error\n", Map.of());
            }
            return true;
        }

        private static void api(java.util.function.Function<GoogleReader.Request, GoogleReader.Reply> api, String rawPath, Request request, Response response, Callback callback) {
            if (request.getLength() > MAX_BODY_BYTES) {
                respond(request, response, callback, 413, "text/plain; charset=utf-8", "request body too large\n", Map.of());
                return;
            }
            Map<String, List<String>> params = new LinkedHashMap<>();
            try {
                add(params, Request.extractQueryParameters(request, StandardCharsets.UTF_8));
                String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
                if (request.getMethod().equals("POST") && type != null
                        && MimeTypes.getBaseType(type) == MimeTypes.Type.FORM_ENCODED) {
                    add(params, FormFields.getFields(request, MAX_FORM_FIELDS, MAX_BODY_BYTES));
                }
            } catch (RuntimeException e) {
                boolean tooLarge = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("too")
                        || e.getCause() != null && String.valueOf(e.getCause().getMessage()).toLowerCase(java.util.Locale.ROOT).contains("too");
                respond(request, response, callback, tooLarge ? 413 : 400, "text/plain; charset=utf-8",
                        tooLarge ? "request body too large\n" : "malformed parameters\n", Map.of());
                return;
            }
            GoogleReader.Reply reply = api.apply(new GoogleReader.Request(request.getMethod(), rawPath, params,
                    request.getHeaders().get(HttpHeader.AUTHORIZATION), Request.getRemoteAddr(request)));
            respond(request, response, callback, reply.status(), reply.contentType(), reply.body(), reply.headers());
        }

        private static void add(Map<String, List<String>> params, @Nullable Fields fields) {
            if (fields == null) {
                return;
            }
            for (Fields.Field field : fields) {
                params.computeIfAbsent(field.getName(), k -> new ArrayList<>()).addAll(field.getValues());
            }
        }

        private static void respond(Request request, Response response, Callback callback, int status, String type,
                String body, Map<String, String> headers) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            headers.forEach((name, value) -> response.getHeaders().put(name, value));
            if (request.getMethod().equals("HEAD")) {
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.getBytes(StandardCharsets.UTF_8).length);
                callback.succeeded();
            } else {
                Content.Sink.write(response, true, body, callback);
            }
        }
    }
}
