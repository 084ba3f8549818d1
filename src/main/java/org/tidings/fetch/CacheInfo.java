package org.tidings.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the response said about its freshness: {@code Cache-Control: max-age} (null when absent,
 * or when {@code no-cache}/{@code no-store} was sent), {@code Expires} and the server's {@code
 * Date} (null when absent or unparsable).
 */
public record CacheInfo(
        @Nullable Duration maxAge, @Nullable Instant expires, @Nullable Instant serverDate) {
    public static final CacheInfo NONE = new CacheInfo(null, null, null);

    /**
     * How long the response stays fresh from when it was received: max-age if present, else
     * Expires minus the server's Date (or minus {@code receivedAt} when there was no Date).
     * Empty when the response gave no freshness information.
     */
    public Optional<Duration> freshness(Instant receivedAt) {
        if (maxAge != null) {
            return Optional.of(maxAge);
        }
        if (expires != null) {
            Instant base = serverDate != null ? serverDate : receivedAt;
            Duration lifetime = Duration.between(base, expires);
            return Optional.of(lifetime.isNegative() ? Duration.ZERO : lifetime);
        }
        return Optional.empty();
    }
}
