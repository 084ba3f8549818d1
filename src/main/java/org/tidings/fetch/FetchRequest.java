package org.tidings.fetch;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One feed to fetch: an {@code http(s)://} or {@code file://} URL or a local path, and the
 * validators kept from the previous fetch (sent as {@code If-None-Match} / {@code
 * If-Modified-Since}).
 */
public record FetchRequest(String url, @Nullable String etag, @Nullable String lastModified) {
    public FetchRequest {
        Objects.requireNonNull(url, "url");
    }

    /** An unconditional request. */
    public static FetchRequest of(String url) {
        return new FetchRequest(url, null, null);
    }

    /** A conditional request with the validators of the previous response. */
    public static FetchRequest conditional(String url, Validators validators) {
        Objects.requireNonNull(validators, "validators");
        return new FetchRequest(url, validators.etag(), validators.lastModified());
    }

    public Validators validators() {
        return new Validators(etag, lastModified);
    }
}
