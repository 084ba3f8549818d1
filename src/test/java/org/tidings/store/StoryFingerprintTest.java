package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryFingerprintTest {
    private static final String BODY_A = "The minister said on Monday that the new budget would fund roads, schools and clinics"
            + " across the country, and that the first payments would reach the states before the rains begin.";
    private static final String BODY_B = "Farmers in the north reported a poor harvest after the floods, and traders in the"
            + " markets of Kano warned that the price of grain could double before the end of the year.";

    @Test
    void comparesTitlesThatRepeatAWord() {
        StoryFingerprint one = StoryFingerprint.of("Oil rises as oil demand grows", BODY_A, "a.example");
        StoryFingerprint other = StoryFingerprint.of("Oil demand grows, oil rises", BODY_B, "b.example");

        assertThat(one.titleSimilarity(other)).isEqualTo(0.8);
        assertThat(one.sameStory(other)).isFalse();
    }

    @Test
    void candidateKeysAreStableAcrossCalls() {
        StoryFingerprint one = StoryFingerprint.of("Senate passes the budget", BODY_A, "a.example");

        assertThat(one.candidateKeys()).hasSize(StoryFingerprint.BANDS + 1).isEqualTo(one.candidateKeys());
        assertThat(StoryFingerprint.stored(one.signature(), one.titleKey(), "a.example").candidateKeys())
                .isEqualTo(one.candidateKeys());
    }
}
