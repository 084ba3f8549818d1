package org.tidings.tui;

import java.util.Objects;

/** A topic (category) and its unread article count. */
public record TopicCount(String name, int unread) {
    public TopicCount {
        Objects.requireNonNull(name, "name");
    }
}
