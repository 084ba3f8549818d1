package org.tidings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tidings.model.ArticleFacts;
import org.tidings.model.Curation;
import org.tidings.model.FeedRef;

class RuleTest {
    private static final ArticleFacts ARTICLE = new ArticleFacts(7, "Sponsored: the best phones", "Ada Writer",
            "Buy now. Full review inside.", "https://news.example/promo/phones",
            List.of(new FeedRef(3, "Tech Daily", "https://news.example/feed"), new FeedRef(4, "Deals", "https://deals.example/rss")),
            List.of("Tech"), List.of("Gadgets", "Shopping"));

    private static Rule rule(String field, String pattern, String action) throws RuleException {
        return Rule.of(field, pattern, action, null, null);
    }

    @Nested
    class Fields {
        @Test
        void eachFieldMatchesItsOwnValues() throws RuleException {
            assertThat(rule("title", "(?i)^sponsored", "hide").matches(ARTICLE)).isTrue();
            assertThat(rule("title", "^best", "hide").matches(ARTICLE)).isFalse();
            assertThat(rule("author", "Ada", "hide").matches(ARTICLE)).isTrue();
            assertThat(rule("content", "review", "hide").matches(ARTICLE)).isTrue();
            assertThat(rule("link", "/promo/", "hide").matches(ARTICLE)).isTrue();
            assertThat(rule("feed", "^Deals$", "hide").matches(ARTICLE)).isTrue();
            assertThat(rule("feed", "deals\\.example", "hide").matches(ARTICLE)).isTrue();
            assertThat(rule("folder", "^Tech$", "hide").matches(ARTICLE)).isTrue();
            assertThat(rule("topic", "^Shopping$", "hide").matches(ARTICLE)).isTrue();
            assertThat(rule("topic", "^Sport$", "hide").matches(ARTICLE)).isFalse();
        }

        @Test
        void missingValuesNeverMatch() throws RuleException {
            ArticleFacts bare = ArticleFacts.of(1, null, null);
            for (String field : List.of("title", "author", "content", "link", "feed", "folder", "topic")) {
                assertThat(rule(field, ".*", "hide").matches(bare)).as(field).isFalse();
            }
        }
    }

    @Nested
    class Actions {
        @Test
        void eachActionIsWhatItSays() throws RuleException {
            assertThat(rule("title", "x", "hide").action().curation()).isEqualTo(new Curation(true, false, false, List.of()));
            assertThat(rule("title", "x", "read").action().curation()).isEqualTo(new Curation(false, true, false, List.of()));
            assertThat(rule("title", "x", "STAR").action().curation()).isEqualTo(new Curation(false, false, true, List.of()));
            assertThat(rule("title", "x", "topic: Ads ").action().curation())
                    .isEqualTo(new Curation(false, false, false, List.of("Ads")));
        }
    }

    @Nested
    class Limits {
        @Test
        void aFeedLimitTakesAUrlOrAnId() throws RuleException {
            assertThat(Rule.of("title", "Sponsored", "hide", "https://deals.example/rss/", null).matches(ARTICLE)).isTrue();
            assertThat(Rule.of("title", "Sponsored", "hide", "3", null).matches(ARTICLE)).isTrue();
            assertThat(Rule.of("title", "Sponsored", "hide", "https://other.example/rss", null).matches(ARTICLE)).isFalse();
            assertThat(Rule.of("title", "Sponsored", "hide", "99", null).matches(ARTICLE)).isFalse();
        }

        @Test
        void aFolderLimitTakesAFolderName() throws RuleException {
            assertThat(Rule.of("title", "Sponsored", "hide", null, "tech").matches(ARTICLE)).isTrue();
            assertThat(Rule.of("title", "Sponsored", "hide", null, "News").matches(ARTICLE)).isFalse();
        }
    }

    @Nested
    class BadRules {
        @Test
        void areRefusedWithTheReason() {
            assertThatThrownBy(() -> rule("titel", "x", "hide")).isInstanceOf(RuleException.class)
                    .hasMessage("unknown field \"titel\" (title, author, content, link, feed, folder or topic)");
            assertThatThrownBy(() -> rule("title", "(?i)[sponsored", "hide")).isInstanceOf(RuleException.class)
                    .hasMessageStartingWith("invalid pattern \"(?i)[sponsored\": Unclosed character class");
            assertThatThrownBy(() -> rule("title", "x", "delete")).isInstanceOf(RuleException.class)
                    .hasMessage("unknown action \"delete\" (hide, read, star or topic:NAME)");
            assertThatThrownBy(() -> rule("title", "x", "topic:")).isInstanceOf(RuleException.class)
                    .hasMessage("action \"topic:\" needs a topic name (topic:NAME)");
            assertThatThrownBy(() -> rule("title", "", "hide")).isInstanceOf(RuleException.class)
                    .hasMessageStartingWith("an empty pattern");
            assertThatThrownBy(() -> Rule.of("title", "x", "hide", "1", "News")).isInstanceOf(RuleException.class)
                    .hasMessage("give a feed or a folder limit, not both");
        }
    }

    @Nested
    class OrderAndConflicts {
        @Test
        void everyMatchingRuleAppliesAndTheirActionsAddUp() throws RuleException {
            RuleSet rules = new RuleSet(List.of(
                    rule("title", "Sponsored", "topic:Ads"),
                    rule("feed", "Deals", "star"),
                    rule("title", "Sponsored", "read"),
                    rule("title", "Sponsored", "hide"),
                    rule("content", "review", "topic:Reviews"),
                    rule("title", "nothing like this", "topic:Never")));

            assertThat(rules.apply(ARTICLE)).isEqualTo(new Curation(true, true, true, List.of("Ads", "Reviews")));
        }

        @Test
        void topicsFollowRuleOrderAndRepeatsCountOnce() throws RuleException {
            RuleSet rules = new RuleSet(List.of(rule("title", "phones", "topic:B"), rule("title", "best", "topic:A"),
                    rule("author", "Ada", "topic:B")));
            assertThat(rules.apply(ARTICLE).topics()).containsExactly("B", "A");
        }

        @Test
        void aRuleTooSlowOnAnArticleIsSkippedAndTheOthersStillApply() throws RuleException {
            ArticleFacts evil = ArticleFacts.of(1, "a".repeat(40) + "!", "x");
            RuleSet rules = new RuleSet(List.of(rule("title", "(a+)+$", "hide"), rule("title", "^a", "star")));
            long start = System.nanoTime();
            assertThat(rules.apply(evil)).isEqualTo(new Curation(false, false, true, List.of()));
            assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
        }
    }
}
