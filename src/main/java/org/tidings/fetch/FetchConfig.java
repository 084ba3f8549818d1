package org.tidings.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link HttpFetcher} behaves.
 *
 * @param concurrency the most requests in flight at once, all hosts together
 * @param perHost the most requests in flight to one host (queued work waits for its host)
 * @param connectTimeout time to establish a TCP (and TLS) connection
 * @param readTimeout the longest silence while waiting for response bytes (socket timeout)
 * @param requestTimeout the whole fetch, all redirect hops and the body included, from the moment
 *     the first request leaves the queue
 * @param maxBodyBytes the largest body accepted, raw and after decompression
 * @param maxRedirects the most redirect hops followed
 * @param userAgent the User-Agent header, see {@link #userAgent(String, String)}
 * @param proxy where to send requests, usually {@link ProxySettings#fromEnvironment}
 */
public record FetchConfig(
        int concurrency,
        int perHost,
        Duration connectTimeout,
        Duration readTimeout,
        Duration requestTimeout,
        long maxBodyBytes,
        int maxRedirects,
        String userAgent,
        ProxySettings proxy) {
    public static final int DEFAULT_CONCURRENCY = 32;
    public static final int DEFAULT_PER_HOST = 4;
    public static final long DEFAULT_MAX_BODY_BYTES = 20L * 1024 * 1024;
    public static final int DEFAULT_MAX_REDIRECTS = 5;

    public FetchConfig {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency < 1: " + concurrency);
        }
        if (perHost < 1) {
            throw new IllegalArgumentException("perHost < 1: " + perHost);
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBodyBytes out of range: " + maxBodyBytes);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects < 0: " + maxRedirects);
        }
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(proxy, "proxy");
    }

    /**
     * The defaults: 32 in flight, 4 per host, connect 10 s, read 30 s, whole request 60 s, 20 MB,
     * 5 redirects, no proxy.
     */
    public static FetchConfig defaults(String version, String homePage) {
        return new FetchConfig(
                DEFAULT_CONCURRENCY,
                DEFAULT_PER_HOST,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofSeconds(60),
                DEFAULT_MAX_BODY_BYTES,
                DEFAULT_MAX_REDIRECTS,
                userAgent(version, homePage),
                ProxySettings.NONE);
    }

    /** {@code tidings/<version> (+<home page>)}. */
    public static String userAgent(String version, String homePage) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(homePage, "homePage");
        return "tidings/" + version + " (+" + homePage + ")";
    }

    public FetchConfig withConcurrency(int concurrency, int perHost) {
        return new FetchConfig(concurrency, perHost, connectTimeout, readTimeout, requestTimeout,
                maxBodyBytes, maxRedirects, userAgent, proxy);
    }

    public FetchConfig withTimeouts(Duration connect, Duration read, Duration request) {
        return new FetchConfig(concurrency, perHost, connect, read, request, maxBodyBytes,
                maxRedirects, userAgent, proxy);
    }

    public FetchConfig withMaxBodyBytes(long maxBodyBytes) {
        return new FetchConfig(concurrency, perHost, connectTimeout, readTimeout, requestTimeout,
                maxBodyBytes, maxRedirects, userAgent, proxy);
    }

    public FetchConfig withMaxRedirects(int maxRedirects) {
        return new FetchConfig(concurrency, perHost, connectTimeout, readTimeout, requestTimeout,
                maxBodyBytes, maxRedirects, userAgent, proxy);
    }

    public FetchConfig withProxy(ProxySettings proxy) {
        return new FetchConfig(concurrency, perHost, connectTimeout, readTimeout, requestTimeout,
                maxBodyBytes, maxRedirects, userAgent, proxy);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
