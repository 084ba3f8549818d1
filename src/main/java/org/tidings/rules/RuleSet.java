package org.tidings.rules;

import java.util.List;
import java.util.function.Function;
import org.tidings.model.ArticleFacts;
import org.tidings.model.Curation;

/**
 * The configured rules, in file order. Every rule that matches applies; their actions add up (see
 * docs/RULES.md, "Order and conflicts"): hide wins over read (a hidden article is read while
 * hidden), star and topics apply whether or not the article is hidden, and topics are added in
 * rule order. A rule that fails on an article (a pattern too slow on it) is skipped for that
 * article; no rule stops a sync.
 */
public record RuleSet(List<Rule> rules) implements Function<ArticleFacts, Curation> {
    public static final RuleSet NONE = new RuleSet(List.of());

    public RuleSet {
        rules = List.copyOf(rules);
    }

    @Override
    public Curation apply(ArticleFacts article) {
        Curation result = Curation.NONE;
        for (Rule rule : rules) {
            boolean matches;
            try {
                matches = rule.matches(article);
            } catch (RuntimeException e) {
                continue;
            }
            if (matches) {
                result = result.and(rule.action().curation());
            }
        }
        return result;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }
}
