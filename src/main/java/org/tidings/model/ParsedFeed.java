package org.tidings.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A feed document read into tidings' model. {@code recovered} is true when the document was not
 * well-formed and what is here was recovered by the lenient path; {@code warnings} says what was
 * repaired.
 */
public record ParsedFeed(
        FeedFormat format,
        @Nullable String title,
        @Nullable String link,
        @Nullable String description,
        @Nullable String language,
        List<Entry> entries,
        FeedHints hints,
        boolean recovered,
        List<String> warnings) {
    public ParsedFeed {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(hints, "hints");
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }
}
