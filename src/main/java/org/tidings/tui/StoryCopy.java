package org.tidings.tui;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The same story as published by another outlet (another article of the same story group). */
public record StoryCopy(long articleId, String source, String title, @Nullable String link) {
    public StoryCopy {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
    }
}
