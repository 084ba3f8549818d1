package org.tidings.cli;

import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tidings articles [--json] [filters] [--limit N]}: lists stored articles newest first, one
 * per line (JSON Lines with {@code --json}).
 */
@Command(
        name = "articles",
        mixinStandardHelpOptions = true,
        description = "List stored articles, newest first (one JSON object per line with --json).")
final class ArticlesCommand implements Callable<Integer> {
    @ParentCommand TidingsCommand parent;

    @Spec CommandSpec spec;

    @Mixin ArticleFilterOptions filters;

    @Mixin ArticleListing listing;

    @Option(names = "--hidden", description = "List the hidden articles only (restore with 'tidings rules restore ID').")
    boolean hidden;

    @Option(names = "--limit", paramLabel = "N", description = "At most N articles (default: all).")
    @Nullable Integer limit;

    @Option(names = "--after", paramLabel = "CURSOR", hidden = true, description = "Continue after this page cursor.")
    @Nullable String after;

    @Override
    public Integer call() {
        return listing.list(parent, spec, limit, after,
                store -> hidden ? filters.query(store).hiddenOnly() : filters.query(store),
                hidden ? "no hidden articles match" : "no articles match (new articles come with 'tidings sync')");
    }
}
