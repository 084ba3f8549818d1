package org.tidings.store;

/** A database tidings cannot use: newer schema, unreadable file, bad search syntax. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
