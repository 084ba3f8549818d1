package org.tidings.sync;

import java.net.URI;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.tidings.fetch.FetchResult;
import org.tidings.model.ParsedFeed;
import org.tidings.parse.FeedParseException;
import org.tidings.parse.FeedParser;
import org.tidings.store.PreparedFeed;
import org.tidings.store.Store;

/**
 * The parser threads' job in a round: a fetched body becomes a {@link ParsedFeed} and is prepared
 * for storing ({@link PreparedFeed}), so the writer thread only writes. Holds at most a bounded
 * number of parsed documents waiting for the writer: parsing waits for room, and the writer
 * gives each back with {@link #release()} once it is recorded.
 */
final class DocumentParsing {
    /**
     * A fetch result (without its body once parsed), parsed and prepared for storing when it carried
     * a body ({@link PreparedFeed}: the per-entry work done here on a parser thread, not on the
     * writer); {@code holdsPermit} when it took a parsed-feed permit.
     */
    record Parsed(FetchResult result, @Nullable PreparedFeed feed, @Nullable String parseError, boolean holdsPermit) {}


    private final Store store;
    private final FeedParser parser;
    private final Semaphore parsedInMemory;

    DocumentParsing(Store store, FeedParser parser, int maxParsed) {
        this.store = store;
        this.parser = parser;
        this.parsedInMemory = new Semaphore(maxParsed);
    }

    /** Gives back the room of one parsed document (taken when {@link Parsed#holdsPermit()}). */
    void release() {
        parsedInMemory.release();
    }

    Parsed parseIfFetched(long feedId, FetchResult result) {
        if (!(result instanceof FetchResult.Fetched fetched)) {
            return new Parsed(result, null, null, false);
        }
        String contentType = fetched.mediaType() == null ? null
                : fetched.mediaType() + (fetched.charset() == null ? "" : "; charset=" + fetched.charset());
        // At most MAX_PARSED parsed documents wait for the writer: parsing waits for room.
        parsedInMemory.acquireUninterruptibly();
        try {
            URI base = URI.create(fetched.url());
            ParsedFeed document = parser.parse(fetched.body(), base, contentType);
            // the body is not kept while the document waits for the writer
            return new Parsed(fetched.withoutBody(), prepare(feedId, document), null, true);
        } catch (FeedParseException | IllegalArgumentException e) {
            parsedInMemory.release();
            return new Parsed(result, null, org.tidings.model.Messages.because("not a feed", e), false);
        } catch (RuntimeException | Error e) {
            parsedInMemory.release();
            throw e;
        }
    }

    /**
     * The document prepared for storing here on a parser thread, so that the writer thread only
     * writes; its entries are left unprepared when it is the document the feed stored last time
     * (the writer then only compares hashes).
     */
    private PreparedFeed prepare(long feedId, ParsedFeed document) {
        PreparedFeed prepared = PreparedFeed.of(document);
        boolean same;
        try {
            same = store.storedAsIs(feedId, prepared);
        } catch (RuntimeException e) {
            same = false; // the writer will tell
        }
        return same ? prepared : prepared.prepareEntries();
    }
}
