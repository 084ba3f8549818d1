package org.tidings.xml;

import org.jspecify.annotations.Nullable;
import org.tidings.model.Messages;

/** XML bytes that could not be read, even leniently, or that were refused (entity bomb, nesting); one line. */
public final class XmlException extends Exception {
    private static final long serialVersionUID = 1L;

    public XmlException(String message) {
        super(message);
    }

    public XmlException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The first line of a message, at most 200 characters ("unknown error" when there is none). */
    public static String oneLine(@Nullable String message) {
        String line = Messages.firstLine(message, 200);
        return line.isEmpty() ? "unknown error" : line;
    }
}
