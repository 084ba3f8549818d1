package org.tidings.store;

/**
 * What retention removed.
 *
 * @param deleted articles deleted (their identities stay as tombstones)
 * @param kept articles older than the limit kept because starred or still in a feed
 */
public record CleanupResult(int deleted, int kept) {}
