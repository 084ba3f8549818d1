package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tidings.store.StoryRules.Verdict;

/** The story rules on their own, without a database. */
class StoryRulesTest {
    private static final long T = 1_763_600_000_000L;
    private static final String LEAD = "Chinese agricultural experts working at a demonstration centre in Nigeria's Benue state"
            + " have helped local farmers double their cassava yields in two seasons, using improved seedlings and drip irrigation.";
    private static final String FULL = "By Zhang Rui Source: People\u2019s Daily " + LEAD.replace("'", "\u2019")
            + " The centre, set up under the Forum on China-Africa Cooperation, has trained more than 4,500 farmers since it"
            + " opened in 2024. Farmers who joined the programme harvested an average of 25 tonnes per hectare this year,"
            + " up from about 11 tonnes before, according to the centre's records.";
    private static final String OTHER = "The Senate on Tuesday passed the electoral amendment bill after a heated debate,"
            + " with lawmakers voting to allow electronic transmission of results from polling units across the country.";

    private static StoryFingerprint print(String title, String text, String site, long at) {
        return StoryFingerprint.of(title, text, site, at);
    }

    private static Verdict decide(StoryFingerprint a, StoryFingerprint b) {
        Verdict forward = StoryRules.decide(a, b, title -> false);
        assertThat(StoryRules.decide(b, a, title -> false)).as("symmetric").isEqualTo(forward);
        return forward;
    }

    @Test
    void equalHeadlinesAreOneStoryWhateverTheBodies() {
        StoryFingerprint lead = print("Chinese experts help Nigerian farmers double cassava yields", LEAD, "en.people.cn", T);
        StoryFingerprint full = print("Chinese Experts Help Nigerian Farmers Double Cassava Yields", FULL, "nigerianews24.com.ng",
                T + Duration.ofHours(5).toMillis());
        StoryFingerprint unrelated = print("Chinese experts help Nigerian farmers double cassava yields", OTHER, "punchng.com", T);

        assertThat(decide(lead, full)).isEqualTo(Verdict.EQUAL_HEADLINE);
        assertThat(decide(lead, unrelated)).isEqualTo(Verdict.EQUAL_HEADLINE);
    }

    @Test
    void genericHeadlinesNeedTheBodiesToAgree() {
        StoryFingerprint one = print("Markets at a glance", OTHER, "businessday.ng", T);
        StoryFingerprint other = print("Markets at a glance", LEAD, "vanguardngr.com", T);
        StoryFingerprint copy = print("Markets at a glance", FULL, "punchng.com", T);

        assertThat(StoryRules.decide(one, other, Set.of("markets at a glance")::contains)).isEqualTo(Verdict.BODIES_DIFFER);
        assertThat(StoryRules.decide(other, copy, Set.of("markets at a glance")::contains)).isEqualTo(Verdict.SAME_BODY);
        assertThat(StoryRules.decide(print("Editorial", OTHER, "a.ng", T), print("Editorial", LEAD, "b.ng", T), title -> false))
                .isEqualTo(Verdict.BODIES_DIFFER);
    }

    @Test
    void aLeadIsContainedInItsFullTextUnderAnotherHeadline() {
        StoryFingerprint lead = print("Chinese experts help Nigerian farmers double cassava yields", LEAD, "en.people.cn", T);
        StoryFingerprint full = print("Benue cassava farmers double harvest with Chinese help", FULL, "xinhuanet.com", T);

        assertThat(decide(lead, full)).isEqualTo(Verdict.SAME_BODY);
    }

    @Test
    void aShortSummaryDoesNotMatchOnAFewSharedWords() {
        String summary = "Chinese agricultural experts working at a demonstration centre said on Monday.";
        StoryFingerprint brief = print("Chinese experts speak on farming", summary, "a.example", T);
        StoryFingerprint full = print("Chinese experts help Nigerian farmers double cassava yields", FULL, "b.example", T);

        assertThat(brief.shingles().length).isLessThan(StoryRules.MIN_SHARED_SHINGLES);
        assertThat(decide(brief, full)).isEqualTo(Verdict.BODIES_DIFFER);
    }

    @Test
    void headlinesDifferingByOneMeaningfulWordAreDifferentStories() {
        String body = "The naira appreciated against the US dollar at the official market on Wednesday, data from FMDQ showed,"
                + " as demand for foreign currency from importers eased and dealers said the central bank sold dollars.";
        StoryFingerprint gains = print("Naira gains against dollar at official market", body, "businessday.ng", T);
        StoryFingerprint falls = print("Naira falls against dollar at official market", body, "punchng.com", T);
        StoryFingerprint gained = print("Naira gained against dollar at official market", body, "guardian.ng", T);

        assertThat(decide(gains, falls)).isEqualTo(Verdict.HEADLINE_WORD_DIFFERS);
        assertThat(decide(gains, gained)).isEqualTo(Verdict.SAME_BODY);
    }

    @Test
    void differentNumbersInHeadlinesAreDifferentStories() {
        StoryFingerprint monday = print("Naira closes at N1,520 to dollar", LEAD, "a.ng", T);
        StoryFingerprint tuesday = print("Naira closes at N1,535 to dollar", LEAD, "b.ng", T);

        assertThat(decide(monday, tuesday)).isEqualTo(Verdict.NUMBERS_DIFFER);
    }

    @Test
    void copiesMoreThanSeventyTwoHoursApartAreDifferentStories() {
        String title = "China, Africa hold agricultural cooperation forum in Changsha";
        StoryFingerprint early = print(title, LEAD, "en.people.cn", T);

        assertThat(decide(early, print(title, LEAD, "xinhuanet.com", T + StoryRules.WINDOW.toMillis())))
                .isEqualTo(Verdict.EQUAL_HEADLINE);
        assertThat(decide(early, print(title, LEAD, "xinhuanet.com", T + StoryRules.WINDOW.toMillis() + 1)))
                .isEqualTo(Verdict.TOO_FAR_APART);
    }

    @Test
    void copiesWithinOneOutletAreNeverGrouped() {
        StoryFingerprint lead = print("Chinese experts help Nigerian farmers double cassava yields", LEAD, "en.people.cn", T);
        StoryFingerprint full = print("Chinese experts help Nigerian farmers double cassava yields", FULL, "people.cn", T);

        assertThat(decide(lead, full)).isEqualTo(Verdict.SAME_OUTLET);
    }

    @Test
    void stemsFoldInflections() {
        assertThat(StoryRules.stem("gains")).isEqualTo(StoryRules.stem("gained")).isEqualTo(StoryRules.stem("gaining"));
        assertThat(StoryRules.stem("rises")).isEqualTo(StoryRules.stem("rise")).isEqualTo(StoryRules.stem("rising"));
        assertThat(StoryRules.stem("falls")).isNotEqualTo(StoryRules.stem("gains"));
    }

    @Test
    void trailingSourceTagsAreNotHeadlineWords() {
        StoryFingerprint site = print("Senate passes budget (NN24)", FULL, "nigerianews24.com.ng", T);
        StoryFingerprint outlet = print("Senate passes budget | People's Daily", LEAD, "en.people.cn", T);

        assertThat(site.headlineWords()).containsExactly("senate", "passes", "budget");
        assertThat(outlet.headlineWords()).containsExactly("senate", "passes", "budget");
        assertThat(StoryRules.oneWordDiffers(site.headlineWords(), outlet.headlineWords())).isFalse();
        assertThat(print("Fire guts market in Kano", LEAD, "a.ng", T).headlineWords()).hasSize(5);
    }
}
