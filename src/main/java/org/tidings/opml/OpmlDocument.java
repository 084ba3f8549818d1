package org.tidings.opml;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Subscription;

/**
 * A subscription list as read from (or to be written to) OPML or a newsboat {@code urls} file.
 *
 * @param title the {@code head/title}, or null
 * @param dateCreated the {@code head/dateCreated}, or null when absent or unreadable
 * @param subscriptions one per feed URL, in document order of first appearance
 * @param folders every folder path (segments joined by {@code /}), including empty folders and
 *     the ancestors of nested ones, in document order of first appearance
 * @param warnings what was skipped or repaired, one line each, for the user
 */
public record OpmlDocument(
        @Nullable String title,
        @Nullable Instant dateCreated,
        List<Subscription> subscriptions,
        List<String> folders,
        List<String> warnings) {
    public OpmlDocument {
        subscriptions = List.copyOf(subscriptions);
        folders = List.copyOf(folders);
        warnings = List.copyOf(warnings);
    }

    /**
     * A document to export: {@code dateCreated} is the caller's clock reading, folders may be
     * empty (the subscriptions' own folders are always written).
     */
    public static OpmlDocument forExport(
            @Nullable String title,
            Instant dateCreated,
            List<Subscription> subscriptions,
            List<String> folders) {
        Objects.requireNonNull(dateCreated, "dateCreated");
        return new OpmlDocument(title, dateCreated, subscriptions, folders, List.of());
    }
}
