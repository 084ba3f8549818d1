package org.tidings.store;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Entry;
import org.tidings.model.ParsedFeed;

/**
 * A 64-bit hash of everything in a parsed document that ingest reads ({@link #of}, computed off the
 * writer thread by {@link PreparedFeed}), then combined with the feed's URL ({@link #forFeed}: the
 * identity rules scope ids by site). Two documents with the same hash store the same rows, so a
 * feed whose document hashes as last time is not ingested again: no identity lookup, no writes.
 */
final class DocumentHash {
    private long hash = 0xcbf29ce484222325L;
    /** The characters of the text being hashed (read from an array: cheaper than charAt). */
    private char[] scratch = new char[256];

    private DocumentHash() {}

    /** The hash of a document as stored for the feed at {@code feedUrl}. */
    static long forFeed(String feedUrl, long documentHash) {
        return Text.mix(new DocumentHash().text(feedUrl).number(documentHash).hash);
    }

    /** The hash of the document alone. */
    static long of(ParsedFeed document) {
        DocumentHash h = new DocumentHash();
        h.text(document.title()).text(document.link()).number(document.entries().size());
        for (Entry entry : document.entries()) {
            h.text(entry.id()).text(entry.link()).text(entry.title()).instant(entry.published()).instant(entry.updated())
                    .text(entry.author()).texts(entry.categories()).number(entry.enclosures().hashCode())
                    .number(entry.media().hashCode()).text(entry.contentHtml()).text(entry.summary()).text(entry.commentsUrl());
        }
        return Text.mix(h.hash);
    }

    private DocumentHash text(@Nullable String value) {
        if (value == null) {
            return number(-1);
        }
        int length = value.length();
        if (scratch.length < length) {
            scratch = new char[Math.max(length, scratch.length * 2)];
        }
        value.getChars(0, length, scratch, 0);
        char[] chars = scratch;
        long state = hash;
        for (int i = 0; i < length; i++) {
            state = (state ^ chars[i]) * 0x100000001b3L;
        }
        hash = state;
        return number(value.length());
    }

    private DocumentHash texts(List<String> values) {
        number(values.size());
        for (String value : values) {
            text(value);
        }
        return this;
    }

    private DocumentHash instant(@Nullable Instant value) {
        return number(value == null ? Long.MIN_VALUE : value.getEpochSecond() * 1_000_000_000L + value.getNano());
    }

    private DocumentHash number(long value) {
        hash = (hash ^ value) * 0x100000001b3L;
        hash = Long.rotateLeft(hash, 29);
        return this;
    }
}
