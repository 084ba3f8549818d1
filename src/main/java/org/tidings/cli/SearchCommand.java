package org.tidings.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tidings search [--json] [filters] [--limit N] QUERY...}: full-text search, with the
 * article filters of {@code articles} ({@link ArticleFilterOptions}).
 */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = "Search titles, authors and texts; every word must occur, word* matches a prefix.")
final class SearchCommand implements Callable<Integer> {
    @ParentCommand TidingsCommand parent;

    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "Words to search for.")
    List<String> words;

    @Mixin ArticleListing listing;

    @Mixin ArticleFilterOptions filters;

    @Option(names = "--limit", paramLabel = "N", description = "At most N articles (default: 100).")
    @Nullable Integer limit;

    @Override
    public Integer call() {
        return listing.list(parent, spec, limit == null ? 100 : limit, null,
                store -> filters.query(store).matching(String.join(" ", words)),
                "no articles match \"" + String.join(" ", words) + "\"");
    }
}
