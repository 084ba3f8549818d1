package org.tidings.model;

import org.jspecify.annotations.Nullable;

/**
 * The body of an article, loaded when it is opened.
 *
 * @param html the richest body the feed gave (content, else description), as HTML
 * @param text the body as plain text (what search indexes)
 */
public record ArticleContent(
        long id,
        @Nullable String html,
        @Nullable String text,
        @Nullable String summary,
        @Nullable String commentsUrl) {}
