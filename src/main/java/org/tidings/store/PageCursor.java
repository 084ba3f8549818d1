package org.tidings.store;

import java.util.Objects;

/**
 * Where the next page starts: lists are ordered newest first by (date, id), and the next page
 * holds what comes strictly after the last row of this one (keyset pagination, no OFFSET).
 */
public record PageCursor(long sortAt, long id) {
    /** A compact string form, {@code sortAt:id}, for command lines and UIs. */
    public String token() {
        return sortAt + ":" + id;
    }

    /** Reads {@link #token()}; throws IllegalArgumentException with a one-line message. */
    public static PageCursor parse(String token) {
        Objects.requireNonNull(token, "token");
        String[] parts = token.strip().split(":");
        try {
            if (parts.length == 2) {
                return new PageCursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("not a page cursor: " + token);
    }
}
