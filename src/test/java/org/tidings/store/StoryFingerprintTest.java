package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryFingerprintTest {
    private static final String LEAD = "A new freight rail line built by a Chinese company has linked Abuja's dry port to the"
            + " Kaduna industrial zone, cutting the travel time for container cargo from two days by road to six hours,"
            + " officials said on Tuesday.";
    private static final String FULL = "By Li Wenjun | People\u2019s Daily Source: People\u2019s Daily A freight train leaves the"
            + " Abuja dry port on Tuesday. " + LEAD.replace("'", "\u2019") + " The 187-kilometre line runs parallel to the"
            + " existing passenger service and can carry up to 40 trains a week.";

    @Test
    void normalizesHeadlinesAsTheIssueSays() {
        assertThat(StoryFingerprint.titleKey("  \u201cSuper Eagles\u201d  Beat  Benin \u2014 Report "))
                .isEqualTo("super eagles beat benin report");
        assertThat(StoryFingerprint.titleKey("Nigeria\u2019s \uff21\uff22\uff23 bank")).isEqualTo("nigeria s abc bank");
        assertThat(StoryFingerprint.titleKey("PayRoute raises $40m \u2013 Series B"))
                .isEqualTo(StoryFingerprint.titleKey("payroute raises 40m - series b"));
    }

    @Test
    void aLeadSharesIndexKeysWithItsFullText() {
        StoryFingerprint lead = StoryFingerprint.of("Rail line links Abuja to Kaduna", LEAD, "en.people.cn", 0);
        StoryFingerprint full = StoryFingerprint.of("Freight rail reaches Kaduna", FULL, "nigerianews24.com.ng", 0);

        assertThat(lead.sharesKey(full)).isTrue();
        assertThat(RulesFixtures.shared(lead, full)).isEqualTo(lead.shingles().length);
    }

    @Test
    void candidateKeysAreStableAndFew() {
        StoryFingerprint full = StoryFingerprint.of("Freight rail reaches Kaduna industrial zone", FULL + " " + FULL + " " + FULL,
                "nigerianews24.com.ng", 0);

        assertThat(full.candidateKeys()).isEqualTo(full.candidateKeys()).contains(StoryFingerprint.titleHash(full.titleKey()));
        assertThat(full.candidateKeys().size()).isBetween(2, 1 + 2 * StoryFingerprint.OPENING_WORDS / (StoryFingerprint.WINNOW + 1) + 4);
    }

    @Test
    void shortHeadlinesAreNotIndexed() {
        StoryFingerprint editorial = StoryFingerprint.of("Editorial", LEAD, "businessday.ng", 0);

        assertThat(editorial.candidateKeys()).doesNotContain(StoryFingerprint.titleHash("editorial"));
    }

    @Test
    void outletsAreRegistrableDomains() {
        assertThat(Outlets.of("en.people.cn")).isEqualTo("people.cn");
        assertThat(Outlets.of("people.cn")).isEqualTo("people.cn");
        assertThat(Outlets.of("news.bbc.co.uk")).isEqualTo("bbc.co.uk");
        assertThat(Outlets.of("nigerianews24.com.ng")).isEqualTo("nigerianews24.com.ng");
        assertThat(Outlets.of("one.blogspot.com")).isNotEqualTo(Outlets.of("two.blogspot.com"));
        assertThat(Outlets.of("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(Outlets.of("localhost")).isEqualTo("localhost");
    }

    /** Helpers shared by the rules tests. */
    static final class RulesFixtures {
        static int shared(StoryFingerprint one, StoryFingerprint other) {
            return StoryRules.shared(one.shingles(), other.shingles());
        }
    }

    @Test
    void asciiHeadlinesAndWordsReadAsTheGeneralRuleSays() {
        java.util.Random random = new java.util.Random(13);
        String pieces = "Aa Zz09 -'.,\t\n$(|)_~\u007f";
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(pieces.charAt(random.nextInt(pieces.length())));
            }
            String title = text.toString();
            String general = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFKC)
                    .toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
            assertThat(StoryFingerprint.titleKey(title)).as(title).isEqualTo(general);
            String accented = title + " \u00c9t\u00c9 caf\u00e9";
            assertThat(StoryFingerprint.wordHashes(accented)).as(accented).containsExactly(wordHashesByCharacterTables(accented));
        }
    }

    /** The words' hashes as {@link StoryFingerprint#wordHashes} defines them, with Character's tables for every character. */
    private static long[] wordHashesByCharacterTables(String text) {
        java.util.List<Long> hashes = new java.util.ArrayList<>();
        long hash = 0xcbf29ce484222325L;
        boolean inWord = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                hash = (hash ^ Character.toLowerCase(c)) * 0x100000001b3L;
                inWord = true;
            } else if ((c == '\'' || c == '\u2019') && inWord) {
                continue;
            } else if (inWord) {
                hashes.add(Text.mix(hash));
                hash = 0xcbf29ce484222325L;
                inWord = false;
            }
        }
        return hashes.stream().mapToLong(Long::longValue).toArray();
    }
}
