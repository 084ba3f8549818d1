package org.tidings.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;
import org.tidings.fetch.FetchResult.Failed;
import org.tidings.fetch.FetchResult.Fetched;
import org.tidings.fetch.FetchResult.Gone;
import org.tidings.fetch.FetchResult.Kind;
import org.tidings.fetch.FetchResult.NotModified;
import org.tidings.model.Messages;

/**
 * Fetches feeds over HTTP(S) with the async Apache HttpClient 5, and {@code file://} URLs and
 * local paths from disk.
 *
 * <ul>
 *   <li>At most {@link FetchConfig#concurrency()} requests in flight, and at most {@link
 *       FetchConfig#perHost()} to one host; queued work waits without holding a thread.
 *   <li>Conditional GET with the request's validators; {@code Accept-Encoding: gzip, deflate}
 *       decoded here with the size cap applied to the raw and the decoded body.
 *   <li>Redirects are followed here (not by the client, see {@link RedirectChain}): 301/308
 *       chains report a permanent target, loops and too many hops fail, redirects to non-HTTP
 *       schemes are refused.
 *   <li>Connect, read (socket) and whole-request timeouts; failures are worded by {@link
 *       FetchFailures}.
 * </ul>
 *
 * <p>Files are read by {@link LocalFiles}.
 *
 * <p>Futures complete on the fetcher's own worker threads; do heavy work (parsing, storing) on
 * your own executor with the {@code *Async} methods of {@link CompletableFuture}. Close the
 * fetcher when done.
 */
