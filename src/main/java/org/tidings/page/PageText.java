package org.tidings.page;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link PageExtractor} made of a page: the main text, or why there is none.
 */
public sealed interface PageText permits PageText.Extracted, PageText.Rejected {

    /**
     * The main text of the page.
     *
     * @param html sanitized HTML: no scripts, styles, frames, forms, event handlers or tracking
     *     pixels; links and images absolute
     * @param textLength characters of text in it
     */
    record Extracted(String html, int textLength, @Nullable String title) implements PageText {
        public Extracted {
            Objects.requireNonNull(html, "html");
        }
    }

    /** No main text: {@code reason} is one line for people ("not an HTML page: image/png"). */
    record Rejected(String reason) implements PageText {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
