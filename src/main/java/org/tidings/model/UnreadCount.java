package org.tidings.model;

import java.util.Objects;

/** The unread articles of one feed, folder or topic. */
public record UnreadCount(long id, String name, int unread) {
    public UnreadCount {
        Objects.requireNonNull(name, "name");
    }
}