public final class HttpFetcher implements Fetcher, PageFetcher, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HttpFetcher.class.getName());
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);
    private static final Pattern IP_LITERAL = Pattern.compile("^[0-9.]+$");
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, "
            + "application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, "
            + "text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.1";
    private static final String ACCEPT_PAGE = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1";

    private final FetchConfig config;
    private final InstantSource clock;
    private final CloseableHttpAsyncClient client;
    private final HostLimiter limiter;
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;
    private final ExecutorService resolver;
    /** The workers, or the calling thread once they are shut down, so every future completes. */
    private final Executor completions;
    private final Map<CompletableFuture<CappedResponseConsumer.Raw>, Future<CappedResponseConsumer.Raw>>
            inFlight = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public HttpFetcher(FetchConfig config, InstantSource clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limiter = new HostLimiter(config.concurrency(), config.perHost());
        this.timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("tidings-fetch-timer"));
        this.workers = Executors.newFixedThreadPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()),
                daemonThreads("tidings-fetch-worker"));
        this.resolver = Executors.newFixedThreadPool(8, daemonThreads("tidings-fetch-dns"));
        this.completions = task -> {
            try {
                workers.execute(task);
            } catch (RejectedExecutionException e) {
                task.run();
            }
        };
        Timeout connect = Timeout.of(config.connectTimeout());
        Timeout read = Timeout.of(config.readTimeout());
        PoolingAsyncClientConnectionManager connections =
                PoolingAsyncClientConnectionManagerBuilder.create()
                        .setTlsStrategy(new LazyTlsStrategy())
                        .setMaxConnTotal(config.concurrency())
                        // tidings limits per host itself; a proxy is one route for all hosts
                        .setMaxConnPerRoute(config.concurrency())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect)
                                .setSocketTimeout(read)
                                .build())
                        .build();
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(connections)
                .setRoutePlanner(new ProxyRoutePlanner(config.proxy()))
                .setIOReactorConfig(IOReactorConfig.custom().setSoTimeout(read).build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(read)
                        .build())
                .setUserAgent(config.userAgent())
                .disableRedirectHandling()
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
        this.client.start();
    }

    public FetchConfig config() {
        return config;
    }

    @Override
    public CompletableFuture<FetchResult> fetch(FetchRequest request) {
        return fetch(request, ACCEPT);
    }

    /**
     * Fetches a web page (an article's, for its full text) with the same limits, timeouts, size
     * cap, proxy and User-Agent as feeds, asking for HTML; http(s) only.
     */
    @Override
    public CompletableFuture<FetchResult> fetchPage(String url) {
        Objects.requireNonNull(url, "url");
        String trimmed = url.trim();
        if (!(trimmed.regionMatches(true, 0, "http://", 0, 7) || trimmed.regionMatches(true, 0, "https://", 0, 8))) {
            return done(new Failed(trimmed, Kind.BAD_URL, 0, "not an http(s) page: " + Messages.firstLine(trimmed), null));
        }
        return fetch(new FetchRequest(trimmed, null, null), ACCEPT_PAGE);
    }

    private CompletableFuture<FetchResult> fetch(FetchRequest request, String accept) {
        Objects.requireNonNull(request, "request");
        String url = request.url().trim();
        try {
            CompletableFuture<FetchResult> result;
            if (url.regionMatches(true, 0, "http://", 0, 7)
                    || url.regionMatches(true, 0, "https://", 0, 8)) {
                URI uri = Urls.parseHttp(url).orElse(null);
                if (uri == null) {
                    return done(new Failed(url, Kind.BAD_URL, 0, "not a valid URL: " + url, null));
                }
                result = hop(uri, request, new RedirectChain(uri, accept));
            } else if (url.regionMatches(true, 0, "file:", 0, 5) || !SCHEME.matcher(url).matches()) {
                Path path = LocalFiles.localPath(url);
                if (path == null) {
                    return done(new Failed(url, Kind.BAD_URL, 0, "not a valid file URL: " + url, null));
                }
                result = CompletableFuture.supplyAsync(() -> LocalFiles.read(url, path, request, config.maxBodyBytes()),
                        completions);
            } else {
                String scheme = url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT);
                return done(new Failed(url, Kind.BAD_URL, 0,
                        "unsupported URL scheme " + scheme + ": " + url, null));
            }
            return result.exceptionally(error -> FetchFailures.unexpected(url, error));
        } catch (RuntimeException e) {
            return done(FetchFailures.unexpected(url, e));
        }
    }

    /**
     * Stops the client. Fetches still queued or in flight complete with {@link Kind#CONNECTION}
     * ("fetcher closed"); fetches started afterwards fail the same way.
     */
    @Override
    public void close() {
        closed = true;
        for (Map.Entry<CompletableFuture<CappedResponseConsumer.Raw>, Future<CappedResponseConsumer.Raw>> entry
                : inFlight.entrySet()) {
            if (entry.getKey().completeExceptionally(new IOException("fetcher closed"))) {
                entry.getValue().cancel(true);
            }
        }
        client.close(CloseMode.GRACEFUL);
        timer.shutdownNow();
        // queued completions still run, so that every future completes
        workers.shutdown();
        resolver.shutdown();
    }

    // --- HTTP ---------------------------------------------------------------------------------

    private CompletableFuture<FetchResult> hop(URI uri, FetchRequest request, RedirectChain chain) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return limiter.run(host, () -> {
                    chain.start(config.requestTimeout());
                    return resolve(uri).thenCompose(ignored -> execute(uri, request, chain.deadlineNanos(), chain.accept()));
                })
                .handleAsync((raw, error) -> error != null
                        ? done(FetchFailures.of(uri.toString(), error, config))
                        : onResponse(uri, request, raw, chain), completions)
                .thenCompose(Function.identity());
    }

    /**
     * Looks the host up on a resolver thread first, so that the client's own (blocking) lookup
     * hits the JVM's address cache instead of stalling an I/O reactor thread. Skipped for IP
     * literals and for hosts reached through a proxy (the proxy resolves those).
     */
    private CompletableFuture<Void> resolve(URI uri) {
        String host = uri.getHost();
        if (host.startsWith("[") || IP_LITERAL.matcher(host).matches()
                || config.proxy().proxyFor(uri).isPresent()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> resolved = new CompletableFuture<>();
        try {
            resolver.execute(() -> {
                try {
                    InetAddress.getAllByName(host);
                    resolved.complete(null);
                } catch (UnknownHostException | RuntimeException e) {
                    resolved.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            resolved.completeExceptionally(new IOException("fetcher closed"));
        }
        return resolved;
    }

    private CompletableFuture<CappedResponseConsumer.Raw> execute(
            URI uri, FetchRequest request, long deadlineNanos, String accept) {
        CompletableFuture<CappedResponseConsumer.Raw> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new IOException("fetcher closed"));
            return result;
        }
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            result.completeExceptionally(new FetchFailures.RequestTimeoutException(config.requestTimeout()));
            return result;
        }
        BasicHttpRequest httpRequest = new BasicHttpRequest(Method.GET, uri);
        httpRequest.addHeader("User-Agent", config.userAgent());
        httpRequest.addHeader("Accept", accept);
        httpRequest.addHeader("Accept-Encoding", "gzip, deflate");
        if (request.etag() != null) {
            httpRequest.addHeader("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            httpRequest.addHeader("If-Modified-Since", request.lastModified());
        }
        Future<CappedResponseConsumer.Raw> exchange = client.execute(
                new BasicRequestProducer(httpRequest, null),
                new CappedResponseConsumer(config.maxBodyBytes()),
                new FutureCallback<>() {
                    @Override
                    public void completed(CappedResponseConsumer.Raw raw) {
                        result.complete(raw);
                    }

                    @Override
                    public void failed(Exception cause) {
                        result.completeExceptionally(cause);
                    }

                    @Override
                    public void cancelled() {
                        result.completeExceptionally(new CancellationException("cancelled"));
                    }
                });
        inFlight.put(result, exchange);
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            if (result.completeExceptionally(new FetchFailures.RequestTimeoutException(config.requestTimeout()))) {
                exchange.cancel(true);
            }
        }, remaining, TimeUnit.NANOSECONDS);
        result.whenComplete((raw, error) -> {
            deadline.cancel(false);
            inFlight.remove(result);
        });
        if (closed && result.completeExceptionally(new IOException("fetcher closed"))) {
            exchange.cancel(true);
        }
        return result;
    }

    private CompletableFuture<FetchResult> onResponse(
            URI uri, FetchRequest request, CappedResponseConsumer.Raw raw, RedirectChain chain) {
        HttpResponse response = raw.response();
        int status = response.getCode();
        String url = uri.toString();
        if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
            RedirectChain.Step step = chain.follow(uri, response, config.maxRedirects());
            return step.next() != null ? hop(step.next(), request, chain) : done(Objects.requireNonNull(step.failure()));
        }
        if (status == 304) {
            Validators validators = ResponseHeaders.validators(response).orElse(request.validators());
            return done(new NotModified(url, validators, ResponseHeaders.cacheInfo(response),
                    chain.permanentTarget(uri)));
        }
        if (status == 410) {
            return done(new Gone(url, FetchFailures.statusLine(response) + ": the feed was removed"));
        }
        if (status >= 200 && status < 300) {
            ResponseHeaders.ContentType type =
                    ResponseHeaders.contentType(ResponseHeaders.value(response, "Content-Type"));
            return done(new Fetched(url, raw.body(), type.mediaType(), type.charset(),
                    ResponseHeaders.validators(response), ResponseHeaders.cacheInfo(response),
                    chain.permanentTarget(uri)));
        }
        Instant retryAfter = ResponseHeaders.retryAfter(response, clock.instant());
        String message = FetchFailures.statusLine(response);
        if (retryAfter != null) {
            message += ", retry after " + DateUtils.formatStandardDate(retryAfter.truncatedTo(ChronoUnit.SECONDS));
        }
        return done(new Failed(url, Kind.HTTP_STATUS, status, message, retryAfter));
    }

    private static CompletableFuture<FetchResult> done(FetchResult result) {
        return CompletableFuture.completedFuture(result);
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
