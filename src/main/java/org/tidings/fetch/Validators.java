package org.tidings.fetch;

import org.jspecify.annotations.Nullable;

/**
 * The cache validators of a response, exactly as the server sent them: {@code ETag} (with its
 * quotes and any {@code W/} prefix) and {@code Last-Modified} (an HTTP date string). Store them
 * per feed and pass them back in the next {@link FetchRequest}.
 */
public record Validators(@Nullable String etag, @Nullable String lastModified) {
    public static final Validators NONE = new Validators(null, null);

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }

    /** These validators, with any missing one taken from {@code previous}. */
    Validators orElse(Validators previous) {
        return new Validators(
                etag != null ? etag : previous.etag(),
                lastModified != null ? lastModified : previous.lastModified());
    }
}
