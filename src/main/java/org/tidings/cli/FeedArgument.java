package org.tidings.cli;

import org.tidings.model.Feed;
import org.tidings.store.Store;

/** Resolves a command-line feed reference: a numeric id or a URL. */
final class FeedArgument {
    private FeedArgument() {}

    static Feed resolve(Store store, String reference) {
        String value = reference.strip();
        if (value.matches("\\d+")) {
            return store.feeds().feed(Long.parseLong(value))
                    .orElseThrow(() -> new IllegalArgumentException("no feed with id " + value));
        }
        return store.feeds().feedByUrl(value)
                .orElseThrow(() -> new IllegalArgumentException("no feed with URL " + value + " (see 'tidings feeds')"));
    }
}
