package org.tidings.cli;

import org.tidings.model.Feed;
import org.tidings.store.Store;

/**
 * The one lookup of a feed named on the command line ({@code remove}, {@code move}, {@code
 * rename}, {@code sync}, {@code feeds topic|fulltext}, {@code --feed} of the article filters): a
 * numeric id or the feed's URL. An unknown one is one line naming it and where to look.
 */
final class FeedArgument {
    private FeedArgument() {}

    static Feed resolve(Store store, String reference) {
        String value = reference.strip();
        if (value.matches("\\d+")) {
            return store.feeds().feed(Long.parseLong(value))
                    .orElseThrow(() -> new IllegalArgumentException("no feed with id " + value + " (see 'tidings feeds')"));
        }
        return store.feeds().feedByUrl(value)
                .orElseThrow(() -> new IllegalArgumentException("no feed with URL " + value + " (see 'tidings feeds')"));
    }
}
