package org.tidings.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Article;
import org.tidings.store.ArticlePage;
import org.tidings.store.ArticleQuery;
import org.tidings.store.ArticleStore;
import org.tidings.store.PageCursor;
import org.tidings.store.Store;
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

    @Option(names = "--json", description = "Print one JSON object per article per line.")
    boolean json;

    @Option(names = "--hidden", description = "List the hidden articles only (restore with 'tidings rules restore ID').")
    boolean hidden;

    @Option(names = "--limit", paramLabel = "N", description = "At most N articles (default: all).")
    @Nullable Integer limit;

    @Option(names = "--after", paramLabel = "CURSOR", hidden = true, description = "Continue after this page cursor.")
    @Nullable String after;

    @Override
    public Integer call() {
        if (limit != null && limit < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1: " + limit);
        }
        try (Store store = parent.openStore()) {
            return run(store);
        }
    }

    private int run(Store store) {
        ArticleQuery query = hidden ? filters.query(store).hiddenOnly() : filters.query(store);
        int printed = print(spec.commandLine().getOut(), store, query, limit, after == null ? null : PageCursor.parse(after), json);
        if (printed == 0 && !json) {
            spec.commandLine().getOut().println(hidden ? "no hidden articles match"
                    : "no articles match (new articles come with 'tidings sync')");
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }

    /** Prints every page (or up to {@code limit} articles) of a query; returns how many it printed. */
    static int print(PrintWriter out, Store store, ArticleQuery query, @Nullable Integer limit,
            @Nullable PageCursor after, boolean json) {
        int left = limit == null ? Integer.MAX_VALUE : limit;
        int printed = 0;
        PageCursor cursor = after;
        while (left > 0) {
            ArticlePage<Article> page = store.articles().page(query, cursor, Math.min(left, ArticleStore.MAX_PAGE));
            page.articles().forEach(article -> ArticleJson.print(out, article, json));
            left -= page.articles().size();
            printed += page.articles().size();
            if (page.next().isEmpty()) {
                break;
            }
            cursor = page.next().get();
        }
        out.flush();
        return printed;
    }
}
