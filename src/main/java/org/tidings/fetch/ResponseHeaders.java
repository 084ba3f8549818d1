package org.tidings.fetch;

import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.jspecify.annotations.Nullable;

/** Reading the response headers tidings cares about. */
final class ResponseHeaders {
    private ResponseHeaders() {}

    static @Nullable String value(HttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        if (header == null || header.getValue() == null) {
            return null;
        }
        String value = header.getValue().trim();
        return value.isEmpty() ? null : value;
    }

    static Validators validators(HttpResponse response) {
        return new Validators(value(response, "ETag"), value(response, "Last-Modified"));
    }

    static CacheInfo cacheInfo(HttpResponse response) {
        Duration maxAge = null;
        boolean noCache = false;
        for (Header header : response.getHeaders("Cache-Control")) {
            for (String directive : header.getValue().split(",")) {
                String d = directive.trim().toLowerCase(Locale.ROOT);
                if (d.equals("no-cache") || d.equals("no-store")) {
                    noCache = true;
                } else if (d.startsWith("max-age=")) {
                    maxAge = seconds(d.substring("max-age=".length()));
                }
            }
        }
        if (noCache) {
            maxAge = null;
        }
        Instant expires = noCache ? null : date(value(response, "Expires"));
        return new CacheInfo(maxAge, expires, date(value(response, "Date")));
    }

    /** Retry-After as delay-seconds or an HTTP date; null when absent or unreadable. */
    static @Nullable Instant retryAfter(HttpResponse response, Instant now) {
        String value = value(response, "Retry-After");
        if (value == null) {
            return null;
        }
        Duration seconds = seconds(value);
        if (seconds != null) {
            return now.plus(seconds);
        }
        return date(value);
    }

    /** Media type (lower case, no parameters) and raw charset parameter of a Content-Type. */
    record ContentType(@Nullable String mediaType, @Nullable String charset) {}

    static ContentType contentType(@Nullable String value) {
        if (value == null) {
            return new ContentType(null, null);
        }
        String[] parts = value.split(";");
        String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
        String charset = null;
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim();
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                charset = param.substring(eq + 1).trim();
                if (charset.length() >= 2 && charset.startsWith("\"") && charset.endsWith("\"")) {
                    charset = charset.substring(1, charset.length() - 1).trim();
                }
                if (charset.isEmpty()) {
                    charset = null;
                }
            }
        }
        return new ContentType(mediaType.isEmpty() ? null : mediaType, charset);
    }

    static Optional<Charset> charsetFor(@Nullable String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static @Nullable Duration seconds(String value) {
        String trimmed = value.trim();
        if (trimmed.isEmpty() || trimmed.length() > 12 || !trimmed.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(trimmed));
    }

    private static @Nullable Instant date(@Nullable String value) {
        return value == null ? null : DateUtils.parseStandardDate(value);
    }
}
