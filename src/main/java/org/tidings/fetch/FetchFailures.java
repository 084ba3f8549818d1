package org.tidings.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;
import org.jspecify.annotations.Nullable;
import org.tidings.fetch.FetchResult.Failed;
import org.tidings.fetch.FetchResult.Kind;
import org.tidings.model.Messages;

/**
 * How a failed fetch is worded: the exception a request ended with (timeouts, DNS, refused
 * connections, TLS, a closed connection, a body too large or undecodable) becomes one {@link
 * Failed} with its {@link Kind} and one line a user can act on; an HTTP status becomes its
 * status line.
 */
final class FetchFailures {
    /** Logged under the fetcher's name, where a log configuration looks for fetch problems. */
    private static final System.Logger LOG = System.getLogger(HttpFetcher.class.getName());

    private FetchFailures() {}

    /** The whole-request timeout passed. */
    static final class RequestTimeoutException extends IOException {
        private static final long serialVersionUID = 1L;

        RequestTimeoutException(Duration requestTimeout) {
            super("no complete response within " + human(requestTimeout) + " (whole request)");
        }
    }

    /** The failure of a request to {@code url} that ended with {@code error}. */
    static Failed of(String url, Throwable error, FetchConfig config) {
        Throwable cause = unwrap(error);
        if (cause instanceof RequestTimeoutException) {
            return new Failed(url, Kind.TIMEOUT, 0, cause.getMessage(), null);
        }
        if (cause instanceof BodyTooLargeException) {
            return new Failed(url, Kind.TOO_LARGE, 0, cause.getMessage(), null);
        }
        if (cause instanceof BodyDecoder.BadContentException) {
            return new Failed(url, Kind.BAD_CONTENT, 0, Messages.firstLine(cause.getMessage()), null);
        }
        if (cause instanceof ConnectTimeoutException) {
            return new Failed(url, Kind.TIMEOUT, 0,
                    "connect timed out after " + human(config.connectTimeout()), null);
        }
        if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException) {
            return new Failed(url, Kind.TIMEOUT, 0,
                    "no data for " + human(config.readTimeout()) + " (read timeout)", null);
        }
        if (cause instanceof UnknownHostException) {
            return new Failed(url, Kind.CONNECTION, 0, unknownHost(cause.getMessage()), null);
        }
        if (cause instanceof ConnectException) {
            return new Failed(url, Kind.CONNECTION, 0, "cannot connect: " + connectReason(cause.getMessage()), null);
        }
        if (cause instanceof SSLException) {
            return new Failed(url, Kind.CONNECTION, 0, "TLS failed: " + Messages.firstLine(cause.getMessage()), null);
        }
        if (cause instanceof ConnectionClosedException) {
            return new Failed(url, Kind.CONNECTION, 0,
                    "connection closed early: " + Messages.firstLine(cause.getMessage()), null);
        }
        if (cause instanceof IOException) {
            return new Failed(url, Kind.CONNECTION, 0,
                    "connection failed: " + Messages.firstLine(cause.getMessage()), null);
        }
        if (cause instanceof HttpException) {
            return new Failed(url, Kind.CONNECTION, 0,
                    "protocol error: " + Messages.firstLine(cause.getMessage()), null);
        }
        if (cause instanceof CancellationException) {
            return new Failed(url, Kind.CONNECTION, 0, "request cancelled", null);
        }
        return unexpected(url, cause);
    }

    /** A failure the fetcher did not expect (a bug): logged with its stack trace, worded with its type. */
    static Failed unexpected(String url, Throwable error) {
        Throwable cause = unwrap(error);
        LOG.log(System.Logger.Level.WARNING, "unexpected error fetching " + url, cause);
        return new Failed(url, Kind.CONNECTION, 0,
                "unexpected error: " + cause.getClass().getSimpleName() + ": " + Messages.firstLine(cause.getMessage()),
                null);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** {@code HTTP 404 Not Found}; the standard reason when the server sent none. */
    static String statusLine(HttpResponse response) {
        String reason = response.getReasonPhrase();
        if (reason == null || reason.isBlank()) {
            reason = EnglishReasonPhraseCatalog.INSTANCE.getReason(response.getCode(), Locale.ENGLISH);
        }
        return "HTTP " + response.getCode() + (reason == null ? "" : " " + Messages.firstLine(reason));
    }

    /**
     * A failed DNS lookup, worded one way whatever the platform said ("Name or service not
     * known", "No address associated with hostname", or only the host name).
     */
    static String unknownHost(@Nullable String message) {
        String text = Messages.firstLine(message);
        int colon = text.indexOf(": ");
        String host = colon < 0 ? text : text.substring(0, colon);
        boolean temporary = text.toLowerCase(Locale.ROOT).contains("temporary failure");
        return "unknown host: " + host + (temporary ? " (DNS lookup failed; is the network up?)" : "");
    }

    /** "Connect to http://h:9 [/127.0.0.1] failed: Connection refused" says the URL again: keep the reason. */
    static String connectReason(@Nullable String message) {
        String text = Messages.firstLine(message);
        int failed = text.indexOf("failed: ");
        return text.startsWith("Connect to ") && failed > 0 ? text.substring(failed + "failed: ".length()) : text;
    }

    static String human(Duration duration) {
        if (duration.toMillis() % 1000 == 0) {
            return duration.toSeconds() + " s";
        }
        return duration.toMillis() + " ms";
    }
}
