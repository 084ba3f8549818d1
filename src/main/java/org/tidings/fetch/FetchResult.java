package org.tidings.fetch;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of fetching one feed. Every expected outcome (including 304, 404, 410, timeouts,
 * over-size bodies, bad redirects) is one of these values; a fetch future never completes
 * exceptionally.
 */
public sealed interface FetchResult
        permits FetchResult.Fetched, FetchResult.NotModified, FetchResult.Failed, FetchResult.Gone {

    /** The URL the outcome is about: the last URL of the redirect chain (or the one requested). */
    String url();

    /**
     * The outcome in one line, for people: the message of a failure or a 410, "not modified" for
     * a 304, the size and type of a new body.
     */
    default String describe() {
        if (this instanceof Failed failed) {
            return failed.message();
        }
        if (this instanceof Gone gone) {
            return gone.message();
        }
        if (this instanceof Fetched fetched) {
            return fetched.body().length + " bytes" + (fetched.mediaType() == null ? "" : " of " + fetched.mediaType());
        }
        return "not modified";
    }

    /**
     * A new body (2xx).
     *
     * @param body the decompressed body; shared, not copied: do not modify it
     * @param mediaType the Content-Type without parameters, lower case, e.g. {@code
     *     application/rss+xml}; null when absent
     * @param charset the {@code charset} parameter of the Content-Type exactly as sent (may name a
     *     charset Java does not know); null when absent. BOM and XML declaration sniffing is the
     *     parser's job.
     * @param permanentRedirect the final URL when every redirect hop was 301 or 308 (the feed
     *     moved for good); null when there was no redirect or any hop was temporary
     */
    record Fetched(
            String url,
            byte[] body,
            @Nullable String mediaType,
            @Nullable String charset,
            Validators validators,
            CacheInfo cache,
            @Nullable String permanentRedirect)
            implements FetchResult {
        public Fetched {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(validators, "validators");
            Objects.requireNonNull(cache, "cache");
        }

        public InputStream bodyStream() {
            return new ByteArrayInputStream(body);
        }

        /** This result with an empty body: what is left to record once the body is parsed. */
        public Fetched withoutBody() {
            return body.length == 0 ? this : new Fetched(url, new byte[0], mediaType, charset, validators, cache, permanentRedirect);
        }

        /** The header charset if Java supports it. */
        public Optional<Charset> supportedCharset() {
            return ResponseHeaders.charsetFor(charset);
        }

        @Override
        public String toString() {
            return "Fetched[url=" + url + ", " + body.length + " bytes, mediaType=" + mediaType
                    + ", charset=" + charset + ", validators=" + validators + ", cache=" + cache
                    + ", permanentRedirect=" + permanentRedirect + "]";
        }
    }

    /**
     * 304 Not Modified: nothing to parse or write. {@code validators} are the ones to keep (the
     * response's, or the request's when the response repeated none).
     */
    record NotModified(
            String url, Validators validators, CacheInfo cache, @Nullable String permanentRedirect)
            implements FetchResult {
        public NotModified {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(validators, "validators");
            Objects.requireNonNull(cache, "cache");
        }
    }

    /**
     * The fetch failed; keep the feed's articles and back off.
     *
     * @param status the HTTP status for {@link Kind#HTTP_STATUS}, else 0
     * @param message one line, for people
     * @param retryAfter when the server asked to be retried (429/503 {@code Retry-After}), or null
     */
    record Failed(String url, Kind kind, int status, String message, @Nullable Instant retryAfter)
            implements FetchResult {
        public Failed {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }

        public Optional<Instant> retryAfterInstant() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** 410 Gone: the feed was removed for good; disable it with this message. */
    record Gone(String url, String message) implements FetchResult {
        public Gone {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Why a fetch failed. */
    enum Kind {
        /** An HTTP error status (4xx other than 410, 5xx, or an unexpected 1xx/3xx). */
        HTTP_STATUS,
        /** Connect, read (socket) or whole-request timeout. */
        TIMEOUT,
        /** Connection refused or reset, unknown host, TLS failure, premature end of body. */
        CONNECTION,
        /** The body (raw or decompressed) is larger than the configured cap. */
        TOO_LARGE,
        /** A redirect led back to a URL already visited. */
        REDIRECT_LOOP,
        /** More redirects than the configured maximum. */
        TOO_MANY_REDIRECTS,
        /** A redirect without Location, with a malformed one, or to a non-HTTP scheme. */
        BAD_REDIRECT,
        /** A corrupt or unsupported Content-Encoding. */
        BAD_CONTENT,
        /** The feed URL itself is malformed or has an unsupported scheme. */
        BAD_URL,
        /** A local file could not be read (missing, a directory, unreadable). */
        FILE
    }
}
