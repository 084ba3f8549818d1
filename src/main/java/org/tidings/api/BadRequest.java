package org.tidings.api;

/** A request the API refuses with 400 and a one-line message; nothing has been changed. */
final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
        super(message, null, false, false);
    }
}
