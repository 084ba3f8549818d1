package org.tidings.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.tidings.model.Article;
import org.tidings.rules.Rule;
import org.tidings.rules.RuleException;
import org.tidings.rules.RuleSet;
import org.tidings.store.CurationStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tidings rules [list|test|apply|hide|restore]}: the {@code [[rules]]} of config.toml
 * (docs/RULES.md). Without a subcommand it lists them.
 */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        description = "List the [[rules]] of the configuration (subcommands: test, apply, hide, restore).",
        subcommands = {RulesCommand.Test.class, RulesCommand.Apply.class, RulesCommand.Hide.class, RulesCommand.Restore.class})
final class RulesCommand implements Callable<Integer> {
    @ParentCommand TidingsCommand top;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Services services = Services.open(top)) {
            RuleSet rules = services.rules;
            if (rules.isEmpty()) {
                out.println("No rules in " + top.configPath() + " (see docs/RULES.md)");
            }
            int n = 1;
            for (Rule rule : rules.rules()) {
                out.printf("%3d  %s%n", n++, rule.describe());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code tidings rules test FIELD PATTERN}: the stored articles a rule would match. */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "List the stored articles whose FIELD matches PATTERN (before adding the rule).")
    static final class Test implements Callable<Integer> {
        @ParentCommand RulesCommand parent;
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FIELD", description = "title, author, content, link, feed, folder or topic.")
        String field;

        @Parameters(index = "1", paramLabel = "PATTERN", description = "A regular expression (Java syntax), e.g. '(?i)^sponsored'.")
        String pattern;

        @Option(names = "--limit", paramLabel = "N", description = "At most N articles (default: 100).")
        int limit = 100;

        @Option(names = "--json", description = "One JSON object per article per line.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Rule rule;
            try {
                rule = Rule.of(field, pattern, "read", null, null);
            } catch (RuleException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            if (limit < 1) {
                throw new ParameterException(spec.commandLine(), "--limit must be at least 1: " + limit);
            }
            Pattern compiled = rule.pattern();
            PrintWriter out = spec.commandLine().getOut();
            try (Services services = Services.open(parent.top)) {
                List<Long> ids = services.store.curation().matching(facts -> {
                    try {
                        return Rule.found(compiled, rule.field(), facts);
                    } catch (RuntimeException e) {
                        return false; // too slow on this article
                    }
                }, limit);
                for (long id : ids) {
                    services.store.articles().article(id).ifPresent((Article article) -> ArticleJson.print(out, article, json));
                }
                if (!json) {
                    out.println(ids.size() + (ids.size() == 1 ? " article matches" : " articles match")
                            + (ids.size() == limit ? " (limit reached; --limit N for more)" : ""));
                }
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    /** {@code tidings rules apply}: the configured rules on every stored article. */
    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Apply the configured rules to every stored article now.")
    static final class Apply implements Callable<Integer> {
        @ParentCommand RulesCommand parent;
        @Spec CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Services services = Services.open(parent.top)) {
                if (services.rules.isEmpty()) {
                    out.println("No rules in " + parent.top.configPath() + " (see docs/RULES.md)");
                    out.flush();
                    return ExitCodes.OK;
                }
                CurationStore.Applied applied = services.store.curation().applyAll(services.rules, services.clock.instant());
                out.printf("%d articles changed: %d hidden, %d marked read, %d starred, %d topics added%n",
                        applied.articles(), applied.hidden(), applied.read(), applied.starred(), applied.topics());
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    /** {@code tidings rules hide ID...}: hides articles by hand. */
    @Command(name = "hide", mixinStandardHelpOptions = true, description = "Hide articles (kept, out of lists and counts).")
    static final class Hide implements Callable<Integer> {
        @ParentCommand RulesCommand parent;
        @Spec CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "ID", description = "Article ids.")
        List<Long> ids;

        @Override
        public Integer call() throws Exception {
            try (Services services = Services.open(parent.top)) {
                int changed = services.store.curation().hide(ids, services.clock.instant());
                spec.commandLine().getOut().println("Hid " + changed + (changed == 1 ? " article" : " articles"));
                spec.commandLine().getOut().flush();
                return changed == ids.size() ? ExitCodes.OK : ExitCodes.PARTIAL;
            }
        }
    }

    /** {@code tidings rules restore ID...}: shows hidden articles again. */
    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Show hidden articles again (an article hidden unread comes back unread).")
    static final class Restore implements Callable<Integer> {
        @ParentCommand RulesCommand parent;
        @Spec CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "ID", description = "Article ids (see 'tidings articles --hidden').")
        List<Long> ids;

        @Override
        public Integer call() throws Exception {
            try (Services services = Services.open(parent.top)) {
                int changed = services.store.curation().show(ids);
                spec.commandLine().getOut().println("Restored " + changed + (changed == 1 ? " article" : " articles"));
                spec.commandLine().getOut().flush();
                return changed == ids.size() ? ExitCodes.OK : ExitCodes.PARTIAL;
            }
        }
    }
}
