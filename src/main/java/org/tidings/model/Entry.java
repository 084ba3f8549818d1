package org.tidings.model;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One item of a parsed feed, normalized: plain-text title, absolute link, UTC instants, first
 * author's name, categories in document order without repeats.
 *
 * @param id the guid / atom:id / rdf:about / JSON Feed id exactly as written (trimmed), or null
 * @param contentHtml the richest body (content:encoded, atom content, description), as HTML
 * @param summary a plain-text summary (tags stripped, whitespace collapsed)
 */
public record Entry(
        @Nullable String id,
        @Nullable String link,
        @Nullable String title,
        @Nullable Instant published,
        @Nullable Instant updated,
        @Nullable String author,
        List<String> categories,
        List<Enclosure> enclosures,
        List<Media> media,
        @Nullable String contentHtml,
        @Nullable String summary,
        @Nullable String commentsUrl) {
    public Entry {
        categories = List.copyOf(categories);
        enclosures = List.copyOf(enclosures);
        media = List.copyOf(media);
    }

    /** The date the entry is filed under: its published date, else its updated date, else null. */
    public @Nullable Instant publishedOrUpdated() {
        return published != null ? published : updated;
    }
}
