package org.tidings.model;

import java.util.Objects;

/** A topic (category) articles are filed under; names are unique ignoring case and spacing. */
public record Topic(long id, String name) {
    public Topic {
        Objects.requireNonNull(name, "name");
    }
}
