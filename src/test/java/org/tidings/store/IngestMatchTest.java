package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.tidings.model.Entry;
import org.tidings.model.FeedFormat;
import org.tidings.model.FeedHints;
import org.tidings.model.ParsedFeed;
import org.tidings.store.IngestCandidates.Candidate;
import org.tidings.store.IngestMatch.KeyHit;

/** Reading entries as candidates and matching them to stored keys: pure functions, no database. */
class IngestMatchTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final String SITE = "news.example";

    private static Entry entry(@Nullable String id, @Nullable String link, @Nullable String title, String... categories) {
        return new Entry(id, link, title, NOW.minusSeconds(3600), null, null, List.of(categories), List.of(), List.of(),
                title == null ? null : "<p>" + title + " body</p>", null, null);
    }

    private static List<Candidate> candidates(Entry... entries) {
        List<String> topicsAsked = new ArrayList<>();
        return candidates(topicsAsked, entries);
    }

    private static List<Candidate> candidates(List<String> topicsAsked, Entry... entries) {
        ParsedFeed document = new ParsedFeed(FeedFormat.RSS_20, "News", "https://" + SITE + "/", null, null, List.of(entries),
                FeedHints.NONE, false, List.of());
        return IngestCandidates.of(PreparedFeed.of(document), SITE, 1L, name -> {
            topicsAsked.add(name);
            return 100L + topicsAsked.size();
        }, NOW.toEpochMilli());
    }

    private static KeyHit article(long id) {
        return new KeyHit(id, null, null, 0, 0);
    }

    @Test
    void everyEntryIsFreshWhenNoKeyIsStored() {
        var match = IngestMatch.match(candidates(entry("1", "https://news.example/a", "A"), entry("2", "https://news.example/b", "B")),
                Map.of());

        assertThat(match.fresh()).extracting(Candidate::title).containsExactly("A", "B");
        assertThat(match.known()).isEmpty();
        assertThat(match.skipped()).isZero();
    }

    @Test
    void theSameEntryTwiceInADocumentIsStoredOnce() {
        var match = IngestMatch.match(candidates(entry("1", "https://news.example/a", "A"), entry("1", "https://news.example/a", "A")),
                Map.of());

        assertThat(match.fresh()).hasSize(1);
    }

    @Test
    void aStoredKeyMakesTheEntryKnownAndAnArticleIsMatchedOnce() {
        List<Candidate> candidates = candidates(entry("1", "https://news.example/a?utm_source=rss", "A"),
                entry(null, "https://news.example/a", "A again"));
        Map<String, KeyHit> hits = Map.of(Identity.linkKey("https://news.example/a"), article(42));

        var match = IngestMatch.match(candidates, hits);

        assertThat(match.known()).singleElement().satisfies(known -> {
            assertThat(known.articleId()).isEqualTo(42);
            assertThat(known.candidate().title()).isEqualTo("A");
        });
        assertThat(match.fresh()).isEmpty();
    }

    @Test
    void aTombstoneFoundFirstSkipsTheEntry() {
        List<Candidate> candidates = candidates(entry("1", "https://news.example/gone", "Gone"));
        Map<String, KeyHit> hits = new HashMap<>();
        hits.put(candidates.get(0).keys().get(0), new KeyHit(null, null, null, 0, 0));

        var match = IngestMatch.match(candidates, hits);

        assertThat(match.skipped()).isEqualTo(1);
        assertThat(match.fresh()).isEmpty();
        assertThat(match.known()).isEmpty();
    }

    @Test
    void anArticleWithAnotherTrustedIdOfTheSameScopeIsNotThisEntry() {
        List<Candidate> candidates = candidates(entry("post-2", "https://news.example/shared", "Second post"));
        Candidate candidate = candidates.get(0);
        Map<String, KeyHit> hits = Map.of(candidate.linkKey(),
                new KeyHit(7L, "oid:" + SITE + ":post-1", SITE, 0, 0));

        var match = IngestMatch.match(candidates, hits);

        assertThat(candidate.id().key()).isEqualTo("oid:" + SITE + ":post-2");
        assertThat(match.fresh()).containsExactly(candidate);
        assertThat(match.known()).isEmpty();
        // in another scope the link is trusted
        var other = IngestMatch.match(candidates, Map.of(candidate.linkKey(), new KeyHit(7L, "oid:other.example:x", "other.example", 0, 0)));
        assertThat(other.known()).singleElement().extracting(IngestMatch.Known::articleId).isEqualTo(7L);
    }

    @Test
    void idsSharedByDifferentEntriesAndLinksSharedByDifferentIdsAreNotTrusted() {
        List<Candidate> sameGuid = candidates(entry("x", "https://news.example/a", "A"), entry("x", "https://news.example/b", "B"));
        assertThat(sameGuid).allSatisfy(c -> assertThat(c.id()).isNull());
        assertThat(sameGuid).extracting(Candidate::linkKey).doesNotContainNull();

        List<Candidate> homeLink = candidates(entry("1", "https://news.example/", "A"), entry("2", "https://news.example/", "B"));
        assertThat(homeLink).allSatisfy(c -> assertThat(c.linkKey()).isNull());
        assertThat(homeLink).extracting(Candidate::id).doesNotContainNull();
    }

    @Test
    void anEntryWithoutIdOrLinkIsKnownByTitleAndDateAndOneWithNothingIsLeftOut() {
        List<Candidate> candidates = candidates(entry(null, null, "Only a title"),
                new Entry(null, null, null, null, null, null, List.of(), List.of(), List.of(), null, null, null));

        assertThat(candidates).singleElement().satisfies(c -> {
            assertThat(c.keys()).singleElement().asString().startsWith("hash:" + SITE + ":");
            assertThat(c.site()).isEqualTo(SITE);
        });
    }

    @Test
    void topicsAreTheFeedsThenTheCategoriesInOrderAndDatesNeverSortAfterNow() {
        List<String> asked = new ArrayList<>();
        List<Candidate> candidates = candidates(asked, entry("1", "https://other.example/a", "A", "Politics", "uncategorized", "Lagos"));

        Candidate candidate = candidates.get(0);
        assertThat(asked).containsExactly("Politics", "Lagos");
        assertThat(candidate.topicIds()).containsExactly(1L, 101L, 102L);
        assertThat(candidate.site()).isEqualTo("other.example");
        assertThat(candidate.sortAt()).isEqualTo(NOW.minusSeconds(3600).toEpochMilli());
    }
}
