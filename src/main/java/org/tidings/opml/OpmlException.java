package org.tidings.opml;

/**
 * A subscription list could not be read at all (malformed XML, not OPML, too large, too deep,
 * forbidden DTD entities). Nothing from the file should be imported. The message is one line and,
 * when the problem has a position, names its line and column.
 */
public final class OpmlException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    /** An error without a position in the file. */
    public OpmlException(String message) {
        this(message, -1, -1, null);
    }

    /** An error at a position; the message is expected to already mention it. */
    public OpmlException(String message, int line, int column) {
        this(message, line, column, null);
    }

    OpmlException(String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    /** The 1-based line of the problem, or -1 when it has no position (size limit, I/O). */
    public int line() {
        return line;
    }

    /** The 1-based column of the problem, or -1 when it has no position. */
    public int column() {
        return column;
    }
}
