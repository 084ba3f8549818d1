package org.tidings.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Entry;

/**
 * Reads a prepared document's entries as candidates for storing: the identity keys they are known
 * by (docs/DEDUP.md), their site, date and topics. A pure function of the document, the feed's
 * site and topic, and how topic names become ids.
 */
final class IngestCandidates {
    private IngestCandidates() {}

    /**
     * An entry read for storing.
     *
     * @param id its id's key, when the id is trusted
     * @param linkKey its link's key, when the link is trusted
     * @param hashKey the key of its title and date, when it has neither id nor link to go by
     * @param site its link's site, else the feed's
     * @param published its date (epoch ms), or null
     * @param sortAt where it sorts: its date, but never after it was first seen
     * @param topicIds the feed's topic, then its categories' topics
     */
    record Candidate(PreparedFeed.Item item, Identity.@Nullable IdKey id, @Nullable String linkKey, @Nullable String hashKey,
            String site, @Nullable Long published, long sortAt, List<Long> topicIds) {
        Candidate {
            topicIds = List.copyOf(topicIds);
        }

        Entry entry() {
            return item.entry();
        }

        @Nullable String title() {
            return item.title();
        }

        long contentHash() {
            return item.contentHash();
        }

        /** The keys it is known by, in the order they are trusted: id, link, hash. */
        List<String> keys() {
            List<String> keys = new ArrayList<>(3);
            if (id != null) {
                keys.add(id.key());
            }
            if (linkKey != null) {
                keys.add(linkKey);
            }
            if (hashKey != null) {
                keys.add(hashKey);
            }
            return keys;
        }
    }

    /**
     * The candidates of a document. Ids that several different entries of the document share are
     * not trusted (some feeds give every item the same guid), nor are links shared by entries with
     * different ids (some give every item the home page as link); an entry with nothing to know it
     * by (no id, link, title, date or text) is left out. {@code topicId} is called for the topics
     * of the candidates kept, in document order.
     */
    static List<Candidate> of(PreparedFeed document, String feedSite, @Nullable Long feedTopic, ToLongFunction<String> topicId,
            long now) {
        List<Draft> drafts = new ArrayList<>(document.entries().size());
        Map<String, Set<String>> linksById = new HashMap<>();
        Map<String, Set<String>> idsByLink = new HashMap<>();
        for (PreparedFeed.Item item : document.entries()) {
            Entry entry = item.entry();
            Instant date = entry.publishedOrUpdated();
            Long published = date == null ? null : date.toEpochMilli();
            Identity.IdKey id = entry.id() != null && !entry.id().isBlank() ? Identity.idKey(entry.id(), feedSite) : null;
            String linkKey = item.linkKey();
            if (id == null && linkKey == null && item.title() == null && published == null && item.text() == null) {
                continue; // nothing to know it by
            }
            String shape = linkKey != null ? linkKey : String.valueOf(item.title());
            if (id != null) {
                linksById.computeIfAbsent(id.key(), k -> new HashSet<>()).add(shape);
                if (linkKey != null) {
                    idsByLink.computeIfAbsent(linkKey, k -> new HashSet<>()).add(id.key());
                }
            }
            Set<Long> topics = new LinkedHashSet<>();
            if (feedTopic != null) {
                topics.add(feedTopic);
            }
            for (String name : item.topicNames()) {
                topics.add(topicId.applyAsLong(name));
            }
            drafts.add(new Draft(item, id, linkKey, published, List.copyOf(topics)));
        }
        List<Candidate> candidates = new ArrayList<>(drafts.size());
        for (Draft draft : drafts) {
            PreparedFeed.Item item = draft.item();
            Identity.IdKey id = draft.id() != null && linksById.get(draft.id().key()).size() > 1 ? null : draft.id();
            String linkKey = draft.linkKey() != null && idsByLink.getOrDefault(draft.linkKey(), Set.of()).size() > 1
                    ? null : draft.linkKey();
            String hashKey = id == null && linkKey == null
                    ? Identity.hashKey(feedSite, item.title() != null ? item.title() : item.text(), draft.published())
                    : null;
            long sortAt = draft.published() == null ? now : Math.min(draft.published(), now);
            String site = item.linkSite() != null ? item.linkSite() : feedSite;
            candidates.add(new Candidate(item, id, linkKey, hashKey, site, draft.published(), sortAt, draft.topicIds()));
        }
        return candidates;
    }

    /** An entry before the document-wide checks of its keys. */
    private record Draft(PreparedFeed.Item item, Identity.@Nullable IdKey id, @Nullable String linkKey, @Nullable Long published,
            List<Long> topicIds) {}
}
