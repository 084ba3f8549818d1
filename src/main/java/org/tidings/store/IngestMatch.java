package org.tidings.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tidings.store.IngestCandidates.Candidate;

/**
 * Which stored article each candidate of a document is (docs/DEDUP.md): a pure function of the
 * candidates and of the stored keys found for them, so it is tested without a database.
 */
final class IngestMatch {
    private IngestMatch() {}

    /**
     * An identity key found in the database.
     *
     * @param articleId the article it names; null for a tombstone (an article deleted by retention)
     * @param idKey the article's trusted id key, if any, and that id's scope
     * @param contentHash the article's content hash as stored
     * @param sortAt where the article sorts
     */
    record KeyHit(@Nullable Long articleId, @Nullable String idKey, @Nullable String idScope, long contentHash, long sortAt) {}

    /** A candidate that is a stored article. */
    record Known(Candidate candidate, long articleId, KeyHit hit) {}

    /**
     * @param fresh candidates to store as new articles (each document entry at most once)
     * @param known candidates that are stored articles (each article at most once)
     * @param skipped candidates that are articles removed by retention: never stored again
     */
    record Result(List<Candidate> fresh, List<Known> known, int skipped) {
        Result {
            fresh = List.copyOf(fresh);
            known = List.copyOf(known);
        }
    }

    /**
     * Matches each candidate by its keys in trust order: the first key found names its article,
     * unless that article has a different trusted id in the same scope (then the next key is
     * tried); a tombstone found first skips the candidate. A later candidate naming the same
     * article, or sharing a key with an earlier fresh one, is the same entry twice and is dropped.
     */
    static Result match(List<Candidate> candidates, Map<String, KeyHit> hits) {
        List<Candidate> fresh = new ArrayList<>();
        List<Known> known = new ArrayList<>();
        Set<Long> knownIds = new HashSet<>();
        Set<String> claimed = new HashSet<>();
        int skipped = 0;
        for (Candidate candidate : candidates) {
            List<String> keys = candidate.keys();
            KeyHit match = null;
            boolean tombstoned = false;
            for (String key : keys) {
                KeyHit hit = hits.get(key);
                if (hit == null) {
                    continue;
                }
                if (hit.articleId() == null) {
                    tombstoned = true;
                    break;
                }
                if (compatible(candidate, hit)) {
                    match = hit;
                    break;
                }
            }
            if (match != null) {
                if (knownIds.add(match.articleId())) {
                    known.add(new Known(candidate, match.articleId(), match));
                }
            } else if (tombstoned) {
                skipped++;
            } else if (keys.stream().noneMatch(claimed::contains)) {
                claimed.addAll(keys);
                fresh.add(candidate);
            }
        }
        return new Result(fresh, known, skipped);
    }

    /**
     * An article found by link is not this entry's when both have ids trusted in the same scope
     * and the ids differ: two posts of one site that share a link.
     */
    static boolean compatible(Candidate candidate, KeyHit hit) {
        if (candidate.id() == null || hit.idKey() == null) {
            return true;
        }
        return candidate.id().key().equals(hit.idKey()) || !candidate.id().scope().equals(hit.idScope());
    }
}
