package org.tidings.model;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The page behind an article, as fetched for a full-text feed or on demand.
 *
 * @param url the page asked for (the article's link)
 * @param html the sanitized main text as HTML when {@link Status#OK}
 * @param text the same as plain text when {@link Status#OK}
 * @param reason why it failed (one line) when {@link Status#FAILED}
 * @param attemptedAt when the page was fetched; null while pending
 */
public record FullText(
        long articleId,
        Status status,
        String url,
        @Nullable String html,
        @Nullable String text,
        @Nullable String reason,
        @Nullable Instant attemptedAt) {

    public enum Status {
        /** Queued: the next sync fetches it. */
        PENDING,
        /** Fetched and extracted. */
        OK,
        /** Fetched once and failed; the article stays as the feed gave it. */
        FAILED
    }

    public FullText {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(url, "url");
    }

    /** One line for people: "full text", "full text pending", or "no full text: REASON". */
    public String describe() {
        return switch (status) {
            case OK -> "full text";
            case PENDING -> "full text pending";
            case FAILED -> "no full text: " + (reason == null ? "failed" : reason);
        };
    }
}
