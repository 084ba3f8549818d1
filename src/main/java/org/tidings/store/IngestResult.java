package org.tidings.store;

import java.util.List;

/**
 * What storing one parsed feed did.
 *
 * @param added articles stored for the first time
 * @param updated articles whose title or text changed (updated in place, read state kept)
 * @param unchanged entries already stored as they are (possibly from another feed)
 * @param skipped entries not stored: removed earlier by retention (never resurrected)
 * @param addedIds ids of the added articles
 */
public record IngestResult(int added, int updated, int unchanged, int skipped, List<Long> addedIds) {
    public IngestResult {
        addedIds = List.copyOf(addedIds);
    }
}
