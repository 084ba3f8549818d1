package org.tidings.xml;

import org.jspecify.annotations.Nullable;

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
        if (message == null) {
            return "unknown error";
        }
        String line = message.strip().lines().findFirst().orElse(message).strip();
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
