package org.tidings.store;

/** A change of an article's state. */
public enum Mark {
    READ,
    UNREAD,
    STAR,
    UNSTAR
}
