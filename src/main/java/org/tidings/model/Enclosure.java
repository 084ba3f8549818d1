package org.tidings.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** An RSS {@code enclosure}, Atom {@code link rel="enclosure"} or JSON Feed attachment. */
public record Enclosure(String url, @Nullable String type, @Nullable Long length) {
    public Enclosure {
        Objects.requireNonNull(url, "url");
    }
}
