package org.tidings.cli;

import java.io.PrintWriter;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Article;
import org.tidings.store.ArticlePage;
import org.tidings.store.ArticleQuery;
import org.tidings.store.ArticleStore;
import org.tidings.store.PageCursor;
import org.tidings.store.Store;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The output of the commands that list articles ({@code articles}, {@code search}): the {@code
 * --json} option, the {@code --limit} check, and the loop over the pages of a query, one article
 * per line, with a message when nothing matched.
 */
final class ArticleListing {
    @Option(names = "--json", description = "Print one JSON object per article per line.")
    boolean json;

    /** Refuses a {@code --limit} below 1 as a usage error. */
    private static void checkLimit(CommandSpec spec, @Nullable Integer limit) {
        if (limit != null && limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1: " + limit);
        }
    }

    /**
     * Runs a listing command: refuses a bad {@code --limit}, opens the store, prints the articles
     * {@code query} selects (after the page cursor {@code after}, if given) or {@code none}.
     */
    int list(TidingsCommand parent, CommandSpec spec, @Nullable Integer limit, @Nullable String after,
            Function<Store, ArticleQuery> query, String none) {
        checkLimit(spec, limit);
        try (Store store = Services.openStore(parent)) {
            print(spec, store, query.apply(store), limit, after == null ? null : PageCursor.parse(after), none);
            return ExitCodes.OK;
        }
    }

    /**
     * Prints the articles of {@code query} (all, or up to {@code limit}) to the command's output;
     * when there are none, prints {@code none} (not with {@code --json}, whose output stays JSON
     * Lines).
     */
    private int print(CommandSpec spec, Store store, ArticleQuery query, @Nullable Integer limit,
            @Nullable PageCursor after, String none) {
        PrintWriter out = spec.commandLine().getOut();
        int printed = print(out, store, query, limit, after, json);
        if (printed == 0 && !json) {
            out.println(none);
            out.flush();
        }
        return printed;
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
