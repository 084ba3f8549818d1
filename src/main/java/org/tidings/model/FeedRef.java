package org.tidings.model;

import java.util.Objects;

/** A feed named where an article is shown: which feeds carried it. */
public record FeedRef(long id, String title, String url) {
    public FeedRef {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
    }
}
