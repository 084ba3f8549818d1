package org.tidings.tui;

import java.util.Objects;

/**
 * A keyset position in an article list, opaque to the reader: the store encodes what it needs
 * (e.g. the last row's sort date and id) and decodes it in the next {@link ReaderData#articles}.
 */
public record PageCursor(String value) {
    public PageCursor {
        Objects.requireNonNull(value, "value");
    }
}
