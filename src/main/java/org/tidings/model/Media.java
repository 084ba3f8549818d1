package org.tidings.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A {@code media:content} or {@code media:thumbnail} (Media RSS); not an enclosure. */
public record Media(
        String url,
        @Nullable String type,
        @Nullable String medium,
        @Nullable Integer width,
        @Nullable Integer height,
        boolean thumbnail) {
    public Media {
        Objects.requireNonNull(url, "url");
    }
}
